import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { apart } from '@/db/queries/import-unusual';
import { seriesNeighbours } from '@/db/queries/series-neighbours';
import { amountOf, factorBetween, UNUSUAL_FACTOR } from '@/lib/plausibility';
import { importCsvText } from '@/lib/import/run';
import { formatImportWarning } from '@/lib/import/warnings';
import { createSeededTestDb, dumpTables } from '../helpers/db';

const HEADER = 'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url,quote,note,status,retraction_reason';
const actor = { userId: null, label: 'import: test.csv' };
const row = (location: string, qualifier: string, low: string, best: string, high: string, date: string, status = 'published', reason = '') =>
  `kazakhstan-2022-unrest,deaths,all,${location},${qualifier},${low},${best},${high},people,${date},Ministry,Wire,,,,,${status},${reason}`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const warnings = (text: string, dryRun = false) => importCsvText(db, text, actor, { dryRun }).warnings.map(formatImportWarning);

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createSeededTestDb()));
afterEach(() => cleanup());

const interfax230 = () => db.$client.prepare("SELECT id FROM figures WHERE location = 'Kazakhstan' AND group_name = 'all' AND value_best = 230").pluck().get() as number;

describe('an import names the rows whose number is unusual, and still imports them', () => {
  it('against the database: a toll ten times the last report before it', () => {
    const summary = importCsvText(db, csv(row('Kazakhstan', 'exact', '', '2300', '', '2022-03-20')), actor);
    expect(summary).toMatchObject({ created: 1, errors: [] });
    expect(summary.warnings.map(formatImportWarning)).toEqual([
      `line 2: 2,300 is 10 times the last report before it in this series: 230, reported 14 March 2022 by Prosecutor General Berik Asylov (Mazhilis plenary), published by Interfax (figure #${interfax230()}).`,
    ]);
  });

  it('against the file itself, in date order whatever the file’s order, naming the other row by its line', () => {
    const text = csv(row('Newtown', 'exact', '', '1000', '', '2022-01-12'), row('Newtown', 'exact', '', '10', '', '2022-01-10'), row('Newtown', 'about', '', '12', '', '2022-01-11'));
    // 10 (10 Jan, line 3), about 12 (11 Jan, line 4), 1,000 (12 Jan, line 2): the jump is line 2's.
    expect(warnings(text)).toEqual(['line 2: 1,000 is 83.3 times the last report before it in this series: about 12, reported 11 January 2022 by Ministry, published by Wire (line 4 of this file).']);
  });

  it('a dry run names the same rows, and writes nothing', () => {
    const before = dumpTables(db);
    const text = csv(row('Kazakhstan', 'exact', '', '2300', '', '2022-03-20'), row('Dryville', 'exact', '', '5', '', '2022-01-10'), row('Dryville', 'exact', '', '50', '', '2022-01-11'));
    expect(warnings(text, true)).toEqual([
      expect.stringMatching(/^line 2: 2,300 is 10 times .* \(figure #\d+\)\.$/),
      'line 4: 50 is 10 times the last report before it in this series: 5, reported 10 January 2022 by Ministry, published by Wire (line 3 of this file).',
    ]);
    expect(dumpTables(db)).toEqual(before);
  });

  it('a jump between two rows is named once, at the later; a range counts as its best number, else its middle', () => {
    const text = csv(row('Rangeton', 'exact', '200', '', '300', '2022-01-10'), row('Rangeton', 'exact', '', '2', '', '2022-01-11'), row('Rangeton', 'about', '220', '240', '260', '2022-01-12'));
    expect(warnings(text)).toEqual([
      'line 3: 2 is 125 times smaller than the last report before it in this series: 200–300, reported 10 January 2022 by Ministry, published by Wire (line 2 of this file).',
      'line 4: about 220–260 (best estimate 240) is 120 times the last report before it in this series: 2, reported 11 January 2022 by Ministry, published by Wire (line 3 of this file).',
    ]);
  });

  it('a row before a jump to a figure already stored is named with the figure after it', () => {
    const text = csv(row('Kazakhstan', 'exact', '', '23', '', '2022-03-13'));
    expect(warnings(text)).toEqual([`line 2: 23 is 10 times smaller than the next report after it in this series: 230, reported 14 March 2022 by Prosecutor General Berik Asylov (Mazhilis plenary), published by Interfax (figure #${interfax230()}).`]);
  });

  it('does not compare with retracted reports or those being determined, nor name them', () => {
    const text = csv(
      row('Quietville', 'exact', '', '10', '', '2022-01-10'),
      row('Quietville', 'exact', '', '1000', '', '2022-01-11', 'retracted', 'a typing error'),
      row('Quietville', 'unknown', '', '', '', '2022-01-12'),
      row('Quietville', 'exact', '', '12', '', '2022-01-13'),
    );
    expect(warnings(text)).toEqual([]);
  });

  it('a row whose number stays as it was is not named again when the file is imported again, a note changed or not; a changed number is', () => {
    const text = csv(row('Twiceton', 'exact', '', '10', '', '2022-01-10'), row('Twiceton', 'exact', '', '100', '', '2022-01-11'));
    expect(warnings(text)).toHaveLength(1);
    expect(importCsvText(db, text, actor)).toMatchObject({ unchanged: 2, warnings: [] });
    expect(importCsvText(db, text.replace(/,,published,$/m, ',checked,published,'), actor)).toMatchObject({ updated: 1, warnings: [] });
    expect(warnings(csv(row('Twiceton', 'exact', '', '10', '', '2022-01-10'), row('Twiceton', 'exact', '', '1000', '', '2022-01-11')))).toEqual([
      'line 3: 1,000 is 100 times the last report before it in this series: 10, reported 10 January 2022 by Ministry, published by Wire (line 2 of this file).',
    ]);
  });

  it('a retracted row published again by the file is named, as its number is new to readers', () => {
    const text = csv(row('Backton', 'exact', '', '10', '', '2022-01-10'), row('Backton', 'exact', '', '100', '', '2022-01-11', 'retracted', 'a typing error'));
    expect(warnings(text)).toEqual([]);
    expect(warnings(text.replace(',retracted,a typing error', ',published,'))).toEqual([
      'line 3: 100 is 10 times the last report before it in this series: 10, reported 10 January 2022 by Ministry, published by Wire (line 2 of this file).',
    ]);
  });

  it('the only report of its series, changed tenfold by a file, is named against its saved number, as the form does', () => {
    expect(warnings(csv(row('Lonetown', 'exact', '', '4353', '', '2022-01-15')))).toEqual([]);
    const id = db.$client.prepare("SELECT id FROM figures WHERE location = 'Lonetown'").pluck().get() as number;
    expect(warnings(csv(row('Lonetown', 'exact', '', '43530', '', '2022-01-15')), true)).toEqual([
      `line 2: 43,530 is 10 times this figure's number as saved (revision 1), the only report in this series: 4,353 (figure #${id}).`,
    ]);
    // With a neighbour (44,000), it is the measure, not the saved number (4,353): 43,530 is near it.
    importCsvText(db, csv(row('Lonetown', 'exact', '', '44000', '', '2022-01-20')), actor);
    expect(warnings(csv(row('Lonetown', 'exact', '', '43530', '', '2022-01-15')))).toEqual([]);
  });

  it('a file refused for its problems names no numbers to check', () => {
    const summary = importCsvText(db, csv(row('Kazakhstan', 'exact', '', '2300', '', '2022-03-20'), row('Kazakhstan', 'exact', '', 'x', '', '2022-03-21')), actor);
    expect(summary.errors).toHaveLength(1);
    expect(summary.warnings).toEqual([]);
  });

  it('orders one day\'s reports by entry, as the form\'s check does', () => {
    importCsvText(db, csv(row('Sameday', 'exact', '', '10', '', '2022-01-10'), row('Sameday', 'exact', '', '11', '', '2022-01-11')), actor);
    const [first, second] = db.$client.prepare("SELECT id FROM figures WHERE location = 'Sameday' ORDER BY id").pluck().all() as number[];
    db.$client.prepare('UPDATE figures SET reported_on = ? WHERE id = ?').run('2022-01-10', second);
    const point = { eventId: 1, metricId: 1, group: 'all', location: 'Sameday', reportedOn: '2022-01-10' };
    // Editing the first: the second, entered later on its day, is after it; a new report of that day comes after both.
    expect(seriesNeighbours(db, { ...point, exceptId: first })).toMatchObject({ before: null, after: { id: second } });
    expect(seriesNeighbours(db, { ...point, exceptId: second })).toMatchObject({ before: { id: first }, after: null });
    expect(seriesNeighbours(db, point)).toMatchObject({ before: { id: second }, after: null });
  });

  it('reads only the file\'s series whose span is that wide, each from the identity index: never every figure or summary', () => {
    const plans: string[] = [];
    const client = db.$client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => {
      if (source.includes('WITH wide')) plans.push((prepare(`EXPLAIN QUERY PLAN ${source}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | '));
      return prepare(source);
    }) as typeof client.prepare;
    try {
      expect(warnings(csv(row('Plantown', 'exact', '', '10', '', '2022-01-10'), row('Plantown', 'exact', '', '100', '', '2022-01-11')))).toHaveLength(1);
    } finally {
      client.prepare = prepare;
    }
    expect(plans).toHaveLength(1);
    expect(plans[0]).toContain('SEARCH ss USING PRIMARY KEY (event_id=? AND metric_id=? AND group_name=? AND location=?)');
    expect(plans[0]).toContain('SEARCH f USING INDEX figures_identity_unique (event_id=? AND metric_id=? AND group_name=? AND location=?)');
    expect(plans[0]).not.toMatch(/SCAN (f|ss|series_summaries)\b/);
  });

  it('finds in SQL exactly the pairs the form\'s rule finds, amounts as the rule takes them, up to the largest safe integer', () => {
    const sqlApart = db.$client.prepare(`SELECT ${apart('@a', '@b')} AS apart`).pluck();
    const sqlAmount = db.$client.prepare('SELECT coalesce(@best, round((@low + @high) / 2.0))').pluck();
    const value = fc.oneof(fc.nat(1000), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(0, 1, 9, 10, 11, 99, 100, 101));
    fc.assert(fc.property(value, value, (a, b) => (sqlApart.get({ a, b }) === 1) === factorBetween(a, b) >= UNUSUAL_FACTOR), { numRuns: 2000 });
    fc.assert(
      fc.property(value, value, (x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        return sqlAmount.get({ best: null, low, high }) === amountOf({ qualifier: 'exact', valueLow: low, valueBest: null, valueHigh: high, unit: 'people' });
      }),
      { numRuns: 2000 },
    );
  });
});
