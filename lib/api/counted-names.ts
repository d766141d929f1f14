import type { Db } from '@/db/index';
import { readTransaction } from '@/db/index';
import { readDataVersion } from '@/db/queries/data-version';
import { countedNames } from '@/db/queries/figure-export';
import { foldCase } from '@/db/text-match';

type Names = { version: number; groups: Set<string>; places: Set<string> };

/** The names last read, per database connection (tests open one after another). */
const kept = new WeakMap<Db, Names>();

/**
 * Whether some figure counts this group and this place, each in any letter case (true for one not
 * given). Checked against the names the figures count (countedNames), kept in memory: a name
 * found there is taken as known, though they were read at an earlier data version (at worst, one
 * no figure counts any longer since gets an empty answer, not a 404); one not found is looked for
 * again in the names read afresh, at most once per data version. So a request naming a group or
 * place never scans the figures, and requests naming unknown ones cost a read per change at most.
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
      const { groups, places } = countedNames(db);
      const names = { version, groups: new Set(groups.map(foldCase)), places: new Set(places.map(foldCase)) };
      kept.set(db, names);
      return names;
    }),
  );
}
