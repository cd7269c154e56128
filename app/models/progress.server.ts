import { and, count, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { requireFramework } from "#benchmark/index";
import {
  conclusions,
  contextNotes,
  evidence,
  evidenceFactors,
  factualComments,
  recommendations,
  reviews,
  selfAssessmentAnswers,
  selfAssessmentFactors,
  type Phase,
} from "#db/schema";
import { db } from "#app/utils/db.server";

/**
 * What a review still misses, computed from its data. Each line is an i18n key in the
 * "reviews" namespace with its values, so the home page reads "8 of 11 factors rated".
 * Lines are grouped by the phase whose work they belong to.
 */
export type Gap = { phase: Phase; key: string; values: Record<string, string | number> };

export async function listGaps({ reviewId }: { reviewId: string }): Promise<Gap[]> {
  const review = await db.select().from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) return [];
  const framework = requireFramework(review.frameworkId);
  const factorIds = framework.keyFactors.filter((factor) => !factor.retired).map((factor) => factor.id);
  const questionCount = framework.keyFactors
    .filter((factor) => !factor.retired)
    .reduce((sum, factor) => sum + factor.guidingQuestions.filter((q) => !q.retired).length, 0);
  const total = factorIds.length;
  const gaps: Gap[] = [];

  const rated = await db
    .select({ n: count() })
    .from(selfAssessmentFactors)
    .where(and(eq(selfAssessmentFactors.reviewId, reviewId), isNotNull(selfAssessmentFactors.rating)))
    .get();
  if ((rated?.n ?? 0) < total) {
    gaps.push({ phase: "self-assessment", key: "gaps.factorsRated", values: { done: rated?.n ?? 0, total } });
  }
  const answered = await db
    .select({ n: count() })
    .from(selfAssessmentAnswers)
    .where(and(eq(selfAssessmentAnswers.reviewId, reviewId), ne(selfAssessmentAnswers.text, "")))
    .get();
  if ((answered?.n ?? 0) < questionCount) {
    gaps.push({ phase: "self-assessment", key: "gaps.questionsAnswered", values: { done: answered?.n ?? 0, total: questionCount } });
  }
  const contextTotal = framework.contextualFactors.length;
  const described = await db
    .select({ n: count() })
    .from(contextNotes)
    .where(and(eq(contextNotes.reviewId, reviewId), ne(contextNotes.note, "")))
    .get();
  if ((described?.n ?? 0) < contextTotal) {
    gaps.push({ phase: "self-assessment", key: "gaps.contextDescribed", values: { done: described?.n ?? 0, total: contextTotal } });
  }
  if (!review.selfAssessmentSubmittedAt) {
    gaps.push({ phase: "self-assessment", key: "gaps.notSubmitted", values: {} });
  }
  if (review.kind === "self-assessment") return gaps;

  const evidenceByFactor = await db
    .select({ factorId: evidenceFactors.factorId, n: count() })
    .from(evidenceFactors)
    .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
    .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
    .groupBy(evidenceFactors.factorId);
  const withEvidence = new Set(evidenceByFactor.map((row) => row.factorId));
  for (const factor of framework.keyFactors) {
    if (!factor.retired && !withEvidence.has(factor.id)) {
      gaps.push({ phase: "peer-visit", key: "gaps.noEvidence", values: { number: factor.number } });
    }
  }

  const conclusionRows = await db
    .select({ factorId: conclusions.factorId, state: conclusions.state })
    .from(conclusions)
    .where(eq(conclusions.reviewId, reviewId));
  const drafted = conclusionRows.filter((row) => factorIds.includes(row.factorId));
  if (drafted.length < total) {
    gaps.push({ phase: "drafting", key: "gaps.conclusionsDrafted", values: { done: drafted.length, total } });
  }
  const agreed = drafted.filter((row) => row.state === "agreed").length;
  if (agreed < total) gaps.push({ phase: "drafting", key: "gaps.conclusionsAgreed", values: { done: agreed, total } });
  const recommended = await db
    .selectDistinct({ factorId: recommendations.factorId })
    .from(recommendations)
    .where(eq(recommendations.reviewId, reviewId));
  const withRecommendations = new Set(recommended.map((row) => row.factorId));
  const withoutRecommendations = factorIds.filter((id) => !withRecommendations.has(id)).length;
  if (withoutRecommendations) {
    gaps.push({ phase: "drafting", key: "gaps.noRecommendations", values: { count: withoutRecommendations } });
  }
  if (!review.executiveSummary.trim()) gaps.push({ phase: "drafting", key: "gaps.noSummary", values: {} });

  const open = await db
    .select({ n: count() })
    .from(factualComments)
    .where(and(eq(factualComments.reviewId, reviewId), isNull(factualComments.resolvedAt)))
    .get();
  if (open?.n) gaps.push({ phase: "factual-check", key: "gaps.openComments", values: { count: open.n } });
  return gaps;
}
