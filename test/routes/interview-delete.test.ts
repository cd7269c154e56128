import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as interviewsPage from "#app/routes/reviews.$reviewId.interviews/route";
import { createInterview, type InterviewInput } from "#app/models/interview.server";
import { formErrorsOf, type FormResult } from "#app/utils/forms";
import { asyncDb } from "#app/utils/db.server";
import { auditLog, evidence, interviewParticipants, interviews } from "#db/schema";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase, type DemoEmail } from "../utils";

/* An interview recorded by mistake can be deleted while no evidence cites it: by whoever recorded it, or the lead. */

const params = { reviewId: DEMO_REVIEW_ID };
const path = `/reviews/${DEMO_REVIEW_ID}/interviews`;

const INPUT: InterviewInput = {
  date: "2026-03-17",
  place: "Town hall",
  format: "interview",
  consentNotes: "",
  organisationsWithheld: false,
  participants: [{ role: "Housing officer", organisation: "City housing department", category: "city-official", name: null }],
  recordNames: false,
  reviewerIds: [],
};

async function recordedBy(userId: string) {
  const created = await createInterview({ reviewId: DEMO_REVIEW_ID, userId, input: INPUT });
  if (!created.ok) throw new Error("the interview was not recorded");
  return created.id;
}

const exists = async (id: string) => Boolean(await asyncDb.select({ id: interviews.id }).from(interviews).where(eq(interviews.id, id)).get());
const deletions = () =>
  asyncDb
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "interview"), eq(auditLog.action, "delete")))
    .all();

async function remove(email: DemoEmail, interviewId: string) {
  return run(interviewsPage.action, makeRequest(path, { cookie: await cookieFor(email), form: { intent: "delete", interviewId } }), params);
}

/** A seeded interview that evidence items cite, and how many. */
async function citedInterview() {
  const rows = await asyncDb
    .select({ id: evidence.interviewId })
    .from(evidence)
    .where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), isNull(evidence.deletedAt)))
    .all();
  const id = rows.find((item) => item.id)!.id!;
  const cited = (
    await asyncDb
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.interviewId, id), isNull(evidence.deletedAt)))
      .all()
  ).length;
  return { id, cited };
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("deleting an interview", () => {
  it("with no evidence: its recorder deletes it, with its participants, audited without names", async () => {
    const id = await recordedBy("demo-peer");
    const deleted = await remove("peer@demo.test", id);
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe(`${path}?deleted=1`);
    expect(await exists(id)).toBe(false);
    expect(await asyncDb.select().from(interviewParticipants).where(eq(interviewParticipants.interviewId, id)).all()).toEqual([]);
    expect(await deletions()).toMatchObject([
      {
        userId: "demo-peer",
        entityId: id,
        before: { date: "2026-03-17", place: "Town hall", participants: [{ role: "Housing officer", nameRecorded: false }] },
      },
    ]);
  });

  it("the lead deletes anyone's; another peer may not", async () => {
    const id = await recordedBy("demo-peer");
    const other = await remove("peer2@demo.test", id);
    expect(other.status).toBe(403);
    expect(await exists(id)).toBe(true);
    const host = await remove("host@demo.test", id);
    expect(host.status).toBe(403);
    expect(await exists(id)).toBe(true);
    const lead = await remove("lead@demo.test", id);
    expect(lead.status).toBe(302);
    expect(await exists(id)).toBe(false);
    expect(await deletions()).toMatchObject([{ userId: "demo-lead", entityId: id }]);
  });

  it("that evidence cites: refused with a clear message above the list, nothing deleted", async () => {
    const { id, cited } = await citedInterview();
    expect(cited).toBeGreaterThan(0);
    const refused = await remove("lead@demo.test", id);
    expect(refused.status).toBe(409);
    expect(formErrorsOf(refused.data as FormResult)).toEqual([`evidence:errors.interviewHasEvidence|${JSON.stringify({ count: cited })}`]);
    expect(await exists(id)).toBe(true);
    expect(await deletions()).toEqual([]);
  });

  it("whose items were all deleted: goes, and those deleted items let go of it", async () => {
    const { id } = await citedInterview();
    await asyncDb.update(evidence).set({ deletedAt: new Date() }).where(eq(evidence.interviewId, id)).run();
    const deleted = await remove("lead@demo.test", id);
    expect(deleted.status).toBe(302);
    expect(await exists(id)).toBe(false);
    expect(await asyncDb.select().from(evidence).where(eq(evidence.interviewId, id)).all()).toEqual([]);
    expect(((await deletions())[0]!.before as { detachedDeletedEvidence: string[] }).detachedDeletedEvidence.length).toBeGreaterThan(0);
  });

  it("is offered on the page only for the interviews without evidence that the reader may change", async () => {
    const mine = await recordedBy("demo-peer");
    const page = await run(interviewsPage.loader, makeRequest(path, { cookie: await cookieFor("peer@demo.test") }), params);
    const rows = (page.data as { interviews: { id: string; canEdit: boolean; quoteCount: number }[] }).interviews;
    expect(rows.find((row) => row.id === mine)).toMatchObject({ canEdit: true, quoteCount: 0 });
  });
});
