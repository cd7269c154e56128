import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { action as factorAction, loader as factorLoader } from "#app/routes/reviews.$reviewId.self-assessment.$factorId/route";
import { action as conclusionAction } from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import { asyncDb } from "#app/utils/db.server";
import { selfAssessmentAnswers, sessions } from "#db/schema";
import { cookieFor, makeRequest, run, loadDemoReview } from "../utils";

beforeEach(loadDemoReview);

/** What a page's script sends (a background save, a form Remix posts): the browser says it is not a page load. */
const FROM_SCRIPT = { "Sec-Fetch-Mode": "cors" };
const FROM_PAGE_LOAD = { "Sec-Fetch-Mode": "navigate" };

async function endedSession(email: "host@demo.test" | "peer@demo.test") {
  const cookie = await cookieFor(email);
  await asyncDb.delete(sessions).run();
  return cookie;
}

const answer = { intent: "answer", questionId: "kf-05-q1", text: "Typed while the session ended.", version: "0" };

describe("a session that ended while the member typed", () => {
  it("answers a save sent by the page's script with 401, not a redirect that would lose the text", async () => {
    const cookie = await endedSession("host@demo.test");
    const outcome = await run(factorAction, makeRequest("/reviews/demo/self-assessment/kf-05", { cookie, form: answer, headers: FROM_SCRIPT }), {
      reviewId: "demo",
      factorId: "kf-05",
    });
    expect(outcome.status).toBe(401);
    expect(outcome.location).toBeNull();
    expect(outcome.data).toMatchObject({ signedOut: true });
  });

  it("answers 401 to the data of a client-side navigation and to other forms' saves too", async () => {
    const cookie = await endedSession("peer@demo.test");
    const load = await run(factorLoader, makeRequest("/reviews/demo/self-assessment/kf-05", { cookie, headers: FROM_SCRIPT }), {
      reviewId: "demo",
      factorId: "kf-05",
    });
    expect(load.status).toBe(401);
    const save = await run(
      conclusionAction,
      makeRequest("/reviews/demo/conclusions/kf-06", { cookie, form: { intent: "comment", text: "Un commentaire." }, headers: FROM_SCRIPT }),
      { reviewId: "demo", factorId: "kf-06" },
    );
    expect(save.status).toBe(401);
  });

  it("still sends a page load, or a form posted without the page's script, to the sign-in page and back", async () => {
    const cookie = await endedSession("host@demo.test");
    for (const headers of [FROM_PAGE_LOAD, {}]) {
      const outcome = await run(factorAction, makeRequest("/reviews/demo/self-assessment/kf-05", { cookie, form: answer, headers }), {
        reviewId: "demo",
        factorId: "kf-05",
      });
      expect(outcome.status).toBe(302);
      expect(outcome.location).toBe("/login?redirectTo=%2Freviews%2Fdemo%2Fself-assessment%2Fkf-05");
    }
  });

  it("saves nothing on a 401", async () => {
    const cookie = await endedSession("host@demo.test");
    await run(factorAction, makeRequest("/reviews/demo/self-assessment/kf-05", { cookie, form: answer, headers: FROM_SCRIPT }), {
      reviewId: "demo",
      factorId: "kf-05",
    });
    const row = await asyncDb.select().from(selfAssessmentAnswers).where(eq(selfAssessmentAnswers.questionId, "kf-05-q1")).get();
    expect(row?.text ?? "").not.toContain("Typed while the session ended.");
  });
});
