-- A form sent without JavaScript after its session ended is kept for its editor until they are back on its page (lib/auth/unsent-form.ts).
CREATE TABLE `unsent_forms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`path` text NOT NULL,
	`form` text NOT NULL,
	`fields` text NOT NULL,
	`sent_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unsent_forms_user_path_form_unique` ON `unsent_forms` (`user_id`,`path`,`form`);