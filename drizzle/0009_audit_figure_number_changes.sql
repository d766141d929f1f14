-- The audit entries that changed a figure's number (db/schema.ts FIGURE_NUMBER_CHANGED), so the
-- event page's "was" (db/queries/audit-read.ts listPreviousFigureValues) reads one entry per
-- figure instead of walking back over every note-only edit. An import's created figures ('create')
-- fail the first terms of the WHERE and are never in it; an entry whose before or after is not
-- JSON (typed by hand) is not in it either, and does not stop this migration.
CREATE INDEX `audit_figure_number_changes` ON `audit_entries` (`entity_type`,`entity_id`,`id`) WHERE entity_type = 'figure' AND action IN ('update', 'retract', 'restore') AND CASE WHEN json_valid(before) AND json_valid(after) THEN (before ->> '$.qualifier' IS NOT after ->> '$.qualifier' OR before ->> '$.valueLow' IS NOT after ->> '$.valueLow' OR before ->> '$.valueBest' IS NOT after ->> '$.valueBest' OR before ->> '$.valueHigh' IS NOT after ->> '$.valueHigh' OR before ->> '$.unit' IS NOT after ->> '$.unit') ELSE 0 END;