import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import pg from "pg";
import { MIGRATIONS_FOLDER } from "../client";
import { pgConnectionProblem, pgMigrations, pgMigrationState } from "./client";
import * as schema from "./schema";

/*
 * `npm run db:copy -- --from <sqlite file> --to <postgres url>`: a whole instance, every table and
 * the uploaded files, into an empty PostgreSQL database, in one transaction that also applies the
 * migrations when the database has none. Row counts and file hashes are compared on both sides
 * before the commit: a difference rolls everything back. Refusals are one line (CopyRefused).
 */

export class CopyRefused extends Error {}

export type CopyReport = {
  tables: { table: string; sqlite: number; postgres: number }[];
  /** Files read from the uploads folder, and stored in PostgreSQL with the same SHA-256. */
  files: { sqlite: number; postgres: number; bytes: number; mismatched: string[] };
  migrated: boolean;
};

type TableInfo = { name: string; columns: PgColumn[]; primaryKey: string[]; selfReferences: string[] };

/** The PostgreSQL tables in an order where every table comes after those its foreign keys point to. */
export function tablesInForeignKeyOrder(): TableInfo[] {
  const tables = Object.values(schema).flatMap((value: unknown) => (is(value, PgTable) ? [getTableConfig(value)] : []));
  const dependsOn = new Map<string, Set<string>>();
  const selfReferences = new Map<string, string[]>();
  for (const table of tables) {
    const targets = new Set<string>();
    const own: string[] = [];
    for (const key of table.foreignKeys) {
      const reference = key.reference();
      const target = getTableConfig(reference.foreignTable).name;
      if (target === table.name) own.push(...reference.columns.map((column) => column.name));
      else targets.add(target);
    }
    dependsOn.set(table.name, targets);
    selfReferences.set(table.name, own);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (placed.size < tables.length) {
    const ready = tables.filter((table) => !placed.has(table.name) && [...dependsOn.get(table.name)!].every((target) => placed.has(target)));
    if (!ready.length) throw new Error(`The foreign keys between ${tables.filter((table) => !placed.has(table.name)).map((table) => table.name)} form a cycle`);
    for (const table of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      placed.add(table.name);
      const single = table.columns.filter((column) => column.primary).map((column) => column.name);
      ordered.push({
        name: table.name,
        columns: table.columns,
        primaryKey: single.length ? single : table.primaryKeys[0]!.columns.map((column) => column.name),
        selfReferences: selfReferences.get(table.name)!,
      });
    }
  }
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A SQLite value as the PostgreSQL column takes it: booleans from 0/1, whole milliseconds as Date would read them. */
function convert(column: PgColumn, value: unknown) {
  if (value === null || value === undefined) return null;
  if (column.columnType === "PgBoolean") return value === 1 || value === true;
  // drizzle's timestamp_ms reads a stored 1733140000123.0002 as new Date(…), which drops the fraction.
  if (column.getSQLType() === "bigint") return Math.trunc(Number(value));
  return value;
}

function sha256File(file: string) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function openSqlite(file: string) {
  if (!fs.existsSync(file)) throw new CopyRefused(`the SQLite database ${file} does not exist`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    throw new CopyRefused(`the SQLite database ${file} cannot be read: ${(error as Error).message}`);
  }
  const known = (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
  const hasJournal = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'").get();
  const applied = hasJournal ? (sqlite.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get() as number) : 0;
  if (applied !== known) {
    sqlite.close();
    throw new CopyRefused(
      `the SQLite database ${file} is at migration ${applied} of this code's ${known}: ${applied < known ? `run \`DATABASE_PATH=${file} npm run db:migrate\` first` : "copy it with the code it was written by"}`,
    );
  }
  return sqlite;
}

/** The stored files the documents point to, read and checked against their names (their SHA-256). */
function readUploads(sqlite: Database.Database, uploadsPath: string) {
  const hashes = sqlite.prepare("SELECT DISTINCT file_sha256 FROM documents WHERE file_sha256 IS NOT NULL ORDER BY file_sha256").pluck().all() as string[];
  return hashes.map((sha256) => {
    const file = path.join(uploadsPath, sha256);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new CopyRefused(`a document points to a file named ${JSON.stringify(sha256)}, which is not a SHA-256`);
    if (!fs.existsSync(file)) throw new CopyRefused(`the uploaded file ${file} is missing (set --uploads to the instance's UPLOADS_PATH)`);
    const actual = sha256File(file);
    if (actual !== sha256) throw new CopyRefused(`the uploaded file ${file} is damaged: its SHA-256 is ${actual}`);
    return { sha256, file };
  });
}

async function applyMigrations(client: pg.ClientBase) {
  // drizzle's migrator commits on its own; here the migrations are part of the copy's transaction.
  await client.query(`CREATE SCHEMA IF NOT EXISTS drizzle`);
  await client.query(`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
  const folder = path.resolve(process.cwd(), "db/migrations-pg");
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const migrations = pgMigrations();
  for (const [index, entry] of journal.entries.entries()) {
    const text = fs.readFileSync(path.join(folder, `${entry.tag}.sql`), "utf8");
    for (const statement of text.split("--> statement-breakpoint")) if (statement.trim()) await client.query(statement);
    await client.query(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)`, [
      migrations[index]!.hash,
      migrations[index]!.folderMillis,
    ]);
  }
}

/** Refuses a database that holds anything; true when it is empty and already at this code's migrations. */
async function refuseUnlessEmpty(client: pg.ClientBase, tables: TableInfo[], where: string) {
  const state = await pgMigrationState(client);
  if (state.state === "ahead") throw new CopyRefused(`${where} has migrations this code does not know (it is newer): copy with the code that wrote it`);
  if (state.state === "behind")
    throw new CopyRefused(`${where} is at migration ${state.applied} of this code's ${state.known}: copy into a new, empty database`);
  if (state.state === "none") {
    const { rows } = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' LIMIT 1`);
    if (rows.length) throw new CopyRefused(`${where} is not empty: it has tables (such as ${rows[0]!.name}) but none of this app's migrations`);
    return false;
  }
  for (const table of tables) {
    const { rows } = await client.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table.name)}) AS found`);
    if (rows[0]!.found) throw new CopyRefused(`${where} is not empty: ${table.name} has rows; db:copy only fills an empty database`);
  }
  return true;
}

/**
 * Copies one table, reading SQLite a batch at a time (a large log never sits whole in memory);
 * returns how many rows were read. A row pointing to another of its own table (a review's previous
 * review) is linked once all the table's rows are in.
 */
async function copyTable(sqlite: Database.Database, client: pg.ClientBase, table: TableInfo) {
  const names = table.columns.map((column) => column.name);
  const batchSize = Math.max(1, Math.floor(30_000 / names.length));
  const links: Record<string, unknown>[] = [];
  let count = 0;
  const insert = async (batch: Record<string, unknown>[]) => {
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const placeholders = table.columns.map((column) => {
        values.push(table.selfReferences.includes(column.name) ? null : convert(column, row[column.name]));
        return `$${values.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await client.query(`INSERT INTO ${quote(table.name)} (${names.map(quote).join(", ")}) VALUES ${tuples.join(", ")}`, values);
  };
  let batch: Record<string, unknown>[] = [];
  for (const row of sqlite.prepare(`SELECT * FROM ${quote(table.name)}`).iterate() as IterableIterator<Record<string, unknown>>) {
    count += 1;
    if (table.selfReferences.some((column) => row[column] !== null && row[column] !== undefined)) links.push(row);
    batch.push(row);
    if (batch.length === batchSize) {
      await insert(batch);
      batch = [];
    }
  }
  if (batch.length) await insert(batch);
  for (const column of table.selfReferences) {
    for (const row of links) {
      if (row[column] === null || row[column] === undefined) continue;
      const keys = table.primaryKey.map((key, index) => `${quote(key)} = $${index + 2}`).join(" AND ");
      await client.query(`UPDATE ${quote(table.name)} SET ${quote(column)} = $1 WHERE ${keys}`, [row[column], ...table.primaryKey.map((key) => row[key])]);
    }
  }
  return count;
}

export async function copySqliteToPg({ from, to, uploadsPath }: { from: string; to: string; uploadsPath: string }): Promise<CopyReport> {
  const sqlite = openSqlite(from);
  try {
    const all = tablesInForeignKeyOrder();
    const copied = all.filter((table) => table.name !== "stored_files");
    const sqliteTables = new Set(
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
        .pluck()
        .all() as string[],
    );
    for (const table of copied) {
      if (!sqliteTables.has(table.name)) throw new CopyRefused(`the SQLite database ${from} has no table ${table.name}`);
      const columns = (sqlite.pragma(`table_info(${quote(table.name)})`) as { name: string }[]).map((column) => column.name).sort();
      const expected = table.columns.map((column) => column.name).sort();
      if (columns.join() !== expected.join())
        throw new CopyRefused(`the SQLite table ${table.name} has columns ${columns.join(", ")}, PostgreSQL's ${expected.join(", ")}`);
    }
    const uploads = readUploads(sqlite, uploadsPath);

    const client = new pg.Client({ connectionString: to, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
    } catch (error) {
      throw new CopyRefused(pgConnectionProblem(to, error));
    }
    client.on("error", () => {});
    try {
      await client.query("BEGIN");
      const migrated = !(await refuseUnlessEmpty(client, all, "the target database"));
      if (migrated) await applyMigrations(client);

      const tables: CopyReport["tables"] = [];
      // One read snapshot of SQLite for every table: its counts are those of the rows copied.
      sqlite.exec("BEGIN");
      for (const table of copied) {
        const read = await copyTable(sqlite, client, table);
        const counted = sqlite
          .prepare(`SELECT count(*) FROM ${quote(table.name)}`)
          .pluck()
          .get() as number;
        if (read !== counted) throw new Error(`${table.name}: ${read} rows read but ${counted} counted in SQLite`);
        const { rows: inPg } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table.name)}`);
        tables.push({ table: table.name, sqlite: counted, postgres: inPg[0]!.n });
      }
      sqlite.exec("COMMIT");
      for (const table of copied) {
        const identity = table.columns.find((column) => (column as { generatedIdentity?: unknown }).generatedIdentity);
        if (!identity) continue;
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(identity.name)}) FROM ${quote(table.name)}), 0) + 1, false)`,
          [table.name, identity.name],
        );
      }

      let bytes = 0;
      for (const upload of uploads) {
        const content = fs.readFileSync(upload.file);
        bytes += content.length;
        await client.query(`INSERT INTO stored_files (sha256, size, content) VALUES ($1, $2, $3)`, [upload.sha256, content.length, content]);
      }
      const { rows: stored } = await client.query<{ sha256: string; actual: string }>(
        `SELECT sha256, encode(sha256(content), 'hex') AS actual FROM stored_files`,
      );
      const storedHashes = new Map(stored.map((row) => [row.sha256, row.actual]));
      const mismatched = uploads.filter((upload) => storedHashes.get(upload.sha256) !== upload.sha256).map((upload) => upload.sha256);

      const matched = stored.filter((row) => row.actual === row.sha256).length;
      const report: CopyReport = { tables, files: { sqlite: uploads.length, postgres: matched, bytes, mismatched }, migrated };
      const differences = tables.filter((table) => table.sqlite !== table.postgres);
      if (differences.length || mismatched.length || matched !== uploads.length || stored.length !== uploads.length) {
        await client.query("ROLLBACK");
        const what = [...differences.map((table) => `${table.table} ${table.sqlite} ≠ ${table.postgres}`), ...mismatched.map((sha) => `file ${sha}`)];
        throw new CopyRefused(`the copy differs from the source (${what.join("; ")}); nothing was written`);
      }
      await client.query("COMMIT");
      return report;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      await client.query("ROLLBACK").catch(() => {});
      if (error instanceof CopyRefused) throw error;
      throw new CopyRefused(`the copy failed and nothing was written: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    sqlite.close();
  }
}

/** The report as printed: one line per table, then the files. */
export function formatCopyReport(report: CopyReport) {
  const width = Math.max(...report.tables.map((table) => table.table.length), "files (SHA-256 checked)".length);
  const line = (name: string, a: string | number, b: string | number) => `${name.padEnd(width)}  ${String(a).padStart(8)}  ${String(b).padStart(8)}`;
  return [
    line("table", "sqlite", "postgres"),
    ...report.tables.map((table) => line(table.table, table.sqlite, table.postgres)),
    line("files (SHA-256 checked)", report.files.sqlite, report.files.postgres),
  ].join("\n");
}
