import type { ExportRow } from '@/db/queries/figure-export';
import { neutraliseFormula } from './formula';

/**
 * The export's columns: DESIGN.md's order, then retraction_reason (which the import reads),
 * source_id (the source's page on the site, /sources/ID, which the import ignores: it matches
 * sources by who published what, when), standing (latest, superseded or retracted in its
 * count, as the pages say; the import ignores it: it follows from the rows) and
 * source_published_on (the source's date, which the import reads to find the same source when an
 * editor moved the figure's date away from it).
 */
export const EXPORT_COLUMNS = [
  'event_slug', 'event_name', 'metric', 'metric_label', 'group', 'location', 'qualifier', 'value_low', 'value_best',
  'value_high', 'unit', 'reported_on', 'reporting_body', 'publisher', 'source_title', 'source_url', 'quote', 'note',
  'status', 'figure_id', 'revision', 'updated_at', 'retraction_reason', 'source_id', 'standing', 'source_published_on',
] as const satisfies ReadonlyArray<keyof ExportRow>;

/** Columns written as numbers: never prefixed, whatever they hold. */
const NUMERIC = new Set<string>(['value_low', 'value_best', 'value_high', 'figure_id', 'revision', 'source_id']);
const NUMERIC_AT = EXPORT_COLUMNS.map((c) => NUMERIC.has(c));

const NEEDS_QUOTES = /[",\r\n]/;
// Either reason to touch a text cell (a formula start or a character that needs quotes): one
// test lets the common plain cell through untouched, which is most of an export's time.
const NEEDS_WORK = /^'*[=+\-@\t\r]|[",\r\n]/;

/** One RFC 4180 field: quoted (with quotes doubled) when it holds a quote, comma or line break. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell: numbers as digits, null as empty, text neutralised against formulas and quoted. */
export function csvCell(column: string, value: string | number | null): string {
  if (value === null) return '';
  if (NUMERIC.has(column) || typeof value === 'number') return String(value);
  return csvField(neutraliseFormula(value));
}

/** The header line, CRLF-terminated as RFC 4180 asks. */
export function csvHeader(): string {
  return `${EXPORT_COLUMNS.join(',')}\r\n`;
}

/** One figure as one CSV record, CRLF-terminated. */
export function csvRecord(row: ExportRow): string {
  return csvRecordValues(EXPORT_COLUMNS.map((c) => row[c]));
}

/**
 * One figure given as its cells in EXPORT_COLUMNS order (as the export's statement reads them), as one
 * CSV record: the same cells as csvRecord, without building an object per row.
 */
export function csvRecordValues(values: ReadonlyArray<string | number | null>): string {
  let line = '';
  for (let i = 0; i < NUMERIC_AT.length; i++) {
    const value = values[i] ?? null;
    if (i > 0) line += ',';
    if (value === null) continue;
    if (typeof value === 'number' || NUMERIC_AT[i]) line += String(value);
    else line += NEEDS_WORK.test(value) ? csvField(neutraliseFormula(value)) : value;
  }
  return `${line}\r\n`;
}

/**
 * The character the database joins a figure's cells with for the export's fast path (U+001F,
 * the unit separator): validation refuses control characters in every text (lib/validation/
 * fields.ts), so a figure's 24 cells give exactly 23 of them, and the count is checked anyway.
 */
export const CELL_SEPARATOR = '\u001f';
const SEPARATORS = /\u001f/g;
// NEEDS_WORK for every cell of a joined text at once: a formula start at the text's start or
// after a separator, or a character that needs quotes anywhere.
const JOINED_NEEDS_WORK = /[",\r\n]|(?:^|\u001f)'*[=+\-@\t\r]/;

/**
 * One figure given as its cells joined by CELL_SEPARATOR (NULL as ''), as one CSV record: the
 * same bytes as csvRecordValues. Most figures need no quoting or neutralising, and then the
 * record is the joined text with commas for separators; the others are split and encoded cell
 * by cell. Null when the text does not hold exactly the export's cells (a cell with U+001F).
 */
export function csvRecordJoined(joined: string): string | null {
  let separators = 0;
  for (let i = joined.indexOf(CELL_SEPARATOR); i !== -1; i = joined.indexOf(CELL_SEPARATOR, i + 1)) separators++;
  if (separators !== NUMERIC_AT.length - 1) return null;
  if (!JOINED_NEEDS_WORK.test(joined)) return `${joined.replace(SEPARATORS, ',')}\r\n`;
  return csvRecordValues(joined.split(CELL_SEPARATOR));
}

/**
 * The HXL hashtag row (hxlstandard.org) that goes under the header. The value columns carry the
 * metric's own hashtag when the export holds one metric (e.g. #affected+killed), with +min and
 * +max for the range; with several metrics in one column they are a generic #indicator+num.
 */
export function hxlRow(metricTag?: string): string {
  const value = metricTag ?? '#indicator+num';
  const tags: Record<(typeof EXPORT_COLUMNS)[number], string> = {
    event_slug: '#event+code',
    event_name: '#event+name',
    metric: '#indicator+code',
    metric_label: '#indicator+name',
    group: '#population+group',
    location: '#loc+name',
    qualifier: '#meta+qualifier',
    value_low: `${value}+min`,
    value_best: value,
    value_high: `${value}+max`,
    unit: '#meta+unit',
    reported_on: '#date+reported',
    reporting_body: '#org+reporting',
    publisher: '#org+publisher',
    source_title: '#meta+source+title',
    source_url: '#meta+source+url',
    quote: '#meta+quote',
    note: '#description+notes',
    status: '#status',
    figure_id: '#meta+id',
    revision: '#meta+revision',
    updated_at: '#date+updated',
    retraction_reason: '#status+reason',
    source_id: '#meta+source+id',
    standing: '#status+standing',
    source_published_on: '#date+source',
  };
  return `${EXPORT_COLUMNS.map((c) => tags[c]).join(',')}\r\n`;
}
