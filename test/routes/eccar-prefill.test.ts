import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, cityActions, prefillDecisions, recommendations, reviewMembers, reviews, selfAssessmentAnswers, selfAssessmentFactors } from "#db/schema";
import { action, loader } from "#app/routes/reviews.$reviewId.self-assessment.$factorId_.actions._index";
import { loader as overview } from "#app/routes/reviews.$reviewId.self-assessment._index";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/*
 * Item 6 of issue 14: an ECCAR self-assessment started from the city's EUROCITIES review. The
 * demo's ECCAR review (Belleforge) is filled from the demo's EUROCITIES review of the same city,
 * whose team is the same; c-01 maps to kf-05 (primary), kf-04 and kf-11 (related).
 */

const base = (factorId: string) => `/reviews/${DEMO_ECCAR_REVIEW_ID}/self-assessment/${factorId}/actions`;
const params = (factorId: string) => ({ reviewId: DEMO_ECCAR_REVIEW_ID, factorId });

type Suggestion = { type: string; id: string; text: string; source: string; carriesTo: string; sourceItem: { id: string; strength: string } };
type View = {
  sources: { id: string; label: string }[];
  source: { id: string } | null;
  commitment: { suggestions: Suggestion[]; decided: { accepted: number; rejected: number }; noCounterpart: string | null } | null;
};

async function page(factorId: string, email: DemoEmail = "host@demo.test", query = "") {
  return run(loader, makeRequest(`${base(factorId)}${query}`, { cookie: await cookieFor(email) }), params(factorId));
}

async function view(factorId: string, email: DemoEmail = "host@demo.test", query = ""): Promise<View> {
  const outcome = await page(factorId, email, query);
  expect(outcome.status).toBe(200);
  return (outcome.data as { prefill: View }).prefill;
}

async function decide(factorId: string, form: Record<string, string>, email: DemoEmail = "host@demo.test") {
  return run(
    action,
    makeRequest(base(factorId), { cookie: await cookieFor(email), form: { intent: "decide", from: DEMO_REVIEW_ID, ...form } }),
    params(factorId),
  );
}

const summaryOf = (factorId: string) =>
  asyncDb
    .select()
    .from(selfAssessmentFactors)
    .where(and(eq(selfAssessmentFactors.reviewId, DEMO_ECCAR_REVIEW_ID), eq(selfAssessmentFactors.factorId, factorId)))
    .get();

const decisions = () => asyncDb.select().from(prefillDecisions).where(eq(prefillDecisions.reviewId, DEMO_ECCAR_REVIEW_ID)).all();

async function setRole(userId: string, reviewId: string, role: "host-team" | "host-reader" | "peer-reviewer") {
  await asyncDb
    .update(reviewMembers)
    .set({ role })
    .where(and(eq(reviewMembers.userId, userId), eq(reviewMembers.reviewId, reviewId)))
    .run();
}

beforeEach(async () => {
  await loadDemoReview();
});

describe("suggestions from the city's EUROCITIES review", () => {
  it("offers each commitment the answers of the key factors it maps to, each naming its source, and carries nothing by itself", async () => {
    const before = { summary: await summaryOf("c-01"), actions: (await asyncDb.select().from(cityActions).all()).length };
    const prefill = await view("c-01");
    expect(prefill.sources).toEqual([{ id: DEMO_REVIEW_ID, label: "Belleforge — EUROCITIES – Anti-discrimination" }]);
    const suggestions = prefill.commitment!.suggestions;
    const answers = (await asyncDb.select().from(selfAssessmentAnswers).where(eq(selfAssessmentAnswers.reviewId, DEMO_REVIEW_ID)).all()).filter(
      (answer) => ["kf-05", "kf-04", "kf-11"].includes(answer.factorId) && answer.text.trim(),
    );
    expect(answers.length).toBeGreaterThan(0);
    expect(suggestions.map((suggestion) => suggestion.id).sort()).toEqual(answers.map((answer) => answer.questionId).sort());
    // The primary key factor's first, then the related ones.
    expect(suggestions[0]!.sourceItem).toMatchObject({ id: "kf-05", strength: "primary" });
    const first = suggestions[0]!;
    const question = Number(first.id.split("-q")[1]);
    // Written in French on the EUROCITIES review: the page marks it so (WCAG 3.1.2).
    expect(first).toMatchObject({ type: "answer", carriesTo: "summary", language: "fr" });
    expect(first.source).toBe(
      `From the review of Belleforge on EUROCITIES – Anti-discrimination: key factor 5 “Involving non-municipal actors”, answer to guiding question ${question}.`,
    );
    // The host team reads no evidence and, before the factual check, no conclusions on the other review.
    expect(suggestions.filter((suggestion) => suggestion.type !== "answer")).toEqual([]);
    expect(await summaryOf("c-01")).toEqual(before.summary);
    expect((await asyncDb.select().from(cityActions).all()).length).toBe(before.actions);
  });

  it("adds an accepted answer to the commitment's summary with its source, and offers it no more", async () => {
    const [first] = (await view("c-01")).commitment!.suggestions;
    const before = await summaryOf("c-01");
    const outcome = await decide("c-01", { type: "answer", id: first!.id, decision: "accepted" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`${base("c-01")}?from=${DEMO_REVIEW_ID}&decided=accepted#suggestions`);
    const after = (await summaryOf("c-01"))!;
    expect(after.summary.endsWith(`${first!.text}\n\n(${first!.source})`)).toBe(true);
    if (before?.summary) expect(after.summary.startsWith(before.summary.trim())).toBe(true);
    expect(after.version).toBe((before?.version ?? 0) + 1);
    expect(await decisions()).toMatchObject([
      { factorId: "c-01", sourceReviewId: DEMO_REVIEW_ID, sourceType: "answer", sourceId: first!.id, decision: "accepted", decidedBy: "demo-host" },
    ]);
    const audit = await asyncDb.select().from(auditLog).where(eq(auditLog.entity, "prefill-decision")).all();
    expect(audit).toMatchObject([{ reviewId: DEMO_ECCAR_REVIEW_ID, action: "accept", entityId: `c-01:answer:${first!.id}` }]);
    const again = await view("c-01");
    expect(again.commitment!.suggestions.map((suggestion) => suggestion.id)).not.toContain(first!.id);
    expect(again.commitment!.decided).toEqual({ accepted: 1, rejected: 0 });
    // Decided for one commitment only: another commitment mapped to the same key factor still gets it.
    const other = await view("c-03");
    expect(other.commitment!.suggestions.some((suggestion) => suggestion.sourceItem.id === "kf-05")).toBe(true);
  });

  it("records a rejection without carrying anything, and the suggestion is not offered again", async () => {
    const [, second] = (await view("c-01")).commitment!.suggestions;
    const before = await summaryOf("c-01");
    const outcome = await decide("c-01", { type: "answer", id: second!.id, decision: "rejected" });
    expect(outcome.status).toBe(302);
    expect(await summaryOf("c-01")).toEqual(before);
    expect(await decisions()).toMatchObject([{ sourceId: second!.id, decision: "rejected" }]);
    expect((await view("c-01")).commitment!.suggestions.map((suggestion) => suggestion.id)).not.toContain(second!.id);
    // Deciding again on the same suggestion is refused: it is no longer offered.
    const twice = await decide("c-01", { type: "answer", id: second!.id, decision: "accepted" });
    expect(twice.status).toBe(409);
    expect(twice.data).toMatchObject({ error: { "": ["cityActions:prefill.errors.notOffered"] } });
    expect(await summaryOf("c-01")).toEqual(before);
  });

  it("turns an accepted development-plan action into a city action, not started, with its source", async () => {
    // Once the EUROCITIES report is issued the host team reads its agreed recommendations (kf-05 and kf-04 are agreed, kf-11 is not).
    await setPhase("issued", DEMO_REVIEW_ID);
    const suggestions = (await view("c-01")).commitment!.suggestions.filter((suggestion) => suggestion.type === "recommendation");
    const offered = (await asyncDb.select().from(recommendations).where(eq(recommendations.reviewId, DEMO_REVIEW_ID)).all()).filter((recommendation) =>
      ["kf-05", "kf-04"].includes(recommendation.factorId),
    );
    expect(suggestions.map((suggestion) => suggestion.id).sort()).toEqual(offered.map((recommendation) => recommendation.id).sort());
    const chosen = suggestions[0]!;
    expect(chosen.carriesTo).toBe("action");
    const outcome = await decide("c-01", { type: "recommendation", id: chosen.id, decision: "accepted" });
    expect(outcome.status).toBe(302);
    const created = (await asyncDb.select().from(cityActions).where(eq(cityActions.source, chosen.source)).get())!;
    expect(outcome.location).toBe(`${base("c-01")}?from=${DEMO_REVIEW_ID}&decided=accepted&action=${created.id}#suggestions`);
    expect(created).toMatchObject({
      reviewId: DEMO_ECCAR_REVIEW_ID,
      factorId: "c-01",
      status: "not-started",
      description: chosen.text,
      createdBy: "demo-host",
    });
    expect(chosen.text.startsWith(created.title.replace(/…$/, ""))).toBe(true);
    expect(created.source).toMatch(
      /^From the review of Belleforge on EUROCITIES – Anti-discrimination: key factor [45] “.+”, action of the development plan\.$/,
    );
    expect(created.startYear).toBe(new Date().getUTCFullYear());
  });

  it("offers evidence to a member who reads it on the other review", async () => {
    // The peer reviewer of the EUROCITIES review, on the host team of the ECCAR one.
    await setRole("demo-peer", DEMO_ECCAR_REVIEW_ID, "host-team");
    const suggestions = (await view("c-01", "peer@demo.test")).commitment!.suggestions;
    const evidence = suggestions.filter((suggestion) => suggestion.type === "evidence");
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence[0]!.source).toMatch(
      /^From the review of Belleforge on EUROCITIES – Anti-discrimination: key factor \d+ “.+”, evidence logged on \d+ \w+ \d{4}\.$/,
    );
    const outcome = await decide("c-01", { type: "evidence", id: evidence[0]!.id, decision: "accepted" }, "peer@demo.test");
    expect(outcome.status).toBe(302);
    expect((await summaryOf("c-01"))!.summary).toContain(`(${evidence[0]!.source})`);
  });

  it("says so when the mapping offers a commitment nothing", async () => {
    const prefill = await view("c-09");
    expect(prefill.commitment).toMatchObject({ suggestions: [] });
    expect(prefill.commitment!.noCounterpart).toBeTruthy();
  });
});

describe("bad input and refusals", () => {
  it("answers a form missing its kind and decision with 400 and writes nothing", async () => {
    const outcome = await decide("c-01", { type: "quote", id: "kf-05-q1", decision: "maybe" });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({
      error: { type: ["cityActions:prefill.errors.type"], decision: ["cityActions:prefill.errors.decision"] },
      initialValue: { type: "quote", id: "kf-05-q1" },
    });
    expect(await decisions()).toEqual([]);
  });

  it("refuses a suggestion the mapping does not offer this commitment", async () => {
    // kf-01 is not mapped to c-01: its answer may not be carried there, even by a hand-made form.
    const outcome = await decide("c-01", { type: "answer", id: "kf-01-q1", decision: "accepted" });
    expect(outcome.status).toBe(409);
    expect(await decisions()).toEqual([]);
  });

  it("refuses a source review the user may not read: not a member is not found, a role that reads nothing is forbidden", async () => {
    await asyncDb
      .delete(reviewMembers)
      .where(and(eq(reviewMembers.userId, "demo-host"), eq(reviewMembers.reviewId, DEMO_REVIEW_ID)))
      .run();
    expect((await page("c-01", "host@demo.test", `?from=${DEMO_REVIEW_ID}`)).status).toBe(404);
    expect((await decide("c-01", { type: "answer", id: "kf-05-q1", decision: "accepted" })).status).toBe(404);
    // Without ?from the page simply offers no source.
    expect(await view("c-01")).toMatchObject({ sources: [], source: null, commitment: null });

    await loadDemoReview();
    // A host reader reads nothing of the EUROCITIES review before it is issued.
    await setRole("demo-host", DEMO_REVIEW_ID, "host-reader");
    const refused = await page("c-01", "host@demo.test", `?from=${DEMO_REVIEW_ID}`);
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ message: "cityActions:prefill.errors.cannotRead" });
    expect((await decide("c-01", { type: "answer", id: "kf-05-q1", decision: "accepted" })).status).toBe(403);
    expect(await decisions()).toEqual([]);
  });

  it("refuses another city's review and the review itself", async () => {
    await asyncDb.update(reviews).set({ hostCity: "Nordhaven" }).where(eq(reviews.id, DEMO_REVIEW_ID)).run();
    const other = await page("c-01", "host@demo.test", `?from=${DEMO_REVIEW_ID}`);
    expect(other.status).toBe(400);
    expect(other.data).toMatchObject({ message: "cityActions:prefill.errors.otherCity" });
    expect((await view("c-01")).sources).toEqual([]);
    const itself = await page("c-01", "host@demo.test", `?from=${DEMO_ECCAR_REVIEW_ID}`);
    expect(itself.status).toBe(400);
  });

  it("lets peers see what the team would be offered but not decide", async () => {
    const outcome = await page("c-01", "peer@demo.test");
    expect(outcome.data).toMatchObject({ canWrite: false });
    expect((await decide("c-01", { type: "answer", id: "kf-05-q1", decision: "accepted" }, "peer@demo.test")).status).toBe(403);
  });
});

describe("the self-assessment overview", () => {
  it("lists, per commitment, the suggestions waiting from the city's other review", async () => {
    const read = async () => {
      const outcome = await run(overview, makeRequest(`/reviews/${DEMO_ECCAR_REVIEW_ID}/self-assessment`, { cookie: await cookieFor("host@demo.test") }), {
        reviewId: DEMO_ECCAR_REVIEW_ID,
      });
      return (outcome.data as { prefill: { source: { id: string; city: string }; commitments: { factorId: string; label: string; waiting: number }[] } })
        .prefill;
    };
    const before = await read();
    expect(before.source).toMatchObject({ id: DEMO_REVIEW_ID, city: "Belleforge" });
    const c01 = before.commitments.find((commitment) => commitment.factorId === "c-01")!;
    expect(c01).toMatchObject({ label: "Commitment 1", waiting: (await view("c-01")).commitment!.suggestions.length });
    expect(before.commitments.find((commitment) => commitment.factorId === "c-09")!.waiting).toBe(0);
    const [first] = (await view("c-01")).commitment!.suggestions;
    await decide("c-01", { type: first!.type, id: first!.id, decision: "rejected" });
    expect((await read()).commitments.find((commitment) => commitment.factorId === "c-01")!.waiting).toBe(c01.waiting - 1);
    // A EUROCITIES review is not started from anything.
    const eurocities = await run(overview, makeRequest(`/reviews/${DEMO_REVIEW_ID}/self-assessment`, { cookie: await cookieFor("host@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(eurocities.data).toMatchObject({ prefill: null });
  });
});
