import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, TextAreaField } from "#app/components/field";
import { DraftRestored } from "#app/components/leave-guard";
import { useFormDraft } from "#app/utils/drafts";
import type { loader } from "./route";
import { CommentSchema, ResolveSchema } from "./schema";
import { Done, useFormatDate, usePageForm } from "./shared";

export function CommentsSection() {
  const { comments, can, phase, factor } = useLoaderData<typeof loader>();
  const commentForm = usePageForm(CommentSchema, "comment-form", "comment");
  const draft = useFormDraft(`comment:${factor.id}`);
  const navigation = useNavigation();
  const { t } = useTranslation("conclusions");
  const formatDate = useFormatDate();
  if (!comments || (!comments.length && !can.comment && phase !== "factual-check")) return null;
  return (
    <section id="comments" aria-labelledby="comments-title" className="comments">
      <h2 id="comments-title">{t("comments.title")}</h2>
      <p className="muted">{t("comments.intro")}</p>
      <Done intents={["comment", "resolve"]} />
      {comments.length ? (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id} className="card comment">
              <p>
                <span className={`pill ${comment.resolvedAt ? "resolved" : "open"}`}>{comment.resolvedAt ? t("comments.resolved") : t("comments.open")}</span>{" "}
                <span className="muted">{t("comments.by", { name: comment.authorName ?? "—", date: formatDate(comment.createdAt) })}</span>
              </p>
              <p className="prose">{comment.text}</p>
              {comment.resolvedAt ? (
                <div className="comment-response">
                  <p className="muted">{t("comments.resolvedBy", { name: comment.resolvedByName ?? "—", date: formatDate(comment.resolvedAt) })}</p>
                  {comment.response ? <p className="prose">{comment.response}</p> : null}
                </div>
              ) : can.resolve ? (
                <ResolveForm commentId={comment.id} />
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("comments.none")}</p>
      )}
      {can.comment ? (
        <Form method="post" preventScrollReset className="card no-print" key={comments.length} {...commentForm.formProps} {...draft.formProps}>
          <input type="hidden" name="intent" value="comment" />
          <input {...draft.fieldProps} />
          <DraftRestored draft={draft} />
          <FormError message={commentForm.formError} />
          <TextAreaField
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
      ) : null}
    </section>
  );
}

export function ResolveForm({ commentId }: { commentId: string }) {
  const resolveForm = usePageForm(ResolveSchema, `resolve-${commentId}`, "resolve", { field: "commentId", id: commentId });
  const draft = useFormDraft(`resolve:${commentId}`);
  const navigation = useNavigation();
  const { t } = useTranslation("conclusions");
  return (
    <Form method="post" preventScrollReset className="resolve-form no-print" {...resolveForm.formProps} {...draft.formProps}>
      <input type="hidden" name="intent" value="resolve" />
      <input {...draft.fieldProps} />
      <DraftRestored draft={draft} />
      <input type="hidden" name="commentId" value={commentId} />
      <FormError message={resolveForm.formError} />
      <TextAreaField
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
