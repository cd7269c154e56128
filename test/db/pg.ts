import crypto from "node:crypto";
import pg from "pg";

/*
 * The live PostgreSQL the tests use: TEST_DATABASE_URL names a database whose user may create
 * databases (.ci/run makes one; scripts/test.sh sets the variable when it finds it). Each test
 * makes its own database beside it and drops it afterwards. When the variable is unset, the
 * PostgreSQL tests are skipped and say why; when it is set, an unreachable server fails them.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "";

export const pgSkipReason = TEST_DATABASE_URL ? null : "TEST_DATABASE_URL is not set (scripts/test.sh sets it when PostgreSQL is running)";

/** Says once, in the test output, that a file's PostgreSQL tests did not run and why. */
export function logPgSkip(file: string) {
  if (pgSkipReason) console.log(`${file}: PostgreSQL tests skipped: ${pgSkipReason}`);
}

/** The URL of another database on the same server and as the same user. */
export function databaseUrl(name: string) {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new empty database for one test; `drop` removes it (connections still open to it are ended). */
export async function freshPgDatabase(label: string) {
  const name = `wb_test_${label}_${crypto.randomBytes(4).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
