import { and, eq, inArray, notExists } from "drizzle-orm";
import { transaction, type AsyncDb } from "../async-db";
import { cities, reviews, sessions, users } from "../schema";
import { DEMO_ACCOUNTS, DEMO_CITY_ID, DEMO_REVIEW_ID, seedAccounts, seedReview } from "./accounts";
import { seedActivity } from "./activity";
import { seedConclusions } from "./conclusions";
import { DEMO_PREVIOUS_REVIEW_ID, seedPreviousCycle } from "./cycles";
import { DEMO_ECCAR_REVIEW_ID, seedEccarReview } from "./eccar";
import { seedEvidence } from "./evidence";
import { seedNotifications } from "./notifications";
import { seedPlan } from "./plan";
import { seedSelfAssessment } from "./self-assessment";
import { seedTeam } from "./team";

export { DEMO_ACCOUNTS, DEMO_CITY_ID, DEMO_PASSWORD, DEMO_REVIEW_ID } from "./accounts";
export { DEMO_ECCAR_REVIEW_ID } from "./eccar";
export { DEMO_PARTNER_ID } from "./plan";
export { DEMO_PREVIOUS_REVIEW_ID } from "./cycles";

export async function hasDemoReview(db: AsyncDb) {
  return Boolean(await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get());
}

/** Removes the demo reviews and the demo accounts (everything else is left alone). */
export async function removeDemo(db: AsyncDb) {
  const ids = DEMO_ACCOUNTS.map((account) => account.id);
  await transaction(db, async (tx) => {
    await tx
      .delete(reviews)
      .where(inArray(reviews.id, [DEMO_REVIEW_ID, DEMO_ECCAR_REVIEW_ID, DEMO_PREVIOUS_REVIEW_ID]))
      .run();
    // The demo city goes with its reviews, unless a real review was attached to it since.
    await tx
      .delete(cities)
      .where(and(eq(cities.id, DEMO_CITY_ID), notExists(tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.cityId, DEMO_CITY_ID)))))
      .run();
    await tx.delete(sessions).where(inArray(sessions.userId, ids)).run();
    await tx.delete(users).where(inArray(users.id, ids)).run();
  });
}

/**
 * Loads the demo review: a fictional host city (Belleforge) in the peer-visit phase with its
 * self-assessment, the visit's interviews and evidence, draft and agreed conclusions, and the
 * audit trail that work leaves; and the same city's self-assessment against ECCAR's 10-point plan,
 * with a year's actions (db/seed/eccar.ts).
 * Deterministic: fixed ids and timestamps, no randomness. The accounts come first, outside the
 * transaction: hashing their password is awaited, and a transaction body awaits only statements.
 */
export async function seedDemo(db: AsyncDb) {
  await seedAccounts(db);
  await transaction(db, async (tx) => {
    await seedReview(tx);
    await seedSelfAssessment(tx);
    await seedEvidence(tx);
    await seedConclusions(tx);
    await seedPlan(tx);
    await seedTeam(tx);
    await seedActivity(tx);
    await seedNotifications(tx);
    await seedEccarReview(tx);
    await seedPreviousCycle(tx);
  });
}
