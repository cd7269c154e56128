import { beforeEach, describe, expect, it } from "vitest";
import { action as invitationAction } from "#app/routes/invitations.$token";
import { action as homeAction } from "#app/routes/reviews.$reviewId._index";
import { action as settingsAction } from "#app/routes/reviews.$reviewId_.settings";
import { action as newReviewAction } from "#app/routes/reviews.new";
import { action as documentsAction } from "#app/routes/reviews.$reviewId.documents._index/route";
import { action as overviewAction } from "#app/routes/reviews.$reviewId.self-assessment._index";
import { readResult, type FormResult } from "#app/utils/forms";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, inviteNina } from "../utils";

/*
 * Each form that moved to the one form convention (docs/decisions/0009-one-form-convention.md):
 * a refused submit answers 400 with the message beside its field and gives back what was typed.
 */

beforeEach(loadDemoReview);

const result = (data: unknown) => readResult(data as FormResult);

describe("a refused submit keeps what was typed", () => {
  it("on /invitations/$token: the name and language stay, the passwords do not travel back", async () => {
    const token = await inviteNina();
    const outcome = await run(
      invitationAction,
      makeRequest(`/invitations/${token}`, {
        form: { name: "Nina Berg", locale: "fr", password: "copper kettle under the bridge", confirm: "copper kettle under a bridge" },
      }),
      { token },
    );
    expect(outcome.status).toBe(400);
    expect(result(outcome.data)).toEqual({
      errors: { confirm: ["auth:invitation.mismatch"] },
      formError: "errors.fixBelow",
      values: { name: "Nina Berg", locale: "fr", password: "", confirm: "" },
      conflict: undefined,
      phaseClosed: null,
    });
  });

  it("on /reviews/new: every field as typed, the messages beside the wrong ones", async () => {
    const form = {
      hostCity: "Valmer",
      country: "",
      frameworkId: "eurocities-anti-discrimination",
      kind: "peer-review",
      visitStart: "2026-05-12",
      visitEnd: "2026-05-14",
      reportLocale: "fr",
      timeZone: "Europe/Lisbon",
      leadEmail: "lead at valmer",
    };
    const outcome = await run(newReviewAction, makeRequest("/reviews/new", { cookie: await cookieFor("admin@demo.test"), form }));
    expect(outcome.status).toBe(400);
    const { country: _empty, ...typed } = form;
    expect(result(outcome.data)).toMatchObject({
      formError: "errors.fixBelow",
      errors: { country: ["errors.required"], leadEmail: ["errors.invalidEmail"] },
      values: typed,
    });
    expect(Object.keys(result(outcome.data).errors).sort()).toEqual(["country", "leadEmail"]);
  });

  it("on the review home, the reason typed for a move back; on the settings, the zone typed", async () => {
    await setPhase("drafting");
    const cookie = await cookieFor("lead@demo.test");
    const params = { reviewId: DEMO_REVIEW_ID };
    const back = await run(
      homeAction,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie, form: { intent: "move-phase", to: "issued", reason: "We skip ahead." } }),
      params,
    );
    expect(back.status).toBe(409);
    expect(result(back.data)).toMatchObject({ formError: expect.stringMatching(/^reviews:phaseErrors\./), values: { to: "issued", reason: "We skip ahead." } });
    // The zone is typed on the review's settings page (the home links there).
    const zone = await run(
      settingsAction,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/settings`, {
        cookie,
        form: { intent: "update", hostCity: "Belleforge", country: "France", timeZone: "Brussels", reportLocales: ["fr"], reportLocale: "fr" },
      }),
      params,
    );
    expect(zone.status).toBe(400);
    expect(result(zone.data)).toMatchObject({ errors: { timeZone: ["errors.invalidTimeZone"] }, values: { intent: "update", timeZone: "Brussels" } });
  });

  it("on the self-assessment overview: a submit the phase no longer allows says why above the button", async () => {
    const cookie = await cookieFor("host@demo.test");
    const params = { reviewId: DEMO_REVIEW_ID };
    const url = `/reviews/${DEMO_REVIEW_ID}/self-assessment`;
    const unknown = await run(overviewAction, makeRequest(url, { cookie, form: { intent: "publish" } }), params);
    expect(unknown.status).toBe(400);
    expect(result(unknown.data)).toMatchObject({ formError: "errors.badRequest", values: { intent: "publish" } });
    await setPhase("drafting");
    const late = await run(overviewAction, makeRequest(url, { cookie, form: { intent: "submit" } }), params);
    expect(late.status).toBe(409);
    expect(result(late.data)).toMatchObject({
      formError: 'selfAssessment:overview.submitClosed|{"phase":"drafting"}',
      phaseClosed: "drafting",
      values: { intent: "submit" },
    });
  });

  it("on the documents page: every field as typed, one ticked box still a list", async () => {
    await setPhase("self-assessment");
    const form = {
      intent: "create",
      title: "Rapport annuel",
      type: "annual-report",
      date: "2025-13-01",
      author: "Ville",
      url: "https://example.org/r",
      questions: ["kf-01-q1"],
    };
    const outcome = await run(documentsAction, makeRequest(`/reviews/${DEMO_REVIEW_ID}/documents`, { cookie: await cookieFor("host@demo.test"), form }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(outcome.status).toBe(400);
    expect(result(outcome.data)).toMatchObject({ formError: "errors.fixBelow", errors: { date: ["errors.invalidDate"] }, values: { ...form, factors: [] } });
    expect(Object.keys(result(outcome.data).errors)).toEqual(["date"]);
  });
});
