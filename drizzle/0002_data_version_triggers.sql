-- Bump data_version on every change to what the public pages show (see db/schema.ts).
INSERT OR IGNORE INTO `data_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `events_insert_bumps_data_version` AFTER INSERT ON `events` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_update_bumps_data_version` AFTER UPDATE ON `events` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_delete_bumps_data_version` AFTER DELETE ON `events` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `metrics_insert_bumps_data_version` AFTER INSERT ON `metrics` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `metrics_update_bumps_data_version` AFTER UPDATE ON `metrics` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `metrics_delete_bumps_data_version` AFTER DELETE ON `metrics` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_insert_bumps_data_version` AFTER INSERT ON `sources` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_update_bumps_data_version` AFTER UPDATE ON `sources` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_delete_bumps_data_version` AFTER DELETE ON `sources` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figures_insert_bumps_data_version` AFTER INSERT ON `figures` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figures_update_bumps_data_version` AFTER UPDATE ON `figures` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figures_delete_bumps_data_version` AFTER DELETE ON `figures` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
