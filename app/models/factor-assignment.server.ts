import { and, asc, eq } from "drizzle-orm";
import { isKeyFactorId, listLocalizedFactors, requireFramework, type Locale } from "#benchmark/index";
import { factorAssignments } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { refuse } from "#app/utils/refusal";
import { writeAudit } from "./audit.server";
import { getCoverage } from "./evidence-coverage.server";
import { listVisitReviewers } from "./interview.server";
import { notify } from "./notification.server";

/*
 * Who on the peer team covers which key factor (issue 19, item 7). The lead shares the factors
 * out on the Team page; each reviewer sees "my factors" with their evidence on the review home.
 */

/** Every assignment of the review, by factor then reviewer. */
export async function listAssignments({ reviewId }: { reviewId: string }) {
  return db
    .select({ factorId: factorAssignments.factorId, userId: factorAssignments.userId })
    .from(factorAssignments)
    .where(eq(factorAssignments.reviewId, reviewId))
    .orderBy(asc(factorAssignments.factorId), asc(factorAssignments.userId));
}

/**
 * The factors a reviewer covers, replacing what they covered before. Only a reviewer of the visit
 * (peer reviewer or lead expert) covers factors, only the review's framework's. The reviewer is
 * told of the factors newly given to them, in the same transaction.
 */
export async function assignFactors({
  review,
  actor,
  memberId,
  factorIds,
  origin,
}: {
  review: { id: string; frameworkId: string };
  actor: { id: string; name: string };
  memberId: string;
  factorIds: string[];
  origin: string;
}) {
  const framework = requireFramework(review.frameworkId);
  const reviewers = await listVisitReviewers({ reviewId: review.id });
  if (!reviewers.some((reviewer) => reviewer.id === memberId)) refuse(400, "agenda:errors.unknownReviewer", { field: "userId" });
  if (factorIds.some((factorId) => !isKeyFactorId(framework, factorId))) refuse(400, "agenda:errors.unknownFactor", { field: "factorIds" });
  const wanted = framework.keyFactors.map((factor) => factor.id).filter((id) => factorIds.includes(id));
  await transaction(db, async (tx) => {
    const before = (
      await tx
        .select({ factorId: factorAssignments.factorId })
        .from(factorAssignments)
        .where(and(eq(factorAssignments.reviewId, review.id), eq(factorAssignments.userId, memberId)))
        .all()
    ).map((row) => row.factorId);
    const added = wanted.filter((id) => !before.includes(id));
    if (added.length === 0 && before.length === wanted.length) return;
    await tx
      .delete(factorAssignments)
      .where(and(eq(factorAssignments.reviewId, review.id), eq(factorAssignments.userId, memberId)))
      .run();
    for (const factorId of wanted) await tx.insert(factorAssignments).values({ reviewId: review.id, factorId, userId: memberId }).run();
    await writeAudit(tx, {
      reviewId: review.id,
      userId: actor.id,
      action: "assign",
      entity: "factor-assignment",
      entityId: memberId,
      before: { factorIds: before },
      after: { factorIds: wanted },
    });
    if (added.length && memberId !== actor.id) {
      await notify(tx, {
        reviewId: review.id,
        kind: "assigned",
        params: { factorIds: added, by: actor.name, path: `/reviews/${review.id}#my-factors` },
        to: [memberId],
        origin,
      });
    }
  });
}

/** "My factors": the factors a member covers, each with how much evidence the team logged for it. */
export async function listMyFactors({ review, userId, locale }: { review: { id: string; frameworkId: string }; userId: string; locale: Locale }) {
  const mine = (await listAssignments({ reviewId: review.id })).filter((assignment) => assignment.userId === userId).map((row) => row.factorId);
  if (!mine.length) return [];
  const framework = requireFramework(review.frameworkId);
  const coverage = await getCoverage({ reviewId: review.id, framework });
  const titles = new Map(listLocalizedFactors(framework, locale).map((factor) => [factor.id, factor.title]));
  return coverage
    .filter((factor) => mine.includes(factor.id))
    .map((factor) => ({ id: factor.id, number: factor.number, title: titles.get(factor.id) ?? factor.id, balance: factor.balance }));
}
