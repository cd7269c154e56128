import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, cityActions, cityActionYears } from "#db/schema";
import { actionYearSchema, cityActionSchema, type CityActionInput } from "#app/models/city-action-schema";
import {
  createCityAction,
  deleteCityAction,
  getCityAction,
  listCityActions,
  saveActionYear,
  updateCityAction,
  updateCoordinatingEntity,
} from "#app/models/city-action.server";
import { asyncDb } from "#app/utils/db.server";
import { DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, loadDemoReview } from "../utils";

const HOST = "demo-host";
const STATUSES = ["not-started", "planned", "in-progress", "implemented", "embedded-in-policy"];

const input = (overrides: Partial<CityActionInput> = {}): CityActionInput => ({
  title: "Formation des agents d'accueil",
  description: "Deux jours de formation pour chaque agent d'accueil.",
  responsibleService: "Direction des ressources humaines",
  partners: "Centre national de la fonction publique territoriale",
  startYear: 2026,
  endYear: null,
  budget: "15 000 €",
  status: "in-progress",
  indicators: "Part des agents formés",
  ...overrides,
});

const auditOf = (entityId: string) =>
  asyncDb
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.reviewId, DEMO_ECCAR_REVIEW_ID), eq(auditLog.entityId, entityId)))
    .all();

beforeEach(async () => {
  await loadDemoReview();
});

describe("a commitment's actions", () => {
  it("are added last under their commitment, with who and when, and audited", async () => {
    const before = await listCityActions({ reviewId: DEMO_ECCAR_REVIEW_ID, factorId: "c-06" });
    const outcome = await createCityAction({ reviewId: DEMO_ECCAR_REVIEW_ID, factorId: "c-06", userId: HOST, input: input() });
    expect(outcome.ok).toBe(true);
    const after = await listCityActions({ reviewId: DEMO_ECCAR_REVIEW_ID, factorId: "c-06" });
    expect(after).toHaveLength(before.length + 1);
    const added = after.at(-1)!;
    expect(added).toMatchObject({ title: "Formation des agents d'accueil", status: "in-progress", startYear: 2026, endYear: null, version: 1, years: [] });
    expect(added.position).toBeGreaterThan(before.at(-1)!.position);
    expect(added.updatedByName).toBe("Hélène Rousseau");
    expect(await auditOf(added.id)).toMatchObject([{ action: "create", entity: "city-action", userId: HOST }]);
  });

  it("refuse a status off the framework's scale, a commitment not in the plan, and a review without a plan", async () => {
    const offScale = await createCityAction({ reviewId: DEMO_ECCAR_REVIEW_ID, factorId: "c-06", userId: HOST, input: input({ status: "in-place" }) });
    expect(offScale).toMatchObject({ ok: false, status: 400, errors: { status: ["cityActions:errors.status"] } });
    const unknown = await createCityAction({ reviewId: DEMO_ECCAR_REVIEW_ID, factorId: "kf-01", userId: HOST, input: input() });
    expect(unknown).toMatchObject({ ok: false, status: 404 });
    const eurocities = await createCityAction({ reviewId: DEMO_REVIEW_ID, factorId: "kf-01", userId: HOST, input: input({ status: "in-place" }) });
    expect(eurocities).toMatchObject({ ok: false, status: 404, errors: { _form: ["cityActions:errors.noPlan"] } });
    expect(await asyncDb.select().from(cityActions).where(eq(cityActions.title, "Formation des agents d'accueil")).all()).toEqual([]);
  });

  it("keep the other person's save: an edit from an older version writes nothing and gives theirs back", async () => {
    const id = "demo-eccar-action-08";
    const first = await updateCityAction({
      reviewId: DEMO_ECCAR_REVIEW_ID,
      actionId: id,
      userId: "demo-lead",
      version: 1,
      input: input({ title: "Audit, version du chef" }),
    });
    expect(first).toEqual({ ok: true, id });
    const second = await updateCityAction({
      reviewId: DEMO_ECCAR_REVIEW_ID,
      actionId: id,
      userId: HOST,
      version: 1,
      input: input({ title: "Audit, version de l'équipe" }),
    });
    expect(second).toMatchObject({ ok: false, status: 409, current: { title: "Audit, version du chef", version: 2 } });
    expect((await getCityAction({ reviewId: DEMO_ECCAR_REVIEW_ID, actionId: id }))!.title).toBe("Audit, version du chef");
    expect((await auditOf(id)).filter((entry) => entry.action === "update")).toHaveLength(1);
  });

  it("record one line per year, replaced when saved again, never before the action started", async () => {
    const id = "demo-eccar-action-02";
    const save = (year: number, results: string) =>
      saveActionYear({ reviewId: DEMO_ECCAR_REVIEW_ID, actionId: id, userId: HOST, input: { year, status: "implemented", results } });
    expect(await save(2027, "Première version")).toEqual({ ok: true, id });
    expect(await save(2027, "Version corrigée")).toEqual({ ok: true, id });
    expect(await save(2025, "Trop tôt")).toMatchObject({ ok: false, status: 400, errors: { year: ["cityActions:errors.yearBeforeStart"] } });
    const action = (await getCityAction({ reviewId: DEMO_ECCAR_REVIEW_ID, actionId: id }))!;
    expect(action.years.map((entry) => [entry.year, entry.results])).toEqual([
      [2027, "Version corrigée"],
      [2026, expect.stringContaining("Plateforme ouverte")],
    ]);
    expect((await auditOf(`${id}:2027`)).map((entry) => entry.action)).toEqual(["create", "update"]);
  });

  it("go with their years when deleted, and the deletion is audited with what was lost", async () => {
    const id = "demo-eccar-action-01";
    expect(await deleteCityAction({ reviewId: DEMO_ECCAR_REVIEW_ID, actionId: id, userId: HOST })).toEqual({ ok: true, id });
    expect(await asyncDb.select().from(cityActionYears).where(eq(cityActionYears.actionId, id)).all()).toEqual([]);
    const entry = (await auditOf(id)).find((candidate) => candidate.action === "delete")!;
    expect(entry.before).toMatchObject({ title: "Observatoire local des discriminations", years: [{ year: 2026 }, { year: 2025 }] });
    expect(await deleteCityAction({ reviewId: DEMO_ECCAR_REVIEW_ID, actionId: id, userId: HOST })).toMatchObject({ ok: false, status: 404 });
  });

  it("name the coordinating entity, audited once per change", async () => {
    await updateCoordinatingEntity({ reviewId: DEMO_ECCAR_REVIEW_ID, userId: HOST, entity: "Délégation à l'égalité" });
    await updateCoordinatingEntity({ reviewId: DEMO_ECCAR_REVIEW_ID, userId: HOST, entity: "Délégation à l'égalité" });
    const entries = (await auditOf(DEMO_ECCAR_REVIEW_ID)).filter((entry) => entry.action === "change-coordinating-entity");
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toEqual({ coordinatingEntity: "Délégation à l'égalité" });
  });
});

describe("the action forms' schemas", () => {
  const form = (values: Record<string, string>) =>
    cityActionSchema(STATUSES).safeParse({ intent: "save", title: "Action", startYear: "2026", status: "planned", ...values });

  it("read years as numbers, an empty end year as none", () => {
    const parsed = form({ endYear: "" });
    expect(parsed.success && parsed.data).toMatchObject({ startYear: 2026, endYear: null, version: 0 });
  });

  it("say which field is wrong: a year that is not one, an end before the start, a status off the scale, no title", () => {
    const issues = (values: Record<string, string | undefined>) => {
      const parsed = cityActionSchema(STATUSES).safeParse({ intent: "save", title: "Action", startYear: "2026", status: "planned", ...values });
      return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message.split("|")[0]]);
    };
    expect(issues({ startYear: "20x6" })).toEqual([["startYear", "cityActions:errors.year"]]);
    expect(issues({ startYear: "1850" })).toEqual([["startYear", "cityActions:errors.year"]]);
    expect(issues({ endYear: "2024" })).toEqual([["endYear", "cityActions:errors.endBeforeStart"]]);
    expect(issues({ status: "in-place" })).toEqual([["status", "cityActions:errors.status"]]);
    expect(issues({ title: undefined })).toEqual([["title", "errors.required"]]);
    expect(actionYearSchema(STATUSES).safeParse({ intent: "save-year", status: "planned" }).success).toBe(false);
  });
});
