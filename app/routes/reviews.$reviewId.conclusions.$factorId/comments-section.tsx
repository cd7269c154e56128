import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { ChoiceGroup, FormError, TextAreaField } from "#app/components/field";
import { FactualComment } from "#app/components/factual-comment";
import { DraftRestored } from "#app/components/leave-guard";
import { useFormDraft } from "#app/utils/drafts";
import { COMMENT_OUTCOMES } from "#db/enums";
import type { loader } from "./route";
import { CommentSchema, ReplySchema, ResolveSchema } from "./schema";
import { Done, usePageForm } from "./shared";
import { useTextLanguage } from "#app/utils/text-language";

export function CommentsSection() {
  const textLang = useTextLanguage();
  const { comments, can, phase, factor } = useLoaderData<typeof loader>();
  const commentForm = usePageForm(CommentSchema, "comment-form", "comment");
  const draft = useFormDraft(`comment:${factor.id}`);
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("conclusions");
  if (!comments || (!comments.length && !can.comment && phase !== "factual-check")) return null;
  return (
    <section id="comments" aria-labelledby="comments-title" className="comments">
      <h2 id="comments-title">{t("comments.title")}</h2>
      <p className="muted">{t("comments.intro")}</p>
      <Done intents={["comment", "reply", "resolve"]} />
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
        <p>{t("comments.none")}</p>
      )}
      {can.comment ? (
        <Form method="post" preventScrollReset className="card no-print" key={comments.length} {...commentForm.formProps} {...draft.formProps}>
          <input type="hidden" name="intent" value="comment" />
          <input {...draft.fieldProps} />
          <DraftRestored draft={draft} />
          <FormError message={commentForm.formError} />
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
      ) : null}
    </section>
  );
}

/** An answer in the thread, from the host team or the peer team. */
export function ReplyForm({ commentId }: { commentId: string }) {
  const replyForm = usePageForm(ReplySchema, `reply-${commentId}`, "reply", { field: "commentId", id: commentId });
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
export function ResolveForm({ commentId }: { commentId: string }) {
  const textLang = useTextLanguage();
  const resolveForm = usePageForm(ResolveSchema, `resolve-${commentId}`, "resolve", { field: "commentId", id: commentId });
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
