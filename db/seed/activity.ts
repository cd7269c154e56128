import { eq } from "drizzle-orm";
import type { AsyncDb } from "../async-db";
import { auditLog, conclusions, documents, evidence, interviews, recommendations, reviewMembers, reviews } from "../schema";
import { DEMO_REVIEW_ID } from "./accounts";
import { insertRows } from "./insert-rows";

type Entry = typeof auditLog.$inferInsert;

/**
 * The audit trail the demo's work would have left, derived from the seeded rows with their own
 * authors and times: the review home's "latest activity" and the lead's audit log show a review
 * in progress rather than an empty history. Nothing here is invented beyond what the seed holds.
 */
export async function seedActivity(db: AsyncDb) {
  const entries: Entry[] = [];
  const entry = (values: Omit<Entry, "reviewId">) => entries.push({ reviewId: DEMO_REVIEW_ID, ...values });

  const review = await db.select().from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get();
  if (!review) return;
  entry({
    userId: review.createdBy,
    action: "create",
    entity: "review",
    entityId: review.id,
    after: { hostCity: review.hostCity, kind: review.kind },
    at: review.createdAt,
  });
  for (const member of await db.select().from(reviewMembers).where(eq(reviewMembers.reviewId, DEMO_REVIEW_ID)).all()) {
    entry({ userId: review.createdBy, action: "add", entity: "member", entityId: member.userId, after: { role: member.role }, at: member.createdAt });
  }
  for (const doc of await db.select().from(documents).where(eq(documents.reviewId, DEMO_REVIEW_ID)).all()) {
    entry({ userId: doc.createdBy, action: "create", entity: "document", entityId: doc.id, after: { title: doc.title, type: doc.type }, at: doc.createdAt });
  }
  for (const interview of await db.select().from(interviews).where(eq(interviews.reviewId, DEMO_REVIEW_ID)).all()) {
    entry({
      userId: interview.createdBy,
      action: "create",
      entity: "interview",
      entityId: interview.id,
      after: { date: interview.date, format: interview.format },
      at: interview.createdAt,
    });
  }
  for (const item of await db.select().from(evidence).where(eq(evidence.reviewId, DEMO_REVIEW_ID)).all()) {
    entry({
      userId: item.createdBy,
      action: "create",
      entity: "evidence",
      entityId: item.id,
      after: { kind: item.kind, polarity: item.polarity },
      at: item.createdAt,
    });
  }
  for (const conclusion of await db.select().from(conclusions).where(eq(conclusions.reviewId, DEMO_REVIEW_ID)).all()) {
    entry({
      userId: conclusion.updatedBy,
      action: "create",
      entity: "conclusion",
      entityId: conclusion.factorId,
      after: { rating: conclusion.rating, state: "draft" },
      at: conclusion.updatedAt,
    });
    if (conclusion.agreedAt) {
      entry({
        userId: conclusion.agreedBy,
        action: "agree",
        entity: "conclusion",
        entityId: conclusion.factorId,
        after: { state: "agreed" },
        at: conclusion.agreedAt,
      });
    }
  }
  for (const recommendation of await db.select().from(recommendations).where(eq(recommendations.reviewId, DEMO_REVIEW_ID)).all()) {
    entry({
      userId: recommendation.createdBy,
      action: "create",
      entity: "recommendation",
      entityId: recommendation.id,
      after: { factorId: recommendation.factorId, horizon: recommendation.horizon, priority: recommendation.priority },
      at: recommendation.createdAt,
    });
  }

  entries.sort((a, b) => a.at!.getTime() - b.at!.getTime());
  await insertRows(db, auditLog, entries);
}
