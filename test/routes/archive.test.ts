import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as home from "#app/routes/reviews.$reviewId._index";
import * as factor from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import { asyncDb } from "#app/utils/db.server";
import { reviews } from "#db/schema";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../utils";

/* An archived review is read-only: every write is refused with one clear message, reading goes on. */

beforeEach(loadDemoReview);

describe("an archived review", () => {
  it("refuses writes with 409 and the archive message, and still lets its members read", async () => {
    await setPhase("drafting");
    await asyncDb.update(reviews).set({ archivedAt: new Date() }).where(eq(reviews.id, DEMO_REVIEW_ID)).run();
    const lead = await cookieFor("lead@demo.test");
    const moved = await run(home.action, makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie: lead, form: { intent: "move-phase", to: "factual-check" } }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(moved.status).toBe(409);
    expect(moved.data).toMatchObject({ message: "reviews:archive.readOnly" });
    const saved = await run(
      factor.action,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/kf-01`, {
        cookie: await cookieFor("peer@demo.test"),
        form: { intent: "save-conclusion", version: "1" },
      }),
      { reviewId: DEMO_REVIEW_ID, factorId: "kf-01" },
    );
    expect(saved.status).toBe(409);
    expect((await asyncDb.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!.phase).toBe("drafting");
    const page = await run(home.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie: lead }), { reviewId: DEMO_REVIEW_ID });
    expect(page.status).toBe(200);
    expect((page.data as { canMovePhase: boolean }).canMovePhase).toBe(false);
  });
});
