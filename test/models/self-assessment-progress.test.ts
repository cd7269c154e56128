import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getFactorAssessment, saveFactorAssessment } from "#app/models/self-assessment.server";
import { getSelfAssessmentProgress } from "#app/models/self-assessment-progress.server";
import { loader as factorLoader } from "#app/routes/reviews.$reviewId.self-assessment.$factorId/route";
import { action as overviewAction, loader as overviewLoader } from "#app/routes/reviews.$reviewId.self-assessment._index";
import { auditLog, reviews, selfAssessmentAnswers } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../utils";

const FACTOR_URL = (factorId: string) => `/reviews/${DEMO_REVIEW_ID}/self-assessment/${factorId}`;
const params = (factorId: string) => ({ reviewId: DEMO_REVIEW_ID, factorId });

async function answerRow(questionId: string) {
  return asyncDb
    .select()
    .from(selfAssessmentAnswers)
    .where(and(eq(selfAssessmentAnswers.reviewId, DEMO_REVIEW_ID), eq(selfAssessmentAnswers.questionId, questionId)))
    .get();
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("submitting to the peer team", () => {
  it("records who submitted when, then marks later edits as changed since submission", async () => {
    const cookie = await cookieFor("host@demo.test");
    const empty = await run(overviewAction, makeRequest(`/reviews/${DEMO_REVIEW_ID}/self-assessment`, { cookie, form: {} }), { reviewId: DEMO_REVIEW_ID });
    expect(empty.status).toBe(400);
    expect((await asyncDb.select().from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!.selfAssessmentSubmittedAt).toBeNull();

    const submitted = await run(overviewAction, makeRequest(`/reviews/${DEMO_REVIEW_ID}/self-assessment`, { cookie, form: { intent: "submit" } }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(submitted.status).toBe(302);
    const review = (await asyncDb.select().from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!;
    expect(review.selfAssessmentSubmittedBy).toBe("demo-host");
    expect(Date.now() - review.selfAssessmentSubmittedAt!.getTime()).toBeLessThan(10_000);
    expect(
      await asyncDb
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "self-assessment"), eq(auditLog.action, "submit")))
        .all(),
    ).toHaveLength(1);

    let progress = (await getSelfAssessmentProgress({ reviewId: DEMO_REVIEW_ID }))!;
    expect(progress.factors.every((factor) => !factor.changedSinceSubmission)).toBe(true);
    expect(progress.submission?.byName).toBe("Hélène Rousseau");

    const later = new Date(review.selfAssessmentSubmittedAt!.getTime() + 60_000);
    await saveFactorAssessment({
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-03",
      userId: "demo-host",
      answers: [{ questionId: "kf-03-q3", text: "Budget porté à 95 000 € en 2026.", version: (await answerRow("kf-03-q3"))!.version }],
      now: later,
    });
    progress = (await getSelfAssessmentProgress({ reviewId: DEMO_REVIEW_ID }))!;
    expect(progress.factors.filter((factor) => factor.changedSinceSubmission).map((factor) => factor.factorId)).toEqual(["kf-03"]);
    const factor = await getFactorAssessment({ reviewId: DEMO_REVIEW_ID, factorId: "kf-03" });
    expect(factor.answers["kf-03-q3"]!.changedSinceSubmission).toBe(true);
    expect(factor.answers["kf-03-q1"]!.changedSinceSubmission).toBe(false);

    // The peer team sees the marker too, read-only.
    const peer = await run(factorLoader, makeRequest(FACTOR_URL("kf-03"), { cookie: await cookieFor("peer@demo.test") }), params("kf-03"));
    expect(peer.status).toBe(200);
    const data = peer.data as { canWrite: boolean; answers: Record<string, { changedSinceSubmission: boolean }>; submission: { byName: string } };
    expect(data.canWrite).toBe(false);
    expect(data.answers["kf-03-q3"]!.changedSinceSubmission).toBe(true);
    expect(data.submission.byName).toBe("Hélène Rousseau");
    const overview = await run(overviewLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/self-assessment`, { cookie: await cookieFor("peer@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect((overview.data as { canSubmit: boolean }).canSubmit).toBe(false);
  });
});
