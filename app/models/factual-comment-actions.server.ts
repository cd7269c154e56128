import { redirect } from "@remix-run/node";
import type { CommentPart } from "#db/schema";
import type { ReviewAccess } from "#app/utils/auth.server";
import { parseSubmission } from "#app/utils/forms";
import { invalid, refused } from "#app/utils/forms.server";
import { asRefusal } from "#app/utils/refusal";
import { addComment, replyToComment, resolveComment, type CommentScope, type CommentTarget } from "./comment.server";
import { CommentSchema, ReplySchema, ResolveSchema, type CommentIntent, type CommentSubmission } from "./factual-comment-schema";
import { appOrigin, notify } from "./notification.server";

/*
 * What a thread's forms do on the server, the same on each page that carries one: the comment,
 * answer or closing is stored, and in the same transaction the peer team (everyone who may answer,
 * the host team too for answers and closings) is told, except whoever wrote it.
 */

/** The page of a comment's part, where its thread is read and answered. */
export function commentPath(reviewId: string, comment: { id: string; part: CommentPart | string; factorId: string | null }) {
  const page = comment.part === "summary" ? "summary" : comment.part === "plan" || !comment.factorId ? "plan" : `conclusions/${comment.factorId}`;
  return `/reviews/${reviewId}/${page}#comment-${comment.id}`;
}

/** What a notification says of a comment: its part, its factor's number, and where it leads. */
function told(reviewId: string, comment: { id: string; part: string; factorId: string | null }) {
  const number = comment.factorId ? Number(comment.factorId.replace(/^[a-z]+-0*/, "")) || undefined : undefined;
  return { part: comment.part, number, path: commentPath(reviewId, comment) };
}

/**
 * Runs one thread form as `access` (the route has already checked its permission): `target` says
 * what a new comment is about; replies and closings name their comment, within `scope`. Refusals from the model
 * (closed comment, missing note, factual check over) are thrown for the route to answer.
 */
export async function runCommentIntent({
  request,
  access,
  submitted,
  target,
  scope,
}: {
  request: Request;
  access: ReviewAccess;
  submitted: CommentSubmission;
  target: (about: string | null) => CommentTarget;
  /** The comments the page's answer and closing forms act on; another page's comment is not found. */
  scope: CommentScope;
}) {
  const { review, user } = access;
  const tell = { reviewId: review.id, audience: "comments:reply" as const, except: user.id, origin: appOrigin(request) };
  switch (submitted.intent) {
    case "comment":
      // The peer team hears of the comment; the other host members and readers do not need to.
      await addComment({
        reviewId: review.id,
        target: target(submitted.about),
        authorId: user.id,
        text: submitted.text,
        onCreated: (tx, comment) => notify(tx, { ...tell, kind: "factual-comment", params: { ...told(review.id, comment), by: user.name } }),
      });
      return;
    case "reply":
      await replyToComment({
        reviewId: review.id,
        commentId: submitted.commentId,
        scope,
        authorId: user.id,
        text: submitted.text,
        onReplied: (tx, comment) => notify(tx, { ...tell, kind: "factual-reply", params: { ...told(review.id, comment), by: user.name } }),
      });
      return;
    case "resolve":
      await resolveComment({
        reviewId: review.id,
        commentId: submitted.commentId,
        scope,
        userId: user.id,
        outcome: submitted.outcome,
        response: submitted.response,
        onClosed: (tx, comment) =>
          notify(tx, { ...tell, kind: "factual-closed", params: { ...told(review.id, comment), outcome: submitted.outcome, by: user.name } }),
      });
      return;
  }
}

/**
 * The answer of a page's action to one of its thread forms, once the route has checked the intent's
 * permission: bad input and refusals go back to the form with what was typed (decision 0009);
 * a stored comment, answer or closing sends the user back to `page`'s threads.
 */
export async function answerThreadForm({
  request,
  access,
  form,
  intent,
  target,
  scope,
  page,
}: {
  request: Request;
  access: ReviewAccess;
  form: FormData;
  intent: CommentIntent;
  target: (about: string | null) => CommentTarget;
  scope: CommentScope;
  /** The page's path, e.g. /reviews/<id>/summary. */
  page: string;
}) {
  const submission = parseSubmission(form, intent === "comment" ? CommentSchema : intent === "reply" ? ReplySchema : ResolveSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await runCommentIntent({ request, access, submitted: submission.value, target, scope });
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
  return redirect(`${page}?done=${intent}#comments`);
}
