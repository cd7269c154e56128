import fs from "node:fs";
import path from "node:path";
import { count, eq, max } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getSessionUser } from "#app/utils/session.server";
import { auditLog, evidence, reviews } from "#db/schema";
import { BASE, cookieFor, db, DEMO_REVIEW_ID, loadDemoReview, setPhase } from "./utils";

// Every other test file starts each test from loadDemoReview(); these check that it really
// gives each test the same start, whatever the test before it did.
describe("loadDemoReview", () => {
  it("puts back rows a test changed, added or deleted, and the id counters", async () => {
    await loadDemoReview();
    const seeded = {
      phase: db.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get()!.phase,
      evidence: db.select({ n: count() }).from(evidence).get()!.n,
      audit: db.select({ n: count() }).from(auditLog).get()!.n,
      lastAuditId: db
        .select({ id: max(auditLog.id) })
        .from(auditLog)
        .get()!.id!,
    };

    await setPhase(seeded.phase === "issued" ? "drafting" : "issued");
    db.delete(evidence).where(eq(evidence.reviewId, DEMO_REVIEW_ID)).run();
    db.insert(auditLog).values({ reviewId: DEMO_REVIEW_ID, userId: null, action: "create", entity: "test", entityId: "x" }).run();

    await loadDemoReview();
    expect(db.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get()!.phase).toBe(seeded.phase);
    expect(db.select({ n: count() }).from(evidence).get()!.n).toBe(seeded.evidence);
    expect(db.select({ n: count() }).from(auditLog).get()!.n).toBe(seeded.audit);
    const inserted = db
      .insert(auditLog)
      .values({ reviewId: DEMO_REVIEW_ID, userId: null, action: "create", entity: "test", entityId: "y" })
      .returning({ id: auditLog.id })
      .get();
    expect(inserted.id).toBe(seeded.lastAuditId + 1);
  });

  it("removes uploaded files and makes new session cookies", async () => {
    await loadDemoReview();
    const before = await cookieFor("peer@demo.test");
    const leftover = path.join(process.env.UPLOADS_PATH!, "leftover");
    fs.writeFileSync(leftover, "from an earlier test");

    await loadDemoReview();
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(process.env.UPLOADS_PATH!)).toBe(true);
    const after = await cookieFor("peer@demo.test");
    expect(after).not.toBe(before);
    expect((await getSessionUser(new Request(BASE, { headers: { Cookie: after } })))?.id).toBe("demo-peer");
  });
});
