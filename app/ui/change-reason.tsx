import type { AuditEntry } from '@/db/schema';

/** Why the editor made a change, in their words, when they said (the admin and public histories). */
export function ChangeReason({ entry }: { entry: Pick<AuditEntry, 'reason'> }) {
  return entry.reason ? <p className="change-reason"><span className="muted">Reason given:</span> {entry.reason}</p> : null;
}

/**
 * The warning about an unusual number an editor read and confirmed before the save (lib/plausibility.ts),
 * in its own words, with no editor named (the admin and public histories).
 */
export function ConfirmedWarning({ entry }: { entry: Pick<AuditEntry, 'confirmedWarning'> }) {
  return entry.confirmedWarning ? (
    <p className="confirmed-warning">
      <span className="muted">Saved after a check of the number:</span> {entry.confirmedWarning} An editor confirmed it was right.
    </p>
  ) : null;
}
