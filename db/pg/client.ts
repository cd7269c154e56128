import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema";

// PostgreSQL beside SQLite (docs/decisions/0029-postgresql-beside-sqlite.md): the pool, its
// migrations and the one-line messages for a server that cannot be reached or refuses us. The app
// itself still runs on SQLite; db:copy and the tests use this.

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const PG_MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations-pg");

/** A pool on `url` (postgres://user:password@host:port/database); a refused connection fails within 5 s. */
export function createPgDb(url: string, { max = 10 }: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle connection the server ends (a restart, a failover) is dropped from the pool, not thrown.
  pool.on("error", () => {});
  return drizzle({ client: pool, schema }) as PgDb;
}

/**
 * Opens `url` and brings it to this code's migrations, or says in one line why it cannot: a server
 * that cannot be reached or refuses us, or a database at a newer migration than the code (which
 * is left as it is). Returns the pool, migrated.
 */
export async function openPgForApp(url: string, { max }: { max?: number } = {}): Promise<PgDb> {
  const db = createPgDb(url, { max });
  try {
    const state = await pgMigrationState(db.$client);
    if (state.state === "ahead") {
      throw new PgRefused(
        `PostgreSQL database ${describePgUrl(url)} is at a newer migration than this code (${state.applied} applied, ${state.known} known): run the version that migrated it`,
      );
    }
    if (state.state !== "current") await migratePgDb(db);
    return db;
  } catch (error) {
    await db.$client.end().catch(() => {});
    if (error instanceof PgRefused) throw error;
    throw new PgRefused(pgConnectionProblem(url, (error as { cause?: unknown }).cause ?? error));
  }
}

/** A database the app will not run on, with the one line that says why. */
export class PgRefused extends Error {}

/** Applies the committed PostgreSQL migrations (drizzle records them in drizzle.__drizzle_migrations). */
export async function migratePgDb(db: PgDb) {
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_FOLDER });
}

/** The database named in a URL, its host and its user, with the password left out: what messages may show. */
export function describePgUrl(url: string) {
  try {
    const parsed = new URL(url);
    return `${decodeURIComponent(parsed.pathname.slice(1)) || "(default database)"} on ${parsed.hostname || "localhost"}:${parsed.port || "5432"} as ${decodeURIComponent(parsed.username) || "(default user)"}`;
  } catch {
    return "(not a postgres:// URL)";
  }
}

/** Why a connection to `url` failed, in one line without the password. */
export function pgConnectionProblem(url: string, error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const where = describePgUrl(url);
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return `PostgreSQL cannot be reached (${where}): ${code}`;
    case "28P01":
      return `PostgreSQL refused the password (${where})`;
    case "28000":
      return `PostgreSQL refused the connection (${where}): ${message}`;
    case "3D000":
      return `PostgreSQL has no such database (${where})`;
    default:
      return `PostgreSQL cannot be used (${where}): ${message ?? String(error)}`;
  }
}

/** The migrations this code has, in order: their hashes and the `when` drizzle records for each. */
export function pgMigrations() {
  return readMigrationFiles({ migrationsFolder: PG_MIGRATIONS_FOLDER }).map(({ hash, folderMillis }) => ({ hash, folderMillis }));
}

/**
 * Where a database stands against this code's migrations: "none" (never migrated), "current",
 * "behind" or "ahead" (it has a migration this code does not know), with the applied count.
 */
export async function pgMigrationState(
  client: pg.ClientBase | pg.Pool,
): Promise<{ state: "none" | "current" | "behind" | "ahead"; applied: number; known: number }> {
  const known = pgMigrations();
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return { state: "none", applied: 0, known: known.length };
  const applied = await client.query<{ hash: string; created_at: string }>(`SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`);
  const knownHashes = new Set(known.map((migration) => migration.hash));
  const count = applied.rows.length;
  if (count === 0) return { state: "none", applied: 0, known: known.length };
  if (applied.rows.some((row) => !knownHashes.has(row.hash))) return { state: "ahead", applied: count, known: known.length };
  return { state: count === known.length ? "current" : "behind", applied: count, known: known.length };
}

/**
 * What /healthz will ask of PostgreSQL, in the shape of SQLite's databaseHealth: null when fine,
 * else why not. Reads one row of every table; for writes, opens a transaction that would be
 * read-only (a standby, as the old primary becomes after a failover, or a database set read-only)
 * and takes a transaction id, then rolls back. Changes nothing.
 */
export async function pgDatabaseHealth(pool: pg.Pool): Promise<{ read: string | null; write: string | null }> {
  const problem = (error: unknown) => `${(error as { code?: string }).code ?? "error"}: ${(error as Error).message}`;
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    const message = problem(error);
    return { read: message, write: message };
  }
  let read: string | null = null;
  let write: string | null = null;
  try {
    try {
      const { rows } = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`);
      for (const { name } of rows) await client.query(`SELECT 1 FROM "${name.replace(/"/g, '""')}" LIMIT 1`);
    } catch (error) {
      read = problem(error);
    }
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ read_only: string; standby: boolean }>(
        `SELECT current_setting('transaction_read_only') AS read_only, pg_is_in_recovery() AS standby`,
      );
      if (rows[0]!.standby) write = "the server is a standby: it takes no writes";
      else if (rows[0]!.read_only === "on") write = "transactions are read-only here (default_transaction_read_only)";
      else await client.query("SELECT txid_current()");
    } catch (error) {
      write = problem(error);
    } finally {
      await client.query("ROLLBACK").catch(() => {});
    }
  } finally {
    client.release();
  }
  return { read, write };
}
