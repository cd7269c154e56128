ALTER TABLE `issued_reports` ADD `docx` blob;--> statement-breakpoint
ALTER TABLE `issued_reports` ADD `docx_sha256` text;