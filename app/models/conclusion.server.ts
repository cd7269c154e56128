import { data } from "@remix-run/node";
import { aliasedTable, and, count, eq, inArray, isNull } from "drizzle-orm";
import { getKeyFactor, ratingLevel, requireFramework, type Framework } from "#benchmark/index";
import type { AsyncDb } from "#db/async-db";
import {
  conclusionCitations,
  conclusions,
  evidence,
  evidenceFactors,
  factualComments,
  recommendations,
  reviews,
  selfAssessmentAnswers,
  selfAssessmentFactors,
  users,
  type Rating,
} from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { writeAudit } from "./audit.server";

export type Tx = AsyncDb;

// ---- Refusals ---------------------------------------------------------------

import { refuse } from "#app/utils/refusal";

export { asRefusal, refuse, type Refusal } from "#app/utils/refusal";

/**
 * Conclusions are written from the peer visit until the review is issued. The route's
 * permission check says so too; reading the phase again inside the write's transaction
 * closes the gap where the lead issues the review between the check and the write.
 */
export async function assertNotIssued(tx: Tx, reviewId: string) {
  const review = await tx.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) refuse(404, "conclusions:errors.noReview");
  if (review.phase === "issued") refuse(409, "conclusions:errors.issued");
}

/** A factor whose conclusion is agreed is closed, recommendations included, until the lead reopens it. */
export async function assertDraft(tx: Tx, reviewId: string, factorId: string) {
  const row = await tx
    .select({ state: conclusions.state })
    .from(conclusions)
    .where(and(eq(conclusions.reviewId, reviewId), eq(conclusions.factorId, factorId)))
    .get();
  if (row?.state === "agreed") refuse(409, "conclusions:errors.agreedLocked");
}

// ---- Ratings: divergence ----------------------------------------------------

// The scale is ordinal; "not assessed" is no position on it.

export type Divergence = { kind: "pending" } | { kind: "not-comparable" } | { kind: "same" } | { kind: "peer-higher" | "peer-lower"; steps: number };

/** How the peer rating stands against the host city's own rating. */
export function divergence(selfRating: Rating | null, peerRating: Rating | null): Divergence {
  if (!peerRating) return { kind: "pending" };
  // Levels on the framework's scale (benchmark/scales.ts); "not assessed" has none.
  const self = ratingLevel(selfRating) ?? undefined;
  const peer = ratingLevel(peerRating) ?? undefined;
  if (self === undefined || peer === undefined) return selfRating === peerRating ? { kind: "same" } : { kind: "not-comparable" };
  if (self === peer) return { kind: "same" };
  return { kind: peer > self ? "peer-higher" : "peer-lower", steps: Math.abs(peer - self) };
}

// ---- Reading ----------------------------------------------------------------

function activeFactors(framework: Framework) {
  return framework.keyFactors.filter((factor) => !factor.retired);
}

/** A factor id of the review's framework, or 404. */
export function requireFactor(frameworkId: string, factorId: string | undefined) {
  const framework = requireFramework(frameworkId);
  const factor = factorId ? getKeyFactor(framework, factorId) : undefined;
  if (!factor || factor.retired) throw data({ message: "errors.pageNotFound" }, { status: 404 });
  return { framework, factor };
}

/**
 * One line per key factor: self-rating against peer rating, evidence and recommendation counts,
 * state. `agreedOnly` hides what is not agreed yet (for host readers of an issued review).
 */
export async function listConclusionOverview({ reviewId, frameworkId, agreedOnly = false }: { reviewId: string; frameworkId: string; agreedOnly?: boolean }) {
  const framework = requireFramework(frameworkId);
  const [selfRows, conclusionRows, evidenceRows, recommendationRows, commentRows] = await Promise.all([
    db
      .select({ factorId: selfAssessmentFactors.factorId, rating: selfAssessmentFactors.rating })
      .from(selfAssessmentFactors)
      .where(eq(selfAssessmentFactors.reviewId, reviewId)),
    db
      .select({ factorId: conclusions.factorId, rating: conclusions.rating, state: conclusions.state })
      .from(conclusions)
      .where(eq(conclusions.reviewId, reviewId)),
    db
      .select({ factorId: evidenceFactors.factorId, n: count() })
      .from(evidenceFactors)
      .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
      .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .groupBy(evidenceFactors.factorId),
    db
      .select({ factorId: recommendations.factorId, n: count() })
      .from(recommendations)
      .where(eq(recommendations.reviewId, reviewId))
      .groupBy(recommendations.factorId),
    db
      .select({ factorId: factualComments.factorId, n: count() })
      .from(factualComments)
      .where(and(eq(factualComments.reviewId, reviewId), isNull(factualComments.resolvedAt)))
      .groupBy(factualComments.factorId)
      // Comments on the summary or the plan belong to no factor.
      .then((rows) => rows.flatMap(({ factorId, n }) => (factorId ? [{ factorId, n }] : []))),
  ]);
  const by = <T extends { factorId: string }>(rows: T[]) => new Map(rows.map((row) => [row.factorId, row]));
  const self = by(selfRows);
  const peer = by(conclusionRows);
  const evidenceCount = by(evidenceRows);
  const recommendationCount = by(recommendationRows);
  const openComments = by(commentRows);
  return activeFactors(framework).map((factor) => {
    const conclusion = peer.get(factor.id);
    const visible = conclusion && (!agreedOnly || conclusion.state === "agreed") ? conclusion : undefined;
    const selfRating = self.get(factor.id)?.rating ?? null;
    const peerRating = visible?.rating ?? null;
    return {
      factorId: factor.id,
      number: factor.number,
      title: factor.title,
      selfRating,
      peerRating,
      // A host reader learns that a conclusion is still being agreed, not what it says.
      state: visible ? visible.state : conclusion ? ("not-agreed" as const) : ("none" as const),
      divergence: divergence(selfRating, peerRating),
      evidenceCount: evidenceCount.get(factor.id)?.n ?? 0,
      recommendationCount: visible ? (recommendationCount.get(factor.id)?.n ?? 0) : 0,
      openComments: openComments.get(factor.id)?.n ?? 0,
    };
  });
}

export type ConclusionOverviewRow = Awaited<ReturnType<typeof listConclusionOverview>>[number];

/** The host city's own assessment of one factor: rating, summary and the answers to its questions. */
export async function getSelfAssessmentForFactor({ reviewId, factorId }: { reviewId: string; factorId: string }) {
  const factor = await db
    .select({ rating: selfAssessmentFactors.rating, summary: selfAssessmentFactors.summary })
    .from(selfAssessmentFactors)
    .where(and(eq(selfAssessmentFactors.reviewId, reviewId), eq(selfAssessmentFactors.factorId, factorId)))
    .get();
  const answers = await db
    .select({ questionId: selfAssessmentAnswers.questionId, text: selfAssessmentAnswers.text })
    .from(selfAssessmentAnswers)
    .where(and(eq(selfAssessmentAnswers.reviewId, reviewId), eq(selfAssessmentAnswers.factorId, factorId)));
  return { rating: factor?.rating ?? null, summary: factor?.summary ?? "", answers };
}

const agreedByUser = aliasedTable(users, "agreed_by_user");

export type ConclusionState = {
  rating: Rating | null;
  strengths: string;
  improvements: string;
  citations: string[];
  state: "draft" | "agreed";
  /** 0 while nothing was saved: the first save expects no row. */
  version: number;
  updatedByName: string | null;
  updatedAt: Date | null;
  agreedByName: string | null;
  agreedAt: Date | null;
};

async function readConclusion(executor: Tx, reviewId: string, factorId: string): Promise<ConclusionState> {
  const row = await executor
    .select({
      rating: conclusions.rating,
      strengths: conclusions.strengths,
      improvements: conclusions.improvements,
      state: conclusions.state,
      version: conclusions.version,
      updatedAt: conclusions.updatedAt,
      updatedByName: users.name,
      agreedAt: conclusions.agreedAt,
      agreedByName: agreedByUser.name,
    })
    .from(conclusions)
    .leftJoin(users, eq(users.id, conclusions.updatedBy))
    .leftJoin(agreedByUser, eq(agreedByUser.id, conclusions.agreedBy))
    .where(and(eq(conclusions.reviewId, reviewId), eq(conclusions.factorId, factorId)))
    .get();
  if (!row) {
    return {
      rating: null,
      strengths: "",
      improvements: "",
      citations: [],
      state: "draft",
      version: 0,
      updatedByName: null,
      updatedAt: null,
      agreedByName: null,
      agreedAt: null,
    };
  }
  const citations = (
    await executor
      .select({ evidenceId: conclusionCitations.evidenceId })
      .from(conclusionCitations)
      .where(and(eq(conclusionCitations.reviewId, reviewId), eq(conclusionCitations.factorId, factorId)))
      .all()
  )
    .map((citation) => citation.evidenceId)
    .sort();
  return { ...row, citations };
}

export async function getConclusion({ reviewId, factorId }: { reviewId: string; factorId: string }) {
  return readConclusion(db, reviewId, factorId);
}

// ---- Writing ----------------------------------------------------------------

export type ConclusionInput = {
  rating: Rating | null;
  strengths: string;
  improvements: string;
  citations: string[];
};

function snapshot(state: ConclusionState) {
  return {
    rating: state.rating,
    strengths: state.strengths,
    improvements: state.improvements,
    citations: state.citations,
    state: state.state,
    version: state.version,
  };
}

/** What the other person saved, shown beside the user's own text when a save comes too late. */
function conflictOf(state: ConclusionState) {
  return { ...snapshot(state), updatedByName: state.updatedByName, updatedAt: state.updatedAt };
}

/**
 * Saves a draft conclusion. `version` is the one the user started from: if someone saved in
 * between, nothing is written and the 409 carries their version so the page can show both.
 * Citations must be live evidence items of the same review.
 */
export async function saveConclusion({
  reviewId,
  factorId,
  userId,
  version,
  input,
}: {
  reviewId: string;
  factorId: string;
  userId: string;
  version: number;
  input: ConclusionInput;
}) {
  const review = await db.select({ frameworkId: reviews.frameworkId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) refuse(404, "conclusions:errors.noReview");
  const { framework } = requireFactor(review.frameworkId, factorId);
  if (input.rating !== null && !framework.ratingScale.some((rating) => rating.id === input.rating)) {
    refuse(400, "conclusions:errors.ratingOffScale", { field: "rating" });
  }
  const citations = [...new Set(input.citations)].sort();
  return transaction(db, async (tx) => {
    await assertNotIssued(tx, reviewId);
    const current = await readConclusion(tx, reviewId, factorId);
    if (current.state === "agreed") refuse(409, "conclusions:errors.agreedLocked");
    if (current.version !== version) refuse(409, "conclusions:errors.conflict", { conflict: conflictOf(current) });
    if (citations.length) {
      const live = await tx
        .select({ id: evidence.id })
        .from(evidence)
        .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt), inArray(evidence.id, citations)))
        .all();
      if (live.length !== citations.length) refuse(400, "conclusions:errors.citationInvalid", { field: "citations" });
    }
    const now = new Date();
    const values = {
      rating: input.rating,
      strengths: input.strengths,
      improvements: input.improvements,
      updatedBy: userId,
      updatedAt: now,
    };
    if (current.version === 0) {
      await tx
        .insert(conclusions)
        .values({ reviewId, factorId, ...values, state: "draft", version: 1 })
        .run();
    } else {
      await tx
        .update(conclusions)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(conclusions.reviewId, reviewId), eq(conclusions.factorId, factorId)))
        .run();
    }
    await tx
      .delete(conclusionCitations)
      .where(and(eq(conclusionCitations.reviewId, reviewId), eq(conclusionCitations.factorId, factorId)))
      .run();
    for (const evidenceId of citations) await tx.insert(conclusionCitations).values({ reviewId, factorId, evidenceId }).run();
    const after = {
      rating: input.rating,
      strengths: input.strengths,
      improvements: input.improvements,
      citations,
      state: "draft",
      version: current.version + 1,
    };
    await writeAudit(tx, {
      reviewId,
      userId,
      action: current.version === 0 ? "create" : "update",
      entity: "conclusion",
      entityId: factorId,
      before: current.version === 0 ? null : snapshot(current),
      after,
    });
    return { version: current.version + 1 };
  });
}

/** An agreed conclusion needs a rating on the scale and something written. */
export function isAgreeable(state: Pick<ConclusionState, "rating" | "strengths" | "improvements">) {
  return Boolean(state.rating) && Boolean(state.strengths.trim() || state.improvements.trim());
}

/**
 * The lead expert agrees the conclusion (and with it the factor's recommendations) as it stood
 * at `version`. Who may agree is the permission matrix's business (the route checks it).
 */
export async function agreeConclusion({ reviewId, factorId, userId, version }: { reviewId: string; factorId: string; userId: string; version: number }) {
  return transaction(db, async (tx) => {
    await assertNotIssued(tx, reviewId);
    const current = await readConclusion(tx, reviewId, factorId);
    if (current.state === "agreed") refuse(409, "conclusions:errors.alreadyAgreed");
    if (current.version !== version) refuse(409, "conclusions:errors.conflict", { conflict: conflictOf(current) });
    if (!isAgreeable(current)) refuse(400, "conclusions:errors.emptyConclusion", { field: "agree" });
    const now = new Date();
    await tx
      .update(conclusions)
      .set({ state: "agreed", agreedBy: userId, agreedAt: now, version: current.version + 1 })
      .where(and(eq(conclusions.reviewId, reviewId), eq(conclusions.factorId, factorId)))
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "agree",
      entity: "conclusion",
      entityId: factorId,
      before: { state: "draft", version: current.version },
      after: { state: "agreed", version: current.version + 1 },
    });
    return { version: current.version + 1 };
  });
}

/** Back to draft so the team can change it; the reason goes to the audit log. */
export async function reopenConclusion({ reviewId, factorId, userId, reason }: { reviewId: string; factorId: string; userId: string; reason: string }) {
  const why = reason.trim();
  if (!why) refuse(400, "conclusions:errors.reasonRequired", { field: "reason" });
  return transaction(db, async (tx) => {
    await assertNotIssued(tx, reviewId);
    const current = await readConclusion(tx, reviewId, factorId);
    if (current.state !== "agreed") refuse(409, "conclusions:errors.notAgreed");
    await tx
      .update(conclusions)
      .set({ state: "draft", agreedBy: null, agreedAt: null, version: current.version + 1 })
      .where(and(eq(conclusions.reviewId, reviewId), eq(conclusions.factorId, factorId)))
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "reopen",
      entity: "conclusion",
      entityId: factorId,
      before: { state: "agreed", version: current.version, agreedBy: current.agreedByName },
      after: { state: "draft", version: current.version + 1, reason: why },
    });
    return { version: current.version + 1 };
  });
}
