import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshPgDatabase, logPgSkip, pgSkipReason, TEST_DATABASE_URL } from "../db/pg";

/*
 * `npm start` with DATABASE_URL (issue 15): an unreachable server, a wrong password, a database at
 * a newer migration than the code or a URL that is not one: one line, a non-zero exit, nothing
 * written. A good, empty database is migrated and given the demo review, once.
 */
logPgSkip("test/scripts/start-pg.test.ts");

function prepare(databaseUrl: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare-db.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: databaseUrl,
      DATABASE_PATH: path.join(os.tmpdir(), "workbench-start-pg", "unused.sqlite"),
    } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

function withUrl(change: (url: URL) => void) {
  const url = new URL(TEST_DATABASE_URL);
  change(url);
  return url.toString();
}

async function count(url: string, query: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(query)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe("npm start on PostgreSQL", () => {
  it("refuses a DATABASE_URL that is not a postgres:// URL, in one line", () => {
    const { status, stderr } = prepare("mysql://somewhere/workbench");
    expect(status).toBe(1);
    expect(stderr).toBe('error: Invalid environment: DATABASE_URL must be a postgres:// URL (got "mysql://somewhere/workbench")');
  });
});

describe.skipIf(pgSkipReason)("npm start on a PostgreSQL server", () => {
  // Each test on an empty database of its own, whatever order they run in.
  let database: Awaited<ReturnType<typeof freshPgDatabase>>;
  beforeEach(async () => {
    database = await freshPgDatabase("start");
  });
  afterEach(async () => {
    await database?.drop();
  });

  it("says in one line that the server cannot be reached", () => {
    const { status, stderr } = prepare(withUrl((url) => (url.port = "1")));
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: PostgreSQL cannot be reached \(.* on localhost:1 as workbench\): ECONNREFUSED$/);
  });

  it("says in one line that the password was refused, without showing it", () => {
    const { status, stderr } = prepare(withUrl((url) => (url.password = "not-the-password")));
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: PostgreSQL refused the password/);
    expect(stderr).not.toContain("not-the-password");
  });

  it("migrates an empty database and loads the demo review once", async () => {
    const first = prepare(database.url);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Database PostgreSQL .* is ready \(demo review loaded\)\.$/);
    const reviews = await count(database.url, "SELECT count(*) AS n FROM reviews");
    expect(reviews).toBeGreaterThan(0);
    const again = prepare(database.url);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/is ready\.$/);
    expect(await count(database.url, "SELECT count(*) AS n FROM reviews")).toBe(reviews);
  });

  it("refuses a database at a newer migration than the code, and leaves it as it is", async () => {
    expect(prepare(database.url).status).toBe(0);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-a-newer-version', 99999999999999)`);
    await client.end();
    const before = await count(database.url, "SELECT count(*) AS n FROM drizzle.__drizzle_migrations");
    const { status, stderr } = prepare(database.url);
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: PostgreSQL database .* is at a newer migration than this code/);
    expect(await count(database.url, "SELECT count(*) AS n FROM drizzle.__drizzle_migrations")).toBe(before);
  });
});
