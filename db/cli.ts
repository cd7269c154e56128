import { parseEnv } from "#app/utils/env.server";
import { createDb, migrateDb, type Db } from "./client";

/** For command-line tools: a clear one-line message and exit code 1 instead of a stack trace. */
export function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

export function openCliDb(): { db: Db; env: ReturnType<typeof parseEnv> } {
  let env: ReturnType<typeof parseEnv>;
  try {
    env = parseEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  try {
    const db = createDb(env.DATABASE_PATH, { synchronous: env.SQLITE_SYNCHRONOUS });
    migrateDb(db);
    return { db, env };
  } catch (error) {
    fail((error as Error).message);
  }
}
