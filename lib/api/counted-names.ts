import type { Db } from '@/db/index';
import { readTransaction } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';
import { knownValues } from '@/db/queries/figure-export';
import { listCountedNames } from '@/db/queries/series-summaries';
import { cachePerDatabase } from '@/lib/versioned-cache';
import { foldCase } from '@/db/text-match';

type Names = { version: number; groups: Set<string>; places: Set<string> };

/** The names last read, per database connection (tests open one after another). */
const kept = new WeakMap<Db, Names>();

/**
 * Whether some figure counts this group and this place, each in any letter case (true for one not
 * given). Checked against the names the figures count (listCountedNames), kept in memory: a name
 * found there is taken as known, though they were read at an earlier data version (at worst, one
 * no figure counts any longer since gets an empty answer, not a 404); one not found is looked for
 * again in the names read afresh, at most once per data version. So a request naming a group or
 * place never scans the figures, and requests naming unknown ones cost a read per change at most
 * (their answer's list of names too: knownNames).
 */
export function countsNamed(db: Db, what: { group?: string; location?: string }): { group: boolean; location: boolean } {
  if (!what.group && !what.location) return { group: true, location: true };
  const check = (names: Names) => ({
    group: !what.group || names.groups.has(foldCase(what.group)),
    location: !what.location || names.places.has(foldCase(what.location)),
  });
  const known = kept.get(db);
  const found = known && check(known);
  if (found && found.group && found.location) return found;
  return check(
    readTransaction(db, () => {
      const { version } = readDataVersion(db);
      if (known && known.version === version) return known;
      const { groups, places } = listCountedNames(db);
      const names = { version, groups: new Set(groups.map(foldCase)), places: new Set(places.map(foldCase)) };
      kept.set(db, names);
      return names;
    }),
  );
}

const knownCacheOf = cachePerDatabase<{ values: string[]; more: boolean }>(50);

/**
 * The groups or places a 404 names (knownValues: the first twenty, of one event when given),
 * read once per data version: a stream of requests naming unknown ones reads nothing after the
 * first. The event is one that exists (checked before), so the keys are bounded.
 */
export function knownNames(db: Db, column: 'group_name' | 'location', eventSlug?: string): { values: string[]; more: boolean } {
  return readTransaction(db, () => {
    const { version } = readDataVersion(db);
    return knownCacheOf(db).get(`${column}\u0000${eventSlug ?? ''}`, version, () => knownValues(db, column, eventSlug));
  });
}
