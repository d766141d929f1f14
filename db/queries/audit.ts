import { auditEntries, type AUDIT_ACTIONS, type AUDIT_ENTITIES } from '../schema';
import type { Executor } from '../index';

/** Who made a change: a signed-in editor, or a named process such as "seed" or "import: file.csv". */
export type Actor = { userId: number | null; label: string };



/**
 * Records one change. Callers run it inside the same transaction as the change itself, so a
 * change never exists without its entry, nor an entry without its change.
 */
export function logAudit(
  tx: Executor,
  entry: {
    actor: Actor;
    action: (typeof AUDIT_ACTIONS)[number];
    entityType: (typeof AUDIT_ENTITIES)[number];
    entityId: number;
    before: unknown;
    after: unknown;
    /** Why, in the editor's words, when they gave a reason. */
    reason?: string | null;
    /** The unusual-number warning the editor confirmed before this save, in its words. */
    confirmedWarning?: string | null;
  },
): void {
  tx.insert(auditEntries)
    .values({
      userId: entry.actor.userId,
      actor: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason || null,
      confirmedWarning: entry.confirmedWarning || null,
    })
    .run();
}
