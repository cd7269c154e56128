import crypto from "node:crypto";
import pg from "pg";
import type { AsyncDb } from "#db/async-db";

/*
 * The model and route suites on PostgreSQL (`npm run test:pg`, vitest.pg.config.ts): the same test
 * files as on SQLite, with `DATABASE_URL` naming a database of their own. The global setup makes
 * one migrated template; each test file gets a copy (CREATE DATABASE … TEMPLATE), dropped after
 * it. `loadDemoReview` seeds it once, keeps the seeded rows in a schema of their own, and puts
 * them back before each test, as the SQLite half does with its file copy.
 */

export const onPostgres = process.env.TEST_STORE === "pg";

/** A connection to the server as the tests' user, for creating and dropping databases. */
export async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A new database for one test file, copied from the migrated template. */
export async function databaseFromTemplate(serverUrl: string, template: string) {
  const name = `wb_file_${crypto.randomBytes(5).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

type Executor = { query: (text: string) => Promise<{ rows: Record<string, unknown>[] }> };

/** The application's tables in an order where every table comes after those it refers to. */
async function tablesInOrder(client: Executor): Promise<string[]> {
  const tables = (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((row) => String(row.tablename));
  const references = (
    await client.query(`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`)
  ).rows.map((row) => ({ child: String(row.child).replace(/"/g, ""), parent: String(row.parent).replace(/"/g, "") }));
  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size) {
    const ready = [...remaining].filter((table) => !references.some((ref) => ref.child === table && ref.parent !== table && remaining.has(ref.parent)));
    if (!ready.length) throw new Error(`foreign keys form a cycle among ${[...remaining].join(", ")}`);
    for (const table of ready.sort()) {
      ordered.push(table);
      remaining.delete(table);
    }
  }
  return ordered;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Empties every application table and sets their id sequences back to 1. */
export async function emptyPgTables(db: AsyncDb) {
  const pool = db.$pool!;
  const tables = await tablesInOrder(pool);
  await pool.query(`TRUNCATE ${tables.map(quoted).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Keeps a copy of every table's rows in the schema `seeded`. */
export async function keepPgSnapshot(db: AsyncDb) {
  const pool = db.$pool!;
  const tables = await tablesInOrder(pool);
  await pool.query(`DROP SCHEMA IF EXISTS seeded CASCADE; CREATE SCHEMA seeded`);
  for (const table of tables) await pool.query(`CREATE TABLE seeded.${quoted(table)} AS SELECT * FROM public.${quoted(table)}`);
}

/** Puts every table back to the kept copy, in one transaction, with the id sequences past its rows. */
export async function restorePgSnapshot(db: AsyncDb) {
  const client = await db.$pool!.connect();
  try {
    const tables = await tablesInOrder(client);
    await client.query("BEGIN");
    await client.query(`TRUNCATE ${tables.map(quoted).join(", ")} RESTART IDENTITY CASCADE`);
    for (const table of tables) await client.query(`INSERT INTO public.${quoted(table)} OVERRIDING SYSTEM VALUE SELECT * FROM seeded.${quoted(table)}`);
    const identities = await client.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`,
    );
    for (const { table_name, column_name } of identities.rows as { table_name: string; column_name: string }[]) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('public.${quoted(table_name)}', '${column_name}'), COALESCE((SELECT max(${quoted(column_name)}) FROM public.${quoted(table_name)}), 0) + 1, false)`,
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
