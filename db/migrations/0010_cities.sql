CREATE TABLE `cities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`time_zone` text DEFAULT 'Europe/Brussels' NOT NULL,
	`languages` text DEFAULT '["fr","en"]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cities_name_country_idx` ON `cities` (`name`,`country`);--> statement-breakpoint
ALTER TABLE `reviews` ADD `city_id` text REFERENCES cities(id);--> statement-breakpoint
CREATE INDEX `reviews_city_idx` ON `reviews` (`city_id`);--> statement-breakpoint
-- One city per distinct (host_city, country) of the existing reviews, with the time zone of its latest review and every language its reviews report in.
INSERT INTO `cities` (`id`, `name`, `country`, `time_zone`, `languages`, `created_at`)
SELECT
	lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
	g.`host_city`,
	g.`country`,
	(SELECT r.`time_zone` FROM `reviews` r WHERE r.`host_city` = g.`host_city` AND r.`country` = g.`country` ORDER BY r.`created_at` DESC, r.`id` DESC LIMIT 1),
	coalesce(
		(SELECT json_group_array(DISTINCT l.`value`) FROM `reviews` r, json_each(r.`report_locales`) l WHERE r.`host_city` = g.`host_city` AND r.`country` = g.`country`),
		'["fr","en"]'
	),
	g.`first_created_at`
FROM (SELECT `host_city`, `country`, min(`created_at`) AS `first_created_at` FROM `reviews` GROUP BY `host_city`, `country`) g;
--> statement-breakpoint
UPDATE `reviews` SET `city_id` = (SELECT c.`id` FROM `cities` c WHERE c.`name` = `reviews`.`host_city` AND c.`country` = `reviews`.`country`);
