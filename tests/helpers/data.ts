import Papa from 'papaparse';
import type { Db } from '@/db/index';
import { figureCsvStream } from '@/lib/export/stream';
import { parseCsvQuery, type CsvQuery } from '@/lib/validation/figure-filters';

/** The export of the database at `file` for a query string, read whole. */
export async function exportText(file: string, query = ''): Promise<string> {
  const parsed = parseCsvQuery(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { hxl, ...filters }: CsvQuery = parsed.value;
  return new Response(figureCsvStream(file, filters, { hxl })).text();
}

/** Parses CSV with Papa Parse, a parser independent of the importer's own CSV reader. */
export function papaRows(text: string): Array<Record<string, string>> {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: ',' });
  if (result.errors.length) throw new Error(`Papa Parse: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** Figures whose text fields hold every character a CSV writer can get wrong, as an import file. */
export const AWKWARD_FIGURES_CSV = [
  'event_slug,metric,group,location,qualifier,value_low,value_best,value_high,unit,reported_on,reporting_body,publisher,source_title,source_url,quote,note,status,retraction_reason',
  'kazakhstan-2022-unrest,deaths,гражданские,"Алматы, ""центр""",about,,500,,people,2022-01-20,Министерство внутренних дел,"=HYPERLINK(""http://evil.example"",""click"")","Title, with ""quotes""",https://example.org/a?b=1&c=2,"Сказал: ""более 500""",,published,',
  'kazakhstan-2022-unrest,injured,+civilians,@Zhanaozen,exact,10,12,14,people,2022-01-21,-Ministry,+Publisher,@Title,,"=1+2","line one\nline two\r\nline three",published,',
  'kazakhstan-2022-unrest,detained,all,Kazakhstan,at_least,,1,,people,2022-01-22,Ministry,,,,"\'\'=already quoted","\'Twas said",retracted,"=bad, wrong figure"',
  'kazakhstan-2022-unrest,economic_damage,all,Kazakhstan,unknown,,,,KZT,2022-01-23,Ministry,,,,,-5 is not a number here,published,',
].join('\n');

/** Every figure with its event, metric and source, by id, as the database holds it. */
export function figuresInDb(db: Db): Array<Record<string, string | number | null>> {
  return db.$client
    .prepare(
      `SELECT e.slug AS event_slug, e.name AS event_name, m.key AS metric, m.label AS metric_label, f.group_name AS "group",
              f.location, f.qualifier, f.value_low, f.value_best, f.value_high, f.unit, f.reported_on, s.reporting_body,
              s.publisher, s.title AS source_title, s.url AS source_url, f.quote, f.note, f.status, f.id AS figure_id,
              f.revision, f.updated_at, f.retraction_reason, f.source_id,
              -- Where it stands in its count, from its reports directly (never the stored summaries).
              CASE WHEN f.status = 'retracted' THEN 'retracted'
                WHEN f.id = (SELECT g.id FROM figures g WHERE g.event_id = f.event_id AND g.metric_id = f.metric_id AND g.group_name = f.group_name
                  AND g.location = f.location AND g.status = 'published' ORDER BY g.reported_on DESC, g.created_at DESC, g.id DESC LIMIT 1) THEN 'latest'
                ELSE 'superseded' END AS standing,
              s.published_on AS source_published_on
       FROM figures f JOIN events e ON e.id = f.event_id JOIN metrics m ON m.id = f.metric_id JOIN sources s ON s.id = f.source_id
       ORDER BY f.id`,
    )
    .all() as Array<Record<string, string | number | null>>;
}
