import pg from "pg";
import { parseEnv, type Env } from "#app/utils/env.server";
import { asyncDbOf } from "#db/async-db";
import { asyncDbOnPg } from "#db/pg/async-session";
import { describePgUrl, openPgForApp } from "#db/pg/client";
import { checkDatabase, createDb, migrateDb } from "#db/client";
import { seedDemo } from "#db/seed/index";
import { reviews } from "#db/schema";

/**
 * Opens the database, applies migrations and, on an empty database, loads the demo review
 * (never in production unless DEMO=1). Refuses a damaged database. Returns a one-line error
 * instead of a stack trace.
 */
export async function prepareDatabase(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(source);
  if (env.DATABASE_URL) return preparePostgres(env, env.DATABASE_URL);
  const db = createDb(env.DATABASE_PATH, { synchronous: env.SQLITE_SYNCHRONOUS });
  try {
    // A damaged file is refused here, in one line, rather than failing page by page once served.
    checkDatabase(db, env.DATABASE_PATH);
    migrateDb(db);
    const asyncDb = asyncDbOf(db);
    const empty = !(await asyncDb.select({ id: reviews.id }).from(reviews).limit(1).get());
    let seeded = false;
    if (empty && env.seedDemo) {
      await seedDemo(asyncDb);
      seeded = true;
    }
    return { env, seeded };
  } finally {
    db.$client.close();
  }
}

/** The same on PostgreSQL (DATABASE_URL): migrate, refusing a newer database, and seed an empty one. */
async function preparePostgres(env: Env, url: string) {
  const pgDb = await openPgForApp(url, { max: 2 });
  const db = asyncDbOnPg(pgDb.$client, pg.types);
  try {
    const empty = !(await db.select({ id: reviews.id }).from(reviews).limit(1).get());
    let seeded = false;
    if (empty && env.seedDemo) {
      await seedDemo(db);
      seeded = true;
    }
    return { env, seeded };
  } finally {
    await pgDb.$client.end();
  }
}

/** Where the app's data lives, for the start-up line (the URL without its password). */
export function describeStore(env: Env) {
  return env.DATABASE_URL ? `PostgreSQL ${describePgUrl(env.DATABASE_URL)}` : env.DATABASE_PATH;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { env, seeded } = await prepareDatabase();
    console.log(`Database ${describeStore(env)} is ready${seeded ? " (demo review loaded)" : ""}.`);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
}
