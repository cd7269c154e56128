import { beforeEach, describe, expect, it } from "vitest";
import { listNotifications, notificationMail, notify } from "#app/models/notification.server";
import { describeNotification } from "#app/models/notification-kinds";
import { getI18n } from "#app/utils/i18n";
import { DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, loadDemoReview, setPhase, BASE } from "../utils";
import { asyncDb, transaction } from "#app/utils/db.server";

/*
 * Issue 14: a page must never say "key factor" on an ECCAR review — nor a notification about
 * one, on /notifications or by mail, in either language.
 */

const KEY_FACTOR = /key factor|facteur clé|facteurs clés/i;

beforeEach(async () => {
  await loadDemoReview();
});

async function tell(reviewId: string) {
  await transaction(asyncDb, async (tx) => {
    await notify(tx, { reviewId, kind: "assigned", params: { factorIds: ["c-03", "c-04"], by: "Lena" }, to: ["demo-peer"], origin: BASE });
    await notify(tx, { reviewId, kind: "factual-comment", params: { part: "factor", number: 3, by: "Hélène" }, to: ["demo-peer"], origin: BASE });
  });
}

describe("notifications on an ECCAR review", () => {
  it("say commitment, never key factor, in the list and in the mail, in English and French", async () => {
    await setPhase("factual-check", DEMO_ECCAR_REVIEW_ID);
    await tell(DEMO_ECCAR_REVIEW_ID);
    const items = (await listNotifications({ userId: "demo-peer" })).filter((item) => item.reviewId === DEMO_ECCAR_REVIEW_ID);
    expect(items.map((item) => item.kind)).toEqual(expect.arrayContaining(["assigned", "factual-comment"]));
    const sentences = (["en", "fr"] as const).flatMap((locale) => items.map((item) => describeNotification(getI18n(locale).t, item)));
    expect(sentences).toEqual(
      expect.arrayContaining([
        "Belleforge: Lena assigned 2 commitments to you: c-03, c-04.",
        "Belleforge: Hélène commented on Commitment 3 during the factual check.",
        "Belleforge : Lena vous a confié 2 engagements : c-03, c-04.",
      ]),
    );
    for (const sentence of sentences) expect(sentence).not.toMatch(KEY_FACTOR);
    for (const locale of ["en", "fr"]) {
      for (const item of items) {
        const mail = notificationMail({
          locale,
          kind: item.kind,
          params: item.params,
          reviewId: DEMO_ECCAR_REVIEW_ID,
          hostCity: "Belleforge",
          frameworkId: "eccar-10-point-plan",
        });
        expect(mail.subject).not.toMatch(KEY_FACTOR);
        expect(mail.text).not.toMatch(KEY_FACTOR);
      }
    }
  });

  it("keep saying key factor on a EUROCITIES review", async () => {
    await setPhase("factual-check", DEMO_REVIEW_ID);
    await tell(DEMO_REVIEW_ID);
    const items = await listNotifications({ userId: "demo-peer" });
    const sentences = items.map((item) => describeNotification(getI18n("en").t, item));
    expect(sentences).toEqual(
      expect.arrayContaining([
        "Belleforge: Lena assigned 2 key factors to you: c-03, c-04.",
        "Belleforge: Hélène commented on Key factor 3 during the factual check.",
      ]),
    );
  });
});
