/**
 * How a figure's public page words its history on this site. The audit trail names who made each
 * change (an editor's e-mail, an import's file name); the public page says only what kind of
 * change it was, never who: editors' addresses and uploaded file names are not for publication.
 */
import type { AuditEntry } from '@/db/schema';
import { auditActionWord } from './audit-action';
import { diffSnapshots, snapshotOf } from './audit-diff';
import type { Wordable } from './wording';

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
 * entry left (or it has no entry at all). `between`: the ids of entries that did not start from
 * the state the entry before them left, so something changed just before them. `history` is
 * newest first.
 */
export function unrecordedChanges(figure: Record<string, unknown>, history: Array<Pick<AuditEntry, 'id' | 'before' | 'after'>>): { sinceLatest: boolean; between: Set<number> } {
  const newest = snapshotOf(history[0]?.after);
  // The figure as the snapshot records it: only the snapshot's own fields are compared.
  const now = newest ? Object.fromEntries(Object.keys(newest).map((k) => [k, figure[k]])) : null;
  const between = new Set<number>();
  for (let i = 0; i + 1 < history.length; i++) {
    const left = snapshotOf(history[i + 1]!.after);
    const found = snapshotOf(history[i]!.before);
    if (left && found && differ(left, found)) between.add(history[i]!.id);
  }
  return { sinceLatest: !newest || !now || differ(newest, now), between };
}

/**
 * Whether the figure's latest change left no audit entry, so its page can say only that it
 * changed: it differs from what its newest entry left, or it has no entry at all and is past its
 * first revision (one written to the database directly at revision 1 was entered, not changed).
 */
export function changedOutsideLatest(figure: Record<string, unknown> & { revision: number }, history: Array<Pick<AuditEntry, 'id' | 'before' | 'after'>>): boolean {
  return unrecordedChanges(figure, history).sinceLatest && (history.length > 0 || figure.revision > 1);
}

// A retraction or restoration changes these; a correction changes anything else.
const STANDING_FIELDS = new Set(['status', 'retractionReason']);
const NUMBER_FIELDS = new Set(['qualifier', 'valueLow', 'valueBest', 'valueHigh', 'unit']);

/** A figure's number as an audit snapshot holds it, ready for wording; a field it lacks is no value. */
export function wordableOf(snapshot: Record<string, unknown>): Wordable {
  const n = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    qualifier: (typeof snapshot.qualifier === 'string' ? snapshot.qualifier : 'exact') as Wordable['qualifier'],
    valueLow: n(snapshot.valueLow),
    valueBest: n(snapshot.valueBest),
    valueHigh: n(snapshot.valueHigh),
    unit: typeof snapshot.unit === 'string' ? snapshot.unit : '',
  };
}

/** The latest correction of a figure's content in its history, and the latest change of its number. */
export type Corrections = {
  /** The newest entry that changed what the figure says (not only whether it stands): when, the revision it made, and the editor's reason. */
  latest: { at: string; revision: number | null; reason: string | null } | null;
  /** The newest entry that changed its number: the figure as it was before, and when that changed. */
  number: { was: Wordable; at: string } | null;
};

/**
 * What the figure's page says at its top about changes made here after it was published. A
 * retraction or a restoration is not a correction (the page says so on its own), and "was" is
 * the number before the latest change of the number, even when a later edit changed only a note.
 */
export function correctionsOf(history: Array<Pick<AuditEntry, 'at' | 'before' | 'after' | 'reason'>>): Corrections {
  let latest: Corrections['latest'] = null;
  let number: Corrections['number'] = null;
  for (const entry of history) {
    const before = snapshotOf(entry.before);
    const after = snapshotOf(entry.after);
    if (!before || !after) continue;
    const fields = diffSnapshots(before, after).map((c) => c.field).filter((f) => !STANDING_FIELDS.has(f));
    if (!fields.length) continue;
    latest ??= { at: entry.at, revision: typeof after.revision === 'number' ? after.revision : null, reason: entry.reason ?? null };
    if (!number && fields.some((f) => NUMBER_FIELDS.has(f))) number = { was: wordableOf(before), at: entry.at };
    if (number) break;
  }
  return { latest, number };
}
