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
import { asyncDb as db } from "#app/utils/db.server";
import type { Permission } from "#app/utils/permissions";

/**
 * What a review still misses, computed from its data. Each line is an i18n key in the
 * "reviews" namespace with its values, so the home page reads "8 of 11 factors rated".
 * Lines are grouped by the phase whose work they belong to.
 */
export type Gap = { phase: Phase; key: string; values: Record<string, string | number> };

type Review = typeof reviews.$inferSelect;
type Framework = ReturnType<typeof requireFramework>;

/**
 * The gaps the reader may know about (`can` asks the permission matrix): the host city does not
 * learn from its home page how far the peers' evidence or draft conclusions have got.
 */
export async function listGaps({ reviewId, can }: { reviewId: string; can: (permission: Permission) => boolean }): Promise<Gap[]> {
  const review = await db.select().from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) return [];
  const framework = requireFramework(review.frameworkId);
  const parts = [can("self-assessment:read") ? selfAssessmentGaps(review, framework) : [], can("context:read") ? contextGaps(review, framework) : []];
  if (review.kind === "peer-review") {
    parts.push(
      can("evidence:read") ? evidenceGaps(review, framework) : [],
      can("conclusions:read") ? draftingGaps(review, framework) : [],
      can("comments:read") ? commentGaps(review) : [],
    );
  }
  return (await Promise.all(parts)).flat();
}

const liveFactorIds = (framework: Framework) => framework.keyFactors.filter((factor) => !factor.retired).map((factor) => factor.id);

async function selfAssessmentGaps(review: Review, framework: Framework): Promise<Gap[]> {
  const gaps: Gap[] = [];
  const total = liveFactorIds(framework).length;
  const questionCount = framework.keyFactors
    .filter((factor) => !factor.retired)
    .reduce((sum, factor) => sum + factor.guidingQuestions.filter((q) => !q.retired).length, 0);
  const rated = await db
    .select({ n: count() })
    .from(selfAssessmentFactors)
    .where(and(eq(selfAssessmentFactors.reviewId, review.id), isNotNull(selfAssessmentFactors.rating)))
    .get();
  if ((rated?.n ?? 0) < total) {
    gaps.push({ phase: "self-assessment", key: "gaps.factorsRated", values: { done: rated?.n ?? 0, total } });
  }
  const answered = await db
    .select({ n: count() })
    .from(selfAssessmentAnswers)
    .where(and(eq(selfAssessmentAnswers.reviewId, review.id), ne(selfAssessmentAnswers.text, "")))
    .get();
  if ((answered?.n ?? 0) < questionCount) {
    gaps.push({ phase: "self-assessment", key: "gaps.questionsAnswered", values: { done: answered?.n ?? 0, total: questionCount } });
  }
  if (!review.selfAssessmentSubmittedAt) {
    gaps.push({ phase: "self-assessment", key: "gaps.notSubmitted", values: {} });
  }
  return gaps;
}

async function contextGaps(review: Review, framework: Framework): Promise<Gap[]> {
  const total = framework.contextualFactors.length;
  const described = await db
    .select({ n: count() })
    .from(contextNotes)
    .where(and(eq(contextNotes.reviewId, review.id), ne(contextNotes.note, "")))
    .get();
  return (described?.n ?? 0) < total ? [{ phase: "self-assessment", key: "gaps.contextDescribed", values: { done: described?.n ?? 0, total } }] : [];
}

async function evidenceGaps(review: Review, framework: Framework): Promise<Gap[]> {
  const evidenceByFactor = await db
    .select({ factorId: evidenceFactors.factorId, n: count() })
    .from(evidenceFactors)
    .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
    .where(and(eq(evidence.reviewId, review.id), isNull(evidence.deletedAt)))
    .groupBy(evidenceFactors.factorId);
  const withEvidence = new Set(evidenceByFactor.map((row) => row.factorId));
  return framework.keyFactors
    .filter((factor) => !factor.retired && !withEvidence.has(factor.id))
    .map((factor) => ({ phase: "peer-visit", key: "gaps.noEvidence", values: { number: factor.number } }));
}

async function draftingGaps(review: Review, framework: Framework): Promise<Gap[]> {
  const gaps: Gap[] = [];
  const factorIds = liveFactorIds(framework);
  const total = factorIds.length;
  const conclusionRows = await db
    .select({ factorId: conclusions.factorId, state: conclusions.state })
    .from(conclusions)
    .where(eq(conclusions.reviewId, review.id));
  const drafted = conclusionRows.filter((row) => factorIds.includes(row.factorId));
  if (drafted.length < total) {
    gaps.push({ phase: "drafting", key: "gaps.conclusionsDrafted", values: { done: drafted.length, total } });
  }
  const agreed = drafted.filter((row) => row.state === "agreed").length;
  if (agreed < total) gaps.push({ phase: "drafting", key: "gaps.conclusionsAgreed", values: { done: agreed, total } });
  const recommended = await db.selectDistinct({ factorId: recommendations.factorId }).from(recommendations).where(eq(recommendations.reviewId, review.id));
  const withRecommendations = new Set(recommended.map((row) => row.factorId));
  const withoutRecommendations = factorIds.filter((id) => !withRecommendations.has(id)).length;
  if (withoutRecommendations) {
    gaps.push({ phase: "drafting", key: "gaps.noRecommendations", values: { count: withoutRecommendations } });
  }
  if (!review.executiveSummary.trim()) gaps.push({ phase: "drafting", key: "gaps.noSummary", values: {} });
  return gaps;
}

async function commentGaps(review: Review): Promise<Gap[]> {
  const open = await db
    .select({ n: count() })
    .from(factualComments)
    .where(and(eq(factualComments.reviewId, review.id), isNull(factualComments.resolvedAt)))
    .get();
  return open?.n ? [{ phase: "factual-check", key: "gaps.openComments", values: { count: open.n } }] : [];
}
