// Over 400 lines on purpose: answering, rating and conflict cases share one seeded factor fixture and form helpers.
import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { saveFactorAssessment } from "#app/models/self-assessment.server";
import { getSelfAssessmentProgress } from "#app/models/self-assessment-progress.server";
import { action as factorAction, loader as factorLoader } from "#app/routes/reviews.$reviewId.self-assessment.$factorId/route";
import { action as overviewAction } from "#app/routes/reviews.$reviewId.self-assessment._index";
import { loader as printLoader } from "#app/routes/reviews.$reviewId.self-assessment.print";
import { auditLog, reviewMembers, selfAssessmentAnswers, selfAssessmentFactors, users } from "#db/schema";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../utils";
import { readResult, type FormResult } from "#app/utils/forms";
import { asyncDb } from "#app/utils/db.server";

const FACTOR_URL = (factorId: string) => `/reviews/${DEMO_REVIEW_ID}/self-assessment/${factorId}`;
const params = (factorId: string) => ({ reviewId: DEMO_REVIEW_ID, factorId });
// A second member of the host team, so two people can edit the same answer.
const SECOND_HOST = "t-host-2";

async function auditCount() {
  return (await asyncDb.select({ n: count() }).from(auditLog).where(eq(auditLog.reviewId, DEMO_REVIEW_ID)).get())!.n;
}

async function answerRow(questionId: string) {
  return asyncDb
    .select()
    .from(selfAssessmentAnswers)
    .where(and(eq(selfAssessmentAnswers.reviewId, DEMO_REVIEW_ID), eq(selfAssessmentAnswers.questionId, questionId)))
    .get();
}

async function factorRow(factorId: string) {
  return asyncDb
    .select()
    .from(selfAssessmentFactors)
    .where(and(eq(selfAssessmentFactors.reviewId, DEMO_REVIEW_ID), eq(selfAssessmentFactors.factorId, factorId)))
    .get();
}

beforeEach(async () => {
  await loadDemoReview();
  await asyncDb.insert(users).values({ id: SECOND_HOST, email: "second-host@test.invalid", name: "Nadia Benali", passwordHash: "not-a-hash" }).run();
  await asyncDb.insert(reviewMembers).values({ reviewId: DEMO_REVIEW_ID, userId: SECOND_HOST, role: "host-team" }).run();
});

beforeEach(() => setPhase("peer-visit"));

describe("the demo self-assessment", () => {
  it("is seeded with gaps and not submitted", async () => {
    const progress = (await getSelfAssessmentProgress({ reviewId: DEMO_REVIEW_ID }))!;
    expect(progress.totals.factors).toBe(11);
    expect(progress.totals.rated).toBe(8);
    expect(progress.totals.answered).toBeGreaterThan(20);
    expect(progress.totals.answered).toBeLessThan(progress.totals.questions);
    expect(progress.totals.contextDescribed).toBe(5);
    expect(progress.totals.documents).toBe(6);
    expect(progress.submission).toBeNull();
  });
});

describe("ratings", () => {
  it("accepts every rating of the framework's scale and refuses anything else, writing nothing", async () => {
    for (const rating of ["in-place", "partly-in-place", "not-in-place", "not-assessed"]) {
      const version = (await factorRow("kf-09"))?.version ?? 0;
      const result = await saveFactorAssessment({
        reviewId: DEMO_REVIEW_ID,
        factorId: "kf-09",
        userId: "demo-host",
        answers: [],
        assessment: { rating, summary: "", version },
      });
      expect(result.status).toBe("saved");
      expect((await factorRow("kf-09"))?.rating).toBe(rating);
    }
    const before = { row: await factorRow("kf-09"), audit: await auditCount() };
    const refused = await saveFactorAssessment({
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-09",
      userId: "demo-host",
      answers: [],
      assessment: { rating: "excellent", summary: "Très bien", version: before.row!.version },
    });
    expect(refused).toEqual({ status: "invalid", errors: { rating: ["selfAssessment:errors.ratingNotOnScale"] } });
    expect(await factorRow("kf-09")).toEqual(before.row);
    expect(await auditCount()).toBe(before.audit);
  });

  it("shows a rating off the scale next to the field, keeping what was typed", async () => {
    const cookie = await cookieFor("host@demo.test");
    const summary = "Une synthèse que l'on ne veut pas perdre.";
    const outcome = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-10"), {
        cookie,
        form: { intent: "save", rating: "brilliant", summary, factorVersion: "0", "answer.kf-10-q1": "Réponse", "version.kf-10-q1": "0" },
      }),
      params("kf-10"),
    );
    expect(outcome.status).toBe(400);
    const body = readResult(outcome.data as FormResult);
    expect(body.errors.rating).toEqual(["selfAssessment:errors.ratingNotOnScale"]);
    expect(body.values.summary).toBe(summary);
    expect(body.values["answer.kf-10-q1"]).toBe("Réponse");
    expect(await answerRow("kf-10-q1")).toBeUndefined();
  });
});

describe("factor and question ids", () => {
  it("answers 404 for a factor that is not in the framework, on the page and on save", async () => {
    const cookie = await cookieFor("host@demo.test");
    const page = await run(factorLoader, makeRequest(FACTOR_URL("kf-99"), { cookie }), params("kf-99"));
    expect(page.status).toBe(404);
    const save = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-99"), { cookie, form: { intent: "answer", questionId: "kf-99-q1", text: "x", version: "0" } }),
      params("kf-99"),
    );
    expect(save.status).toBe(404);
    expect(await saveFactorAssessment({ reviewId: DEMO_REVIEW_ID, factorId: "cf-data-availability", userId: "demo-host", answers: [] })).toEqual({
      status: "unknown-factor",
    });
  });

  it("refuses a question of another factor or of no factor, writing nothing", async () => {
    const before = await auditCount();
    for (const questionId of ["kf-02-q1", "kf-01-q9", "kf-01"]) {
      const result = await saveFactorAssessment({
        reviewId: DEMO_REVIEW_ID,
        factorId: "kf-01",
        userId: "demo-host",
        answers: [{ questionId, text: "Texte", version: 0 }],
      });
      expect(result.status).toBe("invalid");
      if (result.status === "invalid") expect(result.errors._form?.[0]).toMatch(/^selfAssessment:errors\.unknownQuestion/);
    }
    expect(await auditCount()).toBe(before);
    const cookie = await cookieFor("host@demo.test");
    const outcome = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-01"), { cookie, form: { intent: "answer", questionId: "kf-11-q1", text: "Texte", version: "0" } }),
      params("kf-01"),
    );
    expect(outcome.status).toBe(400);
    expect(await answerRow("kf-11-q1")).toBeUndefined();
  });
});

describe("answer length", () => {
  it("saves an emptied box while typing as an empty answer and an empty summary", async () => {
    const cookie = await cookieFor("host@demo.test");
    const before = (await answerRow("kf-08-q2"))?.version ?? 0;
    const cleared = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-08"), { cookie, form: { intent: "answer", questionId: "kf-08-q2", text: "", version: String(before) } }),
      params("kf-08"),
    );
    expect(cleared.status).toBe(200);
    expect(cleared.data).toMatchObject({ ok: true, text: "", version: before + 1 });
    expect((await answerRow("kf-08-q2"))?.text).toBe("");

    const version = String((await factorRow("kf-08"))?.version ?? 0);
    const summary = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-08"), { cookie, form: { intent: "assessment", rating: "", summary: "", version } }),
      params("kf-08"),
    );
    expect(summary.status).toBe(200);
    expect(summary.data).toMatchObject({ ok: true, summary: "", rating: null });
  });

  it("takes 20,000 characters and refuses 20,001 beside the box, keeping the text", async () => {
    const cookie = await cookieFor("host@demo.test");
    const longest = "é".repeat(20_000);
    const ok = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-09"), { cookie, form: { intent: "answer", questionId: "kf-09-q1", text: longest, version: "0" } }),
      params("kf-09"),
    );
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ ok: true, version: 1 });
    expect((await answerRow("kf-09-q1"))?.text).toHaveLength(20_000);

    const tooLong = `${longest}x`;
    const refused = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-09"), { cookie, form: { intent: "answer", questionId: "kf-09-q1", text: tooLong, version: "1" } }),
      params("kf-09"),
    );
    expect(refused.status).toBe(400);
    const body = readResult(refused.data as FormResult);
    expect(body.errors.text).toEqual(['errors.tooLong|{"max":20000}']);
    expect(body.values.text).toBe(tooLong);
    expect((await answerRow("kf-09-q1"))?.version).toBe(1);

    const wholeForm = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-09"), { cookie, form: { intent: "save", "answer.kf-09-q2": tooLong, "version.kf-09-q2": "0" } }),
      params("kf-09"),
    );
    expect(wholeForm.status).toBe(400);
    expect(readResult(wholeForm.data as FormResult).errors["answer.kf-09-q2"]).toEqual(['errors.tooLong|{"max":20000}']);
    expect(await answerRow("kf-09-q2")).toBeUndefined();
  });
});

describe("two people editing the same answer", () => {
  it("refuses the stale save, returns both versions, and loses nobody's text", async () => {
    const start = await answerRow("kf-01-q4");
    expect(start).toBeUndefined();
    const first = await saveFactorAssessment({
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-01",
      userId: "demo-host",
      answers: [{ questionId: "kf-01-q4", text: "Version d'Hélène.", version: 0 }],
    });
    expect(first).toMatchObject({ status: "saved", answers: { "kf-01-q4": { version: 1 } } });

    // Nadia opened the page before Hélène saved: she still holds version 0.
    const audit = await auditCount();
    const second = await saveFactorAssessment({
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-01",
      userId: SECOND_HOST,
      answers: [{ questionId: "kf-01-q4", text: "Version de Nadia.", version: 0 }],
    });
    expect(second.status).toBe("conflict");
    if (second.status !== "conflict") throw new Error("expected a conflict");
    expect(second.answers["kf-01-q4"]).toMatchObject({ text: "Version d'Hélène.", version: 1, updatedByName: "Hélène Rousseau" });
    expect(await answerRow("kf-01-q4")).toMatchObject({ text: "Version d'Hélène.", version: 1, updatedBy: "demo-host" });
    expect(await auditCount()).toBe(audit);

    // Through the page: 409, her text echoed back, theirs shown beside it.
    const cookie = await cookieFor("host@demo.test");
    const outcome = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-01"), { cookie, form: { intent: "answer", questionId: "kf-01-q4", text: "Version de Nadia.", version: "0" } }),
      params("kf-01"),
    );
    expect(outcome.status).toBe(409);
    const body = readResult(outcome.data as FormResult<{ answers: Record<string, { text: string }> }>);
    expect(body.conflict).toBeDefined();
    expect(body.values.text).toBe("Version de Nadia.");
    expect(body.conflict!.answers["kf-01-q4"]!.text).toBe("Version d'Hélène.");

    // She chooses to keep hers, knowingly, from the version she was shown.
    const kept = await saveFactorAssessment({
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-01",
      userId: SECOND_HOST,
      answers: [{ questionId: "kf-01-q4", text: "Version de Nadia, reprenant celle d'Hélène.", version: 1 }],
    });
    expect(kept).toMatchObject({ status: "saved", answers: { "kf-01-q4": { version: 2 } } });
    const entries = await asyncDb
      .select({ after: auditLog.after, before: auditLog.before, userId: auditLog.userId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "self-assessment-answer"), eq(auditLog.entityId, "kf-01-q4")))
      .all();
    expect(entries.map((entry) => (entry.after as { text: string }).text)).toEqual(["Version d'Hélène.", "Version de Nadia, reprenant celle d'Hélène."]);
    expect(entries[1]).toMatchObject({ userId: SECOND_HOST, before: { text: "Version d'Hélène.", version: 1 } });
  });

  it("in the whole form, writes nothing when one item conflicts, and 'keep mine' then saves it", async () => {
    const cookie = await cookieFor("host@demo.test");
    await saveFactorAssessment({
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-05",
      userId: SECOND_HOST,
      answers: [{ questionId: "kf-05-q3", text: "Texte de Nadia", version: 0 }],
    });
    const form = {
      intent: "save",
      "answer.kf-05-q1": "Nouvelle réponse à la question 1",
      "version.kf-05-q1": "1",
      "answer.kf-05-q3": "Texte d'Hélène",
      "version.kf-05-q3": "0",
      rating: "partly-in-place",
      summary: "Synthèse",
      factorVersion: String((await factorRow("kf-05"))!.version),
    };
    const refused = await run(factorAction, makeRequest(FACTOR_URL("kf-05"), { cookie, form }), params("kf-05"));
    expect(refused.status).toBe(409);
    expect((await answerRow("kf-05-q1"))?.text).not.toBe("Nouvelle réponse à la question 1");
    expect((await answerRow("kf-05-q3"))?.text).toBe("Texte de Nadia");

    const forced = await run(factorAction, makeRequest(FACTOR_URL("kf-05"), { cookie, form: { ...form, "force.kf-05-q3": "1" } }), params("kf-05"));
    expect(forced.status).toBe(302);
    expect(forced.location).toBe(`${FACTOR_URL("kf-05")}?saved=3`);
    expect(await answerRow("kf-05-q3")).toMatchObject({ text: "Texte d'Hélène", version: 2 });
    expect((await answerRow("kf-05-q1"))?.text).toBe("Nouvelle réponse à la question 1");
  });

  it("'use theirs' leaves their text and saves the rest", async () => {
    const cookie = await cookieFor("host@demo.test");
    await saveFactorAssessment({
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-06",
      userId: SECOND_HOST,
      answers: [{ questionId: "kf-06-q5", text: "Texte de Nadia", version: 0 }],
    });
    const outcome = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-06"), {
        cookie,
        form: { "answer.kf-06-q5": "Texte d'Hélène", "version.kf-06-q5": "0", "take.kf-06-q5": "1", "answer.kf-06-q7": "Réponse 7", "version.kf-06-q7": "0" },
      }),
      params("kf-06"),
    );
    expect(outcome.status).toBe(302);
    expect((await answerRow("kf-06-q5"))?.text).toBe("Texte de Nadia");
    expect((await answerRow("kf-06-q7"))?.text).toBe("Réponse 7");
  });

  it("does not count an unchanged text as a conflict, nor write it again", async () => {
    const row = (await answerRow("kf-01-q1"))!;
    const audit = await auditCount();
    const result = await saveFactorAssessment({
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-01",
      userId: SECOND_HOST,
      answers: [{ questionId: "kf-01-q1", text: `  ${row.text}  `, version: 0 }],
    });
    expect(result).toMatchObject({ status: "saved", changes: 0 });
    expect(await auditCount()).toBe(audit);
  });
});

describe("every save goes to the audit log", () => {
  it("records the answer and the rating with before and after", async () => {
    const cookie = await cookieFor("host@demo.test");
    const before = await auditCount();
    const outcome = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-11"), {
        cookie,
        form: {
          intent: "save",
          "answer.kf-11-q1": "Une enquête est prévue en 2026.",
          "version.kf-11-q1": "0",
          rating: "not-in-place",
          summary: "Rien en place.",
          factorVersion: "0",
        },
      }),
      params("kf-11"),
    );
    expect(outcome.status).toBe(302);
    expect(await auditCount()).toBe(before + 2);
    const entries = await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, "kf-11"), eq(auditLog.entity, "self-assessment-factor")))
      .all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "create",
      entity: "self-assessment-factor",
      userId: "demo-host",
      after: { rating: "not-in-place", summary: "Rien en place.", version: 1 },
    });
    const answer = await asyncDb.select().from(auditLog).where(eq(auditLog.entityId, "kf-11-q1")).get();
    expect(answer).toMatchObject({ action: "create", entity: "self-assessment-answer", after: { text: "Une enquête est prévue en 2026.", version: 1 } });
  });
});

describe("after the peer visit", () => {
  it("refuses edits with 409, writes nothing, and gives the typed text back", async () => {
    await setPhase("drafting");
    const cookie = await cookieFor("host@demo.test");
    const before = { row: await answerRow("kf-02-q4"), audit: await auditCount() };
    const text = "Texte tapé pendant que la phase changeait.";
    const forms: Record<string, string>[] = [
      { intent: "answer", questionId: "kf-02-q4", text, version: "0" },
      { intent: "save", "answer.kf-02-q4": text, "version.kf-02-q4": "0" },
    ];
    for (const form of forms) {
      const outcome = await run(factorAction, makeRequest(FACTOR_URL("kf-02"), { cookie, form }), params("kf-02"));
      expect(outcome.status).toBe(409);
      const body = readResult(outcome.data as FormResult);
      expect(body).toMatchObject({ phaseClosed: "drafting" });
      expect(Object.values(body.values)).toContain(text);
    }
    const submit = await run(overviewAction, makeRequest(`/reviews/${DEMO_REVIEW_ID}/self-assessment`, { cookie, form: { intent: "submit" } }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(submit.status).toBe(409);
    expect(await answerRow("kf-02-q4")).toEqual(before.row);
    expect(await auditCount()).toBe(before.audit);
    // The page is read-only for the host team now.
    const page = await run(factorLoader, makeRequest(FACTOR_URL("kf-02"), { cookie }), params("kf-02"));
    expect((page.data as { canWrite: boolean }).canWrite).toBe(false);
  });
});

describe("who reads it", () => {
  it("lets the peer team and the lead read everything, and refuses the host reader and strangers", async () => {
    for (const email of ["peer@demo.test", "lead@demo.test", "host@demo.test"] as const) {
      const outcome = await run(printLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/self-assessment/print`, { cookie: await cookieFor(email) }), {
        reviewId: DEMO_REVIEW_ID,
      });
      expect(outcome.status, email).toBe(200);
      const data = outcome.data as { factors: { questions: { answer: { text: string } | null }[] }[]; documents: unknown[]; context: unknown[] };
      expect(data.factors).toHaveLength(11);
      expect(data.factors[0]!.questions[0]!.answer?.text).toMatch(/Déclaration de Belleforge/);
      expect(data.context).toHaveLength(7);
      expect(data.documents).toHaveLength(6);
    }
    const reader = await run(printLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/self-assessment/print`, { cookie: await cookieFor("reader@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(reader.status).toBe(403);
    const outsider = await run(factorLoader, makeRequest(FACTOR_URL("kf-01"), { cookie: await cookieFor("outsider@demo.test") }), params("kf-01"));
    expect(outsider.status).toBe(404);
    const peerSave = await run(
      factorAction,
      makeRequest(FACTOR_URL("kf-01"), {
        cookie: await cookieFor("peer@demo.test"),
        form: { intent: "answer", questionId: "kf-01-q1", text: "x", version: "1" },
      }),
      params("kf-01"),
    );
    expect(peerSave.status).toBe(403);
  });
});
