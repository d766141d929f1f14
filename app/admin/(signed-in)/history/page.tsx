import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { listAuditEntries } from '@/db/queries/audit-read';
import { figureFieldNames } from '@/db/queries/figure-admin';
import { AUDIT_ENTITIES, type AuditEntry } from '@/db/schema';
import { isRemoval } from '@/lib/audit-action';
import { requireAdmin } from '@/lib/auth/session';
import { AuditEntryView } from '../../ui/audit-entry-view';

export const metadata: Metadata = { title: 'History' };

const PAGE_SIZE = 30;
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const filtersSchema = z.object({
  type: z.preprocess(first, z.enum(AUDIT_ENTITIES).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).default(1)).catch(1),
});

const HREF: Partial<Record<AuditEntry['entityType'], string>> = { figure: '/admin/figures/', source: '/admin/sources/', event: '/admin/events/' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HistoryPage({ searchParams }: Props) {
  await requireAdmin();
  const db = getDb();
  const f = filtersSchema.parse(await searchParams);
  const { rows, total } = listAuditEntries(db, { entityType: f.type, page: f.page, pageSize: PAGE_SIZE });
  const names = figureFieldNames(db);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (page: number) => `/admin/history?${new URLSearchParams({ ...(f.type ? { type: f.type } : {}), page: String(page) })}`;
  return (
    <>
      <h1>History</h1>
      <p className="lede">Every change to figures, sources, events and metrics: who made it, when, and each field before and after.</p>
      <nav className="filters" aria-label="Kind of record">
        <Link href="/admin/history" aria-current={!f.type ? 'page' : undefined}>Everything</Link>
        {AUDIT_ENTITIES.map((t) => (
          <Link key={t} href={`/admin/history?type=${t}`} aria-current={f.type === t ? 'page' : undefined}>{t}s</Link>
        ))}
      </nav>
      <p role="status">{total.toLocaleString('en-US')} change{total === 1 ? '' : 's'}{pages > 1 ? `, page ${f.page} of ${pages}` : ''}</p>
      {/* The entries are headed h3, as under a figure's "History": a heading of their own here keeps the outline whole. */}
      <section aria-labelledby="changes-title">
        <h2 id="changes-title" className="visually-hidden">Changes, newest first</h2>
        {rows.map((entry) => {
          // A removed record has no page any more: its last state is in the entry itself.
          const base = isRemoval(entry) ? undefined : HREF[entry.entityType];
          const label = `${entry.entityType[0]?.toUpperCase()}${entry.entityType.slice(1)} #${entry.entityId}`;
          return (
            <AuditEntryView key={entry.id} entry={entry} names={names} title={base ? <Link href={`${base}${entry.entityId}`}>{label}</Link> : label} />
          );
        })}
      </section>
      <nav className="pager" aria-label="Pages">
        {f.page > 1 ? <Link href={href(f.page - 1)} rel="prev">Newer changes</Link> : null}
        {f.page < pages ? <Link href={href(f.page + 1)} rel="next">Older changes</Link> : null}
      </nav>
    </>
  );
}
