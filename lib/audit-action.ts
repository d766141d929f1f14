import type { AuditEntry } from '@/db/schema';

type Entry = Pick<AuditEntry, 'action' | 'entityType'>;

const WORDS: Record<AuditEntry['action'], string> = { create: 'created', update: 'edited', retract: 'retracted', restore: 'restored', remove: 'removed' };

/**
 * Whether an entry records a record deleted for good (its last state is the entry's `before`).
 * Until migration 0005 a source's removal was written as `retract` (a source is never retracted
 * otherwise); such entries are kept exactly as written and read as removals here.
 */
export function isRemoval(entry: Entry): boolean {
  return entry.action === 'remove' || (entry.action === 'retract' && entry.entityType === 'source');
}

/** What the history says happened: "created", "edited", "retracted", "restored", "removed". */
export function auditActionWord(entry: Entry): string {
  return isRemoval(entry) ? WORDS.remove : WORDS[entry.action];
}
