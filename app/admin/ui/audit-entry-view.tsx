import type { AuditEntry } from '@/db/schema';
import { auditActionWord } from '@/lib/audit-action';
import { ChangeReason, ConfirmedWarning } from '@/app/ui/change-reason';
import { FieldChanges } from '@/app/ui/field-changes';
import { diffSnapshots, snapshotOf } from '@/lib/audit-diff';

/** One audit entry: who did what and when, and each field's value before and after. */
export function AuditEntryView({ entry, names, title, children }: {
  entry: AuditEntry;
  names?: Partial<Record<string, Map<number, string>>>;
  title?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const changes = diffSnapshots(snapshotOf(entry.before), snapshotOf(entry.after), names);
  const revision = snapshotOf(entry.after)?.revision;
  return (
    <article className="history-entry" data-audit-id={entry.id}>
      <h3>
        {title}
        {title ? ' ' : null}
        {auditActionWord(entry)} by {entry.actor}{' '}
        <time dateTime={entry.at}>{entry.at.replace('T', ' ').slice(0, 19)} UTC</time>
        {typeof revision === 'number' ? <span className="muted"> · revision {revision}</span> : null}
      </h3>
      <ChangeReason entry={entry} />
      <ConfirmedWarning entry={entry} />
      {changes.length ? (
        <FieldChanges changes={changes} caption={`Changes in entry ${entry.id}`} created={!entry.before} />
      ) : (
        <p className="muted">No field changed.</p>
      )}
      {children}
    </article>
  );
}
