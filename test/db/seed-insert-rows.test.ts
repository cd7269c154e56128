import { asc, count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { asyncDbOf } from "#db/async-db";
import { createDb, migrateDb } from "#db/client";
import { auditLog } from "#db/schema";
import { insertRows, MAX_PARAMETERS } from "#db/seed/insert-rows";

/*
 * The seed's many-row inserts stay under every store's limit of parameters per statement
 * (SQLite 32,766, PostgreSQL 65,535): a statement passes at most MAX_PARAMETERS.
 */

const at = new Date(Date.UTC(2026, 2, 2, 9, 0, 0));
const rows = Array.from({ length: 4000 }, (_, index) => ({
  action: "create",
  entity: "evidence",
  entityId: `probe-${index}`,
  at,
}));

describe("insertRows", () => {
  it("inserts more rows than one statement may carry, in order, in statements under the limit", async () => {
    const syncDb = createDb(":memory:");
    migrateDb(syncDb);
    const db = asyncDbOf(syncDb);
    const statements: number[] = [];
    const prepare = syncDb.$client.prepare.bind(syncDb.$client);
    syncDb.$client.prepare = ((source: string) => {
      if (source.startsWith("insert into")) statements.push(source.split("?").length - 1);
      return prepare(source);
    }) as typeof syncDb.$client.prepare;
    await insertRows(db, auditLog, rows);
    // Nine columns a row: 4,000 rows would be 36,000 parameters in one statement.
    expect(statements.length).toBeGreaterThan(1);
    expect(Math.max(...statements)).toBeLessThanOrEqual(MAX_PARAMETERS);
    expect(await db.select({ n: count() }).from(auditLog).get()).toEqual({ n: 4000 });
    const stored = await db.select({ entityId: auditLog.entityId }).from(auditLog).orderBy(asc(auditLog.id)).all();
    expect(stored.map((row) => row.entityId)).toEqual(rows.map((row) => row.entityId));
    syncDb.$client.close();
  });
});
