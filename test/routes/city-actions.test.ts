import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cityActions } from "#db/schema";
import { loader as listLoader } from "#app/routes/reviews.$reviewId.self-assessment.$factorId_.actions._index";
import { action, loader } from "#app/routes/reviews.$reviewId.self-assessment.$factorId_.actions.$actionId";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../utils";

const base = `/reviews/${DEMO_ECCAR_REVIEW_ID}/self-assessment/c-04/actions`;
const params = (actionId: string) => ({ reviewId: DEMO_ECCAR_REVIEW_ID, factorId: "c-04", actionId });

const ACTION = {
  intent: "save",
  title: "Cafés citoyens sur les discriminations",
  description: "Une rencontre par trimestre dans chaque quartier.",
  responsibleService: "Direction de la démocratie locale",
  partners: "Conseils de quartier",
  startYear: "2026",
  endYear: "",
  budget: "",
  status: "in-progress",
  indicators: "Nombre de participants",
};

async function post(actionId: string, form: Record<string, string>, email: "host@demo.test" | "peer@demo.test" = "host@demo.test") {
  return run(action, makeRequest(`${base}/${actionId}`, { cookie: await cookieFor(email), form }), params(actionId));
}

beforeEach(async () => {
  await loadDemoReview();
});

describe("recording a commitment's action", () => {
  it("adds it from the form and lists it under its commitment", async () => {
    const outcome = await post("new", ACTION);
    expect(outcome.status).toBe(302);
    const saved = (await asyncDb.select().from(cityActions).where(eq(cityActions.title, ACTION.title)).get())!;
    expect(outcome.location).toBe(`${base}?saved=${saved.id}`);
    expect(saved).toMatchObject({ factorId: "c-04", startYear: 2026, endYear: null, status: "in-progress", createdBy: "demo-host" });
    const list = await run(listLoader, makeRequest(base, { cookie: await cookieFor("peer@demo.test") }), params(""));
    const titles = (list.data as { actions: { title: string }[] }).actions.map((entry) => entry.title);
    expect(titles).toEqual(["Guide des droits en langues étrangères", ACTION.title]);
  });

  it("answers bad input with 400, the message beside its field and what was typed", async () => {
    const outcome = await post("new", { ...ACTION, startYear: "2O26", endYear: "2020", status: "in-place" });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({
      error: { startYear: [expect.stringContaining("cityActions:errors.year")], status: ["cityActions:errors.status"] },
      initialValue: { title: ACTION.title, startYear: "2O26", description: ACTION.description },
    });
    expect(await asyncDb.select().from(cityActions).where(eq(cityActions.title, ACTION.title)).all()).toEqual([]);
  });

  it("records a year's results on the action's page", async () => {
    const id = "demo-eccar-action-05";
    const outcome = await post(id, { intent: "save-year", year: "2025", status: "in-progress", results: "Guide traduit en 5 langues." });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`${base}/${id}?yearSaved=2025`);
    const page = await run(loader, makeRequest(`${base}/${id}`, { cookie: await cookieFor("host@demo.test") }), params(id));
    expect((page.data as { action: { years: { year: number; results: string }[] } }).action.years.map((entry) => entry.year)).toEqual([2026, 2025]);
  });

  it("gives the form back with its text when the phase closed while the user typed", async () => {
    await setPhase("issued", DEMO_ECCAR_REVIEW_ID);
    const outcome = await post("new", ACTION);
    expect(outcome.status).toBe(409);
    expect(outcome.data).toMatchObject({ phaseClosed: "issued", initialValue: { title: ACTION.title } });
  });

  it("lets peers read an action but not write one", async () => {
    const page = await run(loader, makeRequest(`${base}/demo-eccar-action-05`, { cookie: await cookieFor("peer@demo.test") }), params("demo-eccar-action-05"));
    expect(page.data).toMatchObject({ canWrite: false, action: { title: "Guide des droits en langues étrangères" } });
    expect((await post("new", ACTION, "peer@demo.test")).status).toBe(403);
  });

  it("finds no action under another commitment's address, and no actions on a EUROCITIES review", async () => {
    const wrong = await run(loader, makeRequest(`${base}/demo-eccar-action-01`, { cookie: await cookieFor("host@demo.test") }), params("demo-eccar-action-01"));
    expect(wrong.status).toBe(404);
    const eurocities = await run(
      listLoader,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/self-assessment/kf-01/actions`, { cookie: await cookieFor("host@demo.test") }),
      { reviewId: DEMO_REVIEW_ID, factorId: "kf-01" },
    );
    expect(eurocities.status).toBe(404);
  });
});
