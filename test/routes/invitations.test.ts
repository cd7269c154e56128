import { beforeEach, describe, expect, it } from "vitest";
import { action as acceptAction, loader as invitationLoader } from "#app/routes/invitations.$token";
import { action as membersAction } from "#app/routes/reviews.$reviewId.members";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview } from "../utils";

beforeEach(loadDemoReview);

const invite = async (email: string) =>
  run(
    membersAction,
    makeRequest(`/reviews/demo/members`, {
      cookie: await cookieFor("lead@demo.test"),
      form: { intent: "invite", email, role: "peer-reviewer", affiliation: "" },
    }),
    { reviewId: DEMO_REVIEW_ID },
  );

/** The lead's answer with the parts that differ by address (the address itself, the token) blanked. */
function shape(data: unknown, email: string) {
  return JSON.parse(
    JSON.stringify(data)
      .replaceAll(email, "EMAIL")
      .replace(/\/invitations\/[A-Za-z0-9_-]+/, "/invitations/TOKEN"),
  );
}

describe("inviting an address", () => {
  it("answers the lead the same way whether or not the address has an account", async () => {
    const existing = await invite("outsider@demo.test");
    const fresh = await invite("nobody.yet@example.org");
    expect(existing.status).toBe(fresh.status);
    expect(shape(existing.data, "outsider@demo.test")).toEqual(shape(fresh.data, "nobody.yet@example.org"));
  });

  it("lets the owner of the existing account accept only when signed in as that account", async () => {
    const outcome = await invite("admin@demo.test");
    const token = (outcome.data as { notice: { link: string } }).notice.link.split("/invitations/")[1]!;
    const page = (cookie?: string) => run(invitationLoader, makeRequest(`/invitations/${token}`, { cookie }), { token });
    expect((await page()).data).toMatchObject({ state: "valid", account: "signed-out" });
    expect((await page(await cookieFor("peer@demo.test"))).data).toMatchObject({ account: "other-account" });
    expect((await page(await cookieFor("admin@demo.test"))).data).toMatchObject({ account: "signed-in" });
    // Creating a second account for the address is refused.
    const create = await run(
      acceptAction,
      makeRequest(`/invitations/${token}`, {
        form: { name: "Someone", locale: "en", password: "copper kettle under the bridge", confirm: "copper kettle under the bridge" },
      }),
      { token },
    );
    expect(create.status).toBe(410);
    const joined = await run(acceptAction, makeRequest(`/invitations/${token}`, { cookie: await cookieFor("admin@demo.test"), form: { intent: "join" } }), {
      token,
    });
    expect(joined.location).toBe("/reviews/demo");
    const again = await run(acceptAction, makeRequest(`/invitations/${token}`, { cookie: await cookieFor("admin@demo.test"), form: { intent: "join" } }), {
      token,
    });
    expect(again.status).toBe(410);
  });
});
