import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDb, migratePgDb, type PgDb } from "#db/pg/client";
import { CHUNK_BYTES, readStoredFile, storeFile } from "#db/pg/files";
import { freshPgDatabase, logPgSkip, pgSkipReason } from "./pg";

// Uploaded files as PostgreSQL rows: stored once per SHA-256, kept uncompressed, and read back in
// chunks of 1 MB, each its own query, as the reader pulls them.

logPgSkip("test/db/pg-files.test.ts");

describe("stored files on PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof freshPgDatabase>> | undefined;
  let db: PgDb;
  beforeAll(async () => {
    if (pgSkipReason) return;
    database = await freshPgDatabase("files");
    db = createPgDb(database.url, { max: 2 });
    await migratePgDb(db);
  });
  afterAll(async () => {
    await db?.$client.end();
    await database?.drop();
  });

  it.runIf(!pgSkipReason)("keep a file once under its SHA-256 and give it back byte for byte, one chunk per read", async () => {
    const content = crypto.randomBytes(3 * CHUNK_BYTES + 12_345);
    const sha256 = await db.transaction(async (tx) => storeFile(tx, content));
    expect(sha256).toBe(crypto.createHash("sha256").update(content).digest("hex"));
    expect(await storeFile(db, content)).toBe(sha256);
    const { rows } = await db.$client.query<{ n: number; storage: string }>(
      `SELECT (SELECT count(*)::int FROM stored_files) AS n,
        (SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'stored_files'::regclass AND attname = 'content') AS storage`,
    );
    expect(rows[0]).toEqual({ n: 1, storage: "e" });

    const file = await readStoredFile(db, sha256);
    expect(file?.size).toBe(content.length);
    const chunks: Buffer[] = [];
    for await (const chunk of file!.stream) chunks.push(chunk as Buffer);
    expect(chunks.map((chunk) => chunk.length)).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES, 12_345]);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);

    expect(await readStoredFile(db, "0".repeat(64))).toBeNull();
  });
});
