import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDb, migratePgDb, pgDatabaseHealth, type PgDb } from "#db/pg/client";
import { freshPgDatabase, logPgSkip, pgSkipReason } from "./pg";

// The health check /healthz will use on PostgreSQL: fine on a working database, a write problem on
// a read-only one (as a standby is after a failover), both problems when the database is gone.

logPgSkip("test/db/pg-health.test.ts");

describe("pgDatabaseHealth", () => {
  let database: Awaited<ReturnType<typeof freshPgDatabase>> | undefined;
  let db: PgDb;
  beforeAll(async () => {
    if (pgSkipReason) return;
    database = await freshPgDatabase("health");
    db = createPgDb(database.url, { max: 2 });
    await migratePgDb(db);
  });
  afterAll(async () => {
    await db?.$client.end();
    await database?.drop();
  });

  it.runIf(!pgSkipReason)("reads and writes a working database, says so of a read-only one, and of one that is gone", async () => {
    expect(await pgDatabaseHealth(db.$client)).toEqual({ read: null, write: null });

    const admin = new pg.Client({ connectionString: database!.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${database!.name}" SET default_transaction_read_only = on`);
    await admin.end();
    // The setting applies to new connections.
    const readOnly = createPgDb(database!.url, { max: 1 });
    const health = await pgDatabaseHealth(readOnly.$client);
    await readOnly.$client.end();
    expect(health.read).toBeNull();
    expect(health.write).toBe("transactions are read-only here (default_transaction_read_only)");

    const gone = createPgDb(database!.url.replace(database!.name, `${database!.name}_gone`), { max: 1 });
    const goneHealth = await pgDatabaseHealth(gone.$client);
    await gone.$client.end();
    expect(goneHealth.read).toMatch(/^3D000: database ".*_gone" does not exist$/);
    expect(goneHealth.write).toBe(goneHealth.read);
  });
});
