import { eq } from "drizzle-orm";
import type { AsyncDb } from "../async-db";
import { notifications, reviewMembers } from "../schema";
import { DEMO_REVIEW_ID } from "./accounts";

/**
 * What the demo's members were told: the lead moved the review to the peer visit the Friday
 * before it, and everyone else on the review got a notification (read by the peers already).
 */
export async function seedNotifications(db: AsyncDb) {
  const at = new Date(Date.UTC(2026, 2, 13, 16, 0, 0));
  const members = await db.select({ userId: reviewMembers.userId }).from(reviewMembers).where(eq(reviewMembers.reviewId, DEMO_REVIEW_ID)).all();
  const told = members.filter((member) => member.userId !== "demo-lead");
  if (!told.length) return;
  await db
    .insert(notifications)
    .values(
      told.map((member) => ({
        id: `demo-notification-peer-visit-${member.userId}`,
        userId: member.userId,
        reviewId: DEMO_REVIEW_ID,
        kind: "phase-changed",
        params: { from: "self-assessment", to: "peer-visit" },
        readAt: member.userId.startsWith("demo-peer") ? at : null,
        createdAt: at,
      })),
    )
    .run();
}
