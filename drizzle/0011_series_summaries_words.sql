-- What a headline card and the event page's count need to word a series as its reports do: the
-- qualifiers of its lowest and highest numbers ("from more than 400 to about 500", not "from 400
-- to 500") and how many of its reports are retracted ("35 reports (1 retracted)"). Every stored
-- series is marked stale: db/migrate.ts refreshes them all after the migrations, once.
ALTER TABLE `series_summaries` ADD `low_qualifier` text;--> statement-breakpoint
ALTER TABLE `series_summaries` ADD `high_qualifier` text;--> statement-breakpoint
ALTER TABLE `series_summaries` ADD `retracted_reports` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`)
  SELECT `event_id`, `metric_id`, `group_name`, `location` FROM `series_summaries`;
