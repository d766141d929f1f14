import { UNUSUAL_FACTOR, type NeighbourReport, type ReportedAmount, type SavedReport } from '@/lib/plausibility';
import type { Db } from '../index';

/** A neighbouring report; `line` when it is a row of the file being imported. */
export type ImportNeighbour = NeighbourReport & { line: number | null };

/**
 * A row of the file whose number may be unusual, with its series' reports on either side; `saved`,
 * the figure as it was before the import, when the row changed the only report of its series.
 */
export type UnusualImportRow = { line: number; entered: ReportedAmount; before: ImportNeighbour | null; after: ImportNeighbour | null; saved?: SavedReport };

const IDENTITY = 'event_id, metric_id, group_name, location, source_id, reported_on';
const SERIES = 'event_id, metric_id, group_name, location';
// The number a report stands for (lib/plausibility.ts, amountOf): its best, else its range's middle.
const AMOUNT = 'coalesce(f.value_best, round((f.value_low + f.value_high) / 2.0))';
/** SQL: whether two amounts are UNUSUAL_FACTOR times apart, zero counted as one (factorBetween); false when `b` is NULL. */
export const apart = (a: string, b: string) => `(${b} IS NOT NULL AND max(max(${a}, ${b}), 1) >= ${UNUSUAL_FACTOR} * max(min(${a}, ${b}), 1))`;

/**
 * The rows of the import's stage (temp.import_stage, before it is dropped) whose figure, as now
 * written, is a published number at least ten times larger or smaller than the published report
 * just before or just after it in its series (by date, then entry: the order of the form's check,
 * db/queries/series-neighbours.ts), with those two reports. Set-based, over the series the file
 * names whose span of numbers (the lowest low to the highest high, in their summaries: call it
 * after refreshStaleSeries, in the same transaction) is itself that wide; no two reports of a
 * narrower series are, so the many series of a routine file are never read report by report.
 * lib/plausibility.ts then words the rows with the form's rule, which decides.
 */
export function unusualImportRows(db: Db): UnusualImportRow[] {
  const c = db.$client;
  const flagged = c.prepare(`
    WITH wide AS MATERIALIZED (
      SELECT ${SERIES.split(', ').map((col) => `ss.${col}`).join(', ')}
      FROM (SELECT DISTINCT ${SERIES} FROM temp.import_stage) t CROSS JOIN series_summaries ss USING (${SERIES})
      WHERE ${apart('ss.low', 'ss.high')}
    ),
    reports AS (
      SELECT f.id, ${SERIES.split(', ').map((col) => `f.${col}`).join(', ')}, f.source_id, f.reported_on, ${AMOUNT} AS amount
      FROM wide CROSS JOIN figures f USING (${SERIES})
      WHERE f.status = 'published' AND f.qualifier <> 'unknown'
    ),
    ordered AS (
      SELECT *, lag(id) OVER w AS before_id, lag(amount) OVER w AS before_amount, lead(id) OVER w AS after_id, lead(amount) OVER w AS after_amount
      FROM reports WINDOW w AS (PARTITION BY ${SERIES} ORDER BY reported_on, id)
    ),
    flagged AS (SELECT * FROM ordered o WHERE ${apart('o.amount', 'o.before_amount')} OR ${apart('o.amount', 'o.after_amount')})
    SELECT s.line, o.before_id, o.after_id, f.qualifier, f.value_low, f.value_best, f.value_high, f.unit
    FROM flagged o JOIN temp.import_stage s USING (${IDENTITY}) JOIN figures f ON f.id = o.id
    ORDER BY s.line`).all() as Array<{
    line: number; before_id: number | null; after_id: number | null; qualifier: ReportedAmount['qualifier'];
    value_low: number | null; value_best: number | null; value_high: number | null; unit: string;
  }>;
  if (!flagged.length) return [];
  const ids = [...new Set(flagged.flatMap((r) => [r.before_id, r.after_id]).filter((id): id is number => id !== null))];
  const neighbours = new Map(
    (c.prepare(`
      SELECT f.id, f.qualifier, f.value_low AS valueLow, f.value_best AS valueBest, f.value_high AS valueHigh, f.unit, f.reported_on AS reportedOn,
        src.reporting_body AS reportingBody, src.publisher, s.line
      FROM figures f JOIN sources src ON src.id = f.source_id LEFT JOIN temp.import_stage s USING (${IDENTITY})
      WHERE f.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ImportNeighbour[]).map((n) => [n.id, n]),
  );
  return flagged.map((r) => ({
    line: r.line,
    entered: { qualifier: r.qualifier, valueLow: r.value_low, valueBest: r.value_best, valueHigh: r.value_high, unit: r.unit },
    before: r.before_id === null ? null : (neighbours.get(r.before_id) ?? null),
    after: r.after_id === null ? null : (neighbours.get(r.after_id) ?? null),
  }));
}

/**
 * Of these figures, the ones that are now the only published report with a number in their series:
 * by their series' summaries (call it after refreshStaleSeries, in the same transaction).
 */
export function aloneInSeries(db: Db, ids: number[]): Set<number> {
  if (!ids.length) return new Set();
  return new Set(
    db.$client.prepare(`
      SELECT f.id FROM figures f JOIN series_summaries ss USING (${SERIES})
      WHERE f.id IN (SELECT value FROM json_each(?)) AND f.status = 'published' AND f.qualifier <> 'unknown' AND ss.numeric_reports = 1`)
      .pluck().all(JSON.stringify(ids)) as number[],
  );
}
