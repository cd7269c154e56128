import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { ChoiceGroup, FormError, SelectField, TextAreaField } from "#app/components/field";
import { DraftRestored } from "#app/components/leave-guard";
import { CommentSchema, COMMENT_INTENTS, ReplySchema, ResolveSchema, type CommentIntent } from "#app/models/factual-comment-schema";
import { useFormDraft } from "#app/utils/drafts";
import { isFormResult, readResult, submittedValue, useSchemaForm } from "#app/utils/forms";
import { useTextLanguage } from "#app/utils/text-language";
import { useDates } from "#app/utils/use-dates";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { COMMENT_OUTCOMES } from "#db/enums";

/*
 * The factual check's threads, one component for every page that carries them (a key factor's
 * conclusion, the executive summary, the plan): the comments with their answers and closing, the
 * forms to answer and close each open one, and the host team's form for a new comment. The page's
 * action runs the forms with runCommentIntent (app/models/factual-comment-actions.server.ts) and
 * sends the user back with ?done=<intent>#comments.
 */

/** One factual-check comment as the pages list it (CommentRow from app/models/comment.server.ts). */
export type CommentView = {
  id: string;
  part: "factor" | "recommendation" | "summary" | "plan";
  recommendationText: string | null;
  text: string;
  createdAt: string | Date;
  authorName: string | null;
  response: string | null;
  outcome: "corrected" | "explained" | "not-accepted" | null;
  resolvedAt: string | Date | null;
  resolvedByName: string | null;
  replies: { id: string; text: string; createdAt: string | Date; authorName: string | null }[];
};

/** What the reader may do in the threads, from the permission matrix (comments:write, :reply, :resolve). */
export type ThreadRights = { comment: boolean; reply: boolean; resolve: boolean };

/**
 * The comments section of a page. `comments` is null when the reader may not read comments (the
 * section is then left out); `about` lists what a new comment may be about besides the page's own
 * part (its recommendations), `draftKey` names the new comment's local draft.
 */
export function CommentThreads({
  comments,
  can,
  factualCheck,
  draftKey,
  empty,
  about,
}: {
  comments: CommentView[] | null;
  can: ThreadRights;
  /** Whether the review is in the factual check: the section then shows even while empty. */
  factualCheck: boolean;
  draftKey: string;
  /** Said when there is no comment yet. */
  empty: string;
  about?: { page: string; recommendations: { id: string; label: string }[] };
}) {
  const { t } = useFrameworkTranslation("conclusions");
  if (!comments || (!comments.length && !can.comment && !factualCheck)) return null;
  return (
    <section id="comments" aria-labelledby="comments-title" className="comments">
      <h2 id="comments-title">{t("comments.title")}</h2>
      <p className="muted">{t("comments.intro")}</p>
      <Done />
      {comments.length ? (
        <ol className="comment-list">
          {comments.map((comment) => (
            <FactualComment
              key={comment.id}
              comment={comment}
              heading={
                comment.part === "recommendation" ? (
                  <p className="muted">{t("comments.onRecommendation", { text: comment.recommendationText ?? "—" })}</p>
                ) : null
              }
              actions={
                <>
                  {can.reply ? <ReplyForm commentId={comment.id} /> : null}
                  {can.resolve ? <ResolveForm commentId={comment.id} /> : null}
                </>
              }
            />
          ))}
        </ol>
      ) : (
        <p>{empty}</p>
      )}
      {can.comment ? <NewCommentForm key={comments.length} draftKey={draftKey} about={about} /> : null}
    </section>
  );
}

/**
 * A comment with its thread: its state (open, or closed with its outcome), the host team's text,
 * the answers in order, and the closing note. `actions` holds the forms the reader may use on it.
 */
export function FactualComment({
  comment,
  heading,
  actions,
}: {
  comment: Omit<CommentView, "part" | "recommendationText">;
  heading?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useFrameworkTranslation("conclusions");
  const dates = useDates();
  const when = (value: string | Date) => dates.dateTime(value);
  return (
    <li className="card comment" id={`comment-${comment.id}`}>
      {heading}
      <p>
        <span className={`pill ${comment.resolvedAt ? "resolved" : "open"}`}>{comment.resolvedAt ? t("comments.resolved") : t("comments.open")}</span>{" "}
        {comment.outcome ? <span className={`outcome-tag outcome-${comment.outcome}`}>{t(`comments.outcomes.${comment.outcome}`)}</span> : null}{" "}
        <span className="muted">{t("comments.by", { name: comment.authorName ?? "—", date: when(comment.createdAt) })}</span>
      </p>
      <p className="prose">{comment.text}</p>
      {comment.replies.length ? (
        <ol className="comment-replies" aria-label={t("comments.thread")}>
          {comment.replies.map((reply) => (
            <li key={reply.id}>
              <p className="muted">{t("comments.by", { name: reply.authorName ?? "—", date: when(reply.createdAt) })}</p>
              <p className="prose">{reply.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {comment.resolvedAt ? (
        <div className="comment-response">
          <p className="muted">{t("comments.resolvedBy", { name: comment.resolvedByName ?? "—", date: when(comment.resolvedAt) })}</p>
          {comment.response ? <p className="prose">{comment.response}</p> : null}
        </div>
      ) : (
        actions
      )}
    </li>
  );
}

/** The "done" notice after a thread form was sent (the page redirected with ?done=<intent>). */
function Done() {
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("conclusions");
  const done = searchParams.get("done");
  if (!done || !(COMMENT_INTENTS as readonly string[]).includes(done)) return null;
  return (
    <p className="notice ok" role="status">
      {t(`done.${done}`)}
    </p>
  );
}

/**
 * conform's state for one thread form, seeded from the action's answer when it answered this
 * form: several forms post to the page, so the intent (and the comment) tell which one it was for.
 */
function useThreadForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: Schema,
  id: string,
  intent: CommentIntent,
  commentId?: string,
) {
  const actionData = useActionData<unknown>();
  const answered =
    isFormResult(actionData) &&
    submittedValue(actionData, "intent") === intent &&
    (commentId === undefined || submittedValue(actionData, "commentId") === commentId);
  const lastResult = answered ? actionData : null;
  const [form] = useSchemaForm(schema, { id, lastResult });
  return {
    formProps: getFormProps(form),
    values: lastResult ? readResult(lastResult).values : null,
    errors: form.allErrors as Record<string, string[] | undefined>,
    formError: form.errors?.[0],
  };
}

function NewCommentForm({ draftKey, about }: { draftKey: string; about?: { page: string; recommendations: { id: string; label: string }[] } }) {
  const textLang = useTextLanguage();
  const commentForm = useThreadForm(CommentSchema, "comment-form", "comment");
  const draft = useFormDraft(draftKey);
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("conclusions");
  return (
    <Form method="post" preventScrollReset className="card no-print" {...commentForm.formProps} {...draft.formProps}>
      <input type="hidden" name="intent" value="comment" />
      <input {...draft.fieldProps} />
      <DraftRestored draft={draft} />
      <FormError message={commentForm.formError} />
      {about?.recommendations.length ? (
        <SelectField
          id="comment-about"
          label={t("comments.about")}
          name="about"
          defaultValue={String(commentForm.values?.about ?? "")}
          options={[{ value: "", label: about.page }, ...about.recommendations.map(({ id, label }) => ({ value: id, label }))]}
          errors={commentForm.errors.about}
        />
      ) : null}
      <TextAreaField
        lang={textLang}
        label={t("comments.add")}
        hint={t("comments.addHint")}
        name="text"
        rows={4}
        defaultValue={String(commentForm.values?.text ?? "")}
        errors={commentForm.errors.text}
      />
      <button type="submit" disabled={navigation.state !== "idle"}>
        {t("comments.submit")}
      </button>
    </Form>
  );
}

/** An answer in the thread, from the host team or the peer team. */
function ReplyForm({ commentId }: { commentId: string }) {
  const replyForm = useThreadForm(ReplySchema, `reply-${commentId}`, "reply", commentId);
  const draft = useFormDraft(`reply:${commentId}`);
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("conclusions");
  return (
    <Form method="post" preventScrollReset className="reply-form no-print" {...replyForm.formProps} {...draft.formProps}>
      <input type="hidden" name="intent" value="reply" />
      <input {...draft.fieldProps} />
      <DraftRestored draft={draft} />
      <input type="hidden" name="commentId" value={commentId} />
      <FormError message={replyForm.formError} />
      <TextAreaField
        id={`reply-${commentId}-text`}
        label={t("comments.reply")}
        name="text"
        rows={2}
        defaultValue={String(replyForm.values?.text ?? "")}
        errors={replyForm.errors.text}
      />
      <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
        {t("comments.sendReply")}
      </button>
    </Form>
  );
}

/** The lead expert closes the comment: corrected, explained or not accepted, with a note. */
function ResolveForm({ commentId }: { commentId: string }) {
  const textLang = useTextLanguage();
  const resolveForm = useThreadForm(ResolveSchema, `resolve-${commentId}`, "resolve", commentId);
  const draft = useFormDraft(`resolve:${commentId}`);
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("conclusions");
  return (
    <Form method="post" preventScrollReset className="resolve-form no-print" {...resolveForm.formProps} {...draft.formProps}>
      <input type="hidden" name="intent" value="resolve" />
      <input {...draft.fieldProps} />
      <DraftRestored draft={draft} />
      <input type="hidden" name="commentId" value={commentId} />
      <FormError message={resolveForm.formError} />
      <ChoiceGroup
        legend={t("comments.outcome")}
        name="outcome"
        type="radio"
        options={COMMENT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`comments.outcomes.${outcome}`) }))}
        value={typeof resolveForm.values?.outcome === "string" ? resolveForm.values.outcome : null}
        errors={resolveForm.errors.outcome}
      />
      <TextAreaField
        lang={textLang}
        id={`response-${commentId}`}
        label={t("comments.response")}
        hint={t("comments.responseHint")}
        name="response"
        rows={2}
        defaultValue={String(resolveForm.values?.response ?? "")}
        errors={resolveForm.errors.response}
      />
      <button type="submit" disabled={navigation.state !== "idle"}>
        {t("comments.resolve")}
      </button>
    </Form>
  );
}
