import type Database from "better-sqlite3";
import { asyncDb as db } from "#app/utils/db.server";

/*
 * What the evidence log reads of a whole review (facet counts, the total of a view, the people,
 * interviews and documents its rows refer to) costs in proportion to the review, not to the page.
 * It is kept here while the database stays as it was: the key is this connection's count of
 * changed rows, total_changes(), which every INSERT, UPDATE and DELETE it runs moves (triggers
 * included), with PRAGMA data_version, which moves when another connection commits (a CLI seed,
 * a restore). Any write therefore clears everything: nothing is ever read stale, and a log that
 * nobody writes to answers from memory. See docs/decisions/0008-evidence-log-speed.md.
 */

type Entry = { version: string; value: unknown };

const LIMIT = 500;

/**
 * better-sqlite3 itself, under the async handle: the counters below are SQLite's. On PostgreSQL
 * the key is to be the server's WAL position (docs/decisions/0029), with the log's SQL dialect.
 */
function sqliteClient(): Database.Database {
  if (db.store !== "sqlite") throw new Error("The evidence log's cache keys on SQLite's change counters: this instance runs on PostgreSQL");
  return (db as typeof db & { $client: Database.Database }).$client;
}
const caches = new WeakMap<Database.Database, { version: () => string; entries: Map<string, Entry> }>();

function cacheOf(sqlite: Database.Database) {
  let cache = caches.get(sqlite);
  if (!cache) {
    const changes = sqlite.prepare("SELECT total_changes()").pluck();
    const dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
    cache = { version: () => `${dataVersion.get() as number}:${changes.get() as number}`, entries: new Map() };
    caches.set(sqlite, cache);
  }
  return cache;
}

/**
 * The database's version as the cache reads it: it moves with any write, from this process or
 * another. The log page sends it with its data, and its copy of the whole log carries the one it
 * was read at, so the browser knows when its copy is behind.
 */
export function databaseVersion(): string {
  return cacheOf(sqliteClient()).version();
}

/**
 * `compute()`'s value for `key`, computed again only when the database has changed since it was
 * last kept. Inside a transaction it is always computed (what the transaction sees may yet be
 * rolled back). The value is shared between requests: callers must not change it.
 */
export async function whileUnchanged<T>(key: string, compute: () => Promise<T> | T): Promise<T> {
  const sqlite = sqliteClient();
  if (sqlite.inTransaction) return compute();
  const cache = cacheOf(sqlite);
  const before = cache.version();
  const kept = cache.entries.get(key);
  if (kept && kept.version === before) return kept.value as T;
  const value = await compute();
  // Kept only if nothing was written while it was computed (the version is the same after).
  if (cache.version() === before) {
    if (cache.entries.size >= LIMIT) cache.entries.clear();
    cache.entries.set(key, { version: before, value });
  }
  return value;
}
