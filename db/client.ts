import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** `SQLITE_SYNCHRONOUS`: how hard a commit waits for the disk (see the README's configuration). */
export const SYNCHRONOUS_MODES = ["normal", "full"] as const;
export type SynchronousMode = (typeof SYNCHRONOUS_MODES)[number];

/**
 * Opens (creating if needed) the SQLite file with the settings every caller needs:
 * WAL so readers never wait on the writer, foreign keys on, and a busy timeout so a
 * concurrent CLI (seed, backup) waits instead of failing. With WAL, `synchronous=normal`
 * never corrupts the file, but a power cut may lose the last commits; `full` keeps
 * every commit the app confirmed, at the cost of one disk flush per commit.
 */
export function createDb(filePath: string, { synchronous = "normal" }: { synchronous?: SynchronousMode } = {}): Db {
  if (filePath !== ":memory:") {
    const dir = path.dirname(path.resolve(filePath));
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      throw new Error(`Database folder "${dir}" cannot be created or written (DATABASE_PATH=${filePath})`);
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(filePath);
    sqlite.pragma("journal_mode = WAL");
  } catch (error) {
    throw new Error(`Database "${filePath}" cannot be opened: ${(error as Error).message}`);
  }
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma(`synchronous = ${synchronous === "full" ? "FULL" : "NORMAL"}`);
  return drizzle({ client: sqlite, schema }) as Db;
}

/** Applies committed migrations; drizzle records them, so running it again is a no-op. */
export function migrateDb(db: Db) {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/**
 * PRAGMA quick_check: every page of every table and index read and checked (not the index
 * contents against their tables, which integrity_check adds). A file whose header is intact but
 * whose pages are damaged opens without complaint and fails only later, page by page; this
 * finds it before the app starts: about half a second per 100 MB (docs/decisions/0013).
 */
export function checkDatabase(db: Db, filePath: string): void {
  let problems: string[];
  try {
    problems = (db.$client.pragma("quick_check(3)") as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (problems.length === 1 && problems[0] === "ok") return;
  throw new Error(`Database "${filePath}" is damaged (${problems.join("; ").replace(/\s+/g, " ")}); restore the latest backup (see "Backups" in the README)`);
}

/*
 * The last write the disk refused, per database handle: a full disk is often met first by a
 * user's save, and /healthz keeps saying so for a while after (see databaseHealth).
 */
const writeFailures = new WeakMap<Database.Database, { code: string; at: number }>();
const WRITE_FAILURE_MEMORY_MS = 60_000;

export function recordWriteFailure(db: Db, code: string) {
  writeFailures.set(db.$client, { code, at: Date.now() });
}

/** Free bytes this process may use on the disk holding the database (null when unknown). */
function freeBytes(filePath: string): number | null {
  if (filePath === ":memory:") return null;
  try {
    const stats = fs.statfsSync(path.dirname(path.resolve(filePath)));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** Below this, a commit may not find room for its WAL frames. */
const MIN_FREE_BYTES = 1024 * 1024;

/**
 * Whether the database can be read and written now, each as null (fine) or why not. Reads one
 * row of every table (its root page at least); for writes, takes the write lock and lets go
 * (a read-only or locked file fails here), checks the free disk space and the page limit, and
 * remembers a write the disk refused in the last minute. Changes nothing.
 */
export function databaseHealth(db: Db): { read: string | null; write: string | null } {
  const sqlite = db.$client;
  let read: string | null = null;
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const table of tables) sqlite.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}" LIMIT 1`).all();
  } catch (error) {
    read = `${(error as { code?: string }).code ?? "error"}: ${(error as Error).message}`;
  }
  let write: string | null = null;
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    sqlite.exec("ROLLBACK");
    const pages = sqlite.pragma("page_count", { simple: true }) as number;
    const limit = sqlite.pragma("max_page_count", { simple: true }) as number;
    const free = freeBytes(sqlite.name);
    const failure = writeFailures.get(sqlite);
    if (pages >= limit) write = "the database has reached its size limit (max_page_count)";
    else if (free !== null && free < MIN_FREE_BYTES) write = `the disk is full (${free} bytes free)`;
    else if (failure && Date.now() - failure.at < WRITE_FAILURE_MEMORY_MS) {
      write = `a write failed with ${failure.code} ${Math.round((Date.now() - failure.at) / 1000)} s ago`;
    }
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    write = `${(error as { code?: string }).code ?? "error"}: ${(error as Error).message}`;
  }
  return { read, write };
}
