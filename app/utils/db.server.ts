import { asyncDbOf, type AsyncDb } from "#db/async-db";
import { createDb, migrateDb, type Db } from "#db/client";
import { getEnv } from "./env.server";

declare global {
  var __workbenchDb: Db | undefined;
  var __workbenchAsyncDb: AsyncDb | undefined;
}

/**
 * The one database handle of the process. Kept on globalThis so Vite's dev-time module
 * reloads do not open the file again; migrations run once when it is first opened.
 */
function openDb(): Db {
  const env = getEnv();
  const db = createDb(env.DATABASE_PATH, { synchronous: env.SQLITE_SYNCHRONOUS });
  migrateDb(db);
  return db;
}

/**
 * The synchronous drizzle API on that connection, for the model files not yet moved to
 * `asyncDb` (docs/decisions/0029, "Async transactions"), and for the scripts and checks that need
 * better-sqlite3 itself (`db.$client`: backups, PRAGMAs).
 */
export const db: Db = (globalThis.__workbenchDb ??= openDb());

/** The same connection, asynchronous: every statement waits for the connection's lock. */
export const asyncDb: AsyncDb = (globalThis.__workbenchAsyncDb ??= asyncDbOf(db));

export { exclusively, read, transaction } from "#db/async-db";
