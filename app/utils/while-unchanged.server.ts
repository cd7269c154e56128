import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { inTransaction } from "#db/async-db";
import { asyncDb as db } from "#app/utils/db.server";

/*
 * Values read from the database, kept while the database stays as it was: what the evidence log
 * reads of a whole review (facet counts, the total of a view, the people, interviews and
 * documents its rows refer to), which costs in proportion to the review, not to the page
 * (docs/decisions/0008-evidence-log-speed.md); and what every loader of a page reads again, the
 * signed-in session's row and a member's access to a review (docs/decisions/0038). The key is a
 * version that any write moves, from this process or another, so nothing is ever read stale:
 * - SQLite: this connection's count of changed rows, total_changes(), which every INSERT, UPDATE
 *   and DELETE it runs moves (triggers included), with PRAGMA data_version, which moves when
 *   another connection commits (a CLI seed, a restore);
 * - PostgreSQL: the database's change counter, a sequence that a statement-level trigger on
 *   every table moves with each write statement of any instance, committed or not (migration
 *   0004_change_counter). Not the server's WAL position: every database on the server, and its
 *   own housekeeping, moves that, and the browser's copy of the log would always look behind.
 */

type Entry = { version: string; value: unknown };

const LIMIT = 2000;
const entries = new Map<string, Entry>();
/** The session's row and a member's access (`small`): one row each, apart from the costly values. */
const SMALL_LIMIT = 5000;
const smallEntries = new Map<string, Entry>();

let sqliteVersion: (() => string) | undefined;

/** better-sqlite3 itself, under the async handle: the counters are SQLite's. */
function sqliteClient(): Database.Database {
  return (db as typeof db & { $client: Database.Database }).$client;
}

/**
 * The database's version as the cache reads it: it moves with any write, from this process or
 * another. The log page sends it with its data, and its copy of the whole log carries the one it
 * was read at, so the browser knows when its copy is behind.
 */
export async function databaseVersion(): Promise<string> {
  if (db.store === "pg") {
    // In the shape SQLite's version has ("0:n"), so the browser compares either the same way.
    const row = await db.get<{ changes: number }>(sql`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS changes FROM change_counter`);
    return `0:${row!.changes}`;
  }
  if (!sqliteVersion) {
    const sqlite = sqliteClient();
    const changes = sqlite.prepare("SELECT total_changes()").pluck();
    const dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
    sqliteVersion = () => `${dataVersion.get() as number}:${changes.get() as number}`;
  }
  return sqliteVersion();
}

/** A transaction is open that this value could see the uncommitted writes of. */
function writesMayBeUncommitted() {
  return db.store === "pg" ? inTransaction(db) : sqliteClient().inTransaction;
}

/**
 * `compute()`'s value for `key`, computed again only when the database has changed since it was
 * last kept. Inside a transaction it is always computed (what the transaction sees may yet be
 * rolled back). The value is shared between requests: callers must not change it.
 * `small`: a read of one row, kept only on SQLite, where the version costs no round trip; on
 * PostgreSQL reading the version twice would cost more than the read.
 */
export async function whileUnchanged<T>(key: string, compute: () => Promise<T> | T, { small = false }: { small?: boolean } = {}): Promise<T> {
  if ((small && db.store === "pg") || writesMayBeUncommitted()) return compute();
  const map = small ? smallEntries : entries;
  const before = await databaseVersion();
  const kept = map.get(key);
  if (kept && kept.version === before) return kept.value as T;
  const value = await compute();
  // Kept only if nothing was written while it was computed (the version is the same after).
  // A small read that found nothing is not kept: anyone may ask for rows that do not exist.
  if ((await databaseVersion()) === before && !(small && value == null)) {
    if (small) {
      // The oldest goes first, so many readers' rows never push out the costly values above.
      map.delete(key);
      if (map.size >= SMALL_LIMIT) map.delete(map.keys().next().value!);
    } else if (map.size >= LIMIT) map.clear();
    map.set(key, { version: before, value });
  }
  return value;
}
