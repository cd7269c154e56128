import { sql, type SQL } from "drizzle-orm";

/*
 * The SQLite-only expressions of the app's raw SQL, each with what PostgreSQL needs
 * (docs/decisions/0029-postgresql-beside-sqlite.md lists where each is used). Where one expression
 * works on both it takes no dialect; test/db/portable-sql.test.ts runs each on both stores.
 */

export type Dialect = "sqlite" | "postgresql";

/**
 * `column` holds `term` as it is, case and wildcards included: SQLite's `instr(column, term) > 0`,
 * PostgreSQL's `strpos`. Not LIKE: SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's does not.
 */
export function containsText(column: SQL, term: string, dialect: Dialect): SQL {
  return dialect === "sqlite" ? sql`instr(${column}, ${term}) > 0` : sql`strpos(${column}, ${term}) > 0`;
}

/**
 * Milliseconds at the start (UTC) of a "YYYY-MM-DD" text column, null when it holds no such day:
 * SQLite's `unixepoch(column) * 1000`.
 */
export function dayStartMs(column: SQL, dialect: Dialect): SQL {
  if (dialect === "sqlite") return sql`(unixepoch(${column}) * 1000)`;
  return sql`(CASE WHEN ${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN (extract(epoch from CAST(${column} AS date)) * 1000)::bigint END)`;
}

/** The current moment in whole milliseconds: SQLite's `unixepoch('subsec') * 1000`, the default of every created_at. */
export function nowMs(dialect: Dialect): SQL {
  return dialect === "sqlite" ? sql`CAST(unixepoch('subsec') * 1000 AS INTEGER)` : sql`floor(extract(epoch from clock_timestamp()) * 1000)::bigint`;
}

/** A millisecond value as a whole number in both: `CAST(… AS BIGINT)` (PostgreSQL's INTEGER is 32 bits). */
export function asMilliseconds(value: SQL): SQL {
  return sql`CAST(${value} AS BIGINT)`;
}
