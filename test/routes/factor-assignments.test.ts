import { and, count, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as home from "#app/routes/reviews.$reviewId._index";
import * as members from "#app/routes/reviews.$reviewId.members";
import { readResult, type FormResult } from "#app/utils/forms";
import { asyncDb } from "#app/utils/db.server";
import { auditLog, evidence, evidenceFactors, factorAssignments, notifications } from "#db/schema";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, type DemoEmail } from "../utils";

/* The lead shares the key factors out; each reviewer is told and sees "my factors" with their evidence. */

beforeEach(async () => {
  await loadDemoReview();
  // Each test shares the factors out itself, whatever the demo seed assigned.
  await asyncDb.delete(factorAssignments).where(eq(factorAssignments.reviewId, DEMO_REVIEW_ID)).run();
  await asyncDb.delete(notifications).run();
});

const params = { reviewId: DEMO_REVIEW_ID };

async function assign(email: DemoEmail, userId: string, factorIds: string[]) {
  return run(
    members.action,
    makeRequest(`/reviews/${DEMO_REVIEW_ID}/members`, { cookie: await cookieFor(email), form: { intent: "assign-factors", userId, factorIds } }),
    params,
  );
}

async function assigned(userId: string) {
  const rows = await asyncDb
    .select({ factorId: factorAssignments.factorId })
    .from(factorAssignments)
    .where(and(eq(factorAssignments.reviewId, DEMO_REVIEW_ID), eq(factorAssignments.userId, userId)))
    .all();
  return rows.map((row) => row.factorId).sort();
}

function toldTo(userId: string) {
  return asyncDb.select().from(notifications).where(eq(notifications.userId, userId)).all();
}

async function homeOf(email: DemoEmail) {
  const outcome = await run(home.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie: await cookieFor(email) }), params);
  expect(outcome.status).toBe(200);
  return outcome.data as Awaited<ReturnType<typeof home.loader>>;
}

describe("the lead assigns key factors", () => {
  it("to a reviewer, who is told once of what is new, and the change is audited", async () => {
    expect((await assign("lead@demo.test", "demo-peer", ["kf-05", "kf-02"])).status).toBe(200);
    expect(await assigned("demo-peer")).toEqual(["kf-02", "kf-05"]);
    const told = await toldTo("demo-peer");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: "assigned", reviewId: DEMO_REVIEW_ID });
    expect(told[0]!.params).toMatchObject({ factorIds: ["kf-02", "kf-05"], by: "Lena Marchetti" });
    // Saving the same again tells nothing; adding one tells of that one only.
    await assign("lead@demo.test", "demo-peer", ["kf-02", "kf-05"]);
    expect(await toldTo("demo-peer")).toHaveLength(1);
    await assign("lead@demo.test", "demo-peer", ["kf-02", "kf-05", "kf-07"]);
    const latest = await toldTo("demo-peer");
    expect(latest).toHaveLength(2);
    expect(latest.map((row) => (row.params as { factorIds?: string[] }).factorIds)).toContainEqual(["kf-07"]);
    // Nobody else is told.
    expect((await asyncDb.select().from(notifications).all()).every((row) => row.userId === "demo-peer")).toBe(true);
    const audit = await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "factor-assignment"), eq(auditLog.entityId, "demo-peer")))
      .all();
    expect(audit.map((entry) => entry.after)).toEqual([{ factorIds: ["kf-02", "kf-05"] }, { factorIds: ["kf-02", "kf-05", "kf-07"] }]);
  });

  it("and takes one back by leaving it unticked", async () => {
    await assign("lead@demo.test", "demo-peer2", ["kf-01", "kf-03"]);
    await assign("lead@demo.test", "demo-peer2", ["kf-03"]);
    expect(await assigned("demo-peer2")).toEqual(["kf-03"]);
  });

  it("refuses a factor not in the framework, beside the factors, writing nothing and keeping the ticks", async () => {
    const outcome = await assign("lead@demo.test", "demo-peer", ["kf-02", "kf-99"]);
    expect(outcome.status).toBe(400);
    const result = readResult(outcome.data as FormResult);
    expect(result.errors.factorIds).toEqual(["agenda:errors.unknownFactor"]);
    expect(result.values).toMatchObject({ userId: "demo-peer", factorIds: ["kf-02", "kf-99"] });
    expect(await assigned("demo-peer")).toEqual([]);
    expect(await toldTo("demo-peer")).toEqual([]);
  });

  it("refuses to give factors to a member of the host city", async () => {
    const outcome = await assign("lead@demo.test", "demo-host", ["kf-02"]);
    expect(outcome.status).toBe(400);
    expect(readResult(outcome.data as FormResult).errors.userId).toEqual(["agenda:errors.unknownReviewer"]);
    expect(await assigned("demo-host")).toEqual([]);
  });

  it("is the lead's alone: a peer or the host team is refused", async () => {
    expect((await assign("peer@demo.test", "demo-peer", ["kf-02"])).status).toBe(403);
    expect((await assign("host@demo.test", "demo-peer", ["kf-02"])).status).toBe(403);
    expect(await assigned("demo-peer")).toEqual([]);
  });
});

describe("my factors", () => {
  it("shows a reviewer their factors with the evidence logged for each", async () => {
    await assign("lead@demo.test", "demo-peer", ["kf-02", "kf-05"]);
    const { myFactors } = await homeOf("peer@demo.test");
    expect(myFactors.map((factor) => factor.id)).toEqual(["kf-02", "kf-05"]);
    for (const factor of myFactors) {
      const logged = (await asyncDb
        .select({ n: count() })
        .from(evidenceFactors)
        .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
        .where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), eq(evidenceFactors.factorId, factor.id), isNull(evidence.deletedAt)))
        .get())!.n;
      expect(factor.balance.total, factor.id).toBe(logged);
      expect(factor.balance.supports + factor.balance.mixed + factor.balance.contradicts).toBe(logged);
    }
    expect(myFactors.some((factor) => factor.balance.total > 0)).toBe(true);
    expect((await homeOf("peer2@demo.test")).myFactors).toEqual([]);
  });

  it("and who covers what stay with the peer team: the host team's pages hold neither", async () => {
    await assign("lead@demo.test", "demo-peer", ["kf-02"]);
    expect((await homeOf("host@demo.test")).myFactors).toEqual([]);
    const page = await run(members.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/members`, { cookie: await cookieFor("host@demo.test") }), params);
    expect((page.data as { team: unknown }).team).toBeNull();
    const lead = await run(members.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/members`, { cookie: await cookieFor("lead@demo.test") }), params);
    expect((lead.data as { team: { assignments: unknown[] } }).team.assignments).toEqual([{ factorId: "kf-02", userId: "demo-peer" }]);
  });
});
