-- The qualifiers of a series' lowest and highest reported numbers, so a headline card words its
-- spread as the reports did ("from more than 400 to about 500", not "from 400 to 500"). Every
-- stored series is marked stale: db/migrate.ts refreshes them all after the migrations, once.
ALTER TABLE `series_summaries` ADD `low_qualifier` text;--> statement-breakpoint
ALTER TABLE `series_summaries` ADD `high_qualifier` text;--> statement-breakpoint
INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`)
  SELECT `event_id`, `metric_id`, `group_name`, `location` FROM `series_summaries`;
