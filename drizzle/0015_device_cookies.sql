-- Browsers an editor has signed in with (OWASP device cookies): a sign-in from one is not held by the account's lock that strangers built (lib/auth/sign-in.ts).
CREATE TABLE `device_cookies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_failed_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `device_cookies_token_hash_unique` ON `device_cookies` (`token_hash`);--> statement-breakpoint
CREATE INDEX `device_cookies_user_idx` ON `device_cookies` (`user_id`,`created_at`);