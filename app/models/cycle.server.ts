// Over 400 lines for now: starting a cycle, the follow-up and the progress figures share the chain of cycles; split next into cycle-start and follow-up modules.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { getFramework, isQuestionId, listLocalizedFactors, type Locale } from "#benchmark/index";
import type { CycleProgress, ProgressCycle, ProgressFollowUp } from "#reports/progress";
import {
  cities,
  conclusions,
  evidence,
  followUps,
  recommendations,
  reviewMembers,
  reviews,
  selfAssessmentAnswers,
  selfAssessmentFactors,
  type FollowUpVerdict,
  type Phase,
  type Rating,
} from "#db/schema";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { can } from "#app/utils/permissions";
import { refuse } from "#app/utils/refusal";
import { writeAudit } from "./audit.server";
import { newId } from "./user.server";

/*
 * Cycles: a city's reviews follow one another (reviews.previous_review_id). The next cycle starts
 * from an issued review or a finished self-assessment, on the same framework at its current
 * version (the same one or a newer one); it takes the team over and the self-assessment answers,
 * each marked "carried over" until someone edits or confirms it (docs/decisions/0031).
 */

/** Why a review cannot be the start of the next cycle, or null when it can. An i18n key of "cycles". */
export function nextCycleRefusal(review: { phase: Phase; kind: string; archivedAt: Date | null }, hasNext: boolean): string | null {
  if (review.phase !== "issued") return review.kind === "self-assessment" ? "cycles:start.notFinished" : "cycles:start.notIssued";
  if (hasNext) return "cycles:start.alreadyStarted";
  return null;
}

/** The review that follows this one, if a next cycle was started from it. */
export async function getNextReview({ reviewId }: { reviewId: string }) {
  return (await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.previousReviewId, reviewId)).get()) ?? null;
}

/** What the next cycle would be: the source, and the framework version the new review takes. */
export async function getNextCyclePlan({ reviewId }: { reviewId: string }) {
  const review = await db.select().from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) refuse(404, "errors.notFound");
  const framework = getFramework(review.frameworkId);
  const next = await getNextReview({ reviewId });
  return {
    review,
    frameworkVersion: framework?.version ?? review.frameworkVersion,
    newerVersion: Boolean(framework && framework.version !== review.frameworkVersion),
    next,
    refusal: framework ? nextCycleRefusal(review, Boolean(next)) : "cycles:start.frameworkGone",
  };
}

/**
 * Starts the next cycle of the review's city, in one transaction: the new review (same city,
 * kind, languages and zone; the framework's current version), the same team, and the
 * self-assessment answers whose questions the version still asks, carried over. Refused with the
 * reason when the review is not issued (a self-assessment: not finished) or already has a next cycle.
 */
export async function startNextCycle({ fromReviewId, userId, now = new Date() }: { fromReviewId: string; userId: string; now?: Date }) {
  const plan = await getNextCyclePlan({ reviewId: fromReviewId });
  if (plan.refusal) refuse(409, plan.refusal);
  const from = plan.review;
  const framework = getFramework(from.frameworkId)!;
  const id = newId();
  await transaction(db, async (tx) => {
    const city = from.cityId ? await tx.select().from(cities).where(eq(cities.id, from.cityId)).get() : undefined;
    const row = {
      id,
      cityId: from.cityId,
      previousReviewId: from.id,
      hostCity: city?.name ?? from.hostCity,
      country: city?.country ?? from.country,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      kind: from.kind,
      phase: "self-assessment" as const,
      reportLocale: from.reportLocale,
      reportLocales: from.reportLocales,
      timeZone: from.timeZone,
      coordinatingEntity: from.coordinatingEntity,
      createdBy: userId,
      createdAt: now,
    };
    await tx.insert(reviews).values(row).run();
    await writeAudit(tx, {
      reviewId: id,
      userId,
      action: "start-next-cycle",
      entity: "review",
      entityId: id,
      after: { previousReviewId: from.id, frameworkVersion: framework.version },
    });
    const members = await tx.select().from(reviewMembers).where(eq(reviewMembers.reviewId, from.id)).all();
    for (const member of members) {
      await tx.insert(reviewMembers).values({ reviewId: id, userId: member.userId, role: member.role, affiliation: member.affiliation, createdAt: now }).run();
    }
    const answers = (await tx.select().from(selfAssessmentAnswers).where(eq(selfAssessmentAnswers.reviewId, from.id)).all()).filter(
      (answer) => answer.text.trim() && isQuestionId(framework, answer.factorId, answer.questionId),
    );
    for (const answer of answers) {
      await tx
        .insert(selfAssessmentAnswers)
        .values({
          reviewId: id,
          factorId: answer.factorId,
          questionId: answer.questionId,
          text: answer.text,
          carriedOverFrom: answer.updatedAt,
          version: 1,
          updatedBy: answer.updatedBy,
          updatedAt: now,
        })
        .run();
    }
    await writeAudit(tx, {
      reviewId: id,
      userId,
      action: "carry-over",
      entity: "self-assessment",
      entityId: id,
      after: { answers: answers.length, from: from.id },
    });
  });
  return { id };
}

/** The host team keeps a carried-over answer as it stands: the "carried over" mark goes, the text stays. */
export async function confirmCarriedAnswer({ reviewId, questionId, userId }: { reviewId: string; questionId: string; userId: string }) {
  const answer = await db
    .select()
    .from(selfAssessmentAnswers)
    .where(and(eq(selfAssessmentAnswers.reviewId, reviewId), eq(selfAssessmentAnswers.questionId, questionId)))
    .get();
  if (!answer) refuse(404, "errors.notFound");
  if (!answer.carriedOverFrom) return false;
  await transaction(db, async (tx) => {
    await tx
      .update(selfAssessmentAnswers)
      .set({ carriedOverFrom: null, version: answer.version + 1, updatedBy: userId, updatedAt: new Date() })
      .where(and(eq(selfAssessmentAnswers.reviewId, reviewId), eq(selfAssessmentAnswers.questionId, questionId)))
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "confirm-carried-over",
      entity: "self-assessment-answer",
      entityId: questionId,
      before: { carriedOverFrom: answer.carriedOverFrom },
      after: { carriedOverFrom: null },
    });
  });
  return true;
}

/** The previous cycle's ratings of each factor: the city's own, and the peers' agreed one (null when the reader may not read it). */
export async function getPreviousRatings({
  reviewId,
  peerReadable,
}: {
  reviewId: string;
  peerReadable: (previous: { id: string; phase: Phase }) => Promise<boolean>;
}) {
  const review = await db.select({ previousReviewId: reviews.previousReviewId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review?.previousReviewId) return null;
  const previous = await db
    .select({ id: reviews.id, phase: reviews.phase, kind: reviews.kind, issuedAt: reviews.issuedAt, createdAt: reviews.createdAt, timeZone: reviews.timeZone })
    .from(reviews)
    .where(eq(reviews.id, review.previousReviewId))
    .get();
  if (!previous) return null;
  const ratings = await ratingsOf([previous.id], (await peerReadable(previous)) ? [previous.id] : []);
  return { review: previous, factors: ratings.get(previous.id) ?? new Map<string, { self: Rating | null; peer: Rating | null }>() };
}

/** Per review, per factor: the self-rating and the agreed peer rating (peer only for the reviews listed in peerReviews). */
export async function ratingsOf(reviewIds: string[], peerReviews: string[]) {
  const result = new Map<string, Map<string, { self: Rating | null; peer: Rating | null }>>();
  if (!reviewIds.length) return result;
  const slot = (reviewId: string, factorId: string) => {
    const byFactor = result.get(reviewId) ?? new Map<string, { self: Rating | null; peer: Rating | null }>();
    result.set(reviewId, byFactor);
    const entry = byFactor.get(factorId) ?? { self: null, peer: null };
    byFactor.set(factorId, entry);
    return entry;
  };
  for (const row of await db
    .select({ reviewId: selfAssessmentFactors.reviewId, factorId: selfAssessmentFactors.factorId, rating: selfAssessmentFactors.rating })
    .from(selfAssessmentFactors)
    .where(inArray(selfAssessmentFactors.reviewId, reviewIds))
    .all()) {
    slot(row.reviewId, row.factorId).self = row.rating;
  }
  if (peerReviews.length) {
    for (const row of await db
      .select({ reviewId: conclusions.reviewId, factorId: conclusions.factorId, rating: conclusions.rating })
      .from(conclusions)
      .where(and(inArray(conclusions.reviewId, peerReviews), eq(conclusions.state, "agreed")))
      .all()) {
      slot(row.reviewId, row.factorId).peer = row.rating;
    }
  }
  return result;
}

/** The previous cycle's recommendations (agreed conclusions' only) with this cycle's follow-up of each. */
export async function listFollowUps({ reviewId }: { reviewId: string }) {
  const review = await db.select({ previousReviewId: reviews.previousReviewId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review?.previousReviewId) return [];
  return db
    .select({
      id: recommendations.id,
      factorId: recommendations.factorId,
      text: recommendations.text,
      priority: recommendations.priority,
      horizon: recommendations.horizon,
      position: recommendations.position,
      hostAccount: followUps.hostAccount,
      hostUpdatedAt: followUps.hostUpdatedAt,
      verdict: followUps.verdict,
      evidenceId: followUps.evidenceId,
      verdictAt: followUps.verdictAt,
    })
    .from(recommendations)
    .innerJoin(conclusions, and(eq(conclusions.reviewId, recommendations.reviewId), eq(conclusions.factorId, recommendations.factorId)))
    .leftJoin(followUps, and(eq(followUps.recommendationId, recommendations.id), eq(followUps.reviewId, reviewId)))
    .where(and(eq(recommendations.reviewId, review.previousReviewId), eq(conclusions.state, "agreed")))
    .orderBy(asc(recommendations.factorId), asc(recommendations.position))
    .all();
}

export type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>[number];

/** One review as a cycle, with what the reader may read of it. */
export type CycleAccess = { reviewId: string; self: boolean; peer: boolean };

/** The reviews this one follows, oldest first, ending with it. */
export async function cycleChain(reviewId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = reviewId;
  while (current && !chain.includes(current) && chain.length < 50) {
    chain.unshift(current);
    current = (await db.select({ previous: reviews.previousReviewId }).from(reviews).where(eq(reviews.id, current)).get())?.previous ?? null;
  }
  return chain;
}

/**
 * The progress figures of a run of cycles (oldest first): each factor's ratings per cycle, as far
 * as `access` lets the reader read them, and, when `followUpOf` names the last cycle and the reader
 * may read verdicts, the verdict on every recommendation of the cycle before it.
 */
export async function buildProgress({
  cycles: access,
  locale,
  followUpOf,
  verdicts,
}: {
  cycles: CycleAccess[];
  locale: Locale;
  followUpOf: string | null;
  verdicts: boolean;
}): Promise<CycleProgress | null> {
  if (!access.length) return null;
  const ids = access.map((cycle) => cycle.reviewId);
  const rows = await db.select().from(reviews).where(inArray(reviews.id, ids)).all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const last = byId.get(ids[ids.length - 1]!);
  const framework = last ? getFramework(last.frameworkId) : undefined;
  if (!last || !framework) return null;
  const ratings = await ratingsOf(
    access.filter((cycle) => cycle.self || cycle.peer).map((cycle) => cycle.reviewId),
    access.filter((cycle) => cycle.peer).map((cycle) => cycle.reviewId),
  );
  const cycles: ProgressCycle[] = access.flatMap((cycle) => {
    const row = byId.get(cycle.reviewId);
    if (!row) return [];
    return [{ reviewId: row.id, kind: row.kind, date: (row.issuedAt ?? row.createdAt).toISOString(), issued: row.phase === "issued" }];
  });
  const factors = listLocalizedFactors(framework, locale).map((factor) => ({
    factorId: factor.id,
    number: factor.number,
    title: factor.title,
    ratings: access.map((cycle) => {
      const rating = ratings.get(cycle.reviewId)?.get(factor.id);
      return { self: cycle.self ? (rating?.self ?? null) : null, peer: cycle.peer ? (rating?.peer ?? null) : null };
    }),
  }));
  let followUp: ProgressFollowUp | null = null;
  const followed = followUpOf ? byId.get(followUpOf) : undefined;
  const previous = followed?.previousReviewId ? await db.select().from(reviews).where(eq(reviews.id, followed.previousReviewId)).get() : undefined;
  if (followed && previous && verdicts) {
    const previousFramework = getFramework(previous.frameworkId);
    const number = (factorId: string) => previousFramework?.keyFactors.find((factor) => factor.id === factorId)?.number ?? 0;
    followUp = {
      previousReviewId: previous.id,
      previousDate: (previous.issuedAt ?? previous.createdAt).toISOString(),
      lines: (await followUpLines(followed.id, previous.id)).map((row) => ({
        recommendationId: row.id,
        factorNumber: number(row.factorId),
        text: row.text,
        verdict: row.verdict,
      })),
    };
  }
  return { cycles, factors, followUp };
}

async function followUpLines(reviewId: string, previousReviewId: string) {
  return db
    .select({ id: recommendations.id, factorId: recommendations.factorId, text: recommendations.text, verdict: followUps.verdict })
    .from(recommendations)
    .innerJoin(conclusions, and(eq(conclusions.reviewId, recommendations.reviewId), eq(conclusions.factorId, recommendations.factorId)))
    .leftJoin(followUps, and(eq(followUps.recommendationId, recommendations.id), eq(followUps.reviewId, reviewId)))
    .where(and(eq(recommendations.reviewId, previousReviewId), eq(conclusions.state, "agreed")))
    .orderBy(asc(recommendations.factorId), asc(recommendations.position))
    .all();
}

/** What a member may read of each review of a chain: their own role there, in its phase (no role: nothing). */
export async function accessOf(reviewIds: string[], userId: string): Promise<CycleAccess[]> {
  if (!reviewIds.length) return [];
  const roles = await db
    .select({ reviewId: reviewMembers.reviewId, role: reviewMembers.role, phase: reviews.phase })
    .from(reviewMembers)
    .innerJoin(reviews, eq(reviews.id, reviewMembers.reviewId))
    .where(and(eq(reviewMembers.userId, userId), inArray(reviewMembers.reviewId, reviewIds)))
    .all();
  return reviewIds.flatMap((reviewId) => {
    const member = roles.find((row) => row.reviewId === reviewId);
    if (!member || !can(member.role, "review:read", member.phase)) return [];
    return [{ reviewId, self: can(member.role, "self-assessment:read", member.phase), peer: can(member.role, "conclusions:read", member.phase) }];
  });
}

/** The progress a member reads on a review's overview: the cycles of its chain they are a member of. */
export async function getReviewProgress({ reviewId, userId, locale, verdicts }: { reviewId: string; userId: string; locale: Locale; verdicts: boolean }) {
  const chain = await cycleChain(reviewId);
  if (chain.length < 2) return null;
  return buildProgress({ cycles: await accessOf(chain, userId), locale, followUpOf: reviewId, verdicts });
}

/** A city and the reviews of it the reader may see (the administrator: all, without their content), oldest first. */
export async function getCityHistory({ cityId, user }: { cityId: string; user: { id: string; isAdmin: boolean } }) {
  const city = await db.select().from(cities).where(eq(cities.id, cityId)).get();
  if (!city) return null;
  const all = await db
    .select({
      id: reviews.id,
      kind: reviews.kind,
      phase: reviews.phase,
      frameworkId: reviews.frameworkId,
      frameworkVersion: reviews.frameworkVersion,
      visitStart: reviews.visitStart,
      visitEnd: reviews.visitEnd,
      issuedAt: reviews.issuedAt,
      createdAt: reviews.createdAt,
      timeZone: reviews.timeZone,
      previousReviewId: reviews.previousReviewId,
      archivedAt: reviews.archivedAt,
    })
    .from(reviews)
    .where(eq(reviews.cityId, cityId))
    .orderBy(asc(reviews.createdAt), asc(reviews.id))
    .all();
  const roles = await db
    .select({ reviewId: reviewMembers.reviewId, role: reviewMembers.role })
    .from(reviewMembers)
    .where(and(eq(reviewMembers.userId, user.id), inArray(reviewMembers.reviewId, all.map((review) => review.id).concat(""))))
    .all();
  const visible = all.flatMap((review) => {
    const member = roles.find((row) => row.reviewId === review.id)?.role ?? null;
    // A role that may not read the review (a plan partner reads only its plan actions) does not list it.
    const role = member && can(member, "review:read", review.phase) ? member : null;
    if (!role && !user.isAdmin) return [];
    return [{ ...review, role }];
  });
  return { city, reviews: visible };
}

/**
 * The recommendation a follow-up is about, checked against the review: refused (nothing written)
 * when it belongs to another city's review, or to one of this city's reviews other than the
 * previous cycle.
 */
async function followedRecommendation(tx: Tx, reviewId: string, recommendationId: string) {
  const review = await tx.select({ cityId: reviews.cityId, previousReviewId: reviews.previousReviewId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) refuse(404, "errors.notFound");
  const rec = await tx
    .select({ id: recommendations.id, reviewId: recommendations.reviewId, cityId: reviews.cityId })
    .from(recommendations)
    .innerJoin(reviews, eq(reviews.id, recommendations.reviewId))
    .where(eq(recommendations.id, recommendationId))
    .get();
  if (!rec) refuse(404, "cycles:followUp.notPrevious", { field: "recommendationId" });
  if (rec.cityId !== review.cityId) refuse(409, "cycles:followUp.otherCity", { field: "recommendationId" });
  if (rec.reviewId !== review.previousReviewId) refuse(409, "cycles:followUp.notPrevious", { field: "recommendationId" });
  return rec;
}

type Tx = AsyncDb;

async function currentFollowUp(tx: Tx, reviewId: string, recommendationId: string) {
  return tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.reviewId, reviewId), eq(followUps.recommendationId, recommendationId)))
    .get();
}

/** The host team says what was done about one of the previous cycle's recommendations (audited). */
export async function saveHostAccount({
  reviewId,
  recommendationId,
  text,
  userId,
}: {
  reviewId: string;
  recommendationId: string;
  text: string;
  userId: string;
}) {
  await transaction(db, async (tx) => {
    await followedRecommendation(tx, reviewId, recommendationId);
    const current = await currentFollowUp(tx, reviewId, recommendationId);
    const now = new Date();
    await tx
      .insert(followUps)
      .values({ reviewId, recommendationId, hostAccount: text, hostUpdatedBy: userId, hostUpdatedAt: now })
      .onConflictDoUpdate({
        target: [followUps.reviewId, followUps.recommendationId],
        set: { hostAccount: text, hostUpdatedBy: userId, hostUpdatedAt: now, version: (current?.version ?? 0) + 1 },
      })
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "report-done",
      entity: "follow-up",
      entityId: recommendationId,
      before: current ? { hostAccount: current.hostAccount } : null,
      after: { hostAccount: text },
    });
  });
}

/**
 * The peer team's verdict on one of the previous cycle's recommendations, resting on an item of
 * this review's evidence log (audited). A recommendation of another city is refused, nothing written.
 */
export async function recordVerdict({
  reviewId,
  recommendationId,
  verdict,
  evidenceId,
  userId,
}: {
  reviewId: string;
  recommendationId: string;
  verdict: FollowUpVerdict;
  evidenceId: string;
  userId: string;
}) {
  await transaction(db, async (tx) => {
    await followedRecommendation(tx, reviewId, recommendationId);
    const item = await tx
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.id, evidenceId), eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .get();
    if (!item) refuse(400, "cycles:followUp.evidenceUnknown", { field: "evidenceId" });
    const current = await currentFollowUp(tx, reviewId, recommendationId);
    const now = new Date();
    await tx
      .insert(followUps)
      .values({ reviewId, recommendationId, verdict, evidenceId, verdictBy: userId, verdictAt: now })
      .onConflictDoUpdate({
        target: [followUps.reviewId, followUps.recommendationId],
        set: { verdict, evidenceId, verdictBy: userId, verdictAt: now, version: (current?.version ?? 0) + 1 },
      })
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "verdict",
      entity: "follow-up",
      entityId: recommendationId,
      before: current ? { verdict: current.verdict, evidenceId: current.evidenceId } : null,
      after: { verdict, evidenceId },
    });
  });
}

/** The evidence items of the review's log a verdict can cite, newest first, as short lines. */
export async function listCitableEvidence({ reviewId }: { reviewId: string }) {
  return db
    .select({ id: evidence.id, text: evidence.text, createdAt: evidence.createdAt })
    .from(evidence)
    .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
    .orderBy(desc(evidence.createdAt), asc(evidence.id))
    .all();
}

/**
 * The previous cycle's recommendations a recommendation of this review may continue (same city,
 * the previous cycle only, its agreed conclusions'): the same factor's first, then by factor.
 */
export async function listContinuable({ reviewId, factorId }: { reviewId: string; factorId: string }) {
  const review = await db.select({ previousReviewId: reviews.previousReviewId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review?.previousReviewId) return null;
  const previous = await db
    .select({ frameworkId: reviews.frameworkId, issuedAt: reviews.issuedAt, createdAt: reviews.createdAt })
    .from(reviews)
    .where(eq(reviews.id, review.previousReviewId))
    .get();
  if (!previous) return null;
  const framework = getFramework(previous.frameworkId);
  const number = (id: string) => framework?.keyFactors.find((factor) => factor.id === id)?.number ?? 0;
  const rows = (await followUpLines(reviewId, review.previousReviewId)).map((row) => ({
    id: row.id,
    factorId: row.factorId,
    factorNumber: number(row.factorId),
    text: row.text,
  }));
  const items = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => Number(b.row.factorId === factorId) - Number(a.row.factorId === factorId) || a.row.factorNumber - b.row.factorNumber || a.index - b.index)
    .map(({ row }) => row);
  return { date: previous.issuedAt ?? previous.createdAt, items };
}
