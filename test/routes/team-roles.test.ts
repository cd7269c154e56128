import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { action as membersAction, loader as membersLoader } from "#app/routes/reviews.$reviewId.members";
import { readResult, type FormResult } from "#app/utils/forms";
import { auditLog, reviewMembers } from "#db/schema";
import { DEMO_PARTNER_ID } from "#db/seed/index";
import { asyncDb as db } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run } from "../utils";

/*
 * Issue 20: on the Team page, a member switched to plan partner joins for an organisation of the
 * city's partner register, as an invited plan partner does; without one the switch is refused
 * beside the field, with what was chosen kept and nothing written.
 */

beforeEach(loadDemoReview);

const changeRole = async (form: Record<string, string>) =>
  run(
    membersAction,
    makeRequest(`/reviews/${DEMO_REVIEW_ID}/members`, {
      cookie: await cookieFor("lead@demo.test"),
      form: { intent: "change-role", userId: "demo-peer2", ...form },
    }),
    { reviewId: DEMO_REVIEW_ID },
  );

const peer2 = () =>
  db
    .select({ role: reviewMembers.role, partnerId: reviewMembers.partnerId })
    .from(reviewMembers)
    .where(and(eq(reviewMembers.reviewId, DEMO_REVIEW_ID), eq(reviewMembers.userId, "demo-peer2")))
    .get();

describe("switching a member to plan partner", () => {
  it("is refused without the partner organisation: the message beside it, the role chosen kept, nothing written", async () => {
    const before = await peer2();
    const outcome = await changeRole({ role: "plan-partner", partnerId: "" });
    expect(outcome.status).toBe(400);
    expect(readResult(outcome.data as FormResult)).toMatchObject({
      errors: { partnerId: ["reviews:members.partnerRequired"] },
      values: { intent: "change-role", userId: "demo-peer2", role: "plan-partner" },
    });
    expect(await peer2()).toEqual(before);
  });

  it("is refused for an organisation that is not in the city's register", async () => {
    const before = await peer2();
    const outcome = await changeRole({ role: "plan-partner", partnerId: "someone-elses-partner" });
    expect(outcome.status).toBe(400);
    expect(readResult(outcome.data as FormResult).errors).toEqual({ partnerId: ["plan:errors.unknownPartner"] });
    expect(await peer2()).toEqual(before);
  });

  it("records the organisation with the role, audited, shows it on the Team page, and drops it when the role changes again", async () => {
    const outcome = await changeRole({ role: "plan-partner", partnerId: DEMO_PARTNER_ID });
    expect(outcome.status).toBe(200);
    expect(await peer2()).toEqual({ role: "plan-partner", partnerId: DEMO_PARTNER_ID });
    const audit = await db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "member"), eq(auditLog.entityId, "demo-peer2"), eq(auditLog.action, "change-role")))
      .all();
    expect(audit.map((entry) => entry.after)).toEqual([{ role: "plan-partner", partnerId: DEMO_PARTNER_ID }]);
    const page = await run(membersLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/members`, { cookie: await cookieFor("lead@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    const members = (page.data as Awaited<ReturnType<typeof membersLoader>>).members;
    expect(members.find((member) => member.userId === "demo-peer2")).toMatchObject({ role: "plan-partner", partnerId: DEMO_PARTNER_ID });
    const back = await changeRole({ role: "peer-reviewer", partnerId: DEMO_PARTNER_ID });
    expect(back.status).toBe(200);
    expect(await peer2()).toEqual({ role: "peer-reviewer", partnerId: null });
  });
});
