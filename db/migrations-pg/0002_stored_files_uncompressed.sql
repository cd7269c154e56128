-- Uploaded files are mostly compressed already (PDF, DOCX, images). Kept uncompressed out of line,
-- a download reads each 1 MB chunk with substring() without decompressing the file up to it
-- (db/pg/files.ts).
ALTER TABLE "stored_files" ALTER COLUMN "content" SET STORAGE EXTERNAL;
