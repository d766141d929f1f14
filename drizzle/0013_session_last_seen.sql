-- Sessions end after 30 minutes without use as well as 12 hours after sign-in (lib/auth/session-token.ts).
-- A session open before this migration counts as last used when it began.
ALTER TABLE `sessions` ADD `last_seen_at` text;--> statement-breakpoint
UPDATE `sessions` SET `last_seen_at` = `created_at`;
