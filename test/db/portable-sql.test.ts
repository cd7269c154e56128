import Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asMilliseconds, containsText, dayStartMs, nowMs, type Dialect } from "#db/portable-sql";
import { freshPgDatabase, logPgSkip, pgSkipReason } from "./pg";

// Each portable expression gives the same answers on SQLite and on PostgreSQL, over the same rows.

logPgSkip("test/db/portable-sql.test.ts");

const ROWS = [
  { id: 1, text: "la maison des associations", day: "2026-03-10" },
  { id: 2, text: "100% des agents formés", day: null },
  { id: 3, text: "un_mot et\\barre", day: "1969-12-31" },
  { id: 4, text: "rien", day: "pas une date" },
];

type Run = (expression: (dialect: Dialect) => SQL) => Promise<unknown[]>;

function sqliteRunner(): Run {
  const sqlite = new Database(":memory:");
  sqlite.exec("CREATE TABLE t (id integer primary key, text text, day text)");
  for (const row of ROWS) sqlite.prepare("INSERT INTO t VALUES (?, ?, ?)").run(row.id, row.text, row.day);
  const dialect = new SQLiteSyncDialect();
  return (expression) => {
    const query = dialect.sqlToQuery(sql`SELECT ${expression("sqlite")} AS v FROM t ORDER BY id`);
    return Promise.resolve((sqlite.prepare(query.sql).all(...(query.params as unknown[])) as { v: unknown }[]).map((row) => row.v));
  };
}

describe("the portable SQL expressions", () => {
  let database: Awaited<ReturnType<typeof freshPgDatabase>> | undefined;
  let client: pg.Client | undefined;
  beforeAll(async () => {
    if (pgSkipReason) return;
    database = await freshPgDatabase("portable");
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("CREATE TABLE t (id integer primary key, text text, day text)");
    for (const row of ROWS) await client.query("INSERT INTO t VALUES ($1, $2, $3)", [row.id, row.text, row.day]);
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });
  const pgRun: Run = async (expression) => {
    const query = new PgDialect().sqlToQuery(sql`SELECT ${expression("postgresql")} AS v FROM t ORDER BY id`);
    const { rows } = await client!.query<{ v: unknown }>(query.sql, query.params);
    // int8 and booleans come back as strings and booleans: compared as SQLite gives them.
    return rows.map((row) => (typeof row.v === "string" && /^-?\d+$/.test(row.v) ? Number(row.v) : typeof row.v === "boolean" ? Number(row.v) : row.v));
  };

  it("find a term as typed, wildcards and the escape character included, on SQLite", async () => {
    const run = sqliteRunner();
    expect(await run((dialect) => containsText(sql`text`, "asso", dialect))).toEqual([1, 0, 0, 0]);
    expect(await run((dialect) => containsText(sql`text`, "0%", dialect))).toEqual([0, 1, 0, 0]);
    expect(await run((dialect) => containsText(sql`text`, "n_m", dialect))).toEqual([0, 0, 1, 0]);
    expect(await run((dialect) => containsText(sql`text`, "t\\b", dialect))).toEqual([0, 0, 1, 0]);
    expect(await run((dialect) => containsText(sql`text`, "RIEN", dialect))).toEqual([0, 0, 0, 0]);
    expect(await run((dialect) => dayStartMs(sql`day`, dialect))).toEqual([Date.UTC(2026, 2, 10), null, Date.UTC(1969, 11, 31), null]);
  });

  it.runIf(!pgSkipReason)("give PostgreSQL's answers equal to SQLite's", async () => {
    const run = sqliteRunner();
    for (const term of ["asso", "0%", "n_m", "t\\b", "_", "%", "RIEN", "mot"]) {
      expect(await pgRun((dialect) => containsText(sql`text`, term, dialect))).toEqual(await run((dialect) => containsText(sql`text`, term, dialect)));
    }
    expect(await pgRun((dialect) => dayStartMs(sql`day`, dialect))).toEqual(await run((dialect) => dayStartMs(sql`day`, dialect)));
    const big = 1772442000123;
    expect(await pgRun(() => asMilliseconds(sql`${big}`))).toEqual(await run(() => asMilliseconds(sql`${big}`)));
    const [sqliteNow] = await run(nowMs);
    const [pgNow] = await pgRun(nowMs);
    for (const now of [sqliteNow, pgNow]) {
      expect(Number.isInteger(now)).toBe(true);
      expect(Math.abs((now as number) - Date.now())).toBeLessThan(60_000);
    }
  });
});
