CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_failed_at` text NOT NULL,
	CONSTRAINT "login_attempts_scope_known" CHECK("login_attempts"."scope" IN ('account','address'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `login_attempts_scope_key_unique` ON `login_attempts` (`scope`,`key`);