-- Series summaries and event sources for the event page (see db/schema.ts seriesSummaries,
-- eventSources and seriesStale), and the figures' indexes reordered for the page.
CREATE TABLE `event_sources` (
	`event_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`first_reported_on` text NOT NULL,
	`first_figure_id` integer NOT NULL,
	PRIMARY KEY(`event_id`, `source_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `series_stale` (
	`event_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`group_name` text NOT NULL,
	`location` text NOT NULL,
	PRIMARY KEY(`event_id`, `metric_id`, `group_name`, `location`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `series_summaries` (
	`event_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`group_name` text NOT NULL,
	`location` text NOT NULL,
	`report_count` integer NOT NULL,
	`headline_id` integer,
	`headline_size` integer NOT NULL,
	`numeric_reports` integer NOT NULL,
	`low` integer,
	`high` integer,
	`numeric_sources` integer NOT NULL,
	`last_updated_at` text NOT NULL,
	`rev` integer NOT NULL,
	PRIMARY KEY(`event_id`, `metric_id`, `group_name`, `location`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `series_summaries_metric_idx` ON `series_summaries` (`metric_id`);--> statement-breakpoint
CREATE INDEX `series_summaries_event_rev_idx` ON `series_summaries` (`event_id`,`rev`);--> statement-breakpoint
DROP INDEX `figures_event_series_idx`;--> statement-breakpoint
DROP INDEX `figures_identity_unique`;--> statement-breakpoint
CREATE INDEX `figures_event_quotes_idx` ON `figures` (`event_id`,`source_id`,`quote`,`reported_on`) WHERE "figures"."quote" IS NOT NULL AND "figures"."quote" <> '';--> statement-breakpoint
CREATE UNIQUE INDEX `figures_identity_unique` ON `figures` (`event_id`,`metric_id`,`group_name`,`location`,`reported_on`,`source_id`);
--> statement-breakpoint
-- Any change to a figure, from any process or statement, marks its series (before and after an
-- update) as stale in the same transaction; the write paths refresh them before they commit.
CREATE TRIGGER `figures_insert_marks_series` AFTER INSERT ON `figures` BEGIN
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`) VALUES (NEW.`event_id`, NEW.`metric_id`, NEW.`group_name`, NEW.`location`);
END;
--> statement-breakpoint
CREATE TRIGGER `figures_update_marks_series` AFTER UPDATE ON `figures` BEGIN
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`) VALUES (OLD.`event_id`, OLD.`metric_id`, OLD.`group_name`, OLD.`location`);
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`) VALUES (NEW.`event_id`, NEW.`metric_id`, NEW.`group_name`, NEW.`location`);
END;
--> statement-breakpoint
CREATE TRIGGER `figures_delete_marks_series` AFTER DELETE ON `figures` BEGIN
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`) VALUES (OLD.`event_id`, OLD.`metric_id`, OLD.`group_name`, OLD.`location`);
END;
--> statement-breakpoint
-- Every existing series starts stale; db/migrate.ts computes them right after migrating.
INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`)
  SELECT `event_id`, `metric_id`, `group_name`, `location` FROM `figures`;
