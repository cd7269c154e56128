import { and, eq, inArray, notExists } from "drizzle-orm";
import type { Db } from "../client";
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

export function hasDemoReview(db: Db) {
  return Boolean(db.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get());
}

/** Removes the demo reviews and the demo accounts (everything else is left alone). */
export function removeDemo(db: Db) {
  const ids = DEMO_ACCOUNTS.map((account) => account.id);
  db.transaction((tx) => {
    tx.delete(reviews)
      .where(inArray(reviews.id, [DEMO_REVIEW_ID, DEMO_ECCAR_REVIEW_ID, DEMO_PREVIOUS_REVIEW_ID]))
      .run();
    // The demo city goes with its reviews, unless a real review was attached to it since.
    tx.delete(cities)
      .where(and(eq(cities.id, DEMO_CITY_ID), notExists(tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.cityId, DEMO_CITY_ID)))))
      .run();
    tx.delete(sessions).where(inArray(sessions.userId, ids)).run();
    tx.delete(users).where(inArray(users.id, ids)).run();
  });
}

/**
 * Loads the demo review: a fictional host city (Belleforge) in the peer-visit phase with its
 * self-assessment, the visit's interviews and evidence, draft and agreed conclusions, and the
 * audit trail that work leaves; and the same city's self-assessment against ECCAR's 10-point plan,
 * with a year's actions (db/seed/eccar.ts).
 * Deterministic: fixed ids and timestamps, no randomness.
 */
export async function seedDemo(db: Db) {
  await seedAccounts(db);
  db.transaction((tx) => {
    const txDb = tx as unknown as Db;
    seedReview(txDb);
    seedSelfAssessment(txDb);
    seedEvidence(txDb);
    seedConclusions(txDb);
    seedPlan(txDb);
    seedTeam(txDb);
    seedActivity(txDb);
    seedNotifications(txDb);
    seedEccarReview(txDb);
    seedPreviousCycle(txDb);
  });
}
