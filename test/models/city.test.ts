import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getReviewCity } from "#app/models/city.server";
import { createReview, updateReviewSettings } from "#app/models/review.server";
import { cities, reviews } from "#db/schema";
import { DEMO_CITY_ID } from "#db/seed/index";
import { asyncDb } from "#app/utils/db.server";
import { DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, loadDemoReview } from "../utils";

beforeEach(async () => {
  await loadDemoReview();
});

const NEW_REVIEW = {
  frameworkId: "eurocities-anti-discrimination",
  kind: "peer-review" as const,
  visitStart: null,
  visitEnd: null,
  reportLocale: "en" as const,
  timeZone: "Europe/Dublin",
  leadEmail: "lead@demo.test",
};

describe("a review's city", () => {
  it("is the demo city for both demo reviews", async () => {
    expect(await getReviewCity({ reviewId: DEMO_REVIEW_ID })).toMatchObject({
      id: DEMO_CITY_ID,
      name: "Belleforge",
      country: "France",
      timeZone: "Europe/Paris",
    });
    expect((await getReviewCity({ reviewId: DEMO_ECCAR_REVIEW_ID }))?.id).toBe(DEMO_CITY_ID);
  });

  it("is found by name and country when a review is created, and made with the review's zone when new", async () => {
    const again = await createReview({ input: { ...NEW_REVIEW, hostCity: " Belleforge ", country: "France" }, createdBy: "demo-admin" });
    expect((await getReviewCity({ reviewId: again.id }))?.id).toBe(DEMO_CITY_ID);
    const other = await createReview({ input: { ...NEW_REVIEW, hostCity: "Eastport", country: "Ireland" }, createdBy: "demo-admin" });
    const city = await getReviewCity({ reviewId: other.id });
    expect(city).toMatchObject({ name: "Eastport", country: "Ireland", timeZone: "Europe/Dublin" });
    expect(await asyncDb.select().from(cities).all()).toHaveLength(2);
  });

  it("changes when the settings name another city; the city the other reviews share keeps its name", async () => {
    const review = (await asyncDb.select().from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!;
    await updateReviewSettings({
      reviewId: DEMO_REVIEW_ID,
      userId: "demo-lead",
      settings: { ...review, hostCity: "Belleforge-sur-Mer", country: "France" },
    });
    const moved = await getReviewCity({ reviewId: DEMO_REVIEW_ID });
    expect(moved).toMatchObject({ name: "Belleforge-sur-Mer", country: "France" });
    expect(moved?.id).not.toBe(DEMO_CITY_ID);
    expect((await asyncDb.select({ name: cities.name }).from(cities).where(eq(cities.id, DEMO_CITY_ID)).get())?.name).toBe("Belleforge");
    expect((await getReviewCity({ reviewId: DEMO_ECCAR_REVIEW_ID }))?.id).toBe(DEMO_CITY_ID);
    // Naming the old city again brings the review back to it.
    await updateReviewSettings({ reviewId: DEMO_REVIEW_ID, userId: "demo-lead", settings: { ...review, hostCity: "Belleforge", country: "France" } });
    expect((await getReviewCity({ reviewId: DEMO_REVIEW_ID }))?.id).toBe(DEMO_CITY_ID);
  });
});
