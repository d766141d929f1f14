-- Audit entries are written with the change they record, in its transaction, which changes the
-- versions already. The app never edits or deletes one; done from another process (a reason's
-- typing corrected in the sqlite3 shell), it changes what the figure's page and its event's page
-- show (its history, the reason given, the number it was), so it counts as a write to that
-- figure: the data version moves and the figure's series is marked stale, which moves its
-- event's page version at the next refresh (as a write to figures made outside the app does).
-- An account removed with foreign keys on sets its entries' user_id to NULL: no page shows it, so
-- that alone counts for nothing. No column list: `UPDATE OF` would not fire for SET rowid.
CREATE TRIGGER `audit_entries_update_bumps_versions` AFTER UPDATE ON `audit_entries`
WHEN OLD.`id` IS NOT NEW.`id` OR OLD.`at` IS NOT NEW.`at` OR OLD.`actor` IS NOT NEW.`actor` OR OLD.`action` IS NOT NEW.`action`
  OR OLD.`entity_type` IS NOT NEW.`entity_type` OR OLD.`entity_id` IS NOT NEW.`entity_id` OR OLD.`before` IS NOT NEW.`before`
  OR OLD.`after` IS NOT NEW.`after` OR OLD.`reason` IS NOT NEW.`reason`
BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`)
    SELECT `event_id`, `metric_id`, `group_name`, `location` FROM `figures`
    WHERE (OLD.`entity_type` = 'figure' AND `id` = OLD.`entity_id`) OR (NEW.`entity_type` = 'figure' AND `id` = NEW.`entity_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `audit_entries_delete_bumps_versions` AFTER DELETE ON `audit_entries` BEGIN
  UPDATE `data_version` SET `version` = `version` + 1, `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`)
    SELECT `event_id`, `metric_id`, `group_name`, `location` FROM `figures` WHERE OLD.`entity_type` = 'figure' AND `id` = OLD.`entity_id`;
END;
--> statement-breakpoint
-- A REPLACE deletes the entry it displaces without firing DELETE triggers (recursive_triggers is
-- off). An id moved onto another entry's (UPDATE OR REPLACE … SET id) is counted here, before the
-- update. An entry inserted over another's id (INSERT OR REPLACE) is not: as in 0006 that would
-- take a BEFORE INSERT trigger, and SQLite runs a trigger's program for every row inserted even
-- when its WHEN is false: the 100,000 audit entries of the bench's import took 2-4 % longer with
-- it (docs/benchmarks.md). Nothing but a hand-made statement in another process replaces an entry.
CREATE TRIGGER `audit_entries_replace_id_bumps_versions` BEFORE UPDATE ON `audit_entries` WHEN NEW.`id` IS NOT OLD.`id` BEGIN
  INSERT OR IGNORE INTO `series_stale` (`event_id`, `metric_id`, `group_name`, `location`)
    SELECT `event_id`, `metric_id`, `group_name`, `location` FROM `figures`
    WHERE `id` IN (SELECT `entity_id` FROM `audit_entries` WHERE `id` = NEW.`id` AND `entity_type` = 'figure');
END;
