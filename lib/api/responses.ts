import { currentEventSlug } from '@/db/queries/event-moves';
import type { Db } from '@/db/index';
import { catalogHas } from '@/db/queries/figure-export';
import { countsNamed, knownNames } from './counted-names';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from '@/lib/database-busy';
import { formatParameterError, type ParameterError } from '@/lib/validation/figure-filters';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * A JSON error: `{ error, errors: [{ parameter, message }] }`, where `error` is every problem in
 * one readable sentence, so that curl users and programs both get what they need.
 */
export function errorResponse(status: number, errors: ParameterError[]): Response {
  return Response.json({ error: errors.map(formatParameterError).join(' '), errors }, { status, headers: NO_STORE });
}

/**
 * Runs a route handler's database work; SQLite giving up on a lock another connection holds
 * becomes 503 with Retry-After and the usual JSON error, so a client knows to come back, rather
 * than an unexplained 500.
 */
export function unlessDatabaseBusy(handle: () => Response): Response {
  try {
    return handle();
  } catch (err) {
    if (!isDatabaseBusy(err)) throw err;
    return Response.json(
      { error: DATABASE_BUSY_MESSAGE, errors: [{ parameter: 'database', message: DATABASE_BUSY_MESSAGE }] },
      { status: 503, headers: { ...NO_STORE, 'Retry-After': '1' } },
    );
  }
}

/** 404 problems for an event, metric, group or place the filters name but the database does not hold. */
export function unknownCatalogErrors(db: Db, filters: { event?: string; metric?: string[]; group?: string; location?: string }): ParameterError[] {
  const has = { ...catalogHas(db, filters), ...countsNamed(db, filters) };
  const errors: ParameterError[] = [];
  if (!has.event) {
    // A slug an editor has since changed is not followed (a download must say which event it is),
    // but named, so a script written against the old one can be corrected.
    const now = filters.event === undefined ? null : currentEventSlug(db, filters.event);
    errors.push({ parameter: 'event', message: `there is no event with the slug "${filters.event}"${now ? `; the event's slug is now "${now}"` : ''}.` });
  }
  for (const key of has.missingMetrics) errors.push({ parameter: 'metric', message: `there is no metric with the key "${key}"; known metrics: ${has.knownMetrics.join(', ')}.` });
  // A misspelt group or place would otherwise answer an empty list, as if nothing were reported
  // there. The answer names those there are (of the event asked for, if any), as for metrics.
  const known = (column: 'group_name' | 'location', what: string) => {
    const { values, more } = knownNames(db, column, has.event ? filters.event : undefined);
    const whose = has.event && filters.event ? ` of "${filters.event}"` : '';
    return values.length ? `; the ${what}${whose}: ${values.map((v) => JSON.stringify(v)).join(', ')}${more ? ', and more (see the event\'s page)' : ''}` : '';
  };
  if (!has.group) errors.push({ parameter: 'group', message: `no figure counts the group "${filters.group}" (in any letter case); the whole count is the group "all"${known('group_name', 'groups')}.` });
  if (!has.location) errors.push({ parameter: 'location', message: `no figure is for the place "${filters.location}" (in any letter case)${known('location', 'places')}.` });
  return errors;
}
