import { aliasedTable, and, asc, eq } from "drizzle-orm";
import { factualComments, reviews, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { writeAudit } from "./audit.server";
import { refuse, type Tx } from "./conclusion.server";
import { newId } from "./user.server";

/*
 * Factual comments: during the factual check the host team points out errors of fact in the
 * draft conclusions, factor by factor, and the lead expert answers or resolves each one. They
 * stay in the record (audit and this table) and never go into the report.
 */

function assertFactualCheck(tx: Tx, reviewId: string) {
  const review = tx.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) refuse(404, "conclusions:errors.noReview");
  if (review.phase !== "factual-check") refuse(409, "conclusions:errors.notFactualCheck");
}

const resolver = aliasedTable(users, "resolver");

export async function listComments({ reviewId, factorId }: { reviewId: string; factorId: string }) {
  return db
    .select({
      id: factualComments.id,
      text: factualComments.text,
      createdAt: factualComments.createdAt,
      authorName: users.name,
      response: factualComments.response,
      resolvedAt: factualComments.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(factualComments)
    .leftJoin(users, eq(users.id, factualComments.authorId))
    .leftJoin(resolver, eq(resolver.id, factualComments.resolvedBy))
    .where(and(eq(factualComments.reviewId, reviewId), eq(factualComments.factorId, factorId)))
    .orderBy(asc(factualComments.createdAt), asc(factualComments.id));
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

export async function addComment({ reviewId, factorId, authorId, text }: { reviewId: string; factorId: string; authorId: string; text: string }) {
  const body = text.trim();
  if (!body) refuse(400, "errors.required", { field: "text" });
  return db.transaction((tx) => {
    assertFactualCheck(tx, reviewId);
    const id = newId();
    tx.insert(factualComments).values({ id, reviewId, factorId, text: body, authorId, createdAt: new Date() }).run();
    writeAudit(tx, { reviewId, userId: authorId, action: "create", entity: "factual-comment", entityId: id, after: { factorId, text: body } });
    return { id };
  });
}

/** The lead expert's answer closes the comment; the answer may be empty when nothing needs saying. */
export async function resolveComment({
  reviewId,
  factorId,
  commentId,
  userId,
  response,
}: {
  reviewId: string;
  factorId: string;
  commentId: string;
  userId: string;
  response: string;
}) {
  return db.transaction((tx) => {
    assertFactualCheck(tx, reviewId);
    const comment = tx
      .select({ id: factualComments.id, resolvedAt: factualComments.resolvedAt })
      .from(factualComments)
      .where(and(eq(factualComments.id, commentId), eq(factualComments.reviewId, reviewId), eq(factualComments.factorId, factorId)))
      .get();
    if (!comment) refuse(404, "conclusions:errors.noComment");
    if (comment.resolvedAt) refuse(409, "conclusions:errors.alreadyResolved");
    const answer = response.trim() || null;
    tx.update(factualComments).set({ response: answer, resolvedBy: userId, resolvedAt: new Date() }).where(eq(factualComments.id, commentId)).run();
    writeAudit(tx, { reviewId, userId, action: "resolve", entity: "factual-comment", entityId: commentId, after: { response: answer } });
  });
}
