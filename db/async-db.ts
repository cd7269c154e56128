import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import type { Pool } from "pg";
import { Mutex } from "async-mutex";
import { createTableRelationsHelpers, extractTablesRelationalConfig, type ExtractTablesWithRelations } from "drizzle-orm";
import { BaseSQLiteDatabase, SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { RemoteCallback } from "drizzle-orm/sqlite-proxy";
import { SQLiteRemoteSession, type PreparedQueryConfig } from "drizzle-orm/sqlite-proxy/session";
import type { Db } from "./client";
import * as schema from "./schema";

/*
 * The asynchronous face of the SQLite connection (docs/decisions/0029, "Async transactions"):
 * every statement is a promise, as on node-postgres, and the only way to open a transaction is
 * `transaction(db, async (tx) => …)`. better-sqlite3 has one connection, so a transaction that
 * awaits between its statements would let another request's statement run inside it. A
 * process-wide lock per connection prevents that: a transaction holds it from `BEGIN IMMEDIATE`
 * to `COMMIT`/`ROLLBACK`, and every statement outside a transaction takes it for its one call.
 * Nothing in model code has to remember this: the queries of `AsyncDb` take the lock themselves,
 * and `AsyncDb` has no `transaction` method of its own to bypass it with.
 */

/** A statement's result for `.run()`: what better-sqlite3 reports (`changes`, `lastInsertRowid`). */
export type AsyncRunResult = Database.RunResult;

type Schema = typeof schema;
type Full = BaseSQLiteDatabase<"async", AsyncRunResult, Schema, ExtractTablesWithRelations<Schema>>;

/**
 * How a store opens transactions: the SQLite connection's lock here, a pooled PostgreSQL
 * connection in `db/pg/async-session.ts`. `transaction()` and `read()` below ask the database for it.
 */
export interface TransactionRunner {
  transaction<T>(db: AsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T>;
  read<T>(db: AsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T>;
  /** Whether the calling async context is inside a transaction (or read) of this database. */
  inTransaction(db: AsyncDb): boolean;
}

/** Which store a database runs on, and its transactions. */
export const RUNNER = Symbol("transaction runner");

/** The database as model code sees it: drizzle's async SQLite API, without its own `transaction`. */
export type AsyncDb = Omit<Full, "transaction"> & {
  readonly store: "sqlite" | "pg";
  readonly [RUNNER]: TransactionRunner;
  /** On PostgreSQL, the pool its statements run on. */
  readonly $pool?: Pool;
};

/** The same on SQLite, with better-sqlite3 itself. */
type SqliteAsyncDb = AsyncDb & { $client: Database.Database };

/** Who holds a connection's lock: the transaction running in this async context, until it ends. */
interface Holder {
  client: Database.Database;
  active: boolean;
}

const holders = new AsyncLocalStorage<Holder>();
const locks = new WeakMap<Database.Database, Mutex>();

function lockOf(client: Database.Database): Mutex {
  let lock = locks.get(client);
  if (!lock) locks.set(client, (lock = new Mutex()));
  return lock;
}

/** The transaction of this async context on `client`, if one is open. */
function heldHere(client: Database.Database): Holder | undefined {
  const holder = holders.getStore();
  return holder?.active && holder.client === client ? holder : undefined;
}

type Method = "run" | "all" | "get" | "values";

/**
 * Runs one statement on better-sqlite3. Queries drizzle maps itself (selected fields, relational
 * queries) get rows as arrays; raw `db.all(sql…)`/`db.get(sql…)` get objects, as on the
 * synchronous driver.
 */
function execute(client: Database.Database, sqlText: string, params: unknown[], method: Method, asObjects: boolean) {
  const statement = prepared(client, sqlText);
  if (method === "run") return { ...statement.run(...params), rows: [] };
  if (method === "get") return { rows: statement.raw(!asObjects).get(...params) };
  return { rows: statement.raw(!(asObjects && method === "all")).all(...params) };
}

/** How many compiled statements a connection keeps (the app sends a few hundred distinct ones). */
const STATEMENT_CACHE_SIZE = 1000;
const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The connection's compiled statement for this SQL: compiled once, then reused (compiling cost
 * more than running most of the app's statements). The map forgets its oldest entry when full.
 */
function prepared(client: Database.Database, sqlText: string): Database.Statement {
  let cache = statementCaches.get(client);
  if (!cache) statementCaches.set(client, (cache = new Map()));
  let statement = cache.get(sqlText);
  if (!statement) {
    statement = client.prepare(sqlText);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(sqlText, statement);
  }
  return statement;
}

/** Runs `work` now inside this context's transaction, or else once the connection's lock is free. */
function withLock<T>(client: Database.Database, work: () => T): Promise<T> {
  if (heldHere(client)) return Promise.resolve().then(work);
  return lockOf(client).runExclusive(work);
}

/** drizzle's callback for one statement, on `sqlite`, taking the lock. */
function callback(sqlite: Database.Database, asObjects: boolean): RemoteCallback {
  return (sqlText, params, method) => withLock(sqlite, () => execute(sqlite, sqlText, params, method, asObjects) as { rows: unknown[] });
}

export type Relational = ConstructorParameters<typeof SQLiteRemoteSession<Schema, ExtractTablesWithRelations<Schema>>>[2];
type PrepareArgs = Parameters<SQLiteRemoteSession<Schema, ExtractTablesWithRelations<Schema>>["prepareQuery"]>;

class LockedSession extends SQLiteRemoteSession<Schema, ExtractTablesWithRelations<Schema>> {
  constructor(
    private readonly sqlite: Database.Database,
    dialect: SQLiteAsyncDialect,
    relational: Relational,
  ) {
    super(callback(sqlite, false), dialect, relational);
  }

  override prepareQuery<T extends Omit<PreparedQueryConfig, "run">>(...args: PrepareArgs) {
    const prepared = super.prepareQuery<T>(...args);
    const [, fields, , , customResultMapper] = args;
    // drizzle's proxy hands raw rows on as they come: give objects to the queries it does not map.
    if (!fields && !customResultMapper) (prepared as unknown as { client: RemoteCallback }).client = callback(this.sqlite, true);
    return prepared;
  }

  override transaction(): never {
    throw new Error("Use transaction(db, async (tx) => …) from #db/async-db: it holds the connection's lock");
  }
}

/** The async, lock-taking drizzle database over the connection of `syncDb` (one per connection). */
export function asyncDbOf(syncDb: Db): AsyncDb {
  const sqlite = syncDb.$client;
  const dialect = new SQLiteAsyncDialect();
  const relational = relationalConfig();
  const session = new LockedSession(sqlite, dialect, relational);
  const db = new BaseSQLiteDatabase("async", dialect, session as never, relational) as unknown as SqliteAsyncDb;
  Object.assign(db, { $client: sqlite, store: "sqlite", [RUNNER]: sqliteRunner });
  return db;
}

/** The relational configuration drizzle's constructor needs, from the one schema. */
export function relationalConfig(): Relational {
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  return { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap } as unknown as NonNullable<Relational>;
}

let savepoints = 0;

/**
 * Runs `body` as one transaction: waits for the connection's lock, `BEGIN IMMEDIATE` (SQLite's
 * write lock at once, so a second writer process waits instead of failing half-way), awaits the
 * body, then `COMMIT`, or `ROLLBACK` if it throws (the error is thrown on). Called inside another
 * transaction of the same context, it is a savepoint of it. The body must await every statement
 * (ESLint's no-floating-promises says so) and never the network: the lock is held meanwhile.
 */
export function transaction<T>(db: AsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T> {
  return db[RUNNER].transaction(db, body);
}

/**
 * Runs the reads of `body` as one consistent read: they all see the same committed state, whatever
 * other requests write meanwhile (a report snapshot, an export). Inside a transaction it is simply
 * part of it.
 */
export function read<T>(db: AsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T> {
  return db[RUNNER].read(db, body);
}

async function sqliteTransaction<T>(db: SqliteAsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T> {
  const client = db.$client;
  if (heldHere(client)) {
    const name = `sp${++savepoints}`;
    client.exec(`SAVEPOINT ${name}`);
    try {
      const result = await body(db);
      client.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      client.exec(`ROLLBACK TO ${name}`);
      client.exec(`RELEASE ${name}`);
      throw error;
    }
  }
  return holding(db, "BEGIN IMMEDIATE", body);
}

/** On SQLite, a deferred `BEGIN`, so a consistent read works on a database that cannot be written. */
async function sqliteRead<T>(db: SqliteAsyncDb, body: (tx: AsyncDb) => Promise<T>): Promise<T> {
  if (heldHere(db.$client)) return body(db);
  return holding(db, "BEGIN", body);
}

const sqliteRunner: TransactionRunner = {
  transaction: (db, body) => sqliteTransaction(db as SqliteAsyncDb, body),
  read: (db, body) => sqliteRead(db as SqliteAsyncDb, body),
  inTransaction: (db) => Boolean(heldHere((db as SqliteAsyncDb).$client)),
};

/** Whether the calling async context is inside a transaction (or read) of `db`. */
export function inTransaction(db: AsyncDb): boolean {
  return db[RUNNER].inTransaction(db);
}

function holding<T>(db: SqliteAsyncDb, begin: string, body: (tx: AsyncDb) => Promise<T>): Promise<T> {
  const client = db.$client;
  return lockOf(client).runExclusive(() => {
    const holder: Holder = { client, active: true };
    return holders.run(holder, async () => {
      client.exec(begin);
      try {
        const result = await body(db);
        client.exec("COMMIT");
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec("ROLLBACK");
        throw error;
      } finally {
        // A promise the body started and left running must not find the lock still its own.
        holder.active = false;
      }
    });
  });
}

/**
 * Runs a synchronous better-sqlite3 transaction of a model file not yet moved to `transaction()`
 * once the connection's lock is free. Without it, such a transaction could start while an async
 * transaction of another request awaits between two statements: it would then join that
 * transaction as a savepoint, and be undone if that one rolled back, after its own caller had
 * been told it was saved. Inside a transaction that holds the lock, it runs at once.
 */
export function exclusively<T>(db: { $client: Database.Database }, work: () => T): Promise<T> {
  return withLock(db.$client, work);
}
