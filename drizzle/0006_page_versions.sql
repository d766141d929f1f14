-- Versions of the public pages finer than data_version (see db/schema.ts catalogVersion and
-- eventRevisions): the catalog's, bumped by triggers on events, metrics and sources, and each
-- event's, set when its series summaries are recomputed. A new event or source changes no
-- existing page (no figure cites them yet; the event list goes by data_version), so only their
-- updates and deletes count; every write to metrics does.
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
