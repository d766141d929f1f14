/** Columns an import must have: the figure and who reported it. */
export const REQUIRED_COLUMNS = [
  'event_slug', 'metric', 'group', 'location', 'qualifier', 'value_low', 'value_best', 'value_high',
  'unit', 'reported_on', 'reporting_body',
] as const;

/** Columns an import reads when present. */
export const OPTIONAL_COLUMNS = ['publisher', 'source_title', 'source_url', 'quote', 'note', 'status', 'retraction_reason', 'source_published_on'] as const;

/**
 * Columns the export writes that describe the database rather than the report (labels, ids,
 * timestamps); an import accepts and ignores them so that an export can be imported again.
 */
export const IGNORED_COLUMNS = ['event_name', 'metric_label', 'figure_id', 'revision', 'updated_at', 'source_id', 'standing'] as const;

export type ImportColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
