import { eq } from "drizzle-orm";
import { reviews } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { refuse } from "#app/utils/refusal";
import { writeAudit } from "./audit.server";
import { assertNotIssued } from "./conclusion.server";

// The executive summary and the cross-cutting conclusions of a review, saved together.

export async function getSummary({ reviewId }: { reviewId: string }) {
  const row = await db
    .select({
      executiveSummary: reviews.executiveSummary,
      crossCuttingConclusions: reviews.crossCuttingConclusions,
      version: reviews.summaryVersion,
    })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .get();
  if (!row) refuse(404, "conclusions:errors.noReview");
  return row;
}

/** Same rule as a conclusion: a save based on an older version is refused with both texts. */
export async function saveSummary({
  reviewId,
  userId,
  version,
  executiveSummary,
  crossCuttingConclusions,
}: {
  reviewId: string;
  userId: string;
  version: number;
  executiveSummary: string;
  crossCuttingConclusions: string;
}) {
  return transaction(db, async (tx) => {
    await assertNotIssued(tx, reviewId);
    const current = (await tx
      .select({
        executiveSummary: reviews.executiveSummary,
        crossCuttingConclusions: reviews.crossCuttingConclusions,
        version: reviews.summaryVersion,
      })
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .get())!;
    if (current.version !== version) refuse(409, "conclusions:errors.conflict", { conflict: current });
    const next = { executiveSummary, crossCuttingConclusions, version: current.version + 1 };
    await tx.update(reviews).set({ executiveSummary, crossCuttingConclusions, summaryVersion: next.version }).where(eq(reviews.id, reviewId)).run();
    await writeAudit(tx, { reviewId, userId, action: "update", entity: "summary", entityId: reviewId, before: current, after: next });
    return { version: next.version };
  });
}
