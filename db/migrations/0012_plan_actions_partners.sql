CREATE TABLE `partner_trainings` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`date` text NOT NULL,
	`topic` text NOT NULL,
	`people_trained` integer NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_trainings_partner_idx` ON `partner_trainings` (`partner_id`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`city_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`charter_signed_on` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partners_city_idx` ON `partners` (`city_id`);--> statement-breakpoint
CREATE TABLE `plan_action_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`recommendation_id` text NOT NULL,
	`note` text NOT NULL,
	`value` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`author_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_action_updates_action_idx` ON `plan_action_updates` (`recommendation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `plan_actions` (
	`recommendation_id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`owner_service` text DEFAULT '' NOT NULL,
	`owner_partner_id` text,
	`axis` text DEFAULT '' NOT NULL,
	`start_date` text,
	`due_date` text,
	`indicator` text DEFAULT '' NOT NULL,
	`baseline` text DEFAULT '' NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'not-started' NOT NULL,
	`updated_by` text,
	`updated_at` integer,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_actions_review_idx` ON `plan_actions` (`review_id`);--> statement-breakpoint
CREATE INDEX `plan_actions_partner_idx` ON `plan_actions` (`owner_partner_id`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `partner_id` text REFERENCES partners(id);--> statement-breakpoint
ALTER TABLE `review_members` ADD `partner_id` text REFERENCES partners(id);