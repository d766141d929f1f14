import type { AuditEntry } from '@/db/schema';
import { auditActionWord } from '@/lib/audit-action';
import { diffSnapshots } from '@/lib/audit-diff';

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);

/** One audit entry: who did what and when, and each field's value before and after. */
export function AuditEntryView({ entry, names, title, children }: {
  entry: AuditEntry;
  names?: Partial<Record<string, Map<number, string>>>;
  title?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const changes = diffSnapshots(asRecord(entry.before), asRecord(entry.after), names);
  const revision = asRecord(entry.after)?.revision;
  return (
    <article className="history-entry" data-audit-id={entry.id}>
      <h3>
        {title}
        {title ? ' ' : null}
        {auditActionWord(entry)} by {entry.actor}{' '}
        <time dateTime={entry.at}>{entry.at.replace('T', ' ').slice(0, 19)} UTC</time>
        {typeof revision === 'number' ? <span className="muted"> · revision {revision}</span> : null}
      </h3>
      {changes.length ? (
        <table className="diff">
          <caption className="visually-hidden">Changes in entry {entry.id}</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.label}</th>
                <td>{entry.before ? <del>{c.before}</del> : <span className="muted">—</span>}</td>
                <td><ins>{c.after}</ins></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No field changed.</p>
      )}
      {children}
    </article>
  );
}
