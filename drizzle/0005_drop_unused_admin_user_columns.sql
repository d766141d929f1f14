ALTER TABLE `admin_users` DROP COLUMN `failed_attempts`;--> statement-breakpoint
ALTER TABLE `admin_users` DROP COLUMN `locked_until`;