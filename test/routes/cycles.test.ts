import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as city from "#app/routes/cities.$cityId";
import * as followUp from "#app/routes/reviews.$reviewId.follow-up";
import * as nextCycle from "#app/routes/reviews.$reviewId_.next-cycle";
import * as overview from "#app/routes/reviews.$reviewId._index";
import * as factorPage from "#app/routes/reviews.$reviewId.self-assessment.$factorId/route";
import * as conclusionPage from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import * as selfOverview from "#app/routes/reviews.$reviewId.self-assessment._index";
import { formErrorsOf, submittedValue, errorsOf, type FormResult } from "#app/utils/forms";
import { createReview } from "#app/models/review.server";
import { getI18n } from "#app/utils/i18n";
import { auditLog, followUps, recommendations, reviewMembers, reviews, selfAssessmentAnswers } from "#db/schema";
import { DEMO_CITY_ID, DEMO_PREVIOUS_REVIEW_ID } from "#db/seed/index";
import { asyncDb as db } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase, type DemoEmail } from "../utils";

/*
 * Cycles (issue 20): the city's page, starting the next cycle with the answers carried over, the
 * follow-up of the previous recommendations, and the progress figures. Loaders and actions are
 * called as the demo accounts would, on the seeded demo: Belleforge's 2023 review (issued) and
 * the current review that follows it.
 */

beforeEach(async () => {
  await loadDemoReview();
});

async function get(fn: Parameters<typeof run>[0], path: string, email: DemoEmail, params: Record<string, string>) {
  return run(fn, makeRequest(path, { cookie: await cookieFor(email) }), params);
}

async function post(fn: Parameters<typeof run>[0], path: string, email: DemoEmail, params: Record<string, string>, form: Record<string, string>) {
  return run(fn, makeRequest(path, { cookie: await cookieFor(email), form }), params);
}

const carried = async (reviewId: string) =>
  (await db.select().from(selfAssessmentAnswers).where(eq(selfAssessmentAnswers.reviewId, reviewId)).all()).filter((answer) => answer.carriedOverFrom !== null);

/** Another city's review, led by the demo lead: its recommendations are not the demo city's. */
const createEastport = () =>
  createReview({
    input: {
      hostCity: "Eastport",
      country: "Ireland",
      frameworkId: "eurocities-anti-discrimination",
      kind: "peer-review",
      visitStart: null,
      visitEnd: null,
      reportLocale: "en",
      timeZone: "Europe/Dublin",
      leadEmail: "lead@demo.test",
    },
    createdBy: "demo-admin",
  });

describe("the city's page", () => {
  it("lists the city's reviews oldest first, with the progress since 2023 for a member", async () => {
    const outcome = await get(city.loader, `/cities/${DEMO_CITY_ID}`, "lead@demo.test", { cityId: DEMO_CITY_ID });
    expect(outcome.status).toBe(200);
    const data = outcome.data as Awaited<ReturnType<typeof city.loader>>;
    expect(data.city.name).toBe("Belleforge");
    expect(data.reviews.map((review) => review.id)).toEqual([DEMO_PREVIOUS_REVIEW_ID, "demo", "demo-eccar"]);
    // The progress runs over the two EUROCITIES cycles; the ECCAR self-assessment is another framework.
    expect(data.progress?.cycles.map((cycle) => cycle.reviewId)).toEqual([DEMO_PREVIOUS_REVIEW_ID, "demo"]);
    const kf01 = data.progress!.factors.find((factor) => factor.factorId === "kf-01")!;
    expect(kf01.ratings[0]).toEqual({ self: "partly-in-place", peer: "not-in-place" });
    expect(data.progress!.followUp!.lines).toHaveLength(5);
    expect(data.progress!.followUp!.lines.filter((line) => line.verdict === "implemented")).toHaveLength(1);
  });

  it("shows a member only the reviews they are a member of, and hides from the host reader what it may not read", async () => {
    await db
      .delete(reviewMembers)
      .where(and(eq(reviewMembers.reviewId, DEMO_PREVIOUS_REVIEW_ID), eq(reviewMembers.userId, "demo-reader")))
      .run();
    const outcome = await get(city.loader, `/cities/${DEMO_CITY_ID}`, "reader@demo.test", { cityId: DEMO_CITY_ID });
    const data = outcome.data as Awaited<ReturnType<typeof city.loader>>;
    expect(data.reviews.map((review) => review.id)).toEqual(["demo", "demo-eccar"]);
    expect(JSON.stringify(data)).not.toContain(DEMO_PREVIOUS_REVIEW_ID);
    expect(data.progress).toBeNull();
  });

  it("lists every review to the administrator without their content, and is not found for a stranger", async () => {
    const admin = await get(city.loader, `/cities/${DEMO_CITY_ID}`, "admin@demo.test", { cityId: DEMO_CITY_ID });
    const data = admin.data as Awaited<ReturnType<typeof city.loader>>;
    expect(data.reviews).toHaveLength(3);
    expect(data.isAdminView).toBe(true);
    expect(data.progress).toBeNull();
    const stranger = await get(city.loader, `/cities/${DEMO_CITY_ID}`, "outsider@demo.test", { cityId: DEMO_CITY_ID });
    expect(stranger.status).toBe(404);
  });

  it("is where each review's overview leads", async () => {
    const outcome = await get(overview.loader, `/reviews/${DEMO_REVIEW_ID}`, "host@demo.test", { reviewId: DEMO_REVIEW_ID });
    const data = outcome.data as Awaited<ReturnType<typeof overview.loader>>;
    expect(data.cycles.cityId).toBe(DEMO_CITY_ID);
    expect(data.cycles.previousReviewId).toBe(DEMO_PREVIOUS_REVIEW_ID);
    expect(data.cycles.followUp).toBe(true);
  });
});

describe("starting the next cycle", () => {
  it("is refused with the reason from a review that is not issued, nothing written", async () => {
    const before = (await db.select().from(reviews).all()).length;
    const page = await get(nextCycle.loader, `/reviews/${DEMO_REVIEW_ID}/next-cycle`, "lead@demo.test", { reviewId: DEMO_REVIEW_ID });
    expect((page.data as { refusal: string }).refusal).toBe("cycles:start.notIssued");
    const outcome = await post(nextCycle.action, `/reviews/${DEMO_REVIEW_ID}/next-cycle`, "lead@demo.test", { reviewId: DEMO_REVIEW_ID }, { intent: "start" });
    expect(outcome.status).toBe(409);
    expect(formErrorsOf(outcome.data as FormResult)).toEqual(["cycles:start.notIssued"]);
    expect(await db.select().from(reviews).all()).toHaveLength(before);
  });

  it("is refused for a review whose next cycle has started, and for a self-assessment not finished", async () => {
    await setPhase("issued");
    const path = `/reviews/${DEMO_REVIEW_ID}/next-cycle`;
    expect((await post(nextCycle.action, path, "lead@demo.test", { reviewId: DEMO_REVIEW_ID }, { intent: "start" })).status).toBe(302);
    const again = await post(nextCycle.action, path, "lead@demo.test", { reviewId: DEMO_REVIEW_ID }, { intent: "start" });
    expect(formErrorsOf(again.data as FormResult)).toEqual(["cycles:start.alreadyStarted"]);
    const eccar = await post(nextCycle.action, "/reviews/demo-eccar/next-cycle", "lead@demo.test", { reviewId: "demo-eccar" }, { intent: "start" });
    expect(formErrorsOf(eccar.data as FormResult)).toEqual(["cycles:start.notFinished"]);
  });

  it("makes, from an issued review, the city's next review with its team and the answers carried over, each marked", async () => {
    await setPhase("issued");
    const outcome = await post(nextCycle.action, `/reviews/${DEMO_REVIEW_ID}/next-cycle`, "lead@demo.test", { reviewId: DEMO_REVIEW_ID }, { intent: "start" });
    expect(outcome.status).toBe(302);
    const id = outcome.location!.split("/").pop()!;
    const next = (await db.select().from(reviews).where(eq(reviews.id, id)).get())!;
    expect(next).toMatchObject({
      cityId: DEMO_CITY_ID,
      previousReviewId: DEMO_REVIEW_ID,
      phase: "self-assessment",
      hostCity: "Belleforge",
      frameworkVersion: "2012.1",
    });
    const answersBefore = (await db.select().from(selfAssessmentAnswers).where(eq(selfAssessmentAnswers.reviewId, DEMO_REVIEW_ID)).all()).filter((answer) =>
      answer.text.trim(),
    );
    const marked = await carried(id);
    expect(marked).toHaveLength(answersBefore.length);
    const one = answersBefore[0]!;
    expect(marked.find((answer) => answer.questionId === one.questionId)).toMatchObject({ text: one.text, carriedOverFrom: one.updatedAt });
    expect(await db.select().from(reviewMembers).where(eq(reviewMembers.reviewId, id)).all()).toHaveLength(
      (await db.select().from(reviewMembers).where(eq(reviewMembers.reviewId, DEMO_REVIEW_ID)).all()).length,
    );
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.reviewId, id), eq(auditLog.action, "start-next-cycle")))
        .all(),
    ).toHaveLength(1);
  });

  it("lets the administrator start it without being a member", async () => {
    await setPhase("issued");
    const outcome = await post(nextCycle.action, `/reviews/${DEMO_REVIEW_ID}/next-cycle`, "admin@demo.test", { reviewId: DEMO_REVIEW_ID }, { intent: "start" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/\/settings$/);
  });
});

describe("carried-over answers", () => {
  async function startFromDemo() {
    await setPhase("issued");
    const outcome = await post(nextCycle.action, `/reviews/${DEMO_REVIEW_ID}/next-cycle`, "lead@demo.test", { reviewId: DEMO_REVIEW_ID }, { intent: "start" });
    return outcome.location!.split("/").pop()!;
  }

  it("lose their mark once the host team confirms one, the text unchanged, and show the previous ratings beside the factor", async () => {
    const id = await startFromDemo();
    const answer = (await carried(id)).find((row) => row.factorId === "kf-01")!;
    const path = `/reviews/${id}/self-assessment/kf-01`;
    const page = await get(factorPage.loader, path, "host@demo.test", { reviewId: id, factorId: "kf-01" });
    const data = page.data as Awaited<ReturnType<typeof factorPage.loader>>;
    expect(data.answers[answer.questionId]?.carriedOverFrom).toEqual(answer.carriedOverFrom);
    // The demo review's kf-01: rated by the city; its conclusion is agreed in the seed, so the peers' rating shows too.
    expect(data.previousCycle).toMatchObject({ self: "in-place", kind: "peer-review" });
    const confirmed = await post(
      factorPage.action,
      path,
      "host@demo.test",
      { reviewId: id, factorId: "kf-01" },
      { intent: "confirm-carried", questionId: answer.questionId },
    );
    expect(confirmed.status).toBe(302);
    const after = await db
      .select()
      .from(selfAssessmentAnswers)
      .where(and(eq(selfAssessmentAnswers.reviewId, id), eq(selfAssessmentAnswers.questionId, answer.questionId)))
      .get();
    expect(after).toMatchObject({ carriedOverFrom: null, text: answer.text });
  });

  it("lose their mark when edited", async () => {
    const id = await startFromDemo();
    const answer = (await carried(id))[0]!;
    const path = `/reviews/${id}/self-assessment/${answer.factorId}`;
    const saved = await post(
      factorPage.action,
      path,
      "host@demo.test",
      { reviewId: id, factorId: answer.factorId },
      {
        intent: "answer",
        questionId: answer.questionId,
        text: `${answer.text} Updated for this cycle.`,
        version: String(answer.version),
      },
    );
    expect(saved.status).toBe(200);
    expect((await carried(id)).some((row) => row.questionId === answer.questionId)).toBe(false);
  });

  it("say in the answer to a background save whether the mark is still there, so the page drops it at once", async () => {
    const id = await startFromDemo();
    const marked = await carried(id);
    const [first, second] = marked.filter((row) => row.factorId === marked[0]!.factorId);
    const path = `/reviews/${id}/self-assessment/${first!.factorId}`;
    const save = (answer: typeof first, text: string) =>
      post(
        factorPage.action,
        path,
        "host@demo.test",
        { reviewId: id, factorId: answer!.factorId },
        { intent: "answer", questionId: answer!.questionId, text, version: String(answer!.version) },
      );
    const edited = await save(first, `${first!.text} Updated for this cycle.`);
    expect(edited.data).toMatchObject({ ok: true, questionId: first!.questionId, carriedOverFrom: null });
    // Saved as it stands (nothing typed): still carried over until someone confirms it, even when
    // the form post sends its line breaks as CRLF.
    await db
      .update(selfAssessmentAnswers)
      .set({ text: "Adopted in 2022.\nReviewed in 2025." })
      .where(and(eq(selfAssessmentAnswers.reviewId, id), eq(selfAssessmentAnswers.questionId, second!.questionId)))
      .run();
    const unchanged = await save(second, "Adopted in 2022.\r\nReviewed in 2025.");
    expect(unchanged.data).toMatchObject({ ok: true, questionId: second!.questionId, carriedOverFrom: second!.carriedOverFrom });
  });
});

describe("the self-assessment overview", () => {
  const path = `/reviews/${DEMO_REVIEW_ID}/self-assessment`;
  const params = { reviewId: DEMO_REVIEW_ID };

  it("shows the previous cycle's self-rating and peer rating beside each factor", async () => {
    const outcome = await get(selfOverview.loader, path, "lead@demo.test", params);
    const data = outcome.data as Awaited<ReturnType<typeof selfOverview.loader>>;
    expect(data.previousCycle).toMatchObject({ peerShown: true });
    expect(data.factors.find((factor) => factor.factorId === "kf-01")!.previous).toEqual({ self: "partly-in-place", peer: "not-in-place" });
    expect(data.factors.every((factor) => factor.previous !== null)).toBe(true);
  });

  it("leaves out the peers' rating of a previous cycle the reader is not a member of, and shows nothing without a previous cycle", async () => {
    // The seed's host team (Hélène) was not on the 2023 team: she reads the city's own rating of it only.
    expect(
      await db
        .select()
        .from(reviewMembers)
        .where(and(eq(reviewMembers.reviewId, DEMO_PREVIOUS_REVIEW_ID), eq(reviewMembers.userId, "demo-host")))
        .get(),
    ).toBeUndefined();
    const host = (await get(selfOverview.loader, path, "host@demo.test", params)).data as Awaited<ReturnType<typeof selfOverview.loader>>;
    expect(host.factors.find((factor) => factor.factorId === "kf-01")!.previous).toEqual({ self: "partly-in-place", peer: null });
    expect(host.previousCycle).toMatchObject({ peerShown: false });
    // The factor page says the same: the city's own rating only, not a "not rated" for the peers'.
    const factor = await get(factorPage.loader, `${path}/kf-01`, "host@demo.test", { ...params, factorId: "kf-01" });
    expect((factor.data as Awaited<ReturnType<typeof factorPage.loader>>).previousCycle).toMatchObject({ self: "partly-in-place", peerShown: false });
    const eccar = await get(selfOverview.loader, `/reviews/demo-eccar/self-assessment`, "lead@demo.test", { reviewId: "demo-eccar" });
    const data = eccar.data as Awaited<ReturnType<typeof selfOverview.loader>>;
    expect(data.previousCycle).toBeNull();
    expect(data.factors.every((factor) => factor.previous === null)).toBe(true);
  });
});

describe("the follow-up", () => {
  const path = `/reviews/${DEMO_REVIEW_ID}/follow-up`;
  const params = { reviewId: DEMO_REVIEW_ID };

  it("lists every recommendation of the previous cycle, with the host team's account and the verdicts", async () => {
    const outcome = await get(followUp.loader, path, "peer@demo.test", params);
    const data = outcome.data as Awaited<ReturnType<typeof followUp.loader>>;
    expect(data.rows).toHaveLength(5);
    expect(data.rows[0]).toMatchObject({ verdict: "implemented", evidenceId: "demo-ev-001" });
    expect(data.rows[0]!.evidenceText).toBeTruthy();
    // The host team reads what it said, not the peers' verdicts before the factual check, nor the log.
    const host = (await get(followUp.loader, path, "host@demo.test", params)).data as Awaited<ReturnType<typeof followUp.loader>>;
    expect(host.rows.every((row) => row.verdict === null && row.evidenceText === null)).toBe(true);
    expect(host.rows[0]!.hostAccount).toContain("plan municipal");
  });

  it("names the previous cycle's parts in that framework's words: a commitment after an ECCAR cycle", async () => {
    const data = async () => ((await get(followUp.loader, path, "peer@demo.test", params)).data as Awaited<ReturnType<typeof followUp.loader>>).rows;
    expect((await data()).map((row) => row.factorContext)).toContain("key-factor");
    // The same previous cycle, as if it had run on the ECCAR plan.
    await db.update(reviews).set({ frameworkId: "eccar-10-point-plan" }).where(eq(reviews.id, DEMO_PREVIOUS_REVIEW_ID)).run();
    const rows = await data();
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.factorContext === "commitment")).toBe(true);
    const t = getI18n("fr").getFixedT("fr", "cycles");
    expect(t("progress.factorRef", { number: 1, context: rows[0]!.factorContext })).toBe("Engagement 1");
    expect(t("followUp.continuesRef", { factor: 2, number: 1, context: "commitment" })).toBe("la recommandation 1 de l'engagement 2");
  });

  it("takes the host team's account and the peers' verdict resting on the log, audited", async () => {
    const rec = "demo-2023-rec-3";
    const account = await post(followUp.action, path, "host@demo.test", params, {
      intent: "report",
      recommendationId: rec,
      hostAccount: "Trois sessions en 2025.",
    });
    expect(account.status).toBe(302);
    const verdict = await post(followUp.action, path, "peer@demo.test", params, {
      intent: "verdict",
      recommendationId: rec,
      verdict: "partly-implemented",
      evidenceId: "demo-ev-003",
    });
    expect(verdict.status).toBe(302);
    const row = await db
      .select()
      .from(followUps)
      .where(and(eq(followUps.reviewId, DEMO_REVIEW_ID), eq(followUps.recommendationId, rec)))
      .get();
    expect(row).toMatchObject({ hostAccount: "Trois sessions en 2025.", verdict: "partly-implemented", evidenceId: "demo-ev-003", verdictBy: "demo-peer" });
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "follow-up"), eq(auditLog.entityId, rec)))
        .all(),
    ).toHaveLength(2);
  });

  it("refuses a verdict without evidence from this review's log, keeping what was chosen", async () => {
    const outcome = await post(followUp.action, path, "peer@demo.test", params, {
      intent: "verdict",
      recommendationId: "demo-2023-rec-4",
      verdict: "implemented",
      evidenceId: "",
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.data as FormResult, "evidenceId")).toEqual(["cycles:followUp.evidenceRequired"]);
    expect(submittedValue(outcome.data as FormResult, "verdict")).toBe("implemented");
  });

  it("refuses a verdict on a recommendation of another city: a message, nothing written, the typed values kept", async () => {
    const other = await createEastport();
    await db
      .insert(recommendations)
      .values({ id: "eastport-rec", reviewId: other.id, factorId: "kf-01", text: "Publish the data", priority: "high", horizon: "quick-win", position: 0 })
      .run();
    const before = await db.select().from(followUps).all();
    const outcome = await post(followUp.action, path, "peer@demo.test", params, {
      intent: "verdict",
      recommendationId: "eastport-rec",
      verdict: "implemented",
      evidenceId: "demo-ev-001",
    });
    expect(outcome.status).toBe(409);
    expect(errorsOf(outcome.data as FormResult, "recommendationId")).toEqual(["cycles:followUp.otherCity"]);
    expect(submittedValue(outcome.data as FormResult, "verdict")).toBe("implemented");
    expect(submittedValue(outcome.data as FormResult, "evidenceId")).toBe("demo-ev-001");
    expect(await db.select().from(followUps).all()).toEqual(before);
  });

  it("counts the verdicts in the review's progress: the share implemented and a line each", async () => {
    const outcome = await get(overview.loader, `/reviews/${DEMO_REVIEW_ID}`, "lead@demo.test", params);
    const progress = (outcome.data as Awaited<ReturnType<typeof overview.loader>>).cycles.progress!;
    expect(progress.followUp!.lines.map((line) => line.verdict)).toEqual(["implemented", "partly-implemented", null, null, null]);
  });
});

describe("a recommendation continuing an earlier one", () => {
  const path = `/reviews/${DEMO_REVIEW_ID}/conclusions/kf-07`;
  const params = { reviewId: DEMO_REVIEW_ID, factorId: "kf-07" };
  const typed = {
    intent: "add-recommendation",
    text: "Publier chaque année les résultats des recrutements anonymisés.",
    priority: "medium",
    horizon: "long-term",
  };
  const ofReview = () => db.select().from(recommendations).where(eq(recommendations.reviewId, DEMO_REVIEW_ID)).all();

  it("offers the previous cycle's recommendations, the factor's own first", async () => {
    const outcome = await get(conclusionPage.loader, path, "peer@demo.test", params);
    const data = outcome.data as Awaited<ReturnType<typeof conclusionPage.loader>>;
    expect(data.earlier!.items.map((item) => item.id)).toEqual(["demo-2023-rec-4", "demo-2023-rec-1", "demo-2023-rec-2", "demo-2023-rec-3", "demo-2023-rec-5"]);
    expect(data.earlier!.items[0]).toMatchObject({ factorNumber: 7 });
    // A review that follows none offers nothing to continue.
    const other = await createEastport();
    const first = await get(conclusionPage.loader, `/reviews/${other.id}/conclusions/kf-07`, "lead@demo.test", { reviewId: other.id, factorId: "kf-07" });
    expect(first.status).toBe(200);
    expect((first.data as Awaited<ReturnType<typeof conclusionPage.loader>>).earlier).toBeNull();
  });

  it("records the earlier recommendation it continues, shown on the follow-up as 'continued by'", async () => {
    const outcome = await post(conclusionPage.action, path, "peer@demo.test", params, { ...typed, continuesId: "demo-2023-rec-4" });
    expect(outcome.status).toBe(302);
    const row = (await ofReview()).find((rec) => rec.text === typed.text)!;
    expect(row.continuesId).toBe("demo-2023-rec-4");
    const page = (await get(conclusionPage.loader, path, "peer@demo.test", params)).data as Awaited<ReturnType<typeof conclusionPage.loader>>;
    expect(page.recommendations.find((rec) => rec.id === row.id)!.continuesId).toBe("demo-2023-rec-4");
    const follow = (await get(followUp.loader, `/reviews/${DEMO_REVIEW_ID}/follow-up`, "peer@demo.test", { reviewId: DEMO_REVIEW_ID })).data as Awaited<
      ReturnType<typeof followUp.loader>
    >;
    const earlier = follow.rows.find((rec) => rec.id === "demo-2023-rec-4")!;
    expect(earlier.continuedBy).toEqual([{ id: row.id, factorId: "kf-07", factorNumber: 7, number: 3, context: "key-factor" }]);
    // The seed's: key factor 8's first recommendation continues the 2023 training of reception staff.
    expect(follow.rows.find((rec) => rec.id === "demo-2023-rec-3")!.continuedBy).toMatchObject([{ id: "demo-rec-08-1", number: 1 }]);
  });

  it("is changed or cleared with the recommendation's other fields", async () => {
    const current = (await ofReview()).find((rec) => rec.id === "demo-rec-07-1")!;
    const token = String((current.updatedAt ?? current.createdAt).getTime());
    const form = {
      intent: "update-recommendation",
      recommendationId: current.id,
      token,
      text: current.text,
      priority: current.priority,
      horizon: current.horizon,
    };
    const set = await post(conclusionPage.action, path, "peer@demo.test", params, { ...form, continuesId: "demo-2023-rec-4" });
    expect(set.status).toBe(302);
    expect((await ofReview()).find((rec) => rec.id === current.id)!.continuesId).toBe("demo-2023-rec-4");
    const after = (await ofReview()).find((rec) => rec.id === current.id)!;
    const cleared = await post(conclusionPage.action, path, "peer@demo.test", params, {
      ...form,
      token: String((after.updatedAt ?? after.createdAt).getTime()),
      continuesId: "",
    });
    expect(cleared.status).toBe(302);
    expect((await ofReview()).find((rec) => rec.id === current.id)!.continuesId).toBeNull();
  });

  it("refuses another city's recommendation: the message next to the field, nothing written, the typed values kept", async () => {
    const other = await createEastport();
    await db
      .insert(recommendations)
      .values({ id: "eastport-rec", reviewId: other.id, factorId: "kf-07", text: "Publish the data", priority: "high", horizon: "quick-win", position: 0 })
      .run();
    const before = await ofReview();
    const outcome = await post(conclusionPage.action, path, "peer@demo.test", params, { ...typed, continuesId: "eastport-rec" });
    expect(outcome.status).toBe(409);
    expect(errorsOf(outcome.data as FormResult, "continuesId")).toEqual(["conclusions:errors.continuesOtherCity"]);
    expect(submittedValue(outcome.data as FormResult, "text")).toBe(typed.text);
    expect(submittedValue(outcome.data as FormResult, "continuesId")).toBe("eastport-rec");
    expect(await ofReview()).toEqual(before);
  });

  it("refuses a recommendation of the same city that is not the previous cycle's, and one that does not exist", async () => {
    const before = await ofReview();
    // This review's own recommendation: same city, but not the previous cycle.
    for (const continuesId of ["demo-rec-03-1", "no-such-recommendation"]) {
      const outcome = await post(conclusionPage.action, path, "peer@demo.test", params, { ...typed, continuesId });
      expect(outcome.status).toBe(409);
      expect(errorsOf(outcome.data as FormResult, "continuesId")).toEqual(["conclusions:errors.continuesNotPrevious"]);
      expect(submittedValue(outcome.data as FormResult, "priority")).toBe("medium");
    }
    expect(await ofReview()).toEqual(before);
  });

  it("is refused to whoever may not edit the recommendation", async () => {
    const outcome = await post(conclusionPage.action, path, "host@demo.test", params, { ...typed, continuesId: "demo-2023-rec-4" });
    expect(outcome.status).toBe(403);
  });
});
