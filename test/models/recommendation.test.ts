import { parse } from "csv-parse/sync";
import { and, asc, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { filterPlan, listPlan, listRecommendations, moveRecommendation, PLAN_TABLE } from "#app/models/recommendation.server";
import { parseTableState } from "#app/utils/table-state";
import { action } from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import { loader as planCsvLoader } from "#app/routes/reviews.$reviewId.plan[.csv]";
import { loader as planLoader } from "#app/routes/reviews.$reviewId.plan";
import { auditLog, recommendations } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";
import { readResult, type FormResult } from "#app/utils/forms";

beforeEach(loadDemoReview);
beforeEach(() => setPhase("peer-visit"));

async function post(email: DemoEmail, factorId: string, form: Record<string, string>) {
  const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/${factorId}`, { cookie: await cookieFor(email), form });
  return run(action, request, { reviewId: DEMO_REVIEW_ID, factorId });
}

async function rowsOf(factorId: string) {
  return asyncDb
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.reviewId, DEMO_REVIEW_ID), eq(recommendations.factorId, factorId)))
    .orderBy(asc(recommendations.position))
    .all();
}

async function lastAudit() {
  return asyncDb.select().from(auditLog).where(eq(auditLog.reviewId, DEMO_REVIEW_ID)).orderBy(desc(auditLog.id)).limit(1).get();
}

const GOOD = {
  intent: "add-recommendation",
  text: "Créer un guichet unique de signalement des discriminations.",
  priority: "high",
  horizon: "quick-win",
  responsibleService: "Mission égalité",
  exampleIndex: "1",
};

describe("adding a recommendation", () => {
  it("is refused without a horizon or a priority: message by the field, nothing written, text kept", async () => {
    const before = await rowsOf("kf-09");
    for (const missing of ["horizon", "priority"] as const) {
      const { [missing]: _dropped, ...form } = GOOD;
      const outcome = await post("peer@demo.test", "kf-09", form);
      expect(outcome.status).toBe(400);
      const failure = readResult(outcome.data as FormResult);
      expect(failure.errors[missing]).toEqual([`conclusions:errors.${missing}Required`]);
      expect(failure.values.text).toBe(GOOD.text);
      expect(failure.values.responsibleService).toBe("Mission égalité");
    }
    const offScale = await post("peer@demo.test", "kf-09", { ...GOOD, priority: "urgent", horizon: "someday" });
    expect(offScale.status).toBe(400);
    expect(Object.keys(readResult(offScale.data as FormResult).errors).sort()).toEqual(["horizon", "priority"]);
    expect(await rowsOf("kf-09")).toEqual(before);
  });

  it("refuses an example the factor does not have, and an empty text", async () => {
    const before = await rowsOf("kf-09");
    const example = await post("peer@demo.test", "kf-09", { ...GOOD, exampleIndex: "7" });
    expect(example.status).toBe(400);
    expect(readResult(example.data as FormResult).errors.exampleIndex).toEqual(["conclusions:errors.exampleUnknown"]);
    expect(readResult(example.data as FormResult).values.text).toBe(GOOD.text);
    const empty = await post("peer@demo.test", "kf-09", { ...GOOD, text: "   " });
    expect(empty.status).toBe(400);
    expect(readResult(empty.data as FormResult).errors.text).toEqual(["errors.required"]);
    expect(await rowsOf("kf-09")).toEqual(before);
  });

  it("appends it at the end of the factor's list, with an audit entry", async () => {
    const before = await rowsOf("kf-09");
    const outcome = await post("peer@demo.test", "kf-09", GOOD);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/reviews/${DEMO_REVIEW_ID}/conclusions/kf-09?done=add-recommendation#recommendations`);
    const after = await rowsOf("kf-09");
    expect(after).toHaveLength(before.length + 1);
    const added = after.at(-1)!;
    expect(added).toMatchObject({
      text: GOOD.text,
      priority: "high",
      horizon: "quick-win",
      responsibleService: "Mission égalité",
      exampleIndex: 1,
      createdBy: "demo-peer",
    });
    expect(added.position).toBeGreaterThan(before.at(-1)!.position);
    expect(await lastAudit()).toMatchObject({ action: "create", entity: "recommendation", entityId: added.id, userId: "demo-peer" });
  });

  it("is refused on an agreed factor (409), the text kept", async () => {
    // Factor 1 is agreed in the demo seed.
    const before = await rowsOf("kf-01");
    const outcome = await post("peer@demo.test", "kf-01", GOOD);
    expect(outcome.status).toBe(409);
    expect(readResult(outcome.data as FormResult).formError).toBe("conclusions:errors.agreedLocked");
    expect(readResult(outcome.data as FormResult).values.text).toBe(GOOD.text);
    expect(await rowsOf("kf-01")).toEqual(before);
  });

  it("is refused to the host team (403) and after issue (409)", async () => {
    expect((await post("host@demo.test", "kf-09", GOOD)).status).toBe(403);
    await setPhase("issued");
    const late = await post("lead@demo.test", "kf-09", GOOD);
    expect(late.status).toBe(409);
    expect(readResult(late.data as FormResult).values.text).toBe(GOOD.text);
  });
});

describe("ordering", () => {
  it("moves a recommendation up and down within its factor", async () => {
    // The seed gives factor 9 two recommendations; a third makes a move down and up visible.
    await post("peer@demo.test", "kf-09", GOOD);
    const ids = async () => (await rowsOf("kf-09")).map((row) => row.id);
    const [first, second, third] = await ids();
    expect(third).toBeDefined();

    const up = await post("peer@demo.test", "kf-09", { intent: "move-recommendation", recommendationId: third!, direction: "up" });
    expect(up.status).toBe(200);
    expect(up.data).toEqual({ ok: true, intent: "move-recommendation", moved: true });
    expect(await ids()).toEqual([first, third, second]);
    expect(await lastAudit()).toMatchObject({ action: "move", entity: "recommendation", entityId: third });

    await post("peer@demo.test", "kf-09", { intent: "move-recommendation", recommendationId: first!, direction: "down" });
    expect(await ids()).toEqual([third, first, second]);

    // Already first: nothing moves and nothing is recorded.
    const auditBefore = (await lastAudit())!.id;
    const none = await moveRecommendation({ reviewId: DEMO_REVIEW_ID, factorId: "kf-09", recommendationId: third!, userId: "demo-peer", direction: "up" });
    expect(none).toEqual({ moved: false });
    expect(await ids()).toEqual([third, first, second]);
    expect((await lastAudit())!.id).toBe(auditBefore);

    // The list the page shows follows the same order.
    expect((await listRecommendations({ reviewId: DEMO_REVIEW_ID, factorId: "kf-09" })).map((row) => row.id)).toEqual([third, first, second]);
  });

  it("does not move a recommendation of another factor through this page", async () => {
    const other = (await rowsOf("kf-06"))[0]!;
    const outcome = await post("peer@demo.test", "kf-09", { intent: "move-recommendation", recommendationId: other.id, direction: "down" });
    expect(outcome.status).toBe(404);
    expect((await rowsOf("kf-06"))[0]).toEqual(other);
  });
});

describe("editing and deleting", () => {
  it("saves an edit made on the current version and refuses a stale one with both versions", async () => {
    const [target] = await listRecommendations({ reviewId: DEMO_REVIEW_ID, factorId: "kf-06" });
    const form = {
      intent: "update-recommendation",
      recommendationId: target!.id,
      token: String(target!.token),
      text: "Former les jurys avant la campagne de septembre.",
      priority: "medium",
      horizon: "quick-win",
      responsibleService: "Direction des ressources humaines",
      exampleIndex: "",
    };
    const saved = await post("peer2@demo.test", "kf-06", form);
    expect(saved.status).toBe(302);
    expect((await rowsOf("kf-06")).find((row) => row.id === target!.id)).toMatchObject({ text: form.text, priority: "medium", exampleIndex: null });
    expect(await lastAudit()).toMatchObject({ action: "update", entity: "recommendation", entityId: target!.id, userId: "demo-peer2" });

    const stale = await post("peer@demo.test", "kf-06", { ...form, text: "Ma version, partie d'un état plus ancien" });
    expect(stale.status).toBe(409);
    const failure = readResult(stale.data as FormResult);
    expect(failure.values.text).toBe("Ma version, partie d'un état plus ancien");
    expect(failure.conflict).toMatchObject({ text: form.text, priority: "medium" });
    expect((await rowsOf("kf-06")).find((row) => row.id === target!.id)!.text).toBe(form.text);

    const missing = await post("peer@demo.test", "kf-06", { ...form, token: String((failure.conflict as { token: number }).token), horizon: "" });
    expect(missing.status).toBe(400);
    expect(readResult(missing.data as FormResult).errors.horizon).toEqual(["conclusions:errors.horizonRequired"]);
  });

  it("deletes with an audit entry keeping what was deleted", async () => {
    const [target] = await rowsOf("kf-06");
    const outcome = await post("peer@demo.test", "kf-06", { intent: "delete-recommendation", recommendationId: target!.id });
    expect(outcome.status).toBe(302);
    expect((await rowsOf("kf-06")).map((row) => row.id)).not.toContain(target!.id);
    const audit = (await lastAudit())!;
    expect(audit).toMatchObject({ action: "delete", entity: "recommendation", entityId: target!.id });
    expect(audit.before).toMatchObject({ text: target!.text, factorId: "kf-06" });
  });
});

describe("the development plan", () => {
  it("puts quick wins first and filters by factor, priority and service", async () => {
    const plan = await listPlan({ reviewId: DEMO_REVIEW_ID, frameworkId: "eurocities-anti-discrimination", locale: "fr" });
    const firstLongTerm = plan.findIndex((row) => row.horizon === "long-term");
    expect(firstLongTerm).toBeGreaterThan(0);
    expect(plan.slice(firstLongTerm).every((row) => row.horizon === "long-term")).toBe(true);
    expect(plan.find((row) => row.id === "demo-rec-01-1")).toMatchObject({ factorNumber: 1, factorTitle: "L'engagement public", inspiration: "Gand" });

    const view = parseTableState(new URLSearchParams("factor=kf-02&priority=high"), PLAN_TABLE);
    expect(filterPlan(plan, view).map((row) => row.id)).toEqual(["demo-rec-02-1", "demo-rec-02-2"]);
    const search = parseTableState(new URLSearchParams("q=egalite"), PLAN_TABLE);
    expect(filterPlan(plan, search).length).toBeGreaterThan(0);
    expect(filterPlan(plan, search).every((row) => /égalité/i.test(`${row.text} ${row.responsibleService} ${row.factorTitle}`))).toBe(true);
  });

  it("exports the same view as CSV, UTF-8 with a byte order mark", async () => {
    const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/plan.csv?service=${encodeURIComponent("Direction de la commande publique")}&lang=fr`, {
      cookie: await cookieFor("peer@demo.test"),
    });
    const response = (await planCsvLoader({ request, params: { reviewId: DEMO_REVIEW_ID }, context: {} })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines: string[][] = parse(new TextDecoder().decode(bytes), { record_delimiter: "\r\n", delimiter: ";" });
    expect(lines[0]!.slice(0, 9).join(",")).toBe("Facteur,Facteur clé,Ordre,Recommandation,Priorité,Horizon,Service suggéré,Inspiration,État");
    // Then the living plan's columns (issue 20).
    expect(lines[0]!.slice(9, 14).join(",")).toBe("Porteur,Type de porteur,Axe,Début,Échéance");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Bénéfice rapide");
    expect(lines[2]).toContain("Long terme");
    expect(lines[2]).toContain("Stockholm");
  });

  it("shows host readers only the recommendations of agreed factors", async () => {
    await setPhase("issued");
    const outcome = await run(planLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/plan`, { cookie: await cookieFor("reader@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    const rows = (outcome.data as { rows: { factorId: string; state: string }[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.state === "agreed")).toBe(true);
    expect(rows.some((row) => row.factorId === "kf-06")).toBe(false);
  });
});
