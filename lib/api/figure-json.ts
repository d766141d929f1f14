import type { ExportRow } from '@/db/queries/figure-export';

/** One figure as the JSON API gives it, with its event, metric and source embedded. */
export type FigureJson = {
  id: number;
  event: { slug: string; name: string };
  metric: { key: string; label: string };
  group: string;
  location: string;
  qualifier: string;
  valueLow: number | null;
  valueBest: number | null;
  valueHigh: number | null;
  unit: string;
  reportedOn: string;
  /** `id` is the source's page on the site, /sources/ID (with its full text where the site holds it). */
  source: { id: number; reportingBody: string; publisher: string | null; title: string | null; url: string | null; publishedOn: string };
  quote: string | null;
  note: string | null;
  status: string;
  /** Where it stands in its count: latest (the number the event page shows), superseded or retracted. */
  standing: ExportRow['standing'];
  retractionReason: string | null;
  revision: number;
  updatedAt: string;
};

/** Optional text as JSON gives it: null when there is none, as for every absent value (the CSV leaves the cell empty). */
const orNull = (text: string | null): string | null => (text === null || text === '' ? null : text);

/** Shapes an export row for the JSON API (the same row the CSV writes, nested). */
export function toFigureJson(r: ExportRow): FigureJson {
  return {
    id: r.figure_id,
    event: { slug: r.event_slug, name: r.event_name },
    metric: { key: r.metric, label: r.metric_label },
    group: r.group,
    location: r.location,
    qualifier: r.qualifier,
    valueLow: r.value_low,
    valueBest: r.value_best,
    valueHigh: r.value_high,
    unit: r.unit,
    reportedOn: r.reported_on,
    source: { id: r.source_id, reportingBody: r.reporting_body, publisher: orNull(r.publisher), title: orNull(r.source_title), url: orNull(r.source_url), publishedOn: r.source_published_on },
    quote: orNull(r.quote),
    note: orNull(r.note),
    status: r.status,
    standing: r.standing,
    retractionReason: orNull(r.retraction_reason),
    revision: r.revision,
    updatedAt: r.updated_at,
  };
}
