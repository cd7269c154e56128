import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { listContextNotes, saveContextNotes } from "#app/models/context.server";
import { submitSelfAssessment } from "#app/models/self-assessment-progress.server";
import { action, loader } from "#app/routes/reviews.$reviewId.context";
import { auditLog, contextNotes } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../utils";
import { readResult, type FormResult } from "#app/utils/forms";

const PAGE = `/reviews/${DEMO_REVIEW_ID}/context`;
const params = { reviewId: DEMO_REVIEW_ID };

async function note(id: string) {
  return asyncDb
    .select()
    .from(contextNotes)
    .where(and(eq(contextNotes.reviewId, DEMO_REVIEW_ID), eq(contextNotes.contextualFactorId, id)))
    .get();
}

async function auditCount() {
  return (await asyncDb.select({ n: count() }).from(auditLog).where(eq(auditLog.reviewId, DEMO_REVIEW_ID)).get())!.n;
}

beforeEach(loadDemoReview);
beforeEach(() => setPhase("self-assessment"));

describe("the context page", () => {
  it("shows the seven contextual factors with their description, implications and the host city's notes", async () => {
    const outcome = await run(loader, makeRequest(PAGE, { cookie: await cookieFor("peer@demo.test") }), params);
    expect(outcome.status).toBe(200);
    const data = outcome.data as { canWrite: boolean; factors: { id: string; description: string; implications: string; saved: { effect: string } | null }[] };
    expect(data.canWrite).toBe(false);
    expect(data.factors).toHaveLength(7);
    expect(data.factors.every((factor) => factor.description && factor.implications)).toBe(true);
    expect(data.factors.filter((factor) => factor.saved).length).toBe(5);
    expect(data.factors.find((factor) => factor.id === "cf-civil-society")?.saved?.effect).toBe("helps");
  });

  it("refuses the host reader (403) and strangers (404)", async () => {
    expect((await run(loader, makeRequest(PAGE, { cookie: await cookieFor("reader@demo.test") }), params)).status).toBe(403);
    expect((await run(loader, makeRequest(PAGE, { cookie: await cookieFor("outsider@demo.test") }), params)).status).toBe(404);
    const peerSave = await run(
      action,
      makeRequest(PAGE, { cookie: await cookieFor("peer@demo.test"), form: { "note.cf-political-situation": "x", "version.cf-political-situation": "0" } }),
      params,
    );
    expect(peerSave.status).toBe(403);
  });
});

describe("saving notes", () => {
  it("saves a note and its effect for two factors, with an audit entry each", async () => {
    const cookie = await cookieFor("host@demo.test");
    const before = await auditCount();
    const outcome = await run(
      action,
      makeRequest(PAGE, {
        cookie,
        form: {
          "note.cf-political-situation": "Majorité stable jusqu'en 2026 ; l'égalité figure au programme de la majorité.",
          "effect.cf-political-situation": "helps",
          "version.cf-political-situation": "0",
          "note.cf-labour-market-and-economy": "Chômage de 9 %, plus élevé dans les quartiers prioritaires.",
          "effect.cf-labour-market-and-economy": "limits",
          "version.cf-labour-market-and-economy": "0",
          "note.cf-civil-society": (await note("cf-civil-society"))!.note,
          "effect.cf-civil-society": "helps",
          "version.cf-civil-society": "1",
        },
      }),
      params,
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`${PAGE}?saved=2`);
    expect(await note("cf-political-situation")).toMatchObject({ effect: "helps", version: 1, updatedBy: "demo-host" });
    expect(await note("cf-labour-market-and-economy")).toMatchObject({ effect: "limits", version: 1 });
    expect(await auditCount()).toBe(before + 2);
    const entry = await asyncDb.select().from(auditLog).where(eq(auditLog.entityId, "cf-political-situation")).get();
    expect(entry).toMatchObject({ entity: "context-note", action: "create", after: { effect: "helps", version: 1 } });
  });

  it("refuses an effect off the list, an effect without a note, an oversized note, and an unknown factor, keeping the text", async () => {
    const cookie = await cookieFor("host@demo.test");
    const before = { row: await note("cf-city-resources"), audit: await auditCount() };
    const typed = "Le budget baisse.";
    const outcome = await run(
      action,
      makeRequest(PAGE, {
        cookie,
        form: {
          "note.cf-city-resources": typed,
          "effect.cf-city-resources": "disastrous",
          "version.cf-city-resources": "1",
          "note.cf-migrant-populations": "",
          "effect.cf-migrant-populations": "helps",
          "version.cf-migrant-populations": "1",
          "note.cf-data-availability": "x".repeat(10_001),
          "version.cf-data-availability": "1",
        },
      }),
      params,
    );
    expect(outcome.status).toBe(400);
    const body = readResult(outcome.data as FormResult);
    expect(body.errors["note.cf-data-availability"]).toEqual(['errors.tooLong|{"max":10000}']);
    expect(body.values["note.cf-city-resources"]).toBe(typed);

    const model = await saveContextNotes({
      reviewId: DEMO_REVIEW_ID,
      userId: "demo-host",
      notes: [
        { contextualFactorId: "cf-city-resources", note: typed, effect: "disastrous", version: 1 },
        { contextualFactorId: "cf-migrant-populations", note: "", effect: "helps", version: 1 },
        { contextualFactorId: "cf-weather", note: "Il pleut.", effect: null, version: 0 },
      ],
    });
    expect(model.status).toBe("invalid");
    if (model.status !== "invalid") throw new Error("expected invalid");
    expect(model.errors["effect.cf-city-resources"]).toEqual(["errors.invalidChoice"]);
    expect(model.errors["note.cf-migrant-populations"]).toEqual(["selfAssessment:context.errors.noteForEffect"]);
    expect(model.errors._form?.[0]).toMatch(/^selfAssessment:errors\.unknownContextualFactor/);
    expect(await note("cf-city-resources")).toEqual(before.row);
    expect(await auditCount()).toBe(before.audit);
  });

  it("refuses a stale note with both versions shown, and writes nothing", async () => {
    await saveContextNotes({
      reviewId: DEMO_REVIEW_ID,
      userId: "demo-host",
      notes: [{ contextualFactorId: "cf-migrant-populations", note: "Version mise à jour par Hélène.", effect: "neutral", version: 1 }],
    });
    const cookie = await cookieFor("host@demo.test");
    const outcome = await run(
      action,
      makeRequest(PAGE, {
        cookie,
        form: {
          "note.cf-migrant-populations": "Ma version, partie de la 1.",
          "effect.cf-migrant-populations": "neutral",
          "version.cf-migrant-populations": "1",
        },
      }),
      params,
    );
    expect(outcome.status).toBe(409);
    const body = readResult(outcome.data as FormResult<Record<string, { note: string; version: number }>>);
    expect(body.conflict!["cf-migrant-populations"]).toMatchObject({ note: "Version mise à jour par Hélène.", version: 2 });
    expect(body.values["note.cf-migrant-populations"]).toBe("Ma version, partie de la 1.");
    expect((await note("cf-migrant-populations"))?.note).toBe("Version mise à jour par Hélène.");

    const forced = await run(
      action,
      makeRequest(PAGE, {
        cookie,
        form: {
          "note.cf-migrant-populations": "Ma version, partie de la 1.",
          "effect.cf-migrant-populations": "neutral",
          "version.cf-migrant-populations": "1",
          "force.cf-migrant-populations": "2",
        },
      }),
      params,
    );
    expect(forced.status).toBe(302);
    expect(await note("cf-migrant-populations")).toMatchObject({ note: "Ma version, partie de la 1.", version: 3 });
  });

  it("marks notes changed after submission", async () => {
    const submittedAt = new Date(Date.now() - 60_000);
    await submitSelfAssessment({ reviewId: DEMO_REVIEW_ID, userId: "demo-host", now: submittedAt });
    await saveContextNotes({
      reviewId: DEMO_REVIEW_ID,
      userId: "demo-host",
      notes: [{ contextualFactorId: "cf-data-availability", note: "Nouvelle note après transmission.", effect: "limits", version: 1 }],
    });
    const notes = await listContextNotes({ reviewId: DEMO_REVIEW_ID });
    expect(notes["cf-data-availability"]!.changedSinceSubmission).toBe(true);
    expect(notes["cf-civil-society"]!.changedSinceSubmission).toBe(false);
  });

  it("answers 409 after the peer visit, writing nothing and giving the text back", async () => {
    await setPhase("drafting");
    const cookie = await cookieFor("host@demo.test");
    const before = await note("cf-civil-society");
    const outcome = await run(
      action,
      makeRequest(PAGE, { cookie, form: { "note.cf-civil-society": "Trop tard.", "effect.cf-civil-society": "helps", "version.cf-civil-society": "1" } }),
      params,
    );
    expect(outcome.status).toBe(409);
    expect(readResult(outcome.data as FormResult).values["note.cf-civil-society"]).toBe("Trop tard.");
    expect(await note("cf-civil-society")).toEqual(before);
  });
});
