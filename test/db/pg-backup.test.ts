import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { asyncDbOf } from "#db/async-db";
import { createDb, migrateDb } from "#db/client";
import { pgMigrationState } from "#db/pg/client";
import { copySqliteToPg } from "#db/pg/copy";
import { DEMO_REVIEW_ID, seedDemo } from "#db/seed/index";
import { freshPgDatabase, logPgSkip, pgSkipReason } from "./pg";

// The README's PostgreSQL backup, done once: the demo instance copied in, `pg_dump -Fc`, then
// `pg_restore` into another database, which then holds the same rows in every table and the same
// files, and is at the same migration.

logPgSkip("test/db/pg-backup.test.ts");

async function countsOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`)).rows[0]!.n;
    const files = await client.query<{ sha: string }>(`SELECT encode(sha256(content), 'hex') AS sha FROM stored_files ORDER BY 1`);
    return { counts, files: files.rows.map((row) => row.sha), migrations: await pgMigrationState(client) };
  } finally {
    await client.end();
  }
}

describe("PostgreSQL backup and restore (pg_dump -Fc, pg_restore)", () => {
  const databases: { drop: () => Promise<unknown> }[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it.runIf(!pgSkipReason)(
    "restore the copied demo into another database with every row and file",
    async () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-pgdump-"));
      const sqliteFile = path.join(work, "demo.sqlite");
      const db = createDb(sqliteFile);
      migrateDb(db);
      await seedDemo(asyncDbOf(db));
      const uploads = path.join(work, "uploads");
      fs.mkdirSync(uploads);
      const bytes = Buffer.from("%PDF-1.4\nannual report\n%%EOF\n");
      const sha = crypto.createHash("sha256").update(bytes).digest("hex");
      fs.writeFileSync(path.join(uploads, sha), bytes);
      db.$client.prepare("UPDATE documents SET file_sha256 = ? WHERE id = (SELECT min(id) FROM documents WHERE review_id = ?)").run(sha, DEMO_REVIEW_ID);
      db.$client.close();

      const source = await freshPgDatabase("dump");
      const restored = await freshPgDatabase("restore");
      databases.push(source, restored);
      await copySqliteToPg({ from: sqliteFile, to: source.url, uploadsPath: uploads });

      const dump = path.join(work, "workbench.dump");
      execFileSync("pg_dump", ["--format=custom", `--file=${dump}`, `--dbname=${source.url}`]);
      execFileSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${restored.url}`, dump]);

      const before = await countsOf(source.url);
      const after = await countsOf(restored.url);
      expect(after).toEqual(before);
      expect(before.counts.evidence).toBe(40);
      expect(before.files).toEqual([sha]);
      expect(before.migrations.state).toBe("current");
    },
    60_000,
  );
});
