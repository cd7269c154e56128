import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as city from "#app/routes/cities.$cityId";
import * as overview from "#app/routes/reviews.$reviewId._index";
import { errorsOf, submittedValue, type FormResult } from "#app/utils/forms";
import { asyncDb } from "#app/utils/db.server";
import { auditLog, cities, reviews } from "#db/schema";
import { DEMO_CITY_ID, DEMO_PREVIOUS_REVIEW_ID } from "#db/seed/index";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, type DemoEmail } from "../utils";

/*
 * The administrator corrects a city's record on /cities/$cityId (issue 20): name, country, time
 * zone and languages, for all the city's reviews at once; bad input is refused next to its field
 * with what was typed kept and nothing written; the change is audited on every review of the city.
 */
const params = { cityId: DEMO_CITY_ID };
const path = `/cities/${DEMO_CITY_ID}`;

async function post(email: DemoEmail, form: Record<string, string | string[]>) {
  return run(city.action, makeRequest(path, { cookie: await cookieFor(email), form }), params);
}

const cityRow = async () => (await asyncDb.select().from(cities).where(eq(cities.id, DEMO_CITY_ID)).get())!;
const namesOfReviews = () =>
  asyncDb
    .select({ id: reviews.id, hostCity: reviews.hostCity, country: reviews.country, timeZone: reviews.timeZone })
    .from(reviews)
    .where(eq(reviews.cityId, DEMO_CITY_ID))
    .all();
const cityAudit = () =>
  asyncDb
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "city"), eq(auditLog.entityId, DEMO_CITY_ID)))
    .all();

beforeEach(async () => {
  await loadDemoReview();
});

describe("the city's record", () => {
  it("is offered to the administrator only, with the time zones to choose from", async () => {
    const admin = await run(city.loader, makeRequest(path, { cookie: await cookieFor("admin@demo.test") }), params);
    expect((admin.data as { timeZones: string[] | null }).timeZones).toContain("Europe/Paris");
    const lead = await run(city.loader, makeRequest(path, { cookie: await cookieFor("lead@demo.test") }), params);
    expect((lead.data as { timeZones: string[] | null }).timeZones).toBeNull();
  });

  it("renames the city for every one of its reviews, in one change audited on each", async () => {
    const before = await namesOfReviews();
    expect(before.map((review) => review.id)).toEqual(expect.arrayContaining([DEMO_REVIEW_ID, DEMO_PREVIOUS_REVIEW_ID]));
    const outcome = await post("admin@demo.test", { name: "  Belleforge-sur-Loire ", country: "France", timeZone: "europe/brussels", languages: ["fr"] });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`${path}?saved=city`);
    expect(await cityRow()).toMatchObject({ name: "Belleforge-sur-Loire", country: "France", timeZone: "Europe/Brussels", languages: ["fr"] });
    // Every review of the city shows the new name; each keeps its own time zone.
    for (const review of await namesOfReviews()) {
      expect(review).toMatchObject({ hostCity: "Belleforge-sur-Loire", country: "France" });
      expect(review.timeZone).toBe(before.find((old) => old.id === review.id)!.timeZone);
    }
    const home = await run(overview.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie: await cookieFor("reader@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(JSON.stringify(home.data)).toContain("Belleforge-sur-Loire");
    expect(JSON.stringify(home.data)).not.toMatch(/"Belleforge"/);
    const page = await run(city.loader, makeRequest(path, { cookie: await cookieFor("lead@demo.test") }), params);
    expect((page.data as { city: { name: string } }).city.name).toBe("Belleforge-sur-Loire");
    // Audited on each review, with what it was and what it became.
    const audit = await cityAudit();
    expect(audit.map((entry) => entry.reviewId).sort()).toEqual(before.map((review) => review.id).sort());
    expect(audit[0]).toMatchObject({
      userId: "demo-admin",
      action: "update",
      before: { name: "Belleforge", country: "France", timeZone: "Europe/Paris", languages: ["fr", "en"] },
      after: { name: "Belleforge-sur-Loire", country: "France", timeZone: "Europe/Brussels", languages: ["fr"] },
    });
  });

  it("refuses an empty name, an unknown time zone and no language next to each field, keeps what was typed and writes nothing", async () => {
    const outcome = await post("admin@demo.test", { name: " ", country: "Belgique", timeZone: "Mars/Olympus_Mons" });
    expect(outcome.status).toBe(400);
    const result = outcome.data as FormResult;
    expect(errorsOf(result, "name")).toEqual(["errors.required"]);
    expect(errorsOf(result, "timeZone")).toEqual(["errors.invalidTimeZone"]);
    expect(errorsOf(result, "languages")).toEqual(["cycles:city.edit.pickLanguage"]);
    expect(submittedValue(result, "country")).toBe("Belgique");
    expect(submittedValue(result, "timeZone")).toBe("Mars/Olympus_Mons");
    expect(await cityRow()).toMatchObject({ name: "Belleforge", country: "France", timeZone: "Europe/Paris" });
    expect((await namesOfReviews()).every((review) => review.hostCity === "Belleforge" && review.country === "France")).toBe(true);
    expect(await cityAudit()).toEqual([]);
  });

  it("refuses the name and country of another city on the name field, nothing written", async () => {
    await asyncDb
      .insert(cities)
      .values({ id: "other-city", name: "Valmont", country: "France", timeZone: "Europe/Paris", languages: ["fr"] })
      .run();
    const outcome = await post("admin@demo.test", { name: "Valmont", country: "France", timeZone: "Europe/Paris", languages: ["fr", "en"] });
    expect(outcome.status).toBe(409);
    expect(errorsOf(outcome.data as FormResult, "name")).toEqual(["cycles:city.edit.taken"]);
    expect(submittedValue(outcome.data as FormResult, "name")).toBe("Valmont");
    expect((await cityRow()).name).toBe("Belleforge");
    expect((await namesOfReviews()).every((review) => review.hostCity === "Belleforge")).toBe(true);
    expect(await cityAudit()).toEqual([]);
  });

  it("is refused to the lead and to the city's other members, nothing written", async () => {
    for (const email of ["lead@demo.test", "host@demo.test", "reader@demo.test"] as const) {
      const outcome = await post(email, { name: "Ailleurs", country: "France", timeZone: "Europe/Paris", languages: ["fr"] });
      expect(outcome.status, email).toBe(403);
    }
    expect((await cityRow()).name).toBe("Belleforge");
    expect(await cityAudit()).toEqual([]);
  });
});
