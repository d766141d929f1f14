CREATE TABLE `admin_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_users_email_unique` ON `admin_users` (`email`);--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "audit_action_known" CHECK("audit_entries"."action" IN ('create','update','retract','restore')),
	CONSTRAINT "audit_entity_known" CHECK("audit_entries"."entity_type" IN ('figure','source','event','metric'))
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_entries` (`entity_type`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_entries` (`at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "events_slug_format" CHECK("events"."slug" <> '' AND "events"."slug" NOT GLOB '*[^a-z0-9-]*'),
	CONSTRAINT "events_start_date_format" CHECK(start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "events_end_date_format" CHECK(end_date IS NULL OR (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND end_date >= start_date))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_slug_unique` ON `events` (`slug`);--> statement-breakpoint
CREATE TABLE `figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`group_name` text DEFAULT 'all' NOT NULL,
	`location` text NOT NULL,
	`qualifier` text NOT NULL,
	`value_low` integer,
	`value_best` integer,
	`value_high` integer,
	`unit` text NOT NULL,
	`reported_on` text NOT NULL,
	`source_id` integer NOT NULL,
	`quote` text,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`retraction_reason` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "figures_qualifier_known" CHECK("figures"."qualifier" IN ('exact','about','at_least','more_than','at_most','unknown')),
	CONSTRAINT "figures_status_known" CHECK("figures"."status" IN ('published','retracted')),
	CONSTRAINT "figures_values_non_negative" CHECK(coalesce("figures"."value_low", 0) >= 0 AND coalesce("figures"."value_best", 0) >= 0 AND coalesce("figures"."value_high", 0) >= 0),
	CONSTRAINT "figures_values_integers" CHECK(("figures"."value_low" IS NULL OR typeof("figures"."value_low") = 'integer') AND ("figures"."value_best" IS NULL OR typeof("figures"."value_best") = 'integer') AND ("figures"."value_high" IS NULL OR typeof("figures"."value_high") = 'integer')),
	CONSTRAINT "figures_range_pair" CHECK(("figures"."value_low" IS NULL) = ("figures"."value_high" IS NULL)),
	CONSTRAINT "figures_range_order" CHECK("figures"."value_low" IS NULL OR ("figures"."value_low" <= "figures"."value_high" AND ("figures"."value_best" IS NULL OR ("figures"."value_low" <= "figures"."value_best" AND "figures"."value_best" <= "figures"."value_high")))),
	CONSTRAINT "figures_unknown_has_no_number" CHECK(("figures"."qualifier" = 'unknown') = ("figures"."value_best" IS NULL AND "figures"."value_low" IS NULL)),
	CONSTRAINT "figures_reported_on_format" CHECK(reported_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "figures_retraction_reason" CHECK(("figures"."status" = 'retracted') = ("figures"."retraction_reason" IS NOT NULL AND "figures"."retraction_reason" <> '')),
	CONSTRAINT "figures_revision_positive" CHECK("figures"."revision" >= 1),
	CONSTRAINT "figures_location_named" CHECK("figures"."location" <> '' AND "figures"."group_name" <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `figures_identity_unique` ON `figures` (`event_id`,`metric_id`,`group_name`,`location`,`source_id`,`reported_on`);--> statement-breakpoint
CREATE INDEX `figures_event_series_idx` ON `figures` (`event_id`,`status`,`metric_id`,`group_name`,`location`,`reported_on`);--> statement-breakpoint
CREATE INDEX `figures_source_idx` ON `figures` (`source_id`);--> statement-breakpoint
CREATE INDEX `figures_reported_on_idx` ON `figures` (`reported_on`);--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`unit` text NOT NULL,
	`hxl_tag` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metrics_key_format" CHECK("metrics"."key" <> '' AND "metrics"."key" NOT GLOB '*[^a-z0-9_]*'),
	CONSTRAINT "metrics_hxl_format" CHECK("metrics"."hxl_tag" GLOB '#[a-z]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_key_unique` ON `metrics` (`key`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reporting_body` text NOT NULL,
	`publisher` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`published_on` text NOT NULL,
	`full_text` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "sources_url_scheme" CHECK("sources"."url" = '' OR "sources"."url" LIKE 'http://_%' OR "sources"."url" LIKE 'https://_%'),
	CONSTRAINT "sources_published_on_format" CHECK(published_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "sources_named" CHECK("sources"."reporting_body" <> '')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_identity_unique` ON `sources` (`reporting_body`,`publisher`,`title`,`url`,`published_on`);