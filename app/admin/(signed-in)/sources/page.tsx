import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/index';
import { listSourcesWithUse } from '@/db/queries/catalog-admin';
import { requireAdmin } from '@/lib/auth/session';
import { formatDate } from '@/lib/wording';
import { answeringAForm } from '@/app/admin/ui/answering-form';
import { Flash } from '@/app/admin/ui/flash';

export const metadata: Metadata = { title: 'Sources' };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const sources = listSourcesWithUse(getDb());
  return (
    <>
      <h1>Sources</h1>
      {(await searchParams).removed && !(await answeringAForm()) ? <Flash>Source removed; it and the reason are kept in the history.</Flash> : null}
      <p className="lede">A source that figures cite cannot be removed (the database refuses it too): correct it by editing it. One that nothing cites can be removed, with a reason; the whole source stays in the history.</p>
      <p><Link className="button" href="/admin/sources/new">Add a source</Link></p>
      <div className="table-wrap">
        <table>
          <caption>Sources, most recently published first</caption>
          <thead><tr><th scope="col">Reported by</th><th scope="col">Publication</th><th scope="col">Published on</th><th scope="col" className="num">Figures citing it</th></tr></thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <td><Link href={`/admin/sources/${s.id}`}>{s.reportingBody}</Link></td>
                <td>{[s.publisher, s.title].filter(Boolean).join(': ') || <span className="muted">—</span>}</td>
                <td><time dateTime={s.publishedOn}>{formatDate(s.publishedOn)}</time></td>
                <td className="num">{s.figureCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
