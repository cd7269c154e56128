import { beforeEach, describe, expect, it } from "vitest";
import { action as acceptAction, loader as invitationLoader } from "#app/routes/invitations.$token";
import { action as membersAction, loader as membersLoader } from "#app/routes/reviews.$reviewId.members";
import { listNotifications } from "#app/models/notification.server";
import { readResult, type FormResult } from "#app/utils/forms";
import { asyncDb } from "#app/utils/db.server";
import { invitations, reviewMembers } from "#db/schema";
import { eq } from "drizzle-orm";
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

describe("the Team page's invitations", () => {
  const lead = () => cookieFor("lead@demo.test");
  const post = async (form: Record<string, string>) =>
    run(membersAction, makeRequest(`/reviews/demo/members`, { cookie: await lead(), form }), { reviewId: DEMO_REVIEW_ID });
  const list = async (email: "lead@demo.test" | "peer@demo.test" = "lead@demo.test") =>
    (
      (await run(membersLoader, makeRequest(`/reviews/demo/members`, { cookie: await cookieFor(email) }), { reviewId: DEMO_REVIEW_ID })).data as {
        invitations: { id: string; email: string; role: string; state: string; link: string | null; expiresAt: Date }[];
      }
    ).invitations;
  const linkOf = (outcome: { data: unknown }) => (outcome.data as { notice: { link: string } }).notice.link;

  it("renews a pending invitation rather than making a second one", async () => {
    const first = await invite("nina@example.org");
    await asyncDb
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(invitations.email, "nina@example.org"))
      .run();
    const again = await post({ intent: "invite", email: "Nina@example.org", role: "host-team", affiliation: "Ville de Lyon" });
    expect(again.data).toMatchObject({ notice: { kind: "renewed", email: "Nina@example.org" } });
    expect(linkOf(again)).toBe(linkOf(first));
    const rows = await asyncDb.select().from(invitations).where(eq(invitations.email, "nina@example.org")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: "host-team", affiliation: "Ville de Lyon" });
    expect(rows[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 60 * 60 * 1000);
    expect((await list()).filter((row) => row.email === "nina@example.org")).toMatchObject([{ state: "pending", role: "host-team", link: linkOf(first) }]);
  });

  it("lists each invitation's state, with a link to copy while it is pending, and only to the lead", async () => {
    const pending = await invite("pending@example.org");
    await invite("expired@example.org");
    await asyncDb
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, "expired@example.org"))
      .run();
    await invite("revoked@example.org");
    const revokedId = (await asyncDb.select({ id: invitations.id }).from(invitations).where(eq(invitations.email, "revoked@example.org")).get())!.id;
    expect((await post({ intent: "revoke", invitationId: revokedId })).data).toMatchObject({ ok: true });
    const accepted = await invite("accepted@example.org");
    const acceptedToken = linkOf(accepted).split("/invitations/")[1]!;
    await run(
      acceptAction,
      makeRequest(`/invitations/${acceptedToken}`, {
        form: { name: "Ada", locale: "en", password: "copper kettle under the bridge", confirm: "copper kettle under the bridge" },
      }),
      { token: acceptedToken },
    );
    const states = Object.fromEntries((await list()).map((row) => [row.email, [row.state, row.link]]));
    expect(states).toMatchObject({
      "pending@example.org": ["pending", linkOf(pending)],
      "expired@example.org": ["expired", expect.stringContaining("/invitations/")],
      "revoked@example.org": ["revoked", null],
      "accepted@example.org": ["accepted", null],
    });
    expect(await list("peer@demo.test")).toEqual([]);
  });

  it("revokes: the link then says so, and a new invitation to the address is a new one", async () => {
    const made = await invite("gone@example.org");
    const token = linkOf(made).split("/invitations/")[1]!;
    const id = (await asyncDb.select({ id: invitations.id }).from(invitations).where(eq(invitations.email, "gone@example.org")).get())!.id;
    await post({ intent: "revoke", invitationId: id });
    const page = await run(invitationLoader, makeRequest(`/invitations/${token}`), { token });
    expect([page.status, page.data]).toMatchObject([410, { state: "revoked" }]);
    const twice = await post({ intent: "revoke", invitationId: id });
    expect([twice.status, readResult(twice.data as FormResult).errors]).toEqual([404, {}]);
    expect(readResult(twice.data as FormResult).formError).toBe("reviews:members.invitationClosed");
    const fresh = await invite("gone@example.org");
    expect(fresh.data).toMatchObject({ notice: { kind: "invited" } });
    expect(linkOf(fresh)).not.toBe(linkOf(made));
  });

  it("resends an expired invitation: 14 more days, and its link works again", async () => {
    const made = await invite("late@example.org");
    const token = linkOf(made).split("/invitations/")[1]!;
    await asyncDb
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, "late@example.org"))
      .run();
    expect((await run(invitationLoader, makeRequest(`/invitations/${token}`), { token })).status).toBe(410);
    const id = (await asyncDb.select({ id: invitations.id }).from(invitations).where(eq(invitations.email, "late@example.org")).get())!.id;
    const resent = await post({ intent: "resend", invitationId: id });
    expect(resent.data).toMatchObject({ notice: { kind: "resent", email: "late@example.org", link: linkOf(made) } });
    expect((await run(invitationLoader, makeRequest(`/invitations/${token}`), { token })).data).toMatchObject({ state: "valid" });
  });

  it("tells an existing account in the app, and does not add it", async () => {
    const made = await invite("outsider@demo.test");
    const token = linkOf(made).split("/invitations/")[1]!;
    const told = await listNotifications({ userId: "demo-outsider" });
    expect(told).toMatchObject([{ kind: "invitation", path: `/invitations/${token}`, params: { role: "peer-reviewer", by: "Lena Marchetti" } }]);
    expect(await asyncDb.select().from(reviewMembers).where(eq(reviewMembers.userId, "demo-outsider")).all()).toEqual([]);
  });

  it("keeps the last lead expert, saying so beside the role with the role chosen kept", async () => {
    const outcome = await post({ intent: "change-role", userId: "demo-lead", role: "peer-reviewer" });
    expect(outcome.status).toBe(409);
    expect(readResult(outcome.data as FormResult)).toMatchObject({
      errors: { role: ["errors.lastLead"] },
      values: { intent: "change-role", userId: "demo-lead", role: "peer-reviewer" },
    });
    expect(await asyncDb.select({ role: reviewMembers.role }).from(reviewMembers).where(eq(reviewMembers.userId, "demo-lead")).get()).toEqual({
      role: "lead-expert",
    });
  });
});
