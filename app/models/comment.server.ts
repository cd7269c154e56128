import { aliasedTable, and, asc, eq, inArray, isNull } from "drizzle-orm";
import { factualCommentReplies, factualComments, recommendations, reviews, users, type CommentOutcome, type CommentPart } from "#db/schema";
import { requireFramework } from "#benchmark/index";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, transaction } from "#app/utils/db.server";

type Tx = AsyncDb;
import { writeAudit } from "./audit.server";
import { refuse } from "./conclusion.server";
import { newId } from "./user.server";

/*
 * The factual check as a conversation: during the factual check the host team points out errors
 * of fact in any part of the draft (a key factor's conclusion, one recommendation, the executive
 * summary, the plan); the host team and the peer team answer each other under the comment, and
 * the lead expert closes it as corrected, explained or not accepted, with a note. Comments stay
 * in the record (audit and these tables) and never go into the report.
 */

/** What a comment is about. A recommendation comment also belongs to its recommendation's factor. */
export type CommentTarget =
  { part: "factor"; factorId: string } | { part: "recommendation"; recommendationId: string } | { part: "summary" } | { part: "plan" };

async function assertFactualCheck(tx: Tx, reviewId: string) {
  const review = await tx.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) refuse(404, "conclusions:errors.noReview");
  if (review.phase !== "factual-check") refuse(409, "conclusions:errors.notFactualCheck");
}

const resolver = aliasedTable(users, "resolver");

const COMMENT_COLUMNS = {
  id: factualComments.id,
  part: factualComments.part,
  factorId: factualComments.factorId,
  recommendationId: factualComments.recommendationId,
  recommendationText: recommendations.text,
  text: factualComments.text,
  createdAt: factualComments.createdAt,
  authorName: users.name,
  response: factualComments.response,
  outcome: factualComments.outcome,
  resolvedAt: factualComments.resolvedAt,
  resolvedByName: resolver.name,
};

/**
 * The comments of a review with their threads, oldest first: all of them, or those about one
 * factor (the factor's own and its recommendations'), or about some parts (the summary; the plan and its recommendations).
 */
export async function listComments({ reviewId, factorId, parts }: { reviewId: string; factorId?: string; parts?: readonly CommentPart[] }) {
  const rows = await db
    .select(COMMENT_COLUMNS)
    .from(factualComments)
    .leftJoin(users, eq(users.id, factualComments.authorId))
    .leftJoin(resolver, eq(resolver.id, factualComments.resolvedBy))
    .leftJoin(recommendations, eq(recommendations.id, factualComments.recommendationId))
    .where(
      and(
        eq(factualComments.reviewId, reviewId),
        factorId !== undefined ? eq(factualComments.factorId, factorId) : undefined,
        parts !== undefined ? inArray(factualComments.part, [...parts]) : undefined,
      ),
    )
    .orderBy(asc(factualComments.createdAt), asc(factualComments.id));
  const replies = rows.length
    ? await db
        .select({
          id: factualCommentReplies.id,
          commentId: factualCommentReplies.commentId,
          text: factualCommentReplies.text,
          createdAt: factualCommentReplies.createdAt,
          authorName: users.name,
        })
        .from(factualCommentReplies)
        .leftJoin(users, eq(users.id, factualCommentReplies.authorId))
        .where(
          inArray(
            factualCommentReplies.commentId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(factualCommentReplies.createdAt), asc(factualCommentReplies.id))
    : [];
  return rows.map((row) => ({ ...row, replies: replies.filter((reply) => reply.commentId === row.id).map(({ commentId: _c, ...reply }) => reply) }));
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

/** The comments not closed yet, for the lead's issue confirmation. */
export async function listOpenComments({ reviewId }: { reviewId: string }) {
  return db
    .select({ id: factualComments.id, part: factualComments.part, factorId: factualComments.factorId, text: factualComments.text })
    .from(factualComments)
    .where(and(eq(factualComments.reviewId, reviewId), isNull(factualComments.resolvedAt)))
    .orderBy(asc(factualComments.createdAt), asc(factualComments.id));
}

/** Where a target lives: its part, and the factor it belongs to (none for the summary and the plan). */
async function locate(
  tx: Tx,
  reviewId: string,
  target: CommentTarget,
): Promise<{ part: CommentPart; factorId: string | null; recommendationId: string | null }> {
  if (target.part === "summary" || target.part === "plan") return { part: target.part, factorId: null, recommendationId: null };
  if (target.part === "recommendation") {
    const recommendation = await tx
      .select({ factorId: recommendations.factorId })
      .from(recommendations)
      .where(and(eq(recommendations.id, target.recommendationId), eq(recommendations.reviewId, reviewId)))
      .get();
    if (!recommendation) refuse(404, "conclusions:errors.noRecommendation", { field: "target" });
    return { part: "recommendation", factorId: recommendation.factorId, recommendationId: target.recommendationId };
  }
  const review = await tx.select({ frameworkId: reviews.frameworkId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) refuse(404, "conclusions:errors.noReview");
  const known = requireFramework(review.frameworkId).keyFactors.some((factor) => factor.id === target.factorId && !factor.retired);
  if (!known) refuse(404, "conclusions:errors.unknownFactor", { field: "target" });
  return { part: "factor", factorId: target.factorId, recommendationId: null };
}

export async function addComment({
  reviewId,
  target,
  factorId,
  authorId,
  text,
  onCreated,
}: {
  reviewId: string;
  /** What the comment is about; `factorId` alone is short for a comment on that factor. */
  target?: CommentTarget;
  factorId?: string;
  authorId: string;
  text: string;
  /** Runs inside the transaction that stores the comment (e.g. notify the peer team). */
  onCreated?: (tx: Tx, comment: { id: string; part: CommentPart; factorId: string | null }) => Promise<unknown>;
}) {
  const body = text.trim();
  if (!body) refuse(400, "errors.required", { field: "text" });
  const about = target ?? (factorId ? ({ part: "factor", factorId } as const) : null);
  if (!about) refuse(400, "errors.required", { field: "target" });
  return transaction(db, async (tx) => {
    await assertFactualCheck(tx, reviewId);
    const place = await locate(tx, reviewId, about);
    const id = newId();
    await tx
      .insert(factualComments)
      .values({ id, reviewId, ...place, text: body, authorId, createdAt: new Date() })
      .run();
    await writeAudit(tx, { reviewId, userId: authorId, action: "create", entity: "factual-comment", entityId: id, after: { ...place, text: body } });
    await onCreated?.(tx, { id, part: place.part, factorId: place.factorId });
    return { id };
  });
}

/** Which comments a page's forms may act on: those of one factor, or of some parts. */
export type CommentScope = { factorId?: string; parts?: readonly CommentPart[] };

async function openComment(tx: Tx, reviewId: string, commentId: string, { factorId, parts }: CommentScope = {}) {
  const comment = await tx
    .select({
      id: factualComments.id,
      part: factualComments.part,
      factorId: factualComments.factorId,
      resolvedAt: factualComments.resolvedAt,
      authorId: factualComments.authorId,
    })
    .from(factualComments)
    .where(
      and(
        eq(factualComments.id, commentId),
        eq(factualComments.reviewId, reviewId),
        factorId !== undefined ? eq(factualComments.factorId, factorId) : undefined,
        parts !== undefined ? inArray(factualComments.part, [...parts]) : undefined,
      ),
    )
    .get();
  if (!comment) refuse(404, "conclusions:errors.noComment");
  if (comment.resolvedAt) refuse(409, "conclusions:errors.alreadyResolved");
  return comment;
}

/** An answer in a comment's thread, from the host team or the peer team, while the comment is open. */
export async function replyToComment({
  reviewId,
  commentId,
  authorId,
  text,
  scope,
  onReplied,
}: {
  reviewId: string;
  commentId: string;
  /** When given, the comment must be one of these (the page's own forms). */
  scope?: CommentScope;
  authorId: string;
  text: string;
  onReplied?: (tx: Tx, comment: { id: string; part: CommentPart; factorId: string | null; authorId: string }) => Promise<unknown>;
}) {
  const body = text.trim();
  if (!body) refuse(400, "errors.required", { field: "text" });
  return transaction(db, async (tx) => {
    await assertFactualCheck(tx, reviewId);
    const comment = await openComment(tx, reviewId, commentId, scope);
    const id = newId();
    await tx.insert(factualCommentReplies).values({ id, commentId, authorId, text: body, createdAt: new Date() }).run();
    await writeAudit(tx, { reviewId, userId: authorId, action: "reply", entity: "factual-comment", entityId: commentId, after: { reply: id, text: body } });
    await onReplied?.(tx, comment);
    return { id };
  });
}

/**
 * The lead expert closes a comment as corrected, explained or not accepted. A comment explained
 * or not accepted needs a note saying why; a correction may speak for itself.
 */
export async function resolveComment({
  reviewId,
  factorId,
  scope,
  commentId,
  userId,
  outcome,
  response,
  onClosed,
}: {
  reviewId: string;
  /** When given, the comment must belong to this factor (the factor page's own form). */
  factorId?: string;
  /** When given, the comment must be one of these (the page's own forms). */
  scope?: CommentScope;
  commentId: string;
  userId: string;
  outcome: CommentOutcome;
  response: string;
  onClosed?: (tx: Tx, comment: { id: string; part: CommentPart; factorId: string | null; authorId: string }) => Promise<unknown>;
}) {
  return transaction(db, async (tx) => {
    await assertFactualCheck(tx, reviewId);
    const comment = await openComment(tx, reviewId, commentId, { ...scope, ...(factorId !== undefined ? { factorId } : {}) });
    const answer = response.trim() || null;
    if (!answer && outcome !== "corrected") refuse(400, "conclusions:errors.noteRequired", { field: "response" });
    await tx
      .update(factualComments)
      .set({ response: answer, outcome, resolvedBy: userId, resolvedAt: new Date() })
      .where(eq(factualComments.id, commentId))
      .run();
    await writeAudit(tx, { reviewId, userId, action: "resolve", entity: "factual-comment", entityId: commentId, after: { outcome, response: answer } });
    await onClosed?.(tx, comment);
  });
}
