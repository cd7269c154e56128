import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, desc, eq, sql } from "drizzle-orm";
import pg from "pg";
import { read, transaction, type AsyncDb } from "#db/async-db";
import { asyncDbOnPg } from "#db/pg/async-session";
import { createPgDb, migratePgDb, type PgDb } from "#db/pg/client";
import { auditLog, cities, reviews, users } from "#db/schema";
import { freshPgDatabase, logPgSkip, pgSkipReason } from "./pg";

/*
 * The model layer's queries (drizzle's SQLite API, the SQLite schema's tables) on PostgreSQL:
 * what they write and what they read back must be what the SQLite store gives.
 */
logPgSkip("pg-async-session.test.ts");

describe.skipIf(pgSkipReason)("the model layer on PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof freshPgDatabase>>;
  let pgDb: PgDb;
  let db: AsyncDb;

  beforeAll(async () => {
    database = await freshPgDatabase("session");
    pgDb = createPgDb(database.url);
    await migratePgDb(pgDb);
    db = asyncDbOnPg(pgDb.$client, pg.types);
  });

  afterAll(async () => {
    await pgDb?.$client.end();
    await database?.drop();
  });

  const user = (id: string, extra: Partial<typeof users.$inferInsert> = {}) => ({
    id,
    email: `${id}@example.org`,
    name: id,
    passwordHash: "x",
    ...extra,
  });

  // Each test starts from the same two rows, whatever order the tests run in (npm test shuffles them).
  let before = 0;
  beforeEach(async () => {
    await db.run(sql`TRUNCATE users, cities, reviews, audit_log RESTART IDENTITY CASCADE`);
    before = Date.now();
    await db.insert(users).values(user("ana", { isAdmin: true }));
    await db.insert(cities).values({ id: "city-1", name: "Ghent", country: "Belgium" });
  });

  it("inserts with PostgreSQL's own defaults and reads back dates, booleans and json as on SQLite", async () => {
    const row = await db.select().from(users).where(eq(users.id, "ana")).get();
    expect(row).toMatchObject({ id: "ana", isAdmin: true, mailNotifications: true, locale: "en", deactivatedAt: null });
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(row!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const city = await db.select().from(cities).where(eq(cities.id, "city-1")).get();
    expect(city!.languages).toEqual(["fr", "en"]);
    expect(city!.timeZone).toBe("Europe/Brussels");
  });

  it("gives an autoincrement id, json columns and a changes count as the SQLite driver does", async () => {
    const first = await db
      .insert(auditLog)
      .values({ action: "a", entity: "e", entityId: "1", after: { n: 1, words: ["é"] } })
      .returning({ id: auditLog.id })
      .get();
    const second = await db.insert(auditLog).values({ action: "b", entity: "e", entityId: "2" }).returning({ id: auditLog.id }).get();
    expect(second!.id).toBe(first!.id + 1);
    const stored = await db.select({ after: auditLog.after, at: auditLog.at }).from(auditLog).where(eq(auditLog.id, first!.id)).get();
    expect(stored!.after).toEqual({ n: 1, words: ["é"] });
    expect(stored!.at).toBeInstanceOf(Date);
    const result = await db.update(auditLog).set({ entity: "f" }).where(eq(auditLog.entity, "e")).run();
    expect(result.changes).toBe(2);
    const none = await db.update(auditLog).set({ entity: "g" }).where(eq(auditLog.entity, "nothing")).run();
    expect(none.changes).toBe(0);
  });

  it("saves text holding a NUL character without it, where PostgreSQL would refuse the statement", async () => {
    await db.insert(users).values(user("nul", { name: "avant\u0000après" }));
    expect((await db.select({ name: users.name }).from(users).where(eq(users.id, "nul")).get())!.name).toBe("avantaprès");
    await db.delete(users).where(eq(users.id, "nul"));
  });

  it("returns objects with numbers for raw queries, and counts as numbers", async () => {
    const rows = await db.all<{ id: string; admin: number; n: number }>(sql`SELECT id, is_admin AS admin, 41 + 1 AS n FROM users WHERE id = ${"ana"}`);
    expect(rows).toEqual([{ id: "ana", admin: 1, n: 42 }]);
    const count = await db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get();
    expect(count!.n).toBe(1);
  });

  it("sorts nulls where SQLite does: first going up, last going down", async () => {
    await db.insert(users).values([user("bo", { deactivatedAt: new Date(2026, 0, 2) }), user("cy")]);
    const up = await db.select({ id: users.id }).from(users).orderBy(asc(users.deactivatedAt), asc(users.id)).all();
    expect(up.map((row) => row.id)).toEqual(["ana", "cy", "bo"]);
    const down = await db.select({ id: users.id }).from(users).orderBy(desc(users.deactivatedAt), asc(users.id)).all();
    expect(down.map((row) => row.id)).toEqual(["bo", "ana", "cy"]);
  });

  it("commits a transaction whole, rolls it back whole, and undoes only a failed savepoint", async () => {
    await transaction(db, async (tx) => {
      await tx.insert(users).values(user("dee"));
      await tx.update(users).set({ name: "Dee" }).where(eq(users.id, "dee"));
    });
    expect((await db.select().from(users).where(eq(users.id, "dee")).get())!.name).toBe("Dee");

    await expect(
      transaction(db, async (tx) => {
        await tx.insert(users).values(user("eve"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await db.select().from(users).where(eq(users.id, "eve")).get()).toBeUndefined();

    await transaction(db, async (tx) => {
      await tx.insert(users).values(user("fay"));
      await transaction(tx, async (inner) => {
        await inner.insert(users).values(user("gus"));
        throw new Error("inner");
      }).catch(() => {});
    });
    expect(await db.select().from(users).where(eq(users.id, "fay")).get()).toBeDefined();
    expect(await db.select().from(users).where(eq(users.id, "gus")).get()).toBeUndefined();
  });

  it("keeps a transaction's writes out of sight of others until it commits", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const writing = transaction(db, async (tx) => {
      await tx.insert(users).values(user("hal"));
      inserted();
      await held;
    });
    await insertedYet;
    expect(await db.select().from(users).where(eq(users.id, "hal")).get()).toBeUndefined();
    release();
    await writing;
    expect(await db.select().from(users).where(eq(users.id, "hal")).get()).toBeDefined();
  });

  it("reads one snapshot in read(), whatever another instance writes meanwhile", async () => {
    const other = createPgDb(database.url);
    const otherDb = asyncDbOnPg(other.$client, pg.types);
    const seen = await read(db, async (tx) => {
      const first = (await tx
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .get())!.n;
      await otherDb.insert(users).values(user("ivy"));
      const second = (await tx
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .get())!.n;
      return { first, second };
    });
    await other.$client.end();
    expect(seen.second).toBe(seen.first);
    expect(
      (await db
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .get())!.n,
    ).toBe(seen.first + 1);
  });

  it("catches the second of two read-then-write version checks, on two instances, by running it again", async () => {
    const other = createPgDb(database.url);
    const otherDb = asyncDbOnPg(other.$client, pg.types);
    await db.insert(users).values(user("kim"));
    let bothRead!: () => void;
    let reads = 0;
    const together = new Promise<void>((resolve) => (bothRead = resolve));
    // Each reads the name, waits until the other has read it too (the first time), then writes.
    const save = (on: AsyncDb, from: string, to: string) =>
      transaction(on, async (tx) => {
        const row = (await tx.select({ name: users.name }).from(users).where(eq(users.id, "kim")).get())!;
        if (++reads === 2) bothRead();
        await Promise.race([together, new Promise((resolve) => setTimeout(resolve, 2000))]);
        if (row.name !== from) return "conflict";
        await tx.update(users).set({ name: to }).where(eq(users.id, "kim"));
        return "saved";
      });
    const outcomes = await Promise.all([save(db, "kim", "Kim A"), save(otherDb, "kim", "Kim B")]);
    await other.$client.end();
    expect(outcomes.sort()).toEqual(["conflict", "saved"]);
    const name = (await db.select({ name: users.name }).from(users).where(eq(users.id, "kim")).get())!.name;
    expect(["Kim A", "Kim B"]).toContain(name);
  });

  it("catches the second of two conditional updates of one version, as an autosave conflict", async () => {
    await db.insert(reviews).values({
      id: "r1",
      cityId: "city-1",
      hostCity: "Ghent",
      country: "Belgium",
      frameworkId: "eurocities-anti-discrimination",
      frameworkVersion: "1",
      kind: "peer-review",
    });
    const save = (text: string) =>
      transaction(db, async (tx) => {
        const result = await tx
          .update(reviews)
          .set({ executiveSummary: text, summaryVersion: sql`${reviews.summaryVersion} + 1` })
          .where(sql`${reviews.id} = ${"r1"} AND ${reviews.summaryVersion} = ${0}`)
          .run();
        return result.changes;
      });
    const outcomes = await Promise.all([save("first"), save("second")]);
    expect(outcomes.sort()).toEqual([0, 1]);
    expect((await db.select({ v: reviews.summaryVersion }).from(reviews).where(eq(reviews.id, "r1")).get())!.v).toBe(1);
  });
});
