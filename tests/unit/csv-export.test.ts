import { describe, expect, it } from 'vitest';
import type { ExportRow } from '@/db/queries/figure-export';
import { CELL_SEPARATOR, csvCell, csvField, csvHeader, csvRecord, csvRecordJoined, csvRecordValues, EXPORT_COLUMNS, hxlRow } from '@/lib/export/csv';
import { neutraliseFormula, restoreFormula } from '@/lib/export/formula';
import { contentDisposition, exportFileName } from '@/lib/export/file-name';

describe('formula neutralisation (OWASP CSV injection)', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+7 701 000', "'+7 701 000"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'=already quoted", "''=already quoted"],
    ["''-twice", "'''-twice"],
  ])('prefixes %j with a quote', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
    expect(restoreFormula(expected)).toBe(input);
  });

  it.each(['Almaty', '16 officers', "'Twas said", "'", '', 'a=b', ' =not first', 'Алматы', '1300'])('leaves %j alone, both ways', (input) => {
    expect(neutraliseFormula(input)).toBe(input);
    expect(restoreFormula(input)).toBe(input);
  });

  it('never touches the numeric columns, whatever they hold', () => {
    expect(csvCell('value_best', 1300)).toBe('1300');
    expect(csvCell('value_low', null)).toBe('');
    expect(csvCell('revision', 2)).toBe('2');
    // A numeric column is written as it is even when given as text (it never is, but no quote may appear).
    expect(csvCell('figure_id', '-5')).toBe('-5');
    expect(csvCell('note', '-5')).toBe("'-5");
  });
});

describe('RFC 4180 fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['Алматы', 'Алматы'],
    ['', ''],
  ])('writes %j as %j', (input, expected) => expect(csvField(input)).toBe(expected));

  it('quotes a neutralised cell that also holds a comma or quote', () => {
    expect(csvCell('note', '=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

const row: ExportRow = {
  event_slug: 'e', event_name: 'Event, "one"', metric: 'deaths', metric_label: 'Deaths', group: 'all', location: 'Алматы',
  qualifier: 'exact', value_low: null, value_best: 16, value_high: null, unit: 'people', reported_on: '2022-01-11',
  reporting_body: '=cmd', publisher: '', source_title: '', source_url: 'https://example.org/a?b=1,2', quote: null,
  note: 'line\nbreak', status: 'published', figure_id: 7, revision: 1, updated_at: '2022-01-12T00:00:00.000Z', retraction_reason: null,
  source_id: 3, standing: 'latest', source_published_on: '2022-01-10',
};

describe('records', () => {
  it('writes the header in the documented order, then retraction_reason, source_id, standing and source_published_on, CRLF-terminated', () => {
    expect(csvHeader()).toBe(
      'event_slug,event_name,metric,metric_label,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url,quote,note,status,figure_id,revision,updated_at,retraction_reason,source_id,standing,source_published_on\r\n',
    );
  });

  it('writes one record with every rule applied', () => {
    expect(csvRecord(row)).toBe(
      `e,"Event, ""one""",deaths,Deaths,all,Алматы,exact,,16,,people,2022-01-11,'=cmd,,,"https://example.org/a?b=1,2",,"line\nbreak",published,7,1,2022-01-12T00:00:00.000Z,,3,latest,2022-01-10\r\n`,
    );
  });

  it('has one HXL hashtag per column, with the metric’s own tag on the values when there is one metric', () => {
    const generic = hxlRow().trimEnd().split(',');
    expect(generic).toHaveLength(EXPORT_COLUMNS.length);
    expect(generic.every((t) => /^#[a-z]+(\+[a-z]+)*$/.test(t))).toBe(true);
    expect(generic.slice(7, 10)).toEqual(['#indicator+num+min', '#indicator+num', '#indicator+num+max']);
    expect(hxlRow('#affected+killed').trimEnd().split(',').slice(7, 10)).toEqual(['#affected+killed+min', '#affected+killed', '#affected+killed+max']);
    expect(generic.slice(0, 2)).toEqual(['#event+code', '#event+name']);
    expect(generic[EXPORT_COLUMNS.indexOf('reported_on')]).toBe('#date+reported');
    expect(generic[EXPORT_COLUMNS.indexOf('source_url')]).toBe('#meta+source+url');
  });

  it('names the download after what it holds and the UTC date', () => {
    const at = new Date('2026-11-25T23:30:00Z');
    expect(exportFileName({ event: 'kazakhstan-2022-unrest' }, at)).toBe('kazakhstan-2022-unrest-figures-2026-11-25.csv');
    expect(exportFileName({}, at)).toBe('all-events-figures-2026-11-25.csv');
    expect(exportFileName({ event: 'kazakhstan-2022-unrest', metric: ['deaths'], status: 'all' }, at)).toBe('kazakhstan-2022-unrest-deaths-with-retracted-figures-2026-11-25.csv');
    expect(exportFileName({ metric: ['deaths', 'injured'], group: 'law enforcement', location: 'Almaty', from: '2022-01-05', to: '2022-01-11', status: 'retracted' }, at)).toBe(
      'all-events-deaths+injured-law-enforcement-Almaty-from-2022-01-05-to-2022-01-11-retracted-figures-2026-11-25.csv',
    );
    // No character a file system or the header would trip on, whatever a group is called.
    expect(exportFileName({ event: 'e', group: 'a/b: "c"; d\\e', location: ' ' }, at)).toBe('e-a-b-c-d-e-figures-2026-11-25.csv');
    // Nor a spreadsheet formula's brackets and signs.
    expect(exportFileName({ group: '=HYPERLINK("http://evil.x")' }, at)).toBe('all-events-HYPERLINK-http-evil.x-figures-2026-11-25.csv');
  });

  it('gives a name outside ASCII in UTF-8 beside an ASCII stand-in, and a plain one as it is', () => {
    expect(contentDisposition('e-figures-2026-11-25.csv')).toBe('attachment; filename="e-figures-2026-11-25.csv"');
    const name = exportFileName({ event: 'bishkek-2020', group: 'гражданские лица', location: 'Бишкек' }, new Date('2026-11-25T00:00:00Z'));
    expect(name).toBe('bishkek-2020-гражданские-лица-Бишкек-figures-2026-11-25.csv');
    // The ASCII name (what curl -OJ saves under) spells the Cyrillic out in Latin letters.
    expect(contentDisposition(name)).toBe(
      `attachment; filename="bishkek-2020-grazhdanskie-litsa-Bishkek-figures-2026-11-25.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    const ascii = (group: string) => /filename="([^"]+)"/.exec(contentDisposition(exportFileName({ group }, new Date('2026-11-25T00:00:00Z'))))![1];
    expect(ascii('Алматы')).toBe('all-events-Almaty-figures-2026-11-25.csv');
    expect(ascii('Қонаев өңірі')).toBe('all-events-Qonaev-ongiri-figures-2026-11-25.csv');
    expect(ascii('Zürich')).toBe('all-events-Zurich-figures-2026-11-25.csv');
    // Letters with no Latin reading here: each run an "x", and a hash of the name, so that two
    // such groups get two names.
    expect(ascii('警察')).toMatch(/^all-events-x-figures-2026-11-25-[0-9a-f]{8}\.csv$/);
    expect(ascii('警察')).not.toBe(ascii('市民'));
    expect(ascii('полиция')).not.toBe(ascii('милиция'));
    // The HXL file is named apart from the plain one; an invisible character is no part of a name.
    expect(exportFileName({ event: 'e', hxl: true }, new Date('2026-11-25T00:00:00Z'))).toBe('e-hxl-figures-2026-11-25.csv');
    expect(exportFileName({ event: 'e', group: '\u200b' }, new Date('2026-11-25T00:00:00Z'))).toBe('e-figures-2026-11-25.csv');
  });
});

describe('records from cells the database joined', () => {
  const plain: Array<string | number | null> = ['kz-2022', 'Беспорядки', 'deaths', 'Deaths', 'all', 'Almaty', 'about', 10, 12, 14, 'people',
    '2022-01-20', 'Ministry', 'TASS', 'Report', 'https://example.org/a?b=1', null, '', 'published', 7, 1, '2026-11-26T09:48:05.415Z', null, 3, 'latest', '2022-01-20'];
  const withCell = (i: number, value: string | number | null) => plain.map((v, j) => (j === i ? value : v));
  // What SQLite's concat_ws(separator, coalesce(cell, '') ...) gives for these cells.
  const joined = (cells: ReadonlyArray<string | number | null>) => cells.map((c) => (c === null ? '' : String(c))).join(CELL_SEPARATOR);
  const awkward = [
    plain,
    withCell(0, '=1+2'), withCell(5, '+7 Almaty'), withCell(12, '-Ministry'), withCell(13, '@TASS'), withCell(17, '\tnote'),
    withCell(17, '\rnote'), withCell(16, "'=already"), withCell(16, "''+x"), withCell(17, "'Twas"), withCell(5, 'Almaty, "centre"'),
    withCell(17, 'line one\nline two\r\nthree'), withCell(22, '=bad, wrong'), withCell(14, 'a = b'), withCell(8, null),
    withCell(3, ''), withCell(0, "a'=b"),
  ];

  it('are the same bytes as the cells encoded one by one', () => {
    for (const cells of awkward) expect(csvRecordJoined(joined(cells))).toBe(csvRecordValues(cells));
  });

  it('are refused when a cell holds the separator, so the cells cannot be told apart', () => {
    expect(csvRecordJoined(joined(withCell(17, `a${CELL_SEPARATOR}b`)))).toBeNull();
    expect(csvRecordJoined(joined(plain.slice(1)))).toBeNull();
  });
});
