CREATE TABLE `city_action_years` (
	`action_id` text NOT NULL,
	`year` integer NOT NULL,
	`status` text NOT NULL,
	`results` text DEFAULT '' NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`action_id`, `year`),
	FOREIGN KEY (`action_id`) REFERENCES `city_actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `city_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`factor_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`responsible_service` text DEFAULT '' NOT NULL,
	`partners` text DEFAULT '' NOT NULL,
	`start_year` integer NOT NULL,
	`end_year` integer,
	`budget` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`indicators` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `city_actions_review_idx` ON `city_actions` (`review_id`,`factor_id`,`position`);--> statement-breakpoint
CREATE TABLE `prefill_decisions` (
	`review_id` text NOT NULL,
	`factor_id` text NOT NULL,
	`source_review_id` text NOT NULL,
	`source_type` text NOT NULL,
	`source_id` text NOT NULL,
	`decision` text NOT NULL,
	`decided_by` text,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `factor_id`, `source_review_id`, `source_type`, `source_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `reviews` ADD `coordinating_entity` text DEFAULT '' NOT NULL;