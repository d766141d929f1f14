import { QUALIFIERS, type Qualifier } from '@/db/schema';
import type { EXPORT_COLUMNS } from './export/csv';
import { CSV_PARAMETERS, DEFAULT_PAGE_SIZE, FIGURE_STATUS_FILTERS, JSON_PARAMETERS, MAX_PAGE_SIZE } from './validation/figure-filters';
import { REPORT_STATUS_WORDS } from './dashboard';
import { RANGE_QUALIFIERS } from './validation/figure';
import { formatFigure, type Wordable } from './wording';

/**
 * What the data guide (/about) says of the data's terms, parameters and columns. Each table is
 * keyed by the list the code works from, so a new parameter, column or qualifier that nobody
 * described fails the type check instead of going unexplained.
 */

type Parameter = (typeof CSV_PARAMETERS)[number] | (typeof JSON_PARAMETERS)[number];

/** Which of the two routes take a parameter. */
export function parameterRoutes(p: Parameter): 'both' | 'csv' | 'json' {
  const csv = (CSV_PARAMETERS as readonly string[]).includes(p);
  const json = (JSON_PARAMETERS as readonly string[]).includes(p);
  return csv && json ? 'both' : csv ? 'csv' : 'json';
}

export const PARAMETER_GUIDE: Record<Parameter, { accepts: string; means: string }> = {
  event: { accepts: 'an event’s address name (slug), in any letter case', means: 'one event; a slug no event has is answered 404, one that is not a slug 400' },
  metric: { accepts: 'a metric key in any letter case (deaths or Deaths), or several separated by commas (deaths,injured)', means: 'those metrics; a key no metric has is answered 404 with the known keys, one that is not a key (death toll) 400' },
  group: { accepts: 'the group’s text, in any letter case but spelled as on the site (law enforcement)', means: 'one group counted; the whole count is the group “all”; a group no figure counts is answered 404, with the groups there are' },
  location: { accepts: 'the place’s text, in any letter case but spelled as on the site (Almaty or almaty; in other scripts too: a place written Алматы is found by алматы)', means: 'one place; a place no figure is for is answered 404, with the places there are' },
  from: { accepts: 'a date, YYYY-MM-DD', means: 'reported on or after this date (the date a source reported the figure, not the date of the events)' },
  to: { accepts: 'a date, YYYY-MM-DD', means: 'reported on or before this date' },
  status: {
    accepts: FIGURE_STATUS_FILTERS.join(', '),
    means: 'published figures unless asked otherwise, so that totals are not skewed by retracted ones; the status column says which is which',
  },
  hxl: { accepts: '1, or 0 (the default)', means: 'an HXL hashtag row under the header; the value columns carry the metric’s own hashtag when the metric parameter names one metric' },
  limit: { accepts: `1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}`, means: 'figures per page' },
  cursor: { accepts: 'the nextCursor of the previous page', means: 'the next page; follow nextCursor until it is null, keeping the filters (another filter with it is refused: it would skip figures)' },
};

export const COLUMN_GUIDE: Record<(typeof EXPORT_COLUMNS)[number], string> = {
  event_slug: 'the event’s address name: the event filter takes it',
  event_name: 'the event’s name',
  metric: 'the metric’s key: the metric filter takes it',
  metric_label: 'the metric’s name',
  group: 'who was counted; “all” for the whole count',
  location: 'where',
  qualifier: 'how the source gave the number (see How a number is worded)',
  value_low: 'the low end of a range',
  value_best: 'the number, or a range’s best estimate when the source gave one',
  value_high: 'the high end of a range',
  unit: 'what is counted (people, vehicles, premises), or a currency code for money (KZT)',
  reported_on: 'the date the source reported the figure',
  reporting_body: 'who gave the figure (a ministry, a prosecutor, a newspaper)',
  publisher: 'where it was published',
  source_title: 'the title of the report',
  source_url: 'its web address, when it has one',
  quote: 'the source’s own words, when quoted',
  note: 'an editor’s note',
  status: 'published or retracted',
  figure_id: 'the figure’s page on this site: /figures/ID',
  revision: 'the figure’s version here: 1 until it is first changed, one more with each change',
  updated_at: 'when the figure last changed here',
  retraction_reason: 'why a retracted figure was retracted',
  source_id: 'the source’s page on this site: /sources/ID',
  standing: `${REPORT_STATUS_WORDS.headline}, ${REPORT_STATUS_WORDS.superseded} or ${REPORT_STATUS_WORDS.retracted} in its count, as the pages say`,
  source_published_on: 'the source’s own date: reported_on, unless the source was published later than the figure was announced, or an editor moved the figure’s date since',
};

const QUALIFIER_MEANS: Record<Qualifier, string> = {
  exact: 'the number as given',
  about: 'an approximate number',
  at_least: 'a lower bound that may itself be the number',
  more_than: 'a lower bound, the number itself excluded',
  at_most: 'an upper bound that may itself be the number',
  unknown: 'the source said the number is not yet known',
};

const EXAMPLE: Wordable = { qualifier: 'exact', valueLow: null, valueBest: 1300, valueHigh: null, unit: 'people' };

/** Each qualifier: what it means, and how the site words a number given with it (1,300 people, or 225–238 as a range). */
export function qualifierGuide(): Array<{ qualifier: Qualifier; means: string; number: string; range: string }> {
  return QUALIFIERS.map((qualifier) => ({
    qualifier,
    means: QUALIFIER_MEANS[qualifier],
    number: formatFigure({ ...EXAMPLE, qualifier }),
    range: RANGE_QUALIFIERS.includes(qualifier)
      ? formatFigure({ ...EXAMPLE, qualifier, valueLow: 225, valueBest: null, valueHigh: 238 })
      : qualifier === 'unknown' ? formatFigure({ ...EXAMPLE, qualifier }) : 'not with a range',
  }));
}
