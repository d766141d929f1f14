import type { AuditEntry } from '@/db/schema';
import { confirmedWarningWords } from '@/lib/plausibility';

/** Why the editor made a change, in their words, when they said (the admin and public histories). */
export function ChangeReason({ entry }: { entry: Pick<AuditEntry, 'reason'> }) {
  return entry.reason ? <p className="change-reason"><span className="muted">Reason given:</span> {entry.reason}</p> : null;
}

/**
 * The warning about an unusual number an editor read and confirmed before the save (lib/plausibility.ts),
 * in its own words, with no editor named (the admin and public histories).
 */
export function ConfirmedWarning({ entry }: { entry: Pick<AuditEntry, 'confirmedWarning'> }) {
  if (!entry.confirmedWarning) return null;
  const { lead, rest } = confirmedWarningWords(entry.confirmedWarning);
  return (
    <p className="confirmed-warning">
      <span className="muted">{lead}</span> {rest}
    </p>
  );
}
