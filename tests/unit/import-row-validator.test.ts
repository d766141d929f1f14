import { describe, expect, it } from 'vitest';
import { createRowValidator } from '@/lib/import/row-validator';
import { validateRecord } from '@/lib/import/parse';

const HEADER = ['event_slug', 'metric', 'group', 'location', 'qualifier', 'value_low', 'value_best', 'value_high', 'unit', 'reported_on',
  'reporting_body', 'publisher', 'source_title', 'source_url', 'quote', 'note', 'status', 'retraction_reason', 'figure_id'];
const VALID = ['kz-2022', 'deaths', 'all', 'Almaty', 'exact', '', '1,300', '', 'people', '2022-01-20', 'Ministry', 'TASS', 'Report',
  'https://example.org/a', "'=1+1", ' a note ', '', '', '17'];

function withCells(changes: Record<string, string>): string[] {
  return HEADER.map((name, i) => (name in changes ? changes[name]! : VALID[i]!));
}

// Valid rows, rows with one problem per column, and rows broken only between columns; several
// share cells with the valid row, so remembered cells are reused in other rows.
const RECORDS: string[][] = [
  VALID,
  withCells({ location: ' Astana ', value_best: '7' }),
  withCells({ value_best: '12abc' }),
  withCells({ reported_on: '2022-02-30' }),
  withCells({ reported_on: '2999-01-01' }),
  withCells({ source_url: 'javascript:alert(1)' }),
  withCells({ qualifier: 'roughly', value_low: '9', value_high: '3' }),
  withCells({ value_low: '9', value_high: '3' }),
  withCells({ value_low: '1', value_high: '' }),
  withCells({ qualifier: 'unknown' }),
  withCells({ status: 'retracted' }),
  withCells({ status: 'retracted', retraction_reason: 'withdrawn' }),
  withCells({ status: 'deleted', retraction_reason: 'why' }),
  withCells({ group: '' }),
  withCells({ event_slug: 'Bad Slug', metric: 'deathz!' }),
  withCells({ note: 'line\u0007bell' }),
  VALID.slice(0, 10),
  VALID,
];

describe('the import row validator (per column, remembered cells)', () => {
  it('answers exactly as importRowSchema for valid and invalid rows, reused cells included', () => {
    const full = (cells: string[], line: number) => validateRecord(HEADER, cells, line);
    const fast = createRowValidator(HEADER, full);
    RECORDS.forEach((cells, i) => {
      const line = i + 2;
      expect(fast(cells, line)).toStrictEqual(validateRecord(HEADER, cells, line));
    });
  });

  it('reads columns the file does not have as absent, like the schema', () => {
    const header = HEADER.slice(0, 14);
    const fast = createRowValidator(header, (cells, line) => validateRecord(header, cells, line));
    const cells = VALID.slice(0, 14);
    const result = fast(cells, 2);
    expect(result).toStrictEqual(validateRecord(header, cells, 2));
    expect(result.row).toMatchObject({ quote: '', note: '', retraction_reason: '' });
  });

  it('leaves every problem to the full schema, so a row is never half checked', () => {
    let calls = 0;
    const fast = createRowValidator(HEADER, (cells, line) => {
      calls++;
      return validateRecord(HEADER, cells, line);
    });
    fast(VALID, 2);
    fast(VALID, 3);
    expect(calls).toBe(0);
    expect(fast(withCells({ value_low: '9', value_high: '3' }), 4).errors).toEqual([
      { line: 4, column: 'value_low', message: 'Low must not be greater than high.' },
    ]);
    expect(calls).toBe(1);
  });
});
