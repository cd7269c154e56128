import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { asyncDbOf, exclusively, transaction, type AsyncDb } from "#db/async-db";
import { createDb, migrateDb, type Db } from "#db/client";
import { users } from "#db/schema";

/*
 * The lock of the async SQLite layer (docs/decisions/0029, "Async transactions"): one
 * better-sqlite3 connection, transactions whose bodies await, and other requests' statements.
 */

let syncDb: Db;
let db: AsyncDb;

beforeEach(() => {
  syncDb = createDb(":memory:");
  migrateDb(syncDb);
  syncDb.$client.exec("CREATE TABLE probe (n INTEGER NOT NULL)");
  db = asyncDbOf(syncDb);
});

/** A promise the test resolves when it chooses: the transaction body waits on it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Lets every other pending callback run (timers, I/O, other requests' statements). */
async function letOthersRun() {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

async function probeValues(on: AsyncDb = db) {
  return (await on.all<{ n: number }>(sql`SELECT n FROM probe ORDER BY rowid`)).map((row) => row.n);
}

describe("transaction(db, async (tx) => …) on SQLite", () => {
  it("runs two concurrent transactions on one connection one after the other, never interleaved", async () => {
    const steps: string[] = [];
    const first = gate();
    const one = transaction(db, async (tx) => {
      await tx.run(sql`INSERT INTO probe (n) VALUES (1)`);
      steps.push("first: 1");
      await first.opened;
      await tx.run(sql`INSERT INTO probe (n) VALUES (2)`);
      steps.push("first: 2");
    });
    const two = transaction(db, async (tx) => {
      steps.push(`second sees ${(await probeValues(tx)).join(",")}`);
      await tx.run(sql`INSERT INTO probe (n) VALUES (3)`);
      steps.push("second: 3");
    });
    await letOthersRun();
    expect(steps).toEqual(["first: 1"]);
    first.open();
    await Promise.all([one, two]);
    expect(steps).toEqual(["first: 1", "first: 2", "second sees 1,2", "second: 3"]);
    expect(await probeValues()).toEqual([1, 2, 3]);
  });

  it("rolls back every statement of a body that throws, throws on, and lets the next caller in", async () => {
    await expect(
      transaction(db, async (tx) => {
        await tx.run(sql`INSERT INTO probe (n) VALUES (1)`);
        await tx.insert(users).values({ id: "u-1", email: "one@example.org", name: "One", passwordHash: "x" });
        throw new Error("refused half-way");
      }),
    ).rejects.toThrow("refused half-way");
    expect(syncDb.$client.inTransaction).toBe(false);
    expect(await probeValues()).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, "u-1")).get()).toBeUndefined();
    await transaction(db, async (tx) => {
      await tx.run(sql`INSERT INTO probe (n) VALUES (4)`);
    });
    expect(await probeValues()).toEqual([4]);
  });

  it("makes a synchronous transaction of a model not yet moved wait for the open one, so its rollback cannot undo it", async () => {
    const held = gate();
    const refused = transaction(db, async (tx) => {
      await tx.run(sql`INSERT INTO probe (n) VALUES (1)`);
      await held.opened;
      throw new Error("refused after all");
    });
    let saved = false;
    // An evidence save as the synchronous models make it: acknowledged once its transaction returns.
    const save = exclusively(syncDb, () => syncDb.transaction((tx) => tx.run(sql`INSERT INTO probe (n) VALUES (7)`))).then(() => (saved = true));
    await letOthersRun();
    expect(saved).toBe(false);
    held.open();
    await expect(refused).rejects.toThrow("refused after all");
    await save;
    // Without the lock the 7 would have joined the open transaction as a savepoint and gone with it.
    expect(await probeValues()).toEqual([7]);
  });

  it("makes a statement outside any transaction wait for the open one, then see only what it committed", async () => {
    const held = gate();
    const refused = transaction(db, async (tx) => {
      await tx.run(sql`INSERT INTO probe (n) VALUES (1)`);
      await held.opened;
      throw new Error("the save is refused after all");
    });
    let read: number[] | undefined;
    const reading = probeValues().then((values) => (read = values));
    await letOthersRun();
    // Without the lock the read would have run inside the open transaction and seen the 1.
    expect(read).toBeUndefined();
    held.open();
    await expect(refused).rejects.toThrow("the save is refused after all");
    await reading;
    expect(read).toEqual([]);

    const kept = gate();
    const committed = transaction(db, async (tx) => {
      await tx.run(sql`INSERT INTO probe (n) VALUES (2)`);
      await kept.opened;
      await tx.run(sql`INSERT INTO probe (n) VALUES (3)`);
    });
    let written = false;
    const write = db.run(sql`INSERT INTO probe (n) VALUES (9)`).then(() => (written = true));
    await letOthersRun();
    // A write waits too: it would otherwise have landed between the 2 and the 3, and been theirs.
    expect(written).toBe(false);
    kept.open();
    await Promise.all([committed, write]);
    expect(await probeValues()).toEqual([2, 3, 9]);
  });

  it("makes a transaction inside a transaction a savepoint: its throw undoes only its own statements", async () => {
    await transaction(db, async (tx) => {
      await tx.run(sql`INSERT INTO probe (n) VALUES (1)`);
      await expect(
        transaction(tx, async (inner) => {
          await inner.run(sql`INSERT INTO probe (n) VALUES (2)`);
          throw new Error("inner refused");
        }),
      ).rejects.toThrow("inner refused");
      await transaction(tx, async (inner) => {
        await inner.run(sql`INSERT INTO probe (n) VALUES (3)`);
      });
    });
    expect(await probeValues()).toEqual([1, 3]);
  });

  it("reads and writes through drizzle's builders as the synchronous driver does", async () => {
    const created = new Date("2026-03-01T08:30:00.000Z");
    const inserted = await db
      .insert(users)
      .values({ id: "u-2", email: "two@example.org", name: "Two", passwordHash: "x", isAdmin: true, createdAt: created })
      .run();
    expect(inserted.changes).toBe(1);
    const asyncRow = await db.select().from(users).where(eq(users.id, "u-2")).get();
    expect(asyncRow).toEqual(syncDb.select().from(users).where(eq(users.id, "u-2")).get());
    expect(asyncRow?.createdAt).toEqual(created);
    expect(asyncRow?.isAdmin).toBe(true);
    expect(await db.query.users.findFirst({ where: eq(users.id, "u-2"), columns: { name: true } })).toEqual({ name: "Two" });
    const updated = await db.update(users).set({ name: "Deux" }).where(eq(users.id, "u-2")).returning({ name: users.name });
    expect(updated).toEqual([{ name: "Deux" }]);
  });

  it("reuses a compiled statement for rows as arrays and as objects alike, and after its table changed", async () => {
    // The same SQL text twice: once as drizzle maps it (rows as arrays), once raw (rows as objects).
    const mapped = db
      .select({ n: sql<number>`n` })
      .from(sql`probe`)
      .where(sql`n > ${0}`);
    const text = mapped.toSQL().sql;
    expect(text).toBe("select n from probe where n > ?");
    await db.run(sql`INSERT INTO probe (n) VALUES (7)`);
    for (let round = 0; round < 2; round += 1) {
      expect(await mapped.all()).toEqual([{ n: 7 }]);
      expect(await db.all(sql`select n from probe where n > ${0}`)).toEqual([{ n: 7 }]);
      expect(await mapped.get()).toEqual({ n: 7 });
      expect(await db.get(sql`select n from probe where n > ${0}`)).toEqual({ n: 7 });
    }
    // A statement compiled before a column was added still runs, and sees the new column.
    expect(await db.all(sql`select * from probe where n > ${0}`)).toEqual([{ n: 7 }]);
    syncDb.$client.exec("ALTER TABLE probe ADD COLUMN label TEXT DEFAULT 'x'");
    expect(await db.all(sql`select * from probe where n > ${0}`)).toEqual([{ n: 7, label: "x" }]);
  });

  it("has no transaction of its own that would bypass the lock", () => {
    // @ts-expect-error AsyncDb leaves drizzle's transaction out: transaction(db, …) is the one way in.
    expect(() => db.transaction(async () => {})).toThrow("Use transaction(db, async (tx) => …)");
  });
});
