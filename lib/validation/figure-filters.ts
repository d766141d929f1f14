import { z } from 'zod';
import { fnv1a } from '@/lib/fnv1a';
import { isoDate, LIMITS, metricKey, optionalText, slug } from './fields';

/** Which figures an export or the JSON API returns: published ones unless asked otherwise. */
export const FIGURE_STATUS_FILTERS = ['published', 'retracted', 'all'] as const;
export type FigureStatusFilter = (typeof FIGURE_STATUS_FILTERS)[number];

/** The filters shared by GET /api/figures.csv, GET /api/figures and `npm run export`. */
export const FILTER_PARAMETERS = ['event', 'metric', 'group', 'location', 'from', 'to', 'status'] as const;

const MAX_METRICS = 50;

/**
 * One metric key, or several separated by commas ("deaths,injured"): the figures of any of them.
 * Keys are lower-case, so any letter case is read as one ("Deaths"). In a list, the message
 * names the part that is wrong, as it was typed.
 */
const metricList = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const typed = s.split(',').map((k) => k.trim());
    const keys = typed.map((k) => k.toLowerCase());
    const refuse = (message: string) => {
      ctx.issues.push({ code: 'custom', input: s, message });
      return z.NEVER;
    };
    if (keys.length > MAX_METRICS) return refuse(`Name at most ${MAX_METRICS} metrics.`);
    for (const [i, key] of keys.entries()) {
      if (keys.length > 1 && key === '') return refuse(`"${s}" has an empty part: separate metric keys by single commas, like deaths,injured.`);
      const checked = metricKey.safeParse(key);
      if (!checked.success) return refuse(keys.length > 1 ? `"${typed[i]}" is not a metric key. ${checked.error.issues[0]!.message}` : checked.error.issues[0]!.message);
    }
    return keys;
  });

/** An event's slug in any letter case: slugs are lower-case, so "Kazakhstan-2022-Unrest" is one. */
const eventFilter = z
  .string()
  .trim()
  .toLowerCase()
  .check((ctx) => {
    // The slug rule's own message asks for lower-case letters, which a filter does not need.
    if (!slug.safeParse(ctx.value).success) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'Use an event slug: 1–100 letters, digits and single hyphens, like kazakhstan-2022-unrest.' });
    }
  });

const filterShape = {
  event: eventFilter.optional(),
  metric: metricList.optional(),
  group: optionalText(LIMITS.short),
  location: optionalText(LIMITS.short),
  from: isoDate.optional(),
  to: isoDate.optional(),
  // In any letter case, as the event and metric are.
  status: z.string().trim().toLowerCase().pipe(z.enum(FIGURE_STATUS_FILTERS, { error: `Use one of: ${FIGURE_STATUS_FILTERS.join(', ')}.` })).default('published'),
};

const filterSchema = z.object(filterShape).superRefine((f, ctx) => {
  if (f.from && f.to && f.from > f.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `${f.to} is before from (${f.from}); give a to date on or after it.` });
  }
});

/** The figures asked for: `group` and `location` are '' when not filtered on. */
export type FigureFilters = z.output<typeof filterSchema>;

export const CSV_PARAMETERS = [...FILTER_PARAMETERS, 'hxl'] as const;
export const JSON_PARAMETERS = [...FILTER_PARAMETERS, 'cursor', 'limit'] as const;

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

const hxlFlag = z
  .enum(['0', '1'], { error: 'Use hxl=1 to add the HXL hashtag row, or hxl=0 (or leave it out) for none.' })
  .optional()
  .transform((v) => v === '1');

const pageSize = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined) return DEFAULT_PAGE_SIZE;
    if (!/^\d{1,4}$/.test(s) || Number(s) < 1 || Number(s) > MAX_PAGE_SIZE) {
      ctx.issues.push({ code: 'custom', input: s, message: `Use a whole number from 1 to ${MAX_PAGE_SIZE}.` });
      return z.NEVER;
    }
    return Number(s);
  });

// The cursor is opaque to clients: the last figure id of the page and a fingerprint of the
// filters it was given for, base64url-encoded, so that the order it stands for can change without
// breaking a documented format, and a cursor reused with other filters is refused (it would skip
// every figure of the new listing before its id). Cursors given before the fingerprint (after:N)
// are still read.
const cursor = z
  .string()
  .optional()
  .transform((s, ctx): { afterId: number; of?: string } => {
    if (s === undefined) return { afterId: 0 };
    const decoded = /^[A-Za-z0-9_-]{1,60}$/.test(s) ? Buffer.from(s, 'base64url').toString('utf8') : '';
    const m = /^after:(\d{1,15})(?::([0-9a-f]{8}))?$/.exec(decoded);
    if (!m) {
      ctx.issues.push({ code: 'custom', input: s, message: 'This cursor was not given by this API; use the nextCursor of the previous page.' });
      return z.NEVER;
    }
    return { afterId: Number(m[1]), of: m[2] };
  });

/**
 * What a listing's filters are, as 8 hex digits (FNV-1a of their values; group and place in lower
 * case, as they match): the same for the same listing however it was typed. Tells a mistake, not
 * an attack: a client may make any cursor it likes, and all it can ask for is a public listing.
 */
function filtersFingerprint(f: FigureFilters): string {
  return fnv1a(JSON.stringify([f.event ?? '', f.metric ?? [], f.group.toLowerCase(), f.location.toLowerCase(), f.from ?? '', f.to ?? '', f.status]));
}

/** The opaque cursor that continues the listing of these filters after the figure with this id. */
export function encodeCursor(afterId: number, filters: FigureFilters): string {
  return Buffer.from(`after:${afterId}:${filtersFingerprint(filters)}`, 'utf8').toString('base64url');
}

const csvSchema = filterSchema.and(z.object({ hxl: hxlFlag }));
const jsonSchema = filterSchema.and(z.object({ cursor, limit: pageSize }));

export type CsvQuery = z.output<typeof csvSchema>;
/** The JSON API's query: the filters, the page size, and the id the page starts after (0: the first). */
export type JsonQuery = Omit<z.output<typeof jsonSchema>, 'cursor'> & { cursor: number };

/** One problem with a query: which parameter, and what is wrong with it. */
export type ParameterError = { parameter: string; message: string };

/**
 * A rule's message as it reads after "parameter: ", in lower case like the API's own ("limit: use
 * a whole number…", as "event: there is no event…"): the rules are the forms' too, whose messages
 * are sentences. A word in capitals (HXL, YYYY-MM-DD) or a quote is left as it is.
 */
export function afterColon(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message;
}
export type QueryResult<T> = { ok: true; value: T } | { ok: false; errors: ParameterError[] };

/** "from: "2022-13-01" is not a date; ..." — what the API and CLI print for a bad parameter. */
export function formatParameterError(e: ParameterError): string {
  return `${e.parameter}: ${e.message}`;
}

/**
 * Reads query parameters (URLSearchParams, or a record from the command line) strictly: an
 * unknown or repeated parameter is an error rather than silently ignored, since a misspelt
 * filter would otherwise hand a researcher every figure while they believe they have a subset.
 */
function parseQuery<T>(schema: z.ZodType<T>, known: readonly string[], input: URLSearchParams | Record<string, string | undefined>): QueryResult<T> {
  const errors: ParameterError[] = [];
  const values: Record<string, string> = {};
  const entries: Array<[string, string | undefined]> = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    if (!known.includes(name)) {
      // A parameter of the other route (hxl of the CSV, cursor and limit of the JSON) is known, just not here.
      const elsewhere = (CSV_PARAMETERS as readonly string[]).includes(name) ? 'the CSV export (/api/figures.csv)' : (JSON_PARAMETERS as readonly string[]).includes(name) ? 'the JSON API (/api/figures)' : null;
      errors.push({ parameter: name, message: `${elsewhere ? `only ${elsewhere} takes it` : 'unknown parameter'}; use ${known.join(', ')}.` });
    } else if (name in values) {
      if (!errors.some((e) => e.parameter === name)) errors.push({ parameter: name, message: 'give this parameter once.' });
    } else if (value.trim() === '') {
      // "group=" with the value forgotten would otherwise filter on nothing: every figure.
      errors.push({ parameter: name, message: 'give it a value, or leave the parameter out.' });
    } else {
      values[name] = value;
    }
  }
  // The values that could be read are checked too, so that one answer says everything wrong.
  const result = schema.safeParse(values);
  if (result.success && !errors.length) return { ok: true, value: result.data };
  // One message once per parameter: "metric=," has two empty keys, and one answer says it.
  const said = new Set<string>();
  const issues = result.success ? [] : result.error.issues.map((issue) => ({ parameter: issue.path.length ? String(issue.path[0]) : 'query', message: afterColon(issue.message) }));
  return { ok: false, errors: [...errors, ...issues.filter((e) => !said.has(`${e.parameter}\u0000${e.message}`) && said.add(`${e.parameter}\u0000${e.message}`))] };
}

/** The query of GET /api/figures.csv and `npm run export`: the filters and `hxl`. */
export function parseCsvQuery(input: URLSearchParams | Record<string, string | undefined>): QueryResult<CsvQuery> {
  return parseQuery(csvSchema, CSV_PARAMETERS, input);
}

/** The query of GET /api/figures: the filters, `cursor` and `limit`. */
export function parseJsonQuery(input: URLSearchParams | Record<string, string | undefined>): QueryResult<JsonQuery> {
  const query = parseQuery(jsonSchema, JSON_PARAMETERS, input);
  if (!query.ok) return query;
  const { cursor: at, ...rest } = query.value;
  if (at.of !== undefined && at.of !== filtersFingerprint(rest)) {
    const message = 'this cursor continues a listing with other filters; give the filters of the page that gave it, or leave the cursor out to start this listing from its first page.';
    return { ok: false, errors: [{ parameter: 'cursor', message }] };
  }
  return { ok: true, value: { ...rest, cursor: at.afterId } };
}
