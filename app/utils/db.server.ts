import { asyncDbOf, type AsyncDb } from "#db/async-db";
import { createDb, migrateDb, type Db } from "#db/client";
import { getEnv } from "./env.server";

declare global {
  var __workbenchDb: Db | undefined;
  var __workbenchAsyncDb: AsyncDb | undefined;
}

/**
 * Which store this process runs on: PostgreSQL when `DATABASE_URL` is set, else the SQLite file
 * at `DATABASE_PATH` (docs/decisions/0032). `npm start` migrates either before the server starts.
 */
export const store: "sqlite" | "pg" = getEnv().DATABASE_URL ? "pg" : "sqlite";

/**
 * The one SQLite handle of the process. Kept on globalThis so Vite's dev-time module reloads do
 * not open the file again; migrations run once when it is first opened.
 */
function openSqlite(): Db {
  const env = getEnv();
  const db = createDb(env.DATABASE_PATH, { synchronous: env.SQLITE_SYNCHRONOUS });
  migrateDb(db);
  return db;
}

/** What a SQLite-only use of the synchronous handle meets on PostgreSQL: a plain refusal. */
const sqliteOnly = new Proxy({} as Db, {
  get(_target, property) {
    throw new Error(`The synchronous SQLite handle (db.${String(property)}) is not available: this instance runs on PostgreSQL (DATABASE_URL)`);
  },
});

/**
 * The synchronous drizzle API on the SQLite connection, for the model files not yet moved to
 * `asyncDb` (docs/decisions/0029, "Async transactions"), and for the scripts and checks that need
 * better-sqlite3 itself (`db.$client`: backups, PRAGMAs).
 */
export const db: Db = store === "sqlite" ? (globalThis.__workbenchDb ??= openSqlite()) : sqliteOnly;

/** On SQLite, the PostgreSQL client and its schema are never loaded (a faster start). */
async function openAsync(): Promise<AsyncDb> {
  const url = getEnv().DATABASE_URL;
  if (!url) return asyncDbOf(db);
  const [{ default: pg }, { asyncDbOnPg }, { createPgDb }] = await Promise.all([import("pg"), import("#db/pg/async-session"), import("#db/pg/client")]);
  return asyncDbOnPg(createPgDb(url).$client, pg.types);
}

/** The model layer's database on either store: every statement is a promise. */
export const asyncDb: AsyncDb = (globalThis.__workbenchAsyncDb ??= await openAsync());

export { exclusively, read, transaction } from "#db/async-db";
