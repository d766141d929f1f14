-- Versions of the public pages finer than data_version (see db/schema.ts catalogVersion and
-- eventRevisions): the catalog's, bumped by triggers on events, metrics and sources, and each
-- event's, set when its series summaries are recomputed. A new event or source changes no
-- existing page (no figure cites them yet; the event list goes by data_version), so only their
-- updates and deletes count; every write to metrics does.
-- A REPLACE (INSERT OR REPLACE, REPLACE, UPDATE OR REPLACE) deletes the row it conflicts with
-- without firing its DELETE triggers (recursive_triggers is off by default), so the BEFORE
-- triggers at the end count an insert that takes the place of a row, or that figures already
-- cite (a row deleted and inserted again with foreign keys off). In a BEFORE INSERT trigger
-- NEW.id is -1 when SQLite is about to assign the id: a new row, never a replacement.
-- The id's trigger has no column list: `UPDATE OF id` would not fire for SET rowid (or oid).
CREATE TABLE `catalog_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_version_single_row" CHECK("catalog_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `event_revisions` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`rev` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `catalog_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
INSERT INTO `event_revisions` (`event_id`, `rev`) SELECT `id`, (SELECT `version` FROM `data_version` WHERE `id` = 1) FROM `events`;
--> statement-breakpoint
CREATE TRIGGER `events_update_bumps_catalog_version` AFTER UPDATE ON `events` BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_delete_bumps_catalog_version` AFTER DELETE ON `events` BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `metrics_insert_bumps_catalog_version` AFTER INSERT ON `metrics` BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `metrics_update_bumps_catalog_version` AFTER UPDATE ON `metrics` BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `metrics_delete_bumps_catalog_version` AFTER DELETE ON `metrics` BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_update_bumps_catalog_version` AFTER UPDATE ON `sources` BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_delete_bumps_catalog_version` AFTER DELETE ON `sources` BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_replace_bumps_catalog_version` BEFORE INSERT ON `events`
WHEN EXISTS (SELECT 1 FROM `events` WHERE `slug` = NEW.`slug`)
  OR (NEW.`id` IS NOT -1 AND (EXISTS (SELECT 1 FROM `events` WHERE `id` = NEW.`id`) OR EXISTS (SELECT 1 FROM `figures` WHERE `event_id` = NEW.`id`)))
BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_replace_bumps_catalog_version` BEFORE INSERT ON `sources`
WHEN EXISTS (SELECT 1 FROM `sources` WHERE `reporting_body` = NEW.`reporting_body` AND `publisher` = NEW.`publisher` AND `title` = NEW.`title`
    AND `url` = NEW.`url` AND `published_on` = NEW.`published_on`)
  OR (NEW.`id` IS NOT -1 AND (EXISTS (SELECT 1 FROM `sources` WHERE `id` = NEW.`id`) OR EXISTS (SELECT 1 FROM `figures` WHERE `source_id` = NEW.`id`)))
BEGIN
  UPDATE `catalog_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figures_replace_marks_series` BEFORE INSERT ON `figures` WHEN NEW.`id` IS NOT -1 BEGIN
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`)
    SELECT `event_id`, `metric_id`, `group_name`, `location` FROM `figures` WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `figures_replace_id_marks_series` BEFORE UPDATE ON `figures` WHEN NEW.`id` IS NOT OLD.`id` BEGIN
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`)
    SELECT `event_id`, `metric_id`, `group_name`, `location` FROM `figures` WHERE `id` = NEW.`id`;
END;
