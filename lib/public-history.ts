/**
 * How a figure's public page words its history on this site. The audit trail names who made each
 * change (an editor's e-mail, an import's file name); the public page says only what kind of
 * change it was, never who: editors' addresses and uploaded file names are not for publication.
 */
import type { AuditEntry } from '@/db/schema';
import { auditActionWord } from './audit-action';
import { diffSnapshots, snapshotOf } from './audit-diff';

type Entry = Pick<AuditEntry, 'action' | 'entityType' | 'actor'>;

/** Who made a change, as the public may read it: "by an editor", "by an import", "with the site's dataset". */
export function publicActor(actor: string): string {
  if (actor === 'seed' || actor.startsWith('seed:')) return "with the site's dataset";
  if (actor.startsWith('import:')) return 'by an import of a file';
  return 'by an editor';
}

const VERBS: Record<string, string> = { created: 'Entered', edited: 'Changed', retracted: 'Retracted', restored: 'Restored', removed: 'Removed' };

/** An entry's heading on the public page: "Changed by an editor", "Entered with the site's dataset". */
export function publicEntryTitle(entry: Entry): string {
  return `${VERBS[auditActionWord(entry)] ?? 'Changed'} ${publicActor(entry.actor)}`;
}

/** Whether two states of a figure differ in anything but bookkeeping, revision included. */
function differ(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return a.revision !== b.revision || diffSnapshots(a, b).length > 0;
}

/**
 * Where a figure's history misses a change: one made outside the site's forms and imports (the
 * sqlite3 shell writes no audit entry). `sinceLatest`: the figure now differs from what its newest
 * entry left (or it has no entry at all). `between`: the ids of entries whose state the next entry
 * did not start from, so something changed in between. `history` is newest first.
 */
export function unrecordedChanges(figure: Record<string, unknown>, history: Array<Pick<AuditEntry, 'id' | 'before' | 'after'>>): { sinceLatest: boolean; between: Set<number> } {
  const newest = snapshotOf(history[0]?.after);
  // The figure as the snapshot records it: only the snapshot's own fields are compared.
  const now = newest ? Object.fromEntries(Object.keys(newest).map((k) => [k, figure[k]])) : null;
  const between = new Set<number>();
  for (let i = 0; i + 1 < history.length; i++) {
    const left = snapshotOf(history[i + 1]!.after);
    const found = snapshotOf(history[i]!.before);
    if (left && found && differ(left, found)) between.add(history[i + 1]!.id);
  }
  return { sinceLatest: !newest || !now || differ(newest, now), between };
}
