import { beforeEach, describe, expect, it } from "vitest";
import { readResult, type FormResult } from "#app/utils/forms";
import { and, count, eq } from "drizzle-orm";
import { action as homeAction } from "#app/routes/reviews.$reviewId._index";
import { action as membersAction, loader as membersLoader } from "#app/routes/reviews.$reviewId.members";
import { action as acceptAction, loader as invitationLoader } from "#app/routes/invitations.$token";
import { action as newReviewAction } from "#app/routes/reviews.new";
import { acceptInvitation, getInvitation, hashToken, inviteMember } from "#app/models/invitation.server";
import { movePhase } from "#app/models/review.server";
import { auditLog, invitations, reviewMembers, reviews, users } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../utils";

const params = { reviewId: DEMO_REVIEW_ID };

async function auditCount() {
  return (await asyncDb.select({ n: count() }).from(auditLog).get())!.n;
}

beforeEach(loadDemoReview);

describe("invitations", () => {
  it("create a single-use link that makes an account and a membership", async () => {
    const lead = await cookieFor("lead@demo.test");
    const outcome = await run(
      membersAction,
      makeRequest(`/reviews/demo/members`, {
        cookie: lead,
        form: { intent: "invite", email: "New.Peer@Example.org", role: "peer-reviewer", affiliation: "City of Gent" },
      }),
      params,
    );
    expect(outcome.status).toBe(200);
    const notice = (outcome.data as { notice: { kind: string; link: string } }).notice;
    expect(notice.kind).toBe("invited");
    const token = notice.link.split("/invitations/")[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    expect(await asyncDb.select().from(invitations).where(eq(invitations.tokenHash, token)).get()).toBeUndefined();
    expect(
      (
        await asyncDb
          .select()
          .from(invitations)
          .where(eq(invitations.tokenHash, hashToken(token)))
          .get()
      )?.email,
    ).toBe("new.peer@example.org");

    const page = await run(invitationLoader, makeRequest(`/invitations/${token}`), { token });
    expect(page.data).toMatchObject({ state: "valid", invitation: { email: "new.peer@example.org", role: "peer-reviewer", hostCity: "Belleforge" } });

    const short = await run(
      acceptAction,
      makeRequest(`/invitations/${token}`, { form: { name: "Nina Peer", locale: "fr", password: "short", confirm: "short" } }),
      { token },
    );
    expect(short.status).toBe(400);
    expect(readResult(short.data as FormResult)).toMatchObject({
      errors: { password: ["auth:invitation.passwordTooShort"] },
      values: { name: "Nina Peer", password: "" },
    });

    const accepted = await run(
      acceptAction,
      makeRequest(`/invitations/${token}`, {
        form: { name: "Nina Peer", locale: "fr", password: "a long enough password", confirm: "a long enough password" },
      }),
      { token },
    );
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/reviews/demo");
    expect(accepted.headers.get("Set-Cookie")).toMatch(/__workbench_session=/);
    const user = (await asyncDb.select().from(users).where(eq(users.email, "new.peer@example.org")).get())!;
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const member = await asyncDb
      .select()
      .from(reviewMembers)
      .where(and(eq(reviewMembers.userId, user.id), eq(reviewMembers.reviewId, "demo")))
      .get();
    expect(member).toMatchObject({ role: "peer-reviewer", affiliation: "City of Gent" });

    const again = await run(
      acceptAction,
      makeRequest(`/invitations/${token}`, { form: { name: "X", locale: "en", password: "another long password", confirm: "another long password" } }),
      { token },
    );
    expect(again.status).toBe(410);
    expect(readResult(again.data as FormResult)).toMatchObject({ formError: "auth:invitation.used" });
  });

  it("tell unknown and expired links apart, and write nothing", async () => {
    expect((await getInvitation({ token: "nope" })).status).toBe("unknown");
    const created = await inviteMember({ reviewId: DEMO_REVIEW_ID, email: "late@example.org", role: "host-team", affiliation: "", invitedBy: "demo-lead" });
    if (created.status !== "invited") throw new Error("expected an invitation");
    const later = new Date(Date.now() + 15 * 24 * 60 * 60 * 1000);
    expect((await getInvitation({ token: created.token, now: later })).status).toBe("expired");
    await asyncDb
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.tokenHash, hashToken(created.token)))
      .run();
    const before = (await asyncDb.select().from(users).all()).length;
    expect((await acceptInvitation({ token: created.token, name: "Late", locale: "en", password: "long enough password" })).status).toBe("expired");
    expect((await asyncDb.select().from(users).all()).length).toBe(before);
  });

  it("invite an existing account to accept, rather than adding it, and refuse a second membership", async () => {
    const lead = await cookieFor("lead@demo.test");
    const invited = await run(
      membersAction,
      makeRequest(`/reviews/demo/members`, { cookie: lead, form: { intent: "invite", email: "outsider@demo.test", role: "host-reader" } }),
      params,
    );
    expect(invited.data).toMatchObject({ notice: { kind: "invited" } });
    const isMember = async () =>
      Boolean(
        await asyncDb
          .select()
          .from(reviewMembers)
          .where(and(eq(reviewMembers.reviewId, DEMO_REVIEW_ID), eq(reviewMembers.userId, "demo-outsider")))
          .get(),
      );
    expect(await isMember()).toBe(false);
    const token = (invited.data as { notice: { link: string } }).notice.link.split("/invitations/")[1]!;
    const join = (cookie?: string) => run(acceptAction, makeRequest(`/invitations/${token}`, { cookie, form: { intent: "join" } }), { token });
    expect((await join()).location).toBe(`/login?redirectTo=%2Finvitations%2F${token}`);
    expect((await join(await cookieFor("peer@demo.test"))).status).toBe(403);
    expect(await isMember()).toBe(false);
    const joined = await join(await cookieFor("outsider@demo.test"));
    expect(joined.location).toBe("/reviews/demo");
    expect(await isMember()).toBe(true);
    const twice = await run(
      membersAction,
      makeRequest(`/reviews/demo/members`, { cookie: lead, form: { intent: "invite", email: "outsider@demo.test", role: "host-reader" } }),
      params,
    );
    expect(twice.status).toBe(409);
    // The Team page's forms follow the form convention (decision 0009): the result is read as the page reads it.
    expect(readResult(twice.data as FormResult)).toMatchObject({
      errors: { email: ["reviews:members.alreadyMember"] },
      values: { email: "outsider@demo.test" },
    });
  });

  it("keep what was typed when the email is not an email", async () => {
    const lead = await cookieFor("lead@demo.test");
    const outcome = await run(
      membersAction,
      makeRequest(`/reviews/demo/members`, {
        cookie: lead,
        form: { intent: "invite", email: "not-an-email", role: "peer-reviewer", affiliation: "Ville de Lyon" },
      }),
      params,
    );
    expect(outcome.status).toBe(400);
    expect(readResult(outcome.data as FormResult)).toMatchObject({
      errors: { email: ["errors.invalidEmail"] },
      values: { email: "not-an-email", affiliation: "Ville de Lyon" },
    });
  });
});

describe("the team", () => {
  it("never loses its last lead expert", async () => {
    const lead = await cookieFor("lead@demo.test");
    const before = await auditCount();
    const removal = await run(membersAction, makeRequest(`/reviews/demo/members`, { cookie: lead, form: { intent: "remove", userId: "demo-lead" } }), params);
    expect(removal.status).toBe(409);
    const demotion = await run(
      membersAction,
      makeRequest(`/reviews/demo/members`, { cookie: lead, form: { intent: "change-role", userId: "demo-lead", role: "peer-reviewer" } }),
      params,
    );
    expect(demotion.status).toBe(409);
    expect(await auditCount()).toBe(before);
    expect((await asyncDb.select().from(reviewMembers).where(eq(reviewMembers.userId, "demo-lead")).get())?.role).toBe("lead-expert");
  });

  it("answers 404 for a forged member id", async () => {
    const lead = await cookieFor("lead@demo.test");
    const outcome = await run(membersAction, makeRequest(`/reviews/demo/members`, { cookie: lead, form: { intent: "remove", userId: "forged-id" } }), params);
    expect(outcome.status).toBe(404);
  });

  it("shows email addresses only to those who manage the team", async () => {
    const peer = await run(membersLoader, makeRequest(`/reviews/demo/members`, { cookie: await cookieFor("peer@demo.test") }), params);
    expect(JSON.stringify(peer.data)).not.toContain("@demo.test");
    const lead = await run(membersLoader, makeRequest(`/reviews/demo/members`, { cookie: await cookieFor("lead@demo.test") }), params);
    expect(JSON.stringify(lead.data)).toContain("host@demo.test");
  });
});

describe("phases", () => {
  it("move one step forward, and refuse a skip with 409 and nothing written", async () => {
    await setPhase("peer-visit");
    const lead = await cookieFor("lead@demo.test");
    const before = await auditCount();
    const skip = await run(homeAction, makeRequest(`/reviews/demo`, { cookie: lead, form: { to: "factual-check" } }), params);
    expect(skip.status).toBe(409);
    expect(await auditCount()).toBe(before);
    const forward = await run(homeAction, makeRequest(`/reviews/demo`, { cookie: lead, form: { to: "drafting" } }), params);
    expect(forward.status).toBe(302);
    expect((await asyncDb.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, "demo")).get())?.phase).toBe("drafting");
    const entry = await asyncDb.select().from(auditLog).where(eq(auditLog.action, "phase-forward")).get();
    expect(entry).toMatchObject({ before: { phase: "peer-visit" }, after: { phase: "drafting" }, userId: "demo-lead" });
  });

  it("go back only with a reason, which is recorded", async () => {
    await setPhase("drafting");
    const lead = await cookieFor("lead@demo.test");
    const missing = await run(homeAction, makeRequest(`/reviews/demo`, { cookie: lead, form: { to: "peer-visit", reason: "  " } }), params);
    expect(missing.status).toBe(400);
    expect(readResult(missing.data as FormResult)).toMatchObject({ errors: { reason: [expect.any(String)] } });
    const back = await run(
      homeAction,
      makeRequest(`/reviews/demo`, { cookie: lead, form: { to: "peer-visit", reason: "Two interviews were postponed." } }),
      params,
    );
    expect(back.status).toBe(302);
    const entry = await asyncDb.select().from(auditLog).where(eq(auditLog.action, "phase-back")).get();
    expect(entry?.after).toEqual({ phase: "peer-visit", reason: "Two interviews were postponed." });
  });

  it("are moved by the lead expert only", async () => {
    await setPhase("peer-visit");
    const peer = await run(homeAction, makeRequest(`/reviews/demo`, { cookie: await cookieFor("peer@demo.test"), form: { to: "drafting" } }), params);
    expect(peer.status).toBe(403);
  });

  it("skip the peer phases for an internal self-assessment", async () => {
    const admin = await cookieFor("admin@demo.test");
    const created = await run(
      newReviewAction,
      makeRequest("/reviews/new", {
        cookie: admin,
        form: {
          hostCity: "Valmer",
          country: "Belgique",
          frameworkId: "eurocities-anti-discrimination",
          kind: "self-assessment",
          reportLocale: "fr",
          leadEmail: "lead@demo.test",
          visitStart: "",
          visitEnd: "",
        },
      }),
    );
    const reviewId = (created.data as { reviewId: string }).reviewId;
    await expect(movePhase({ reviewId, to: "peer-visit", reason: "", userId: "demo-lead" })).rejects.toMatchObject({ init: { status: 400 } });
    const review = await asyncDb.select().from(reviews).where(eq(reviews.id, reviewId)).get();
    expect(review).toMatchObject({ kind: "self-assessment", phase: "self-assessment", frameworkVersion: "2012.1" });
  });
});

describe("creating a review", () => {
  it("is for the administrator, and explains bad dates next to the field", async () => {
    const form = {
      hostCity: "Valmer",
      country: "Belgique",
      frameworkId: "eurocities-anti-discrimination",
      kind: "peer-review",
      reportLocale: "en",
      leadEmail: "someone.new@example.org",
      visitStart: "2026-05-10",
      visitEnd: "2026-05-02",
    };
    const lead = await run(newReviewAction, makeRequest("/reviews/new", { cookie: await cookieFor("lead@demo.test"), form }));
    expect(lead.status).toBe(403);
    const admin = await cookieFor("admin@demo.test");
    const bad = await run(newReviewAction, makeRequest("/reviews/new", { cookie: admin, form }));
    expect(bad.status).toBe(400);
    expect(readResult(bad.data as FormResult)).toMatchObject({ errors: { visitEnd: ["reviews:new.visitOrder"] }, values: { hostCity: "Valmer" } });
    const notADate = await run(newReviewAction, makeRequest("/reviews/new", { cookie: admin, form: { ...form, visitStart: "2026-02-30", visitEnd: "" } }));
    expect(readResult(notADate.data as FormResult)).toMatchObject({ errors: { visitStart: ["errors.invalidDate"] } });
    const good = await run(newReviewAction, makeRequest("/reviews/new", { cookie: admin, form: { ...form, visitEnd: "2026-05-12" } }));
    expect(good.data).toMatchObject({ ok: true, invitationUrl: expect.stringMatching(/^http:\/\/localhost:3000\/invitations\//) });
  });
});
