import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { countUnreadNotifications, listNotifications, markNotificationsRead, notify } from "#app/models/notification.server";
import { action as notificationsAction, loader as notificationsLoader } from "#app/routes/notifications";
import { notifications, reviewMembers, users } from "#db/schema";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, BASE } from "../utils";
import { asyncDb, transaction } from "#app/utils/db.server";

// Each test counts the notifications it makes: the demo's own (the move to the peer visit) go first.
beforeEach(async () => {
  await loadDemoReview();
  await asyncDb.delete(notifications).run();
});

const ORIGIN = BASE;
const recipientsOf = async () =>
  (await asyncDb.select({ userId: notifications.userId, mailState: notifications.mailState }).from(notifications).all()).map((row) => row.userId).sort();

describe("notify", () => {
  it("tells every member of a phase change, the one who made it excepted", async () => {
    await setPhase("factual-check");
    const told = await transaction(
      asyncDb,
      async (tx) =>
        await notify(tx, {
          reviewId: DEMO_REVIEW_ID,
          kind: "phase-changed",
          params: { from: "drafting", to: "factual-check" },
          except: "demo-lead",
          origin: ORIGIN,
        }),
    );
    expect(told.sort()).toEqual(["demo-host", "demo-peer", "demo-peer2", "demo-reader"]);
    expect(await recipientsOf()).toEqual(["demo-host", "demo-peer", "demo-peer2", "demo-reader"]);
  });

  it("stores a factual-check comment only for members who may read comments: never the host reader", async () => {
    await setPhase("factual-check");
    await transaction(
      asyncDb,
      async (tx) =>
        await notify(tx, {
          reviewId: DEMO_REVIEW_ID,
          kind: "factual-comment",
          params: { part: "kf-06", by: "Hélène Rousseau" },
          except: "demo-host",
          origin: ORIGIN,
        }),
    );
    expect(await recipientsOf()).toEqual(["demo-lead", "demo-peer", "demo-peer2"]);
  });

  it("keeps named recipients to those who may read the kind", async () => {
    await setPhase("drafting");
    // The lead shares factors out: a host reader named by mistake is still not told of peer work.
    const told = await transaction(
      asyncDb,
      async (tx) =>
        await notify(tx, {
          reviewId: DEMO_REVIEW_ID,
          kind: "assigned",
          params: { factorIds: ["kf-01"], by: "Lena" },
          to: ["demo-peer", "demo-reader"],
          origin: ORIGIN,
        }),
    );
    expect(told).toEqual(["demo-peer"]);
  });

  it("narrows to an audience permission (the peer team closes comments, the host team does not)", async () => {
    await setPhase("factual-check");
    const told = await transaction(
      asyncDb,
      async (tx) =>
        await notify(tx, {
          reviewId: DEMO_REVIEW_ID,
          kind: "factual-comment",
          params: { part: "kf-01", by: "H" },
          audience: "comments:resolve",
          origin: ORIGIN,
        }),
    );
    expect([...told].sort()).toEqual(["demo-lead", "demo-peer", "demo-peer2"]);
  });

  it("reaches a personal recipient outside the review (an invitation) and never a deactivated account", async () => {
    await asyncDb.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, "demo-admin")).run();
    const told = await transaction(
      asyncDb,
      async (tx) =>
        await notify(tx, {
          reviewId: DEMO_REVIEW_ID,
          kind: "invitation",
          params: { role: "peer-reviewer", by: "Lena", path: "/invitations/x" },
          to: ["demo-outsider", "demo-admin"],
          origin: ORIGIN,
        }),
    );
    expect(told).toEqual(["demo-outsider"]);
  });

  it("stores nothing when the change it belongs to is rolled back", async () => {
    await expect(
      transaction(asyncDb, async (tx) => {
        await notify(tx, { reviewId: DEMO_REVIEW_ID, kind: "phase-changed", params: { from: "self-assessment", to: "peer-visit" }, origin: ORIGIN });
        throw new Error("the phase move failed");
      }),
    ).rejects.toThrow("the phase move failed");
    expect(await recipientsOf()).toEqual([]);
  });

  it("marks rows for mail only when mail is configured (not in this test run)", async () => {
    await transaction(asyncDb, async (tx) => notify(tx, { reviewId: DEMO_REVIEW_ID, kind: "phase-changed", params: { from: "a", to: "b" }, origin: ORIGIN }));
    expect(new Set((await asyncDb.select({ state: notifications.mailState }).from(notifications).all()).map((row) => row.state))).toEqual(new Set(["none"]));
  });
});

describe("the notification list", () => {
  it("is filtered again by what the member may read now", async () => {
    await setPhase("factual-check");
    await transaction(asyncDb, async (tx) => {
      await notify(tx, { reviewId: DEMO_REVIEW_ID, kind: "phase-changed", params: { from: "drafting", to: "factual-check" }, origin: ORIGIN });
      await notify(tx, { reviewId: DEMO_REVIEW_ID, kind: "factual-comment", params: { part: "kf-06", by: "H" }, origin: ORIGIN });
    });
    expect((await listNotifications({ userId: "demo-host" })).map((item) => item.kind).sort()).toEqual(["factual-comment", "phase-changed"]);
    expect((await listNotifications({ userId: "demo-reader" })).map((item) => item.kind)).toEqual(["phase-changed"]);
    // The host team member becomes a host reader: the comment is no longer theirs to read.
    await asyncDb.update(reviewMembers).set({ role: "host-reader" }).where(eq(reviewMembers.userId, "demo-host")).run();
    expect((await listNotifications({ userId: "demo-host" })).map((item) => item.kind)).toEqual(["phase-changed"]);
    expect(await countUnreadNotifications({ userId: "demo-host" })).toBe(1);
    // Removed from the review: nothing of it is left.
    await asyncDb.delete(reviewMembers).where(eq(reviewMembers.userId, "demo-host")).run();
    expect(await listNotifications({ userId: "demo-host" })).toEqual([]);
  });

  it("is served to each account by /notifications, which marks its own as read and no one else's", async () => {
    await setPhase("factual-check");
    await transaction(asyncDb, async (tx) =>
      notify(tx, { reviewId: DEMO_REVIEW_ID, kind: "factual-comment", params: { part: "kf-06", by: "H" }, origin: ORIGIN }),
    );
    const readerPage = await run(notificationsLoader, makeRequest("/notifications", { cookie: await cookieFor("reader@demo.test") }));
    expect(readerPage.data).toEqual({ notifications: [] });
    const peerCookie = await cookieFor("peer@demo.test");
    const peerPage = await run(notificationsLoader, makeRequest("/notifications", { cookie: peerCookie }));
    const [item] = (peerPage.data as { notifications: { id: string; path: string; readAt: Date | null }[] }).notifications;
    expect(item).toMatchObject({ path: `/reviews/${DEMO_REVIEW_ID}`, readAt: null });
    // The lead's own copy is not touched by the peer's request with the lead's id.
    const leadRow = (await asyncDb.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, "demo-lead")).get())!;
    const forged = await run(notificationsAction, makeRequest("/notifications", { cookie: peerCookie, form: { intent: "read", notificationId: leadRow.id } }));
    expect(forged.status).toBe(302);
    expect(await countUnreadNotifications({ userId: "demo-lead" })).toBe(1);
    const read = await run(notificationsAction, makeRequest("/notifications", { cookie: peerCookie, form: { intent: "read", notificationId: item!.id } }));
    expect(read.location).toBe("/notifications");
    expect(await countUnreadNotifications({ userId: "demo-peer" })).toBe(0);
    const bad = await run(notificationsAction, makeRequest("/notifications", { cookie: peerCookie, form: { intent: "shout" } }));
    expect(bad.status).toBe(400);
  });

  it("marks all read at once", async () => {
    await transaction(asyncDb, async (tx) => {
      await notify(tx, { reviewId: DEMO_REVIEW_ID, kind: "phase-changed", params: { from: "a", to: "b" }, origin: ORIGIN });
      await notify(tx, { reviewId: DEMO_REVIEW_ID, kind: "phase-changed", params: { from: "b", to: "c" }, origin: ORIGIN });
    });
    expect(await countUnreadNotifications({ userId: "demo-peer" })).toBe(2);
    await markNotificationsRead({ userId: "demo-peer" });
    expect(await countUnreadNotifications({ userId: "demo-peer" })).toBe(0);
    expect(await countUnreadNotifications({ userId: "demo-lead" })).toBe(2);
  });
});

describe("the demo review", () => {
  it("shows its members the move to the peer visit, unread for the host city", async () => {
    await loadDemoReview();
    expect((await listNotifications({ userId: "demo-host" })).map((item) => [item.kind, item.params])).toEqual([
      ["phase-changed", { from: "self-assessment", to: "peer-visit" }],
    ]);
    expect(await countUnreadNotifications({ userId: "demo-host" })).toBe(1);
    expect(await countUnreadNotifications({ userId: "demo-peer" })).toBe(0);
    expect(await listNotifications({ userId: "demo-lead" })).toEqual([]);
  });
});
