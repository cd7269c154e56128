import { AsyncLocalStorage } from "node:async_hooks";
import { Column, getTableColumns, is, Param, SQL, sql, StringChunk, type SQLWrapper } from "drizzle-orm";
import { BaseSQLiteDatabase, SQLiteAsyncDialect, SQLiteInteger, type SQLiteInsertConfig, type SQLiteSelectConfig } from "drizzle-orm/sqlite-core";
import type { RemoteCallback } from "drizzle-orm/sqlite-proxy";
import { SQLiteRemoteSession, type PreparedQueryConfig } from "drizzle-orm/sqlite-proxy/session";
import type pg from "pg";
import { relationalConfig, RUNNER, type AsyncDb, type Relational, type TransactionRunner } from "../async-db";

/*
 * The model layer on PostgreSQL (docs/decisions/0032). Model code is written once, against
 * drizzle's async SQLite API (`AsyncDb`) and the SQLite schema's table objects; on PostgreSQL the
 * same queries are rendered by a dialect that writes what PostgreSQL reads, sent through the pool,
 * and their results handed back in the shapes the SQLite driver gives. `test/db/schema-parity`
 * keeps the two schemas' tables, columns and keys the same, so the SQLite table objects name
 * PostgreSQL's tables exactly. What differs, and how:
 *
 * - placeholders: `$1, $2…` instead of `?` (the dialect's `escapeParam`);
 * - a column left out of an insert takes PostgreSQL's own default (`DEFAULT`), where the SQLite
 *   dialect would write its SQL default (`unixepoch(…)`) or `null` for an autoincrement id;
 * - `asc(x)`/`desc(x)` put nulls where SQLite puts them (first, last), so lists sort the same;
 * - text parameters lose any NUL character (U+0000), which PostgreSQL's text cannot hold and
 *   SQLite's can: a pasted one would otherwise fail the save; the exports drop it anyway;
 * - results: `bigint` and `numeric` come back as numbers (milliseconds, counts), booleans as 1/0,
 *   json as its text (the SQLite columns parse it), `bytea` as a Buffer, as better-sqlite3 gives;
 *   queries drizzle maps get rows as arrays, raw `db.all(sql…)` gets objects;
 * - transactions: one pooled connection per transaction, `REPEATABLE READ` and run again when
 *   PostgreSQL finds it raced another (see `retrying`), nested ones as savepoints, and `read()` a
 *   `REPEATABLE READ READ ONLY` transaction: one snapshot. No lock across the process: a version
 *   check that reads then writes still catches the second of two writers, on any instance.
 */

class PostgresRenderingDialect extends SQLiteAsyncDialect {
  override escapeParam(num: number): string {
    return `$${num + 1}`;
  }

  override buildInsertQuery(config: SQLiteInsertConfig): SQL {
    if (!Array.isArray(config.values)) return super.buildInsertQuery(config);
    const columns = Object.entries(getTableColumns(config.table));
    const values = (config.values as Record<string, Param | SQL>[]).map((row) => {
      const filled = { ...row };
      for (const [field, column] of columns) {
        const value = filled[field];
        const missing = value === undefined || (is(value, Param) && value.value === undefined);
        const autoIncrement = is(column, SQLiteInteger) && (column as unknown as { autoIncrement: boolean }).autoIncrement;
        if (missing && (autoIncrement || is(column.default, SQL))) filled[field] = sql`default`;
      }
      return filled;
    });
    return super.buildInsertQuery({ ...config, values, onConflict: config.onConflict?.map(unqualifiedTarget) });
  }

  override buildSelectQuery(config: SQLiteSelectConfig): SQL {
    return super.buildSelectQuery({ ...config, orderBy: config.orderBy?.map(withSqliteNulls) });
  }
}

/**
 * `on conflict ("t"."a", "t"."b")` → `on conflict ("a", "b")`: SQLite accepts the target's columns
 * qualified by their table, PostgreSQL only their names. The target is the clause's second chunk.
 */
function unqualifiedTarget(clause: SQL): SQL {
  const [head, target, ...rest] = clause.queryChunks;
  if (!is(target, SQL)) return clause;
  const names = target.queryChunks.map((chunk) =>
    Array.isArray(chunk) ? chunk.map((item: unknown) => (is(item, Column) ? sql.identifier(item.name) : item)) : chunk,
  );
  return new SQL([head!, new SQL(names), ...rest]);
}

/** `x asc` → `x asc nulls first`, `x desc` → `x desc nulls last`: SQLite's order, on PostgreSQL. */
function withSqliteNulls<T extends SQL | SQLWrapper>(entry: T): T {
  if (!is(entry, SQL)) return entry;
  const chunks = entry.queryChunks;
  const last = chunks[chunks.length - 1];
  if (!is(last, StringChunk) || last.value.length !== 1) return entry;
  const word = last.value[0];
  if (word !== " asc" && word !== " desc") return entry;
  return new SQL([...chunks.slice(0, -1), new StringChunk(word === " asc" ? " asc nulls first" : " desc nulls last")]) as T;
}

/** pg's type ids whose text we read as better-sqlite3 would give the value. */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const JSON_OID = 114;
const JSONB = 3802;

function typesOf(pgTypes: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8 || oid === NUMERIC) return (text: string) => Number(text);
      if (oid === BOOL) return (text: string) => (text === "t" ? 1 : 0);
      if (oid === JSON_OID || oid === JSONB) return (text: string) => text;
      return pgTypes.getTypeParser(oid, format as "text");
    }) as pg.CustomTypesConfig["getTypeParser"],
  };
}

/** The connection of the transaction running in this async context, while it is open. */
interface Holder {
  pool: pg.Pool;
  client: pg.PoolClient;
  active: boolean;
  savepoints: number;
}

const holders = new AsyncLocalStorage<Holder>();

function heldHere(pool: pg.Pool): Holder | undefined {
  const holder = holders.getStore();
  return holder?.active && holder.pool === pool ? holder : undefined;
}

type Method = "run" | "all" | "get" | "values";

function callback(pool: pg.Pool, types: pg.CustomTypesConfig, asObjects: boolean): RemoteCallback {
  return async (text, params, method: Method) => {
    const runner = heldHere(pool)?.client ?? pool;
    const rowMode = asObjects && method !== "values" ? undefined : "array";
    const values = params.map((value) => (typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "") : value));
    const result = await runner.query({ text, values, types, ...(rowMode ? { rowMode } : {}) });
    if (method === "run") return { changes: result.rowCount ?? 0, lastInsertRowid: 0, rows: [] } as unknown as { rows: unknown[] };
    if (method === "get") return { rows: result.rows[0] as unknown as unknown[] };
    return { rows: result.rows };
  };
}

type PrepareArgs = Parameters<SQLiteRemoteSession<never, never>["prepareQuery"]>;

class PostgresSession extends SQLiteRemoteSession<never, never> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly types: pg.CustomTypesConfig,
    dialect: SQLiteAsyncDialect,
    relational: Relational,
  ) {
    super(callback(pool, types, false), dialect, relational as never);
  }

  override prepareQuery<T extends Omit<PreparedQueryConfig, "run">>(...args: PrepareArgs) {
    const prepared = super.prepareQuery<T>(...args);
    const [, fields, , , customResultMapper] = args;
    if (!fields && !customResultMapper) (prepared as unknown as { client: RemoteCallback }).client = callback(this.pool, this.types, true);
    return prepared;
  }

  override transaction(): never {
    throw new Error("Use transaction(db, async (tx) => …) from #db/async-db");
  }
}

async function holding<T>(pool: pg.Pool, begin: string, db: AsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const holder: Holder = { pool, client, active: true, savepoints: 0 };
  let broken: Error | undefined;
  try {
    return await holders.run(holder, async () => {
      await client.query(begin);
      try {
        const result = await body(db);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        holder.active = false;
      }
    });
  } finally {
    // A connection that could not even roll back is dropped, not handed to the next request.
    client.release(broken);
  }
}

async function savepoint<T>(holder: Holder, db: AsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T> {
  const name = `sp${++holder.savepoints}`;
  await holder.client.query(`SAVEPOINT ${name}`);
  try {
    const result = await body(db);
    await holder.client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await holder.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await holder.client.query(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

/** PostgreSQL's answers that mean "run the whole transaction again": a serialization failure, a deadlock. */
const RETRY = new Set(["40001", "40P01"]);
const ATTEMPTS = 5;

function codeOf(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A transaction as SQLite's are: its reads and its writes as if nothing else ran meanwhile.
 * REPEATABLE READ gives the body one snapshot, and PostgreSQL refuses (40001) to let it change a
 * row another transaction changed since: then the whole body runs again, on the new state, and a
 * version check that read the old version now sees the new one and reports the conflict. Bodies
 * only read and write the database (never the network: docs/decisions/0029), so running one
 * again is safe.
 */
async function retrying<T>(pool: pg.Pool, db: AsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await holding(pool, "BEGIN ISOLATION LEVEL REPEATABLE READ", db, body);
    } catch (error) {
      if (attempt >= ATTEMPTS || !RETRY.has(codeOf(error) ?? "")) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

function runnerFor(pool: pg.Pool): TransactionRunner {
  return {
    transaction(db, body) {
      const holder = heldHere(pool);
      return holder ? savepoint(holder, db, body) : retrying(pool, db, body);
    },
    read(db, body) {
      if (heldHere(pool)) return body(db);
      return holding(pool, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", db, body);
    },
    inTransaction: () => Boolean(heldHere(pool)),
  };
}

/** The model layer's database on a PostgreSQL pool: the same `AsyncDb` the SQLite store gives. */
export function asyncDbOnPg(pool: pg.Pool, pgTypes: typeof pg.types): AsyncDb {
  const dialect = new PostgresRenderingDialect();
  const relational = relationalConfig();
  const session = new PostgresSession(pool, typesOf(pgTypes), dialect, relational);
  const db = new BaseSQLiteDatabase("async", dialect, session as never, relational as never) as unknown as AsyncDb;
  Object.assign(db, { $pool: pool, store: "pg", [RUNNER]: runnerFor(pool) });
  return db;
}
