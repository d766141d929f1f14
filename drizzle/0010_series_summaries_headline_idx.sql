-- Each count's latest report by its id: the export's `standing` column (db/queries/figure-export.ts)
-- asks of every figure whether it is its count's stored headline.
CREATE INDEX `series_summaries_headline_idx` ON `series_summaries` (`headline_id`);