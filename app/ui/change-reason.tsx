import type { AuditEntry } from '@/db/schema';

/** Why the editor made a change, in their words, when they said (the admin and public histories). */
export function ChangeReason({ entry }: { entry: Pick<AuditEntry, 'reason'> }) {
  return entry.reason ? <p className="change-reason"><span className="muted">Reason given:</span> {entry.reason}</p> : null;
}
