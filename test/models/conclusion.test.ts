// Over 400 lines on purpose: saving, agreeing, citing and reading a conclusion share one seeded evidence fixture.
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { citedSources, sourceKindOf, triangulation } from "#app/models/factor-evidence.server";
import { divergence, getConclusion, listConclusionOverview, saveConclusion } from "#app/models/conclusion.server";
import { action, loader } from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import { loader as overviewLoader } from "#app/routes/reviews.$reviewId.conclusions._index";
import { auditLog, conclusionCitations, conclusions, documents, evidence, evidenceFactors, interviews, reviews, selfAssessmentFactors } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";
import { readResult, type FormResult } from "#app/utils/forms";

// Evidence of our own, so the tests do not depend on what the demo seed logs.
const EV = {
  quote: "t-ev-quote",
  quote2: "t-ev-quote-2",
  hostDoc: "t-ev-host-doc",
  deleted: "t-ev-deleted",
  elsewhere: "t-ev-other-review",
};
const OTHER_REVIEW = "t-other-review";

async function addEvidence(
  id: string,
  options: {
    reviewId?: string;
    kind?: "interview-quote" | "document";
    factorId?: string;
    interviewId?: string | null;
    documentId?: string | null;
    deleted?: boolean;
  },
) {
  const text = `Évidence ${id}`;
  await asyncDb
    .insert(evidence)
    .values({
      id,
      reviewId: options.reviewId ?? DEMO_REVIEW_ID,
      kind: options.kind ?? "interview-quote",
      text,
      searchText: text.toLowerCase(),
      polarity: "mixed",
      attribution: "une association",
      interviewId: options.interviewId ?? null,
      documentId: options.documentId ?? null,
      createdBy: "demo-peer",
      deletedAt: options.deleted ? new Date() : null,
    })
    .run();
  await asyncDb
    .insert(evidenceFactors)
    .values({ evidenceId: id, factorId: options.factorId ?? "kf-07" })
    .run();
}

beforeEach(async () => {
  await loadDemoReview();
  await asyncDb
    .insert(reviews)
    .values({
      id: OTHER_REVIEW,
      hostCity: "Autreville",
      country: "France",
      frameworkId: "eurocities-anti-discrimination",
      frameworkVersion: "2012.1",
      kind: "peer-review",
      phase: "peer-visit",
    })
    .run();
  await asyncDb.insert(interviews).values({ id: "t-interview", reviewId: DEMO_REVIEW_ID, date: "2026-03-17", format: "interview" }).run();
  await asyncDb.insert(documents).values({ id: "t-doc", reviewId: DEMO_REVIEW_ID, origin: "host-city", title: "Plan municipal", type: "strategy" }).run();
  await addEvidence(EV.quote, { interviewId: "t-interview" });
  await addEvidence(EV.quote2, { interviewId: "t-interview" });
  await addEvidence(EV.hostDoc, { kind: "document", documentId: "t-doc" });
  await addEvidence(EV.deleted, { interviewId: "t-interview", deleted: true });
  await addEvidence(EV.elsewhere, { reviewId: OTHER_REVIEW });
});

beforeEach(() => setPhase("peer-visit"));

async function post(email: DemoEmail, factorId: string, form: Record<string, string | string[]>) {
  const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/${factorId}`, { cookie: await cookieFor(email), form });
  return run(action, request, { reviewId: DEMO_REVIEW_ID, factorId });
}

async function read(email: DemoEmail, factorId: string) {
  const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/${factorId}`, { cookie: await cookieFor(email) });
  return run(loader, request, { reviewId: DEMO_REVIEW_ID, factorId });
}

async function row(factorId: string) {
  return asyncDb
    .select()
    .from(conclusions)
    .where(and(eq(conclusions.reviewId, DEMO_REVIEW_ID), eq(conclusions.factorId, factorId)))
    .get();
}

async function lastAudit() {
  return asyncDb.select().from(auditLog).where(eq(auditLog.reviewId, DEMO_REVIEW_ID)).orderBy(desc(auditLog.id)).limit(1).get();
}

async function citationsOf(factorId: string) {
  const rows = await asyncDb
    .select({ id: conclusionCitations.evidenceId })
    .from(conclusionCitations)
    .where(and(eq(conclusionCitations.reviewId, DEMO_REVIEW_ID), eq(conclusionCitations.factorId, factorId)))
    .all();
  return rows.map((citation) => citation.id).sort();
}

/** Saves factor 7's draft as a peer reviewer would, from the version on record. */
async function saveKf07(fields: { strengths: string; improvements: string; citations: string[] }) {
  const outcome = await post("peer@demo.test", "kf-07", {
    intent: "save-conclusion",
    version: String((await row("kf-07"))!.version),
    rating: "partly-in-place",
    ...fields,
  });
  if (outcome.status !== 302) throw new Error(`Saving kf-07 was refused with ${outcome.status}`);
}

describe("saving a draft conclusion", () => {
  it("writes the text, the citations and an audit entry, and bumps the version", async () => {
    const before = await getConclusion({ reviewId: DEMO_REVIEW_ID, factorId: "kf-07" });
    const outcome = await post("peer@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(before.version),
      rating: "partly-in-place",
      strengths: "L'interprétariat au CCAS fonctionne.",
      improvements: "Aucun examen des règles d'accès.",
      citations: [EV.quote, EV.hostDoc],
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/reviews/${DEMO_REVIEW_ID}/conclusions/kf-07?done=save-conclusion#conclusion`);
    const saved = (await row("kf-07"))!;
    expect(saved.strengths).toBe("L'interprétariat au CCAS fonctionne.");
    expect(saved.version).toBe(before.version + 1);
    expect(saved.updatedBy).toBe("demo-peer");
    expect(await citationsOf("kf-07")).toEqual([EV.hostDoc, EV.quote].sort());
    const audit = (await lastAudit())!;
    expect(audit).toMatchObject({ action: "update", entity: "conclusion", entityId: "kf-07", userId: "demo-peer" });
    expect(audit.before).toMatchObject({ version: before.version, strengths: before.strengths });
    expect(audit.after).toMatchObject({ version: before.version + 1, citations: [EV.hostDoc, EV.quote].sort() });
  });

  it("refuses a rating off the scale next to the field, writes nothing and keeps the text", async () => {
    const before = (await row("kf-07"))!;
    const outcome = await post("peer@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(before.version),
      rating: "excellent",
      strengths: "Texte à garder",
      improvements: "",
      citations: [],
    });
    expect(outcome.status).toBe(400);
    const failure = readResult(outcome.data as FormResult);
    expect(failure.errors.rating).toEqual(["conclusions:errors.ratingOffScale"]);
    expect(failure.values.strengths).toBe("Texte à garder");
    expect(await row("kf-07")).toEqual(before);
    // The model refuses it too, whoever calls it.
    await expect(
      saveConclusion({
        reviewId: DEMO_REVIEW_ID,
        factorId: "kf-07",
        userId: "demo-peer",
        version: before.version,
        input: { rating: "excellent" as never, strengths: "", improvements: "", citations: [] },
      }),
    ).rejects.toMatchObject({ init: { status: 400 }, data: { field: "rating" } });
  });

  it("cites only live evidence of the same review", async () => {
    const before = (await row("kf-07"))!;
    const citationsBefore = await citationsOf("kf-07");
    for (const forbidden of [EV.elsewhere, EV.deleted, "no-such-item"]) {
      const outcome = await post("peer@demo.test", "kf-07", {
        intent: "save-conclusion",
        version: String(before.version),
        rating: "in-place",
        strengths: "Ne doit pas être écrit",
        improvements: "",
        citations: [EV.quote, forbidden],
      });
      expect(outcome.status, forbidden).toBe(400);
      const failure = readResult(outcome.data as FormResult);
      expect(failure.errors.citations).toEqual(["conclusions:errors.citationInvalid"]);
      expect(failure.values.strengths).toBe("Ne doit pas être écrit");
      expect(failure.values.citations).toEqual([EV.quote, forbidden]);
    }
    expect(await row("kf-07")).toEqual(before);
    expect(await citationsOf("kf-07")).toEqual(citationsBefore);
  });

  it("refuses a save made on an older version with 409, showing the other version, and loses nothing", async () => {
    const start = (await row("kf-07"))!;
    // Peer 2 saves first.
    const first = await post("peer2@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(start.version),
      rating: "partly-in-place",
      strengths: "Version de Samira",
      improvements: "",
      citations: [EV.quote],
    });
    expect(first.status).toBe(302);
    // Peer 1 still holds the page loaded before.
    const late = await post("peer@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(start.version),
      rating: "in-place",
      strengths: "Version de Piet",
      improvements: "",
      citations: [],
    });
    expect(late.status).toBe(409);
    const failure = readResult(late.data as FormResult);
    expect(failure.formError).toBe("conclusions:errors.conflict");
    expect(failure.values.strengths).toBe("Version de Piet");
    expect(failure.conflict).toMatchObject({
      strengths: "Version de Samira",
      version: start.version + 1,
      updatedByName: "Samira Haddad",
      citations: [EV.quote],
    });
    expect((await row("kf-07"))!.strengths).toBe("Version de Samira");
    // Saving again on the version now shown goes through.
    const retry = await post("peer@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(start.version + 1),
      rating: "in-place",
      strengths: "Version de Piet, après lecture de celle de Samira",
      improvements: "",
      citations: [EV.quote],
    });
    expect(retry.status).toBe(302);
    expect((await row("kf-07"))!.version).toBe(start.version + 2);
  });

  it("refuses any edit once the review is issued, with 409 and the text kept", async () => {
    const before = (await row("kf-07"))!;
    await setPhase("issued");
    const outcome = await post("lead@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(before.version),
      rating: "in-place",
      strengths: "Trop tard",
      improvements: "",
      citations: [],
    });
    expect(outcome.status).toBe(409);
    const failure = readResult(outcome.data as FormResult);
    expect(failure.formError).toBe("conclusions:errors.issued");
    expect(failure.values.strengths).toBe("Trop tard");
    expect(await row("kf-07")).toEqual(before);
    // The model checks the phase inside its own transaction as well.
    await expect(
      saveConclusion({
        reviewId: DEMO_REVIEW_ID,
        factorId: "kf-07",
        userId: "demo-lead",
        version: before.version,
        input: { rating: "in-place", strengths: "x", improvements: "", citations: [] },
      }),
    ).rejects.toMatchObject({ init: { status: 409 }, data: { message: "conclusions:errors.issued" } });
  });

  it("answers 404 for a factor that is not in the framework", async () => {
    const outcome = await read("peer@demo.test", "kf-99");
    expect(outcome.status).toBe(404);
    expect((await post("peer@demo.test", "kf-99", { intent: "save-conclusion", version: "0" })).status).toBe(404);
  });
});

describe("agreeing and reopening", () => {
  it("lets only the lead expert agree: a peer reviewer gets 403 and nothing changes", async () => {
    const before = (await row("kf-07"))!;
    const outcome = await post("peer@demo.test", "kf-07", { intent: "agree", version: String(before.version) });
    expect(outcome.status).toBe(403);
    expect(await row("kf-07")).toEqual(before);
    expect((await post("host@demo.test", "kf-07", { intent: "agree", version: String(before.version) })).status).toBe(403);
  });

  it("the lead agrees the version they read; the factor is then closed to edits", async () => {
    const before = (await row("kf-07"))!;
    const stale = await post("lead@demo.test", "kf-07", { intent: "agree", version: String(before.version - 1) });
    expect(stale.status).toBe(409);
    expect((await row("kf-07"))!.state).toBe("draft");

    const outcome = await post("lead@demo.test", "kf-07", { intent: "agree", version: String(before.version) });
    expect(outcome.status).toBe(302);
    const agreed = (await row("kf-07"))!;
    expect(agreed).toMatchObject({ state: "agreed", agreedBy: "demo-lead", version: before.version + 1 });
    expect(await lastAudit()).toMatchObject({ action: "agree", entity: "conclusion", entityId: "kf-07", userId: "demo-lead" });

    const edit = await post("peer@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(agreed.version),
      rating: "not-in-place",
      strengths: "Modification refusée",
      improvements: "",
      citations: [],
    });
    expect(edit.status).toBe(409);
    expect(readResult(edit.data as FormResult).formError).toBe("conclusions:errors.agreedLocked");
    expect(readResult(edit.data as FormResult).values.strengths).toBe("Modification refusée");
    expect(await row("kf-07")).toEqual(agreed);
  });

  it("reopening needs a reason, which goes to the audit log", async () => {
    await post("lead@demo.test", "kf-07", { intent: "agree", version: String((await row("kf-07"))!.version) });
    const agreed = (await row("kf-07"))!;
    const without = await post("lead@demo.test", "kf-07", { intent: "reopen", reason: "   " });
    expect(without.status).toBe(400);
    expect(readResult(without.data as FormResult).errors.reason).toEqual(["conclusions:errors.reasonRequired"]);
    expect(await row("kf-07")).toEqual(agreed);

    expect((await post("peer@demo.test", "kf-07", { intent: "reopen", reason: "Je veux modifier" })).status).toBe(403);

    const outcome = await post("lead@demo.test", "kf-07", { intent: "reopen", reason: "La ville a transmis un nouveau document." });
    expect(outcome.status).toBe(302);
    expect(await row("kf-07")).toMatchObject({ state: "draft", agreedBy: null, agreedAt: null, version: agreed.version + 1 });
    const audit = (await lastAudit())!;
    expect(audit).toMatchObject({ action: "reopen", entity: "conclusion", entityId: "kf-07", userId: "demo-lead" });
    expect(audit.after).toMatchObject({ state: "draft", reason: "La ville a transmis un nouveau document." });
  });

  it("an empty conclusion cannot be agreed", async () => {
    const start = (await row("kf-11"))!;
    const emptied = await post("peer@demo.test", "kf-11", {
      intent: "save-conclusion",
      version: String(start.version),
      rating: "",
      strengths: "",
      improvements: "   ",
      citations: [],
    });
    expect(emptied.status).toBe(302);
    const empty = (await row("kf-11"))!;
    expect(empty).toMatchObject({ rating: null, strengths: "", improvements: "" });
    const outcome = await post("lead@demo.test", "kf-11", { intent: "agree", version: String(empty.version) });
    expect(outcome.status).toBe(400);
    expect(readResult(outcome.data as FormResult).errors.agree).toEqual(["conclusions:errors.emptyConclusion"]);
    expect(await row("kf-11")).toEqual(empty);

    // A rating alone is not enough either: something must be written.
    await post("peer@demo.test", "kf-11", {
      intent: "save-conclusion",
      version: String(empty.version),
      rating: "not-in-place",
      strengths: "",
      improvements: "",
      citations: [],
    });
    const rated = (await row("kf-11"))!;
    expect((await post("lead@demo.test", "kf-11", { intent: "agree", version: String(rated.version) })).status).toBe(400);
  });
});

describe("divergence between self-rating and peer rating", () => {
  it("compares positions on the scale", () => {
    expect(divergence("in-place", "partly-in-place")).toEqual({ kind: "peer-lower", steps: 1 });
    expect(divergence("not-in-place", "in-place")).toEqual({ kind: "peer-higher", steps: 2 });
    expect(divergence("partly-in-place", "partly-in-place")).toEqual({ kind: "same" });
    expect(divergence("in-place", null)).toEqual({ kind: "pending" });
    expect(divergence(null, "in-place")).toEqual({ kind: "not-comparable" });
    expect(divergence("not-assessed", "in-place")).toEqual({ kind: "not-comparable" });
    expect(divergence("not-assessed", "not-assessed")).toEqual({ kind: "same" });
  });

  it("is shown on the factor page and the overview", async () => {
    await asyncDb
      .insert(selfAssessmentFactors)
      .values({ reviewId: DEMO_REVIEW_ID, factorId: "kf-03", rating: "in-place", summary: "Nous coordonnons bien.", updatedAt: new Date() })
      .onConflictDoUpdate({ target: [selfAssessmentFactors.reviewId, selfAssessmentFactors.factorId], set: { rating: "in-place" } })
      .run();
    // The seed rates factor 3 "not in place".
    const page = await read("peer@demo.test", "kf-03");
    expect(page.status).toBe(200);
    expect((page.data as { divergence: unknown }).divergence).toEqual({ kind: "peer-lower", steps: 2 });
    const overview = await listConclusionOverview({ reviewId: DEMO_REVIEW_ID, frameworkId: "eurocities-anti-discrimination" });
    expect(overview).toHaveLength(11);
    expect(overview.find((line) => line.factorId === "kf-03")).toMatchObject({ selfRating: "in-place", peerRating: "not-in-place", state: "agreed" });
  });
});

describe("triangulation", () => {
  it("flags a conclusion that rests on one kind of source", () => {
    expect(triangulation([])).toEqual({ status: "none" });
    expect(triangulation(["interview", "interview"])).toEqual({ status: "single-source", source: "interview" });
    expect(triangulation(["host-city-document"])).toEqual({ status: "single-source", source: "host-city-document" });
    expect(triangulation(["interview", "host-city-document"])).toEqual({ status: "triangulated", sources: ["host-city-document", "interview"] });
  });

  it("classifies evidence by where it comes from", () => {
    expect(sourceKindOf({ kind: "interview-quote", interviewId: "i", documentOrigin: null })).toBe("interview");
    expect(sourceKindOf({ kind: "focus-group-note", interviewId: null, documentOrigin: null })).toBe("interview");
    expect(sourceKindOf({ kind: "document", interviewId: null, documentOrigin: "host-city" })).toBe("host-city-document");
    expect(sourceKindOf({ kind: "data", interviewId: null, documentOrigin: "host-city" })).toBe("host-city-document");
    expect(sourceKindOf({ kind: "document", interviewId: null, documentOrigin: "peer-team" })).toBe("peer-document");
    expect(sourceKindOf({ kind: "observation", interviewId: null, documentOrigin: null })).toBe("observation");
    // What the team saw during a meeting is an observation, not something it was told.
    expect(sourceKindOf({ kind: "observation", interviewId: "i", documentOrigin: null })).toBe("observation");
  });

  it("follows what the saved conclusion cites", async () => {
    const version = (await row("kf-07"))!.version;
    await post("peer@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(version),
      rating: "partly-in-place",
      strengths: "a",
      improvements: "b",
      citations: [EV.quote, EV.quote2],
    });
    expect(triangulation(await citedSources({ reviewId: DEMO_REVIEW_ID, factorId: "kf-07" }))).toEqual({ status: "single-source", source: "interview" });
    const page = await read("peer@demo.test", "kf-07");
    expect((page.data as { triangulation: unknown }).triangulation).toEqual({ status: "single-source", source: "interview" });

    await post("peer@demo.test", "kf-07", {
      intent: "save-conclusion",
      version: String(version + 1),
      rating: "partly-in-place",
      strengths: "a",
      improvements: "b",
      citations: [EV.quote, EV.hostDoc],
    });
    expect(triangulation(await citedSources({ reviewId: DEMO_REVIEW_ID, factorId: "kf-07" }))).toEqual({
      status: "triangulated",
      sources: ["host-city-document", "interview"],
    });
  });
});

describe("what each role reads", () => {
  it("the peer team reads the evidence and the citations", async () => {
    await saveKf07({ strengths: "a", improvements: "b", citations: [EV.quote, EV.hostDoc] });
    const page = await read("peer@demo.test", "kf-07");
    const loaded = page.data as { evidence: { id: string; text: string }[]; citations: string[] };
    expect(loaded.evidence.map((item) => item.id)).toEqual(expect.arrayContaining([EV.quote, EV.quote2, EV.hostDoc]));
    expect(loaded.evidence.map((item) => item.id)).not.toContain(EV.deleted);
    expect(loaded.evidence.map((item) => item.id)).not.toContain(EV.elsewhere);
    expect(loaded.citations).toEqual([EV.hostDoc, EV.quote].sort());
  });

  it("the host team reads the draft during the factual check, without any evidence", async () => {
    await saveKf07({ strengths: "a", improvements: "b", citations: [EV.quote, EV.hostDoc] });
    await setPhase("factual-check");
    const page = await read("host@demo.test", "kf-07");
    expect(page.status).toBe(200);
    const loaded = page.data as { evidence: unknown; citations: unknown; triangulation: unknown; conclusion: { strengths: string } };
    expect(loaded.evidence).toBeNull();
    expect(loaded.citations).toBeNull();
    expect(loaded.triangulation).toBeNull();
    expect(loaded.conclusion.strengths).toBe("a");
    const body = JSON.stringify(page.data);
    expect(body).not.toContain("Évidence");
    const overview = await run(overviewLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions`, { cookie: await cookieFor("host@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(JSON.stringify(overview.data)).not.toContain('evidenceCount":1');
    expect((overview.data as { rows: { evidenceCount: number | null }[] }).rows.every((line) => line.evidenceCount === null)).toBe(true);
  });

  it("host readers read only agreed conclusions, once issued", async () => {
    await setPhase("issued");
    const draft = await read("reader@demo.test", "kf-07");
    expect(draft.status).toBe(200);
    expect((draft.data as { conclusion: unknown; recommendations: unknown[] }).conclusion).toBeNull();
    expect((draft.data as { recommendations: unknown[] }).recommendations).toEqual([]);
    const agreed = await read("reader@demo.test", "kf-01");
    expect((agreed.data as { conclusion: { state: string } }).conclusion.state).toBe("agreed");
    expect((agreed.data as { evidence: unknown }).evidence).toBeNull();
    const overview = await run(overviewLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions`, { cookie: await cookieFor("reader@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    const rows = (overview.data as { rows: { factorId: string; state: string; peerRating: string | null }[] }).rows;
    expect(rows.find((line) => line.factorId === "kf-07")).toMatchObject({ state: "not-agreed", peerRating: null });
    expect(rows.find((line) => line.factorId === "kf-01")).toMatchObject({ state: "agreed" });
  });
});
