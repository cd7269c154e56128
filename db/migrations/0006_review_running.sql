CREATE TABLE `agenda_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`meeting` text NOT NULL,
	`factor_ids` text DEFAULT '[]' NOT NULL,
	`lead_reviewer_id` text,
	`state` text DEFAULT 'proposed' NOT NULL,
	`interview_id` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_review_idx` ON `agenda_slots` (`review_id`,`date`,`start_time`);--> statement-breakpoint
CREATE TABLE `factor_assignments` (
	`review_id` text NOT NULL,
	`factor_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`review_id`, `factor_id`, `user_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `team_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`factor_id` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `team_notes_review_idx` ON `team_notes` (`review_id`,`factor_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_issued_reports` (
	`review_id` text NOT NULL,
	`locale` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`sha256` text NOT NULL,
	`pdf` blob NOT NULL,
	`pages` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`issue_reason` text,
	`superseded_at` integer,
	PRIMARY KEY(`review_id`, `locale`, `version`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_issued_reports`("review_id", "locale", "sha256", "pdf", "pages", "issued_at") SELECT "review_id", "locale", "sha256", "pdf", "pages", "issued_at" FROM `issued_reports`;--> statement-breakpoint
DROP TABLE `issued_reports`;--> statement-breakpoint
ALTER TABLE `__new_issued_reports` RENAME TO `issued_reports`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_factual_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`part` text DEFAULT 'factor' NOT NULL,
	`factor_id` text,
	`recommendation_id` text,
	`text` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`response` text,
	`outcome` text,
	`resolved_by` text,
	`resolved_at` integer,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_factual_comments`("id", "review_id", "factor_id", "text", "author_id", "created_at", "response", "resolved_by", "resolved_at") SELECT "id", "review_id", "factor_id", "text", "author_id", "created_at", "response", "resolved_by", "resolved_at" FROM `factual_comments`;--> statement-breakpoint
DROP TABLE `factual_comments`;--> statement-breakpoint
ALTER TABLE `__new_factual_comments` RENAME TO `factual_comments`;--> statement-breakpoint
CREATE INDEX `comments_review_idx` ON `factual_comments` (`review_id`,`factor_id`);--> statement-breakpoint
CREATE TABLE `factual_comment_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`comment_id` text NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `factual_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comment_replies_comment_idx` ON `factual_comment_replies` (`comment_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `reviews` ADD `report_locales` text DEFAULT '["fr","en"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `archived_at` integer;