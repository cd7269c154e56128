import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/**
 * Opens (creating if needed) the SQLite file with the settings every caller needs:
 * WAL so readers never wait on the writer, foreign keys on, and a busy timeout so a
 * concurrent CLI (seed, backup) waits instead of failing.
 */
export function createDb(filePath: string): Db {
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
  sqlite.pragma("synchronous = NORMAL");
  return drizzle({ client: sqlite, schema }) as Db;
}

/** Applies committed migrations; drizzle records them, so running it again is a no-op. */
export function migrateDb(db: Db) {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
