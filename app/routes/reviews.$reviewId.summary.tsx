import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, rowsToFit, TextAreaField } from "#app/components/field";
import { Paragraphs } from "#app/components/paragraphs";
import { asRefusal } from "#app/models/conclusion.server";
import { getSummary, saveSummary } from "#app/models/summary.server";
import { CommentThreads } from "#app/components/comment-thread";
import { listComments } from "#app/models/comment.server";
import { answerThreadForm } from "#app/models/factual-comment-actions.server";
import { isCommentIntent } from "#app/models/factual-comment-schema";
import { DraftRestored } from "#app/components/leave-guard";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { useFormDraft } from "#app/utils/drafts";
import { isFormResult, parseSubmission, readResult, submittedValue, useSchemaForm } from "#app/utils/forms";
import { invalid, phaseClosed, phaseClosedBy, readForm, refused, unparsedSubmission } from "#app/utils/forms.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { msg, optionalText } from "#app/utils/validation";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";
import { useTextLanguage } from "#app/utils/text-language";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.summary"));
  const summary = await getSummary({ reviewId: access.review.id });
  return {
    summary,
    canWrite: hasPermission(access, "summary:write"),
    phase: access.review.phase,
    // The factual check's threads on the executive summary, for whoever may read comments.
    comments: hasPermission(access, "comments:read") ? await listComments({ reviewId: access.review.id, parts: ["summary"] }) : null,
    can: {
      comment: hasPermission(access, "comments:write"),
      reply: hasPermission(access, "comments:reply"),
      resolve: hasPermission(access, "comments:resolve"),
    },
  };
}

const SummarySchema = z.object({
  version: z
    .string({ error: msg("conclusions:errors.badVersion") })
    .regex(/^\d+$/, msg("conclusions:errors.badVersion"))
    .transform(Number),
  executiveSummary: optionalText(20_000),
  crossCuttingConclusions: optionalText(20_000),
});

type SummaryConflict = { executiveSummary: string; crossCuttingConclusions: string; version: number };

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const form = await readForm(request);
  // The summary's own form is the page's main one: a post without an intent is that form.
  const intent = String(form.get("intent") || "save-summary");
  if (intent !== "save-summary" && !isCommentIntent(intent)) return invalid(unparsedSubmission(form), { formErrors: ["conclusions:errors.unknownIntent"] });
  try {
    authorize(access, actionPermission("reviews.$reviewId.summary", intent), request);
  } catch (error) {
    // The phase moved on (e.g. the review was issued) while the user typed: say so, keep the text.
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    return phaseClosed(unparsedSubmission(form), phase, phase === "issued" ? "conclusions:errors.issued" : "conclusions:errors.wrongPhase");
  }
  const { review, user } = access;
  if (isCommentIntent(intent)) {
    return answerThreadForm({
      request,
      access,
      form,
      intent,
      target: () => ({ part: "summary" }),
      scope: { parts: ["summary"] },
      page: `/reviews/${review.id}/summary`,
    });
  }
  const submission = parseSubmission(form, SummarySchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await saveSummary({ reviewId: review.id, userId: user.id, ...submission.value });
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
  return redirect(`/reviews/${review.id}/summary?done=summary`);
}

export const clientAction = keepTextOnFailure;

export default function Summary() {
  const textLang = useTextLanguage();
  const { summary, canWrite, comments, can, phase } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("conclusions");
  // Only the summary form's answer: the thread forms read theirs themselves.
  const result = isFormResult(actionData) && !isCommentIntent(String(submittedValue(actionData, "intent") ?? "")) ? actionData : null;
  const [form] = useSchemaForm(SummarySchema, { id: "summary-form", lastResult: result });
  const draft = useFormDraft("summary");
  const failure = result ? readResult<SummaryConflict>(result) : null;
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const conflict = failure?.conflict;
  const value = (name: "executiveSummary" | "crossCuttingConclusions") => (failure ? String(failure.values[name] ?? "") : summary[name]);
  return (
    <>
      <h1>{t("summary.title")}</h1>
      <p className="muted">{t("summary.intro")}</p>
      {searchParams.get("done") === "summary" ? (
        <p className="notice ok" role="status">
          {t("done.summary")}
        </p>
      ) : null}
      {canWrite ? (
        <>
          {conflict ? (
            <div className="conflict card" role="alert">
              <h2>{t("conflict.title")}</h2>
              <p>{t("conflict.intro")}</p>
              <h3>{t("conflict.theirs")}</h3>
              <h4>{t("summary.executiveSummary")}</h4>
              <Paragraphs className="prose" text={conflict.executiveSummary || t("summary.empty")} />
              <h4>{t("summary.crossCutting")}</h4>
              <Paragraphs className="prose" text={conflict.crossCuttingConclusions || t("summary.empty")} />
            </div>
          ) : null}
          <Form method="post" {...getFormProps(form)} {...draft.formProps}>
            <input type="hidden" name="intent" value="save-summary" />
            <input type="hidden" name="version" value={conflict ? conflict.version : summary.version} />
            <input {...draft.fieldProps} />
            <DraftRestored draft={draft} />
            {!conflict ? <FormError message={form.errors?.[0]} /> : null}
            <TextAreaField
              lang={textLang}
              label={t("summary.executiveSummary")}
              name="executiveSummary"
              className="long-text"
              rows={rowsToFit(value("executiveSummary"), { min: 12, lineChars: 90 })}
              defaultValue={value("executiveSummary")}
              errors={errors.executiveSummary}
            />
            <TextAreaField
              lang={textLang}
              label={t("summary.crossCutting")}
              name="crossCuttingConclusions"
              className="long-text"
              rows={rowsToFit(value("crossCuttingConclusions"), { min: 12, lineChars: 90 })}
              defaultValue={value("crossCuttingConclusions")}
              errors={errors.crossCuttingConclusions}
            />
            <div className="actions">
              <button type="submit" disabled={navigation.state !== "idle"}>
                {navigation.state === "submitting" ? t("common:status.saving") : t("summary.save")}
              </button>
              <span className="muted">{t("summary.version", { version: summary.version })}</span>
            </div>
          </Form>
        </>
      ) : (
        <>
          <section aria-labelledby="executive-title">
            <h2 id="executive-title">{t("summary.executiveSummary")}</h2>
            {summary.executiveSummary ? <Paragraphs text={summary.executiveSummary} /> : <p className="muted">{t("summary.empty")}</p>}
          </section>
          <section aria-labelledby="cross-title">
            <h2 id="cross-title">{t("summary.crossCutting")}</h2>
            {summary.crossCuttingConclusions ? <Paragraphs text={summary.crossCuttingConclusions} /> : <p className="muted">{t("summary.empty")}</p>}
          </section>
        </>
      )}
      <CommentThreads comments={comments} can={can} factualCheck={phase === "factual-check"} draftKey="comment:summary" empty={t("comments.noneSummary")} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.summary"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
