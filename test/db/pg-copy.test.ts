import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getTableConfig as pgConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asyncDbOf } from "#db/async-db";
import { createDb, migrateDb } from "#db/client";
import { createPgDb } from "#db/pg/client";
import { copySqliteToPg, CopyRefused } from "#db/pg/copy";
import { DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, seedDemo } from "#db/seed/index";
import { freshPgDatabase, logPgSkip, pgSkipReason } from "./pg";
import { pgTables, sqliteTables } from "./schema-shape";

// npm run db:copy on the live PostgreSQL: the demo instance (plus an uploaded file, an issued
// report's bytes and a review that follows another) arrives whole, value for value; every refusal
// is one line and a non-zero exit, and a copy that fails half-way leaves the target as it was.

logPgSkip("test/db/pg-copy.test.ts");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-copy-"));
const sqliteFile = path.join(work, "demo.sqlite");
const uploads = path.join(work, "uploads");
const FILE_BYTES = Buffer.from("%PDF-1.4\nminutes of the equality council, March\n%%EOF\n");
const FILE_SHA = crypto.createHash("sha256").update(FILE_BYTES).digest("hex");

async function makeDemoInstance(file: string) {
  const db = createDb(file);
  migrateDb(db);
  await seedDemo(asyncDbOf(db));
  fs.mkdirSync(uploads, { recursive: true });
  fs.writeFileSync(path.join(uploads, FILE_SHA), FILE_BYTES);
  const sqlite = db.$client;
  const document = sqlite.prepare("SELECT id FROM documents WHERE review_id = ? ORDER BY id LIMIT 1").pluck().get(DEMO_REVIEW_ID) as string;
  sqlite
    .prepare("UPDATE documents SET file_sha256 = ?, file_name = 'minutes.pdf', file_mime = 'application/pdf', file_size = ? WHERE id = ?")
    .run(FILE_SHA, FILE_BYTES.length, document);
  sqlite
    .prepare("INSERT INTO issued_reports (review_id, locale, version, sha256, pdf, pages, issued_at) VALUES (?, 'en', 1, ?, ?, 1, ?)")
    .run(DEMO_REVIEW_ID, FILE_SHA, FILE_BYTES, 1772442000123);
  // A review following another of the same table: copied before or after the one it points to.
  sqlite.prepare("UPDATE reviews SET previous_review_id = ? WHERE id = ?").run(DEMO_REVIEW_ID, DEMO_ECCAR_REVIEW_ID);
  // A timestamp as unixepoch('subsec') * 1000 may store it: with a fraction of a millisecond.
  sqlite.prepare("UPDATE users SET deactivated_at = 1772442000123.4 WHERE email = 'outsider@demo.test'").run();
  sqlite.close();
}

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "db/copy-cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, UPLOADS_PATH: uploads },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

async function publicTables(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')`);
  await client.end();
  return rows.map((row) => row.name);
}

// Each CLI run starts tsx afresh (about 1.5 s here, more on a busy machine).
const CLI_TIME_LIMIT_MS = 90_000;

const byKey = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("npm run db:copy", () => {
  const databases: { drop: () => Promise<unknown> }[] = [];
  async function fresh(label: string) {
    const database = await freshPgDatabase(label);
    databases.push(database);
    return database;
  }
  beforeAll(async () => {
    if (!pgSkipReason) await makeDemoInstance(sqliteFile);
  });
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it.runIf(!pgSkipReason)(
    "copies every table and file of the demo instance, value for value, and prints the counts and hashes of both sides",
    async () => {
      const target = await fresh("copy");
      const cli = runCli(["--from", sqliteFile, "--to", target.url]);
      expect(cli.stderr).toBe("");
      expect(cli.status).toBe(0);
      expect(cli.stdout).toMatch(/^evidence\s+40\s+40$/m);
      expect(cli.stdout).toMatch(/^audit_log\s+(\d+)\s+\1$/m);
      expect(cli.stdout).toMatch(/^files \(SHA-256 checked\)\s+1\s+1$/m);
      expect(cli.stdout).toContain("(migrations applied)");

      // Read back through both schemas: the model functions would see the same values on either store.
      const sqliteDb = createDb(sqliteFile);
      const pgDb = createPgDb(target.url, { max: 2 });
      try {
        const pgByName = new Map(pgTables.map((table) => [pgConfig(table).name, table] as const));
        for (const table of sqliteTables) {
          const name = sqliteConfig(table).name;
          const fromSqlite = sqliteDb
            .select()
            .from(table as SQLiteTable)
            .all() as Record<string, unknown>[];
          const fromPg = (await pgDb.select().from(pgByName.get(name)! as PgTable)) as Record<string, unknown>[];
          expect({ table: name, rows: byKey(fromPg) }).toEqual({ table: name, rows: byKey(fromSqlite) });
        }
        const files = await pgDb.$client.query<{ sha: string; content: Buffer }>(`SELECT encode(sha256(content), 'hex') AS sha, content FROM stored_files`);
        expect(files.rows).toEqual([{ sha: FILE_SHA, content: FILE_BYTES }]);
        // The audit log's identity goes on after the copied ids.
        const copiedMax = await pgDb.$client.query<{ max: number }>(`SELECT max(id) AS max FROM audit_log`);
        const next = await pgDb.$client.query<{ id: number }>(`INSERT INTO audit_log (action, entity, entity_id) VALUES ('test', 'test', 'test') RETURNING id`);
        expect(next.rows[0]!.id).toBe(copiedMax.rows[0]!.max + 1);
      } finally {
        sqliteDb.$client.close();
        await pgDb.$client.end();
      }

      // A second copy into it is refused: the target is not empty.
      const again = runCli(["--from", sqliteFile, "--to", target.url]);
      expect(again.status).toBe(1);
      expect(again.stderr).toBe("error: the target database is not empty: cities has rows; db:copy only fills an empty database");
    },
    CLI_TIME_LIMIT_MS,
  );

  it.runIf(!pgSkipReason)(
    "refuses a wrong password, an unreachable server and a database at another migration in one line, writing nothing",
    async () => {
      const target = await fresh("refusals");
      const url = new URL(target.url);
      url.password = "not-the-password";
      const wrongPassword = runCli(["--from", sqliteFile, "--to", url.toString()]);
      expect([wrongPassword.status, wrongPassword.stderr]).toEqual([
        1,
        `error: PostgreSQL refused the password (${target.name} on ${url.hostname}:${url.port || "5432"} as ${url.username})`,
      ]);

      const unreachable = runCli(["--from", sqliteFile, "--to", `postgres://workbench:workbench@127.0.0.1:1/${target.name}`]);
      expect([unreachable.status, unreachable.stderr]).toEqual([
        1,
        `error: PostgreSQL cannot be reached (${target.name} on 127.0.0.1:1 as workbench): ECONNREFUSED`,
      ]);

      // At another migration: one this code does not know, then an older one.
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      await client.query(`CREATE SCHEMA drizzle; CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
      await client.query(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('a-migration-from-newer-code', 1)`);
      const ahead = runCli(["--from", sqliteFile, "--to", target.url]);
      expect([ahead.status, ahead.stderr]).toEqual([
        1,
        "error: the target database has migrations this code does not know (it is newer): copy with the code that wrote it",
      ]);
      const first = JSON.parse(fs.readFileSync("db/migrations-pg/meta/_journal.json", "utf8")) as { entries: unknown[] };
      await client.query(`DELETE FROM drizzle.__drizzle_migrations`);
      const firstSql = fs.readFileSync(`db/migrations-pg/0000_initial.sql`, "utf8");
      await client.query(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, 1)`, [
        crypto.createHash("sha256").update(firstSql).digest("hex"),
      ]);
      const behind = runCli(["--from", sqliteFile, "--to", target.url]);
      expect([behind.status, behind.stderr]).toEqual([
        1,
        `error: the target database is at migration 1 of this code's ${first.entries.length}: copy into a new, empty database`,
      ]);
      await client.end();
      expect(await publicTables(target.url)).toEqual(["__drizzle_migrations"]);

      const notThere = runCli(["--from", path.join(work, "missing.sqlite"), "--to", target.url]);
      expect([notThere.status, notThere.stderr]).toEqual([1, `error: the SQLite database ${path.join(work, "missing.sqlite")} does not exist`]);
    },
    CLI_TIME_LIMIT_MS,
  );

  it.runIf(!pgSkipReason)(
    "leaves the target as it was when the copy fails half-way, migrations included",
    async () => {
      const broken = path.join(work, "broken.sqlite");
      fs.copyFileSync(sqliteFile, broken);
      const sqlite = createDb(broken);
      // SQLite takes any text in a json column; PostgreSQL's jsonb refuses this one, after the tables before it were copied.
      sqlite.$client.prepare("UPDATE notifications SET params = 'not json' WHERE rowid = (SELECT min(rowid) FROM notifications)").run();
      sqlite.$client.close();
      const target = await fresh("halfway");
      await expect(copySqliteToPg({ from: broken, to: target.url, uploadsPath: uploads })).rejects.toThrow(CopyRefused);
      await expect(copySqliteToPg({ from: broken, to: target.url, uploadsPath: uploads })).rejects.toThrow(
        /^the copy failed and nothing was written: invalid input syntax for type json/,
      );
      expect(await publicTables(target.url)).toEqual([]);

      // A missing uploaded file is named before anything is written.
      const noFiles = path.join(work, "no-uploads");
      fs.mkdirSync(noFiles);
      await expect(copySqliteToPg({ from: sqliteFile, to: target.url, uploadsPath: noFiles })).rejects.toThrow(
        `the uploaded file ${path.join(noFiles, FILE_SHA)} is missing (set --uploads to the instance's UPLOADS_PATH)`,
      );
      expect(await publicTables(target.url)).toEqual([]);
    },
    CLI_TIME_LIMIT_MS,
  );
});
