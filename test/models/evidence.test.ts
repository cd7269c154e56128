// Over 400 lines on purpose: logging, changing and deleting an item share one set of form helpers and fixtures.
import { and, count, eq, isNotNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { requireFramework } from "#benchmark/index";
import { errorsOf, formErrorsOf, submittedValue, type FormResult } from "#app/utils/forms";
import { getCoverage } from "#app/models/evidence-coverage.server";
import { listEvidenceLog, parseEvidenceView, type LogActor } from "#app/models/evidence-log.server";
import { action as logAction, loader as logLoader } from "#app/routes/reviews.$reviewId.evidence/route";
import { action as itemAction, loader as itemLoader } from "#app/routes/reviews.$reviewId.evidence.$evidenceId";
import { buildReportModel } from "#reports/model";
import { getReportSnapshot } from "#app/models/report.server";
import { auditLog, conclusionCitations, evidence, evidenceFactors, evidenceQuestions, interviewParticipants, interviews, reviews } from "#db/schema";
import { foldText } from "#db/search-text";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../utils";

const LOG = `/reviews/${DEMO_REVIEW_ID}/evidence`;
const params = { reviewId: DEMO_REVIEW_ID };
const framework = requireFramework("eurocities-anti-discrimination");
const PEER: LogActor = { userId: "demo-peer", canEditAny: false, canWrite: true };

const quote = (fields: Record<string, string | string[]> = {}) => ({
  intent: "create",
  via: "fetcher",
  kind: "interview-quote",
  interviewId: "demo-int-01",
  text: "Nous publions le bilan du plan chaque année.",
  factorIds: ["kf-02"],
  polarity: "supports",
  attribution: "une chargée de mission de la ville",
  ...fields,
});

const countEvidence = async () => (await asyncDb.select({ n: count() }).from(evidence).get())!.n;
const countAudit = async () => (await asyncDb.select({ n: count() }).from(auditLog).get())!.n;

async function post(
  email: Parameters<typeof cookieFor>[0],
  form: Record<string, string | string[]>,
  path = LOG,
  fn: Parameters<typeof run>[0] = logAction,
  extra: Record<string, string> = {},
) {
  return run(fn, makeRequest(path, { cookie: await cookieFor(email), form }), { ...params, ...extra });
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("the demo seed", () => {
  it("records five interviews, two with names, and about forty items with no evidence on key factor 10", async () => {
    expect((await asyncDb.select({ n: count() }).from(interviews).where(eq(interviews.reviewId, DEMO_REVIEW_ID)).get())!.n).toBe(5);
    const named = await asyncDb
      .selectDistinct({ id: interviewParticipants.interviewId })
      .from(interviewParticipants)
      .where(isNotNull(interviewParticipants.name))
      .all();
    expect(named.map((row) => row.id).sort()).toEqual(["demo-int-01", "demo-int-03"]);
    const items = (await asyncDb.select({ n: count() }).from(evidence).where(eq(evidence.reviewId, DEMO_REVIEW_ID)).get())!.n;
    expect(items).toBeGreaterThanOrEqual(38);
    expect(items).toBeLessThanOrEqual(45);
    expect((await asyncDb.select({ n: count() }).from(evidenceFactors).where(eq(evidenceFactors.factorId, "kf-10")).get())!.n).toBe(0);
    const tagged = new Set((await asyncDb.selectDistinct({ id: evidenceFactors.factorId }).from(evidenceFactors).all()).map((row) => row.id));
    expect([...tagged].sort()).toEqual(["kf-01", "kf-02", "kf-03", "kf-04", "kf-05", "kf-06", "kf-07", "kf-08", "kf-09", "kf-11"]);
    const documentItems = await asyncDb.select({ id: evidence.id, documentId: evidence.documentId }).from(evidence).where(eq(evidence.kind, "document")).all();
    expect(documentItems.length).toBe(2);
    expect(documentItems.every((item) => item.documentId?.startsWith("demo-doc-"))).toBe(true);
  });

  it("folds search text exactly as the app does", async () => {
    expect(["Égalité ŒUVRE l’accès", "Straße Ærø déjà-vu", "GARÇON naïve"].map(foldText)).toEqual([
      "egalite oeuvre l'acces",
      "strasse aerø deja-vu",
      "garcon naive",
    ]);
    const seeded = await asyncDb
      .select({ text: evidence.text, attribution: evidence.attribution, searchText: evidence.searchText })
      .from(evidence)
      .where(eq(evidence.reviewId, DEMO_REVIEW_ID))
      .all();
    expect(seeded.length).toBeGreaterThan(0);
    for (const row of seeded) expect(row.searchText).toBe(foldText(`${row.text}\n${row.attribution}`));
  });
});

describe("logging an item", () => {
  it("saves a tagged quote with its factors, questions and an audit entry, in one go", async () => {
    const before = await countAudit();
    const outcome = await post(
      "peer@demo.test",
      quote({ factorIds: ["kf-02", "kf-11"], questionIds: ["kf-11-q4"], text: "  Le bilan est publié chaque année.  " }),
    );
    expect(outcome.status).toBe(200);
    const { ok, id } = outcome.data as { ok: true; id: string };
    expect(ok).toBe(true);
    const row = (await asyncDb.select().from(evidence).where(eq(evidence.id, id)).get())!;
    expect(row).toMatchObject({
      text: "Le bilan est publié chaque année.",
      createdBy: "demo-peer",
      interviewId: "demo-int-01",
      deletedAt: null,
      version: 1,
    });
    expect(row.searchText).toBe(foldText("Le bilan est publié chaque année.\nune chargée de mission de la ville"));
    expect(
      (await asyncDb.select({ id: evidenceFactors.factorId }).from(evidenceFactors).where(eq(evidenceFactors.evidenceId, id)).all()).map((r) => r.id),
    ).toEqual(["kf-02", "kf-11"]);
    expect(await asyncDb.select({ id: evidenceQuestions.questionId }).from(evidenceQuestions).where(eq(evidenceQuestions.evidenceId, id)).all()).toEqual([
      { id: "kf-11-q4" },
    ]);
    expect(await countAudit()).toBe(before + 1);
    const entry = (await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "create")))
      .get())!;
    expect(entry).toMatchObject({ reviewId: DEMO_REVIEW_ID, userId: "demo-peer", entity: "evidence" });
    expect(entry.after).toMatchObject({ factorIds: ["kf-02", "kf-11"], text: "Le bilan est publié chaque année." });
  });

  it("reads factors typed as numbers, and fills an empty attribution from the interview anonymously", async () => {
    const outcome = await run(
      logAction,
      makeRequest(LOG, {
        cookie: await cookieFor("peer@demo.test"),
        headers: { "Accept-Language": "fr" },
        form: quote({ factorIds: [], factorNumbers: "4 11", attribution: "", interviewId: "demo-int-02", kind: "focus-group-note" }),
      }),
      params,
    );
    const { id } = outcome.data as { id: string };
    expect(
      (await asyncDb.select({ id: evidenceFactors.factorId }).from(evidenceFactors).where(eq(evidenceFactors.evidenceId, id)).all()).map((r) => r.id),
    ).toEqual(["kf-04", "kf-11"]);
    // The first person met in that focus group is an NGO's chair: the report says who they are by kind, not by name.
    // It is stored as the category, not in the French peer's words, so each reader reads it in their language.
    const stored = (await asyncDb
      .select({ a: evidence.attribution, category: evidence.attributionCategory, role: evidence.attributionRole })
      .from(evidence)
      .where(eq(evidence.id, id))
      .get())!;
    expect(stored).toEqual({ a: "", category: "ngo", role: null });
    await asyncDb.insert(conclusionCitations).values({ reviewId: DEMO_REVIEW_ID, factorId: "kf-04", evidenceId: id }).run();
    const snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
    const finding = (locale: "en" | "fr") =>
      buildReportModel(snapshot, { locale, issuedAt: null })
        .factors.flatMap((factor) => factor.peer?.evidence.findings ?? [])
        .find((item) => item.id === id);
    expect(finding("en")?.attribution).toBe("an NGO representative");
    expect(finding("fr")?.attribution).toBe("une personne représentant une association");
    const englishLog = await run(
      logLoader,
      makeRequest(`${LOG}?lang=en&q=${encodeURIComponent("an NGO representative")}`, { cookie: await cookieFor("lead@demo.test") }),
      params,
    );
    const rows = (englishLog.data as { log: { rows: { id: string; attribution: string }[] } }).log.rows;
    expect(rows.find((row) => row.id === id)?.attribution).toBe("an NGO representative");
  });

  it("stores a suggested attribution, in either language, as the speaker's category and role; typed words as typed", async () => {
    const speakers = await asyncDb
      .select()
      .from(interviewParticipants)
      .where(eq(interviewParticipants.interviewId, "demo-int-02"))
      .orderBy(interviewParticipants.id)
      .all();
    const first = speakers[0]!;
    const read = async (id: string) =>
      await asyncDb
        .select({ a: evidence.attribution, category: evidence.attributionCategory, role: evidence.attributionRole })
        .from(evidence)
        .where(eq(evidence.id, id))
        .get();
    const saved = async (attribution: string) =>
      ((await post("peer@demo.test", quote({ interviewId: "demo-int-02", kind: "focus-group-note", attribution }))).data as { id: string }).id;
    expect(await read(await saved(`une personne représentant une association (${first.role})`))).toEqual({ a: "", category: first.category, role: first.role });
    expect(await read(await saved("an NGO representative"))).toEqual({ a: "", category: "ngo", role: null });
    expect(await read(await saved("une bénévole d'une association"))).toEqual({ a: "une bénévole d'une association", category: null, role: null });
  });

  it("without JavaScript, redirects back to the same view of the log with the form's choices remembered", async () => {
    const outcome = await post("peer@demo.test", quote({ via: "form", factorIds: ["kf-03", "kf-07"] }), `${LOG}?factor=kf-03&deleted=x`);
    expect(outcome.status).toBe(302);
    const next = new URL(outcome.location!, "http://x");
    expect(next.pathname).toBe(LOG);
    expect(next.searchParams.get("factor")).toBe("kf-03");
    expect(next.searchParams.has("deleted")).toBe(false);
    expect(next.searchParams.get("form-interview")).toBe("demo-int-01");
    expect(next.searchParams.getAll("form-factor")).toEqual(["kf-03", "kf-07"]);
    expect(next.searchParams.get("form-polarity")).toBe("supports");
    const page = await run(logLoader, makeRequest(`${next.pathname}${next.search}`, { cookie: await cookieFor("peer@demo.test") }), params);
    const data = page.data as { remembered: { interviewId: string; factorIds: string[] }; notice: { saved: boolean } };
    expect(data.remembered).toMatchObject({ interviewId: "demo-int-01", factorIds: ["kf-03", "kf-07"] });
    expect(data.notice.saved).toBe(true);
  });

  describe("refuses bad input with a message next to the field, writes nothing and keeps the typed quote", () => {
    const otherReview = "other-review";
    beforeEach(async () => {
      await asyncDb
        .insert(reviews)
        .values({
          id: otherReview,
          hostCity: "Ailleurs",
          country: "Belgique",
          frameworkId: "eurocities-anti-discrimination",
          frameworkVersion: "2012.1",
          kind: "peer-review",
          phase: "peer-visit",
        })
        .run();
      await asyncDb.insert(interviews).values({ id: "other-int", reviewId: otherReview, date: "2026-03-01", format: "interview" }).run();
    });

    const cases: [string, Record<string, string | string[]>, string, string][] = [
      ["a quote with no factor", { factorIds: [] }, "factorIds", "evidence:errors.noFactor"],
      ["an unknown factor id", { factorIds: ["kf-99"] }, "factorIds", 'evidence:errors.unknownFactor|{"id":"kf-99"}'],
      ["an unknown factor number", { factorIds: [], factorNumbers: "3 12" }, "factorNumbers", 'evidence:errors.unknownFactorNumber|{"value":"12"}'],
      ["an unknown question id", { questionIds: ["kf-02-q99"] }, "questionIds", 'evidence:errors.unknownQuestion|{"id":"kf-02-q99"}'],
      ["a question of a factor not tagged", { questionIds: ["kf-06-q1"] }, "questionIds", 'evidence:errors.questionOutsideFactors|{"number":6}'],
      ["an interview from another review", { interviewId: "other-int" }, "interviewId", "evidence:errors.unknownInterview"],
      ["a quote without its interview", { interviewId: "" }, "interviewId", "evidence:errors.interviewRequired"],
      ["a document item without its document", { kind: "document", interviewId: "" }, "documentId", "evidence:errors.documentRequired"],
      ["a document from nowhere", { kind: "document", documentId: "forged-doc" }, "documentId", "evidence:errors.unknownDocument"],
      ["an empty text", { text: "   " }, "text", "errors.required"],
      ["a text over 10,000 characters", { text: "é".repeat(10_001) }, "text", 'errors.tooLong|{"max":10000}'],
      ["an unknown kind", { kind: "rumour" }, "kind", "errors.invalidChoice"],
    ];

    it.each(cases)("%s", async (_label, fields, field, message) => {
      const [items, audits] = [await countEvidence(), await countAudit()];
      const form = quote({ text: "Une phrase qu'on ne veut pas perdre, avec des accents : égalité.", ...fields });
      const outcome = await post("peer@demo.test", form);
      expect(outcome.status).toBe(400);
      const failure = outcome.data as FormResult;
      expect(failure.status).toBe("error");
      expect(errorsOf(failure, field)).toContain(message);
      expect(submittedValue(failure, "text")).toBe(form.text);
      expect([await countEvidence(), await countAudit()]).toEqual([items, audits]);
    });

    it("an unknown intent", async () => {
      const outcome = await post("peer@demo.test", { intent: "explode", text: "x" });
      expect(outcome.status).toBe(400);
      expect(submittedValue(outcome.data as FormResult, "text")).toBe("x");
    });
  });
});

describe("changing an item", () => {
  const itemPath = (id: string) => `${LOG}/${id}`;
  const edit = (id: string, fields: Record<string, string | string[]> = {}) => ({
    ...quote({ intent: "update", text: "Texte corrigé : la déclaration est citée partout." }),
    factorIds: ["kf-01"],
    ...fields,
  });

  it("lets a peer correct their own item, bumps the version and audits before and after", async () => {
    const outcome = await post("peer@demo.test", edit("demo-ev-001", { version: "1" }), itemPath("demo-ev-001"), itemAction, {
      evidenceId: "demo-ev-001",
    });
    expect(outcome.status).toBe(302);
    const row = (await asyncDb.select().from(evidence).where(eq(evidence.id, "demo-ev-001")).get())!;
    expect(row.text).toBe("Texte corrigé : la déclaration est citée partout.");
    expect(row.version).toBe(2);
    const entry = (await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, "demo-ev-001"), eq(auditLog.action, "update")))
      .get())!;
    expect((entry.before as { text: string }).text).toMatch(/^La déclaration de 2022/);
    expect((entry.after as { text: string }).text).toBe(row.text);
  });

  it("answers 409 to an edit started from an older version, keeping the typed text", async () => {
    // Someone else's correction has already moved the item to version 2.
    await post("lead@demo.test", edit("demo-ev-001", { version: "1" }), itemPath("demo-ev-001"), itemAction, { evidenceId: "demo-ev-001" });
    const outcome = await post("peer@demo.test", edit("demo-ev-001", { version: "1", text: "Ma version" }), itemPath("demo-ev-001"), itemAction, {
      evidenceId: "demo-ev-001",
    });
    expect(outcome.status).toBe(409);
    expect(submittedValue(outcome.data as FormResult, "text")).toBe("Ma version");
  });

  it("catches two edits from the same version sent at once: one is saved, the other answers 409 and writes nothing", async () => {
    const audits = await countAudit();
    const [lead, peer] = await Promise.all([
      post("lead@demo.test", edit("demo-ev-001", { version: "1", text: "Version de l'experte." }), itemPath("demo-ev-001"), itemAction, {
        evidenceId: "demo-ev-001",
      }),
      post("peer@demo.test", edit("demo-ev-001", { version: "1", text: "Version du pair." }), itemPath("demo-ev-001"), itemAction, {
        evidenceId: "demo-ev-001",
      }),
    ]);
    expect([lead.status, peer.status].sort()).toEqual([302, 409]);
    const row = (await asyncDb.select().from(evidence).where(eq(evidence.id, "demo-ev-001")).get())!;
    expect(row.version).toBe(2);
    expect(row.text).toBe(lead.status === 302 ? "Version de l'experte." : "Version du pair.");
    expect(await countAudit()).toBe(audits + 1);
  });

  it("answers 403 to a peer editing another reviewer's item: nothing written, typed quote kept", async () => {
    // demo-ev-003 was logged by the lead expert.
    const before = (await asyncDb.select().from(evidence).where(eq(evidence.id, "demo-ev-003")).get())!;
    const audits = await countAudit();
    const outcome = await post("peer@demo.test", edit("demo-ev-003", { text: "Je réécris la citation d'un autre." }), itemPath("demo-ev-003"), itemAction, {
      evidenceId: "demo-ev-003",
    });
    expect(outcome.status).toBe(403);
    const failure = outcome.data as FormResult;
    expect(formErrorsOf(failure)).toEqual(["evidence:errors.notYours"]);
    expect(submittedValue(failure, "text")).toBe("Je réécris la citation d'un autre.");
    expect(await asyncDb.select().from(evidence).where(eq(evidence.id, "demo-ev-003")).get()).toEqual(before);
    expect(await countAudit()).toBe(audits);
    const page = await run(itemLoader, makeRequest(itemPath("demo-ev-003"), { cookie: await cookieFor("peer@demo.test") }), {
      ...params,
      evidenceId: "demo-ev-003",
    });
    expect((page.data as { canEdit: boolean }).canEdit).toBe(false);
  });

  it("lets the lead expert edit anyone's item", async () => {
    const outcome = await post("lead@demo.test", edit("demo-ev-002", { factorIds: ["kf-03"] }), itemPath("demo-ev-002"), itemAction, {
      evidenceId: "demo-ev-002",
    });
    expect(outcome.status).toBe(302);
    expect((await asyncDb.select({ text: evidence.text }).from(evidence).where(eq(evidence.id, "demo-ev-002")).get())!.text).toBe(
      "Texte corrigé : la déclaration est citée partout.",
    );
    const page = await run(itemLoader, makeRequest(itemPath("demo-ev-002"), { cookie: await cookieFor("lead@demo.test") }), {
      ...params,
      evidenceId: "demo-ev-002",
    });
    expect((page.data as { canEdit: boolean }).canEdit).toBe(true);
  });

  it("answers 404 to a tampered item id, with the typed quote kept", async () => {
    const audits = await countAudit();
    const outcome = await post("lead@demo.test", edit("forged", { text: "Texte tapé" }), itemPath("forged"), itemAction, {
      evidenceId: "forged",
    });
    expect(outcome.status).toBe(404);
    expect(submittedValue(outcome.data as FormResult, "text")).toBe("Texte tapé");
    expect(await countAudit()).toBe(audits);
    const page = await run(itemLoader, makeRequest(itemPath("forged"), { cookie: await cookieFor("lead@demo.test") }), {
      ...params,
      evidenceId: "forged",
    });
    expect(page.status).toBe(404);
  });

  it("refuses to touch an item of another review through this review's URL", async () => {
    await asyncDb
      .insert(reviews)
      .values({
        id: "other-review",
        hostCity: "Ailleurs",
        country: "Belgique",
        frameworkId: "eurocities-anti-discrimination",
        frameworkVersion: "2012.1",
        kind: "peer-review",
        phase: "peer-visit",
      })
      .run();
    await asyncDb
      .insert(evidence)
      .values({
        id: "other-ev",
        reviewId: "other-review",
        kind: "observation",
        text: "ailleurs",
        searchText: "ailleurs",
        polarity: "mixed",
        createdBy: "demo-lead",
      })
      .run();
    const outcome = await post("lead@demo.test", { intent: "delete", via: "fetcher", evidenceId: "other-ev" });
    expect(outcome.status).toBe(404);
    expect((await asyncDb.select({ deletedAt: evidence.deletedAt }).from(evidence).where(eq(evidence.id, "other-ev")).get())!.deletedAt).toBeNull();
  });
});

describe("soft delete and undo", () => {
  const inLog = async (id: string) =>
    (await listEvidenceLog({ reviewId: DEMO_REVIEW_ID, view: parseEvidenceView(new URLSearchParams("q=")), actor: PEER, pageSize: 1000 })).rows.some(
      (row) => row.id === id,
    );
  const factorTotal = async (factorId: string) =>
    (await getCoverage({ reviewId: DEMO_REVIEW_ID, framework })).find((factor) => factor.id === factorId)!.balance.total;

  it("hides a deleted item from the log and the coverage, and brings it back on undo, auditing both", async () => {
    const id = "demo-ev-004"; // the peer's, tagged to factors 2 and 11
    const total = await factorTotal("kf-11");
    const deleted = await post("peer@demo.test", { intent: "delete", via: "fetcher", evidenceId: id });
    expect(deleted.data).toMatchObject({ ok: true, intent: "delete", id });
    expect((await asyncDb.select({ deletedAt: evidence.deletedAt }).from(evidence).where(eq(evidence.id, id)).get())!.deletedAt).toBeInstanceOf(Date);
    expect(await inLog(id)).toBe(false);
    expect(await factorTotal("kf-11")).toBe(total - 1);
    // The item page still opens, to offer the restore.
    const page = await run(itemLoader, makeRequest(`${LOG}/${id}`, { cookie: await cookieFor("peer@demo.test") }), {
      ...params,
      evidenceId: id,
    });
    expect((page.data as { item: { deletedAt: Date | null } }).item.deletedAt).toBeInstanceOf(Date);

    const restored = await post("peer@demo.test", { intent: "restore", via: "fetcher", evidenceId: id });
    expect(restored.data).toMatchObject({ ok: true, intent: "restore" });
    expect(await inLog(id)).toBe(true);
    expect(await factorTotal("kf-11")).toBe(total);
    const actions = await asyncDb
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.entity, "evidence")))
      .all();
    // The demo seed's own trail starts the item's history.
    expect(actions.map((row) => row.action)).toEqual(["create", "delete", "restore"]);
  });

  it("without JavaScript, lands on the log with an undo offer", async () => {
    const outcome = await post("peer@demo.test", { intent: "delete", via: "form", evidenceId: "demo-ev-007" }, `${LOG}?kind=focus-group-note`);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`${LOG}?kind=focus-group-note&deleted=demo-ev-007`);
    const undone = await post(
      "peer@demo.test",
      { intent: "restore", via: "form", evidenceId: "demo-ev-007" },
      `${LOG}?kind=focus-group-note&deleted=demo-ev-007`,
    );
    expect(undone.location).toBe(`${LOG}?kind=focus-group-note&restored=1`);
    expect((await asyncDb.select({ deletedAt: evidence.deletedAt }).from(evidence).where(eq(evidence.id, "demo-ev-007")).get())!.deletedAt).toBeNull();
  });

  it("deletes only one's own items as a peer; the lead expert deletes any", async () => {
    const refused = await post("peer2@demo.test", { intent: "delete", via: "fetcher", evidenceId: "demo-ev-006" });
    expect(refused.status).toBe(403);
    expect((await asyncDb.select({ deletedAt: evidence.deletedAt }).from(evidence).where(eq(evidence.id, "demo-ev-006")).get())!.deletedAt).toBeNull();
    const done = await post("lead@demo.test", { intent: "delete", via: "fetcher", evidenceId: "demo-ev-006" });
    expect(done.status).toBe(200);
    expect((await post("lead@demo.test", { intent: "restore", via: "fetcher", evidenceId: "demo-ev-006" })).status).toBe(200);
  });

  it("answers 404 to undoing what is not deleted, or deleting twice", async () => {
    expect((await post("peer@demo.test", { intent: "restore", via: "fetcher", evidenceId: "demo-ev-001" })).status).toBe(404);
    await post("peer@demo.test", { intent: "delete", via: "fetcher", evidenceId: "demo-ev-001" });
    expect((await post("peer@demo.test", { intent: "delete", via: "fetcher", evidenceId: "demo-ev-001" })).status).toBe(404);
    await post("peer@demo.test", { intent: "restore", via: "fetcher", evidenceId: "demo-ev-001" });
  });

  it("refuses changes once the review is past drafting (409)", async () => {
    await setPhase("factual-check");
    try {
      const outcome = await post("peer@demo.test", quote());
      expect(outcome.status).toBe(409);
    } finally {
      await setPhase("peer-visit");
    }
  });
});
