import { createDb, migrateDb, type Db } from "#db/client";
import { getEnv } from "./env.server";

declare global {
  var __workbenchDb: Db | undefined;
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

export const db: Db = (globalThis.__workbenchDb ??= openDb());
