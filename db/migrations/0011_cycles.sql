CREATE TABLE `follow_ups` (
	`review_id` text NOT NULL,
	`recommendation_id` text NOT NULL,
	`host_account` text DEFAULT '' NOT NULL,
	`host_updated_by` text,
	`host_updated_at` integer,
	`verdict` text,
	`evidence_id` text,
	`verdict_by` text,
	`verdict_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`review_id`, `recommendation_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`host_updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`verdict_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `recommendations` ADD `continues_id` text REFERENCES recommendations(id);--> statement-breakpoint
ALTER TABLE `reviews` ADD `previous_review_id` text REFERENCES reviews(id);--> statement-breakpoint
ALTER TABLE `sa_answers` ADD `carried_over_from` integer;