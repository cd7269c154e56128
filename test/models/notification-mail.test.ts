import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { deliverNotificationMail, notify } from "#app/models/notification.server";
import { notifications, users } from "#db/schema";
import { DEMO_REVIEW_ID, loadDemoReview, setPhase, BASE } from "../utils";
import { asyncDb, transaction } from "#app/utils/db.server";

// A real SMTP server, started before the app's modules read SMTP_URL.
const mailServer = await vi.hoisted(async () => {
  const { startMailServer } = await import("../mail-server");
  const server = await startMailServer();
  process.env.SMTP_URL = server.url;
  process.env.MAIL_FROM = "workbench@belleforge.test";
  return server;
});

afterAll(() => mailServer.close());
beforeEach(async () => {
  await loadDemoReview();
  // Each test counts the notifications it makes: the demo's own go first.
  await asyncDb.delete(notifications).run();
  mailServer.mails.length = 0;
});

describe("notification mail", () => {
  it("goes to each recipient in their language, with the link, except to those who turned mail off", async () => {
    await setPhase("factual-check");
    await asyncDb.update(users).set({ mailNotifications: false }).where(eq(users.id, "demo-peer2")).run();
    await transaction(
      asyncDb,
      async (tx) =>
        await notify(tx, {
          reviewId: DEMO_REVIEW_ID,
          kind: "phase-changed",
          params: { from: "drafting", to: "factual-check" },
          except: "demo-lead",
          origin: BASE,
        }),
    );
    await deliverNotificationMail();
    const byRecipient = new Map(mailServer.mails.map((mail) => [mail.to, mail]));
    expect([...byRecipient.keys()].sort()).toEqual(["host@demo.test", "peer@demo.test", "reader@demo.test"]);
    // Hélène (host team) reads French; Piet (peer) reads English.
    expect(byRecipient.get("host@demo.test")!.subject).toContain("Belleforge : l'examen est passé de la phase");
    expect(byRecipient.get("peer@demo.test")!.subject).toContain("Belleforge: the review moved from");
    expect(byRecipient.get("peer@demo.test")!.text).toContain(`${BASE}/reviews/${DEMO_REVIEW_ID}`);
    expect(byRecipient.get("peer@demo.test")!.text).toContain(`${BASE}/account`);
    // Still in the app for the one who turned mail off.
    const states = await asyncDb.select({ userId: notifications.userId, state: notifications.mailState }).from(notifications).all();
    expect(Object.fromEntries(states.map((row) => [row.userId, row.state]))).toEqual({
      "demo-host": "sent",
      "demo-peer": "sent",
      "demo-reader": "sent",
      "demo-peer2": "none",
    });
  });

  it("is sent once even when two deliveries run together", async () => {
    await transaction(
      asyncDb,
      async (tx) =>
        await notify(tx, {
          reviewId: DEMO_REVIEW_ID,
          kind: "phase-changed",
          params: { from: "self-assessment", to: "peer-visit" },
          to: ["demo-peer"],
          origin: BASE,
        }),
    );
    await Promise.all([deliverNotificationMail(), deliverNotificationMail()]);
    // The delivery notify schedules itself finds nothing left.
    await new Promise((resolve) => setImmediate(resolve));
    await deliverNotificationMail();
    expect(mailServer.mails.map((mail) => mail.to)).toEqual(["peer@demo.test"]);
  });
});
