// Over 400 lines for now: the factor page holds its loader, its write action and the answer form; the form component is the seam to split next.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { z } from "zod";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { getKeyFactor, localize, requireFramework } from "#benchmark/index";
import type { Phase } from "#db/enums";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError } from "#app/components/field";
import { TextBlocks } from "#app/components/paragraphs";
import { listDocumentsForFactor } from "#app/models/document.server";
import { listCityActions, recordsCityActions } from "#app/models/city-action.server";
import { answerField, versionField } from "#app/models/self-assessment-fields";
import { getFactorAssessment, saveFactorAssessment, type SaveResult } from "#app/models/self-assessment.server";
import { accessOf, confirmCarriedAnswer, getPreviousRatings } from "#app/models/cycle.server";
import { useDates } from "#app/utils/use-dates";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { getLocale } from "#app/utils/locale.server";
import { msg, type FieldErrors as FieldErrorMap } from "#app/utils/validation";
import { isFormResult, parseSubmission, readResult, submittedValue } from "#app/utils/forms";
import { conflicted, invalid, readForm, requireFormPermission, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { AnswerField } from "./answer-field";
import { AssessmentFields } from "./assessment-fields";
import { useItemSet } from "./autosave";
import { useFormatDateTime } from "./conflict-panel";
import { FactorDocuments } from "./factor-documents";
import { ReadOnlyFactor } from "./read-only-factor";
import { AnswerSchema, AssessmentSchema, parseWholeForm } from "#app/models/self-assessment-form";
import { guardWrites } from "#app/utils/storage.server";
import { useUnsavedText } from "#app/utils/drafts";
import { isSaveFailure, keepTextOnFailure } from "#app/utils/save-failures";

function notFound(): never {
  throw data({ message: "errors.factorNotFound" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.self-assessment.$factorId"));
  const { review } = access;
  const framework = requireFramework(review.frameworkId);
  const factor = getKeyFactor(framework, params.factorId ?? "");
  if (!factor) notFound();
  const locale = await getLocale(request);
  const l = (text: { fr: string; en: string }) => localize(text, locale);
  const [saved, documents, actions] = await Promise.all([
    getFactorAssessment({ reviewId: review.id, factorId: factor.id }),
    listDocumentsForFactor({ reviewId: review.id, factorId: factor.id }),
    // A plan of action (ECCAR): the actions the city runs under this commitment, on their own pages.
    recordsCityActions(framework) ? listCityActions({ reviewId: review.id, factorId: factor.id }) : null,
  ]);
  const factors = framework.keyFactors.filter((candidate) => !candidate.retired);
  const index = factors.findIndex((candidate) => candidate.id === factor.id);
  const neighbour = (position: number) => {
    const other = factors[position];
    return other ? { id: other.id, number: other.number, title: l(other.title) } : null;
  };
  const questions = factor.guidingQuestions.filter((question) => !question.retired);
  // The previous cycle's ratings of this factor, beside the form: the city's own, and the peers' where the reader may read them there.
  let peerShown = false;
  const previousCycle = await getPreviousRatings({
    reviewId: review.id,
    peerReadable: async (previous) => (peerShown = (await accessOf([previous.id], access.user.id))[0]?.peer ?? false),
  });
  const previousRating = previousCycle?.factors.get(factor.id);
  return {
    previousCycle: previousCycle
      ? {
          date: previousCycle.review.issuedAt ?? previousCycle.review.createdAt,
          self: previousRating?.self ?? null,
          peer: previousRating?.peer ?? null,
          kind: previousCycle.review.kind,
          // The peers' rating only where the reader may read it on the previous cycle (not "not rated" when hidden).
          peerShown,
        }
      : null,
    reviewId: review.id,
    factor: {
      id: factor.id,
      number: factor.number,
      title: l(factor.title),
      statement: l(factor.statement),
      rationale: factor.rationale ? l(factor.rationale) : null,
      questions: questions.map((question, position) => ({
        id: question.id,
        number: position + 1,
        text: l(question.text),
        subItems: question.subItems?.map(l) ?? [],
      })),
      examples: factor.examples.map((example) => ({ city: l(example.city), text: l(example.text) })),
    },
    ratingScale: framework.ratingScale.map((rating) => ({ id: rating.id, label: l(rating.label), description: l(rating.description) })),
    cityActions: actions ? { count: actions.length, titles: actions.map((action) => action.title) } : null,
    answers: saved.answers,
    assessment: saved.assessment,
    submission: saved.submission,
    documents: documents.map((document) => ({
      id: document.id,
      title: document.title,
      type: document.type,
      date: document.date,
      url: document.url,
      hasFile: document.hasFile,
      fileName: document.fileName,
      questionIds: document.questionIds,
    })),
    // Read-only for peers and the lead, and for the host team once the peer visit is over.
    canWrite: hasPermission(access, "self-assessment:write") && !factor.retired,
    previous: index > 0 ? neighbour(index - 1) : null,
    next: index >= 0 ? neighbour(index + 1) : null,
    // Changes whenever something was saved through a full form post, so the form starts afresh.
    stamp: [saved.assessment?.version ?? 0, ...questions.map((question) => saved.answers[question.id]?.version ?? 0)].join("."),
  };
}

const ConfirmCarriedSchema = z.object({ intent: z.literal("confirm-carried"), questionId: z.string().min(1).max(100) });

/** The page's phase-closed message, above the form, for whichever save the user started. */
const closedMessage = (phase: Phase) => msg("selfAssessment:phaseClosedForm", { phase });

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  // The phase moved on while the page was open: say so beside the form and give the text back.
  const gate = await requireFormPermission(request, params.reviewId, actionPermission("reviews.$reviewId.self-assessment.$factorId"), closedMessage);
  if (gate.closed) return gate.closed;
  const { review, user } = gate.access;
  const framework = requireFramework(review.frameworkId);
  const factor = getKeyFactor(framework, params.factorId ?? "");
  if (!factor || factor.retired) notFound();
  const form = await readForm(request);
  const intent = form.get("intent");

  // The host team keeps an answer carried over from the previous cycle as it stands.
  if (intent === "confirm-carried") {
    const submission = parseSubmission(form, ConfirmCarriedSchema);
    if (submission.status !== "success") return invalid(submission);
    await confirmCarriedAnswer({ reviewId: review.id, questionId: submission.value.questionId, userId: user.id });
    return redirect(`/reviews/${review.id}/self-assessment/${factor.id}?confirmed=${encodeURIComponent(submission.value.questionId)}`);
  }

  if (intent === "answer" || intent === "assessment") {
    const submission = parseSubmission(form, intent === "answer" ? AnswerSchema : AssessmentSchema);
    if (submission.status !== "success") return invalid(submission);
    const input = submission.value;
    const result = await saveFactorAssessment({
      reviewId: review.id,
      factorId: factor.id,
      userId: user.id,
      answers: input.intent === "answer" ? [{ questionId: input.questionId, text: input.text, version: input.version }] : [],
      assessment: input.intent === "assessment" ? { rating: input.rating, summary: input.summary, version: input.version } : null,
    });
    if (result.status === "unknown-factor") notFound();
    if (result.status === "invalid") {
      // The model names answer fields "answer.<id>"; a single answer's box is "text".
      const { _form: formErrors, ...fields } = result.errors;
      const fieldErrors: Record<string, string[]> = {};
      for (const [field, messages] of Object.entries(fields)) if (messages) fieldErrors[field.startsWith("answer.") ? "text" : field] = messages;
      return invalid(submission, { fieldErrors, formErrors });
    }
    if (result.status === "conflict") return conflicted(submission, result, []);
    if (input.intent === "answer") {
      const saved = result.answers[input.questionId]!;
      // A written answer is no longer "carried over"; one saved unchanged keeps its mark until confirmed.
      const carriedOverFrom = result.changes
        ? null
        : ((await getFactorAssessment({ reviewId: review.id, factorId: factor.id })).answers[input.questionId]?.carriedOverFrom ?? null);
      return { ok: true as const, intent: "answer" as const, questionId: input.questionId, text: saved.text, version: saved.version, carriedOverFrom };
    }
    return { ok: true as const, intent: "assessment" as const, ...result.assessment! };
  }

  const parsed = parseWholeForm(form);
  const submission = unparsedSubmission(form);
  const refuse = (errors: FieldErrorMap) => {
    const { _form: formErrors = ["errors.fixBelow"], ...fields } = errors;
    return invalid(submission, {
      formErrors,
      fieldErrors: Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string[]] => !!entry[1])),
    });
  };
  if (Object.keys(parsed.errors).length) return refuse(parsed.errors);
  const result = await saveFactorAssessment({
    reviewId: review.id,
    factorId: factor.id,
    userId: user.id,
    answers: parsed.answers,
    assessment: parsed.assessment,
  });
  if (result.status === "unknown-factor") notFound();
  if (result.status === "invalid") return refuse(result.errors);
  if (result.status === "conflict") return conflicted(submission, result, ["selfAssessment:conflict.formError"]);
  return redirect(`/reviews/${review.id}/self-assessment/${factor.id}?saved=${result.changes}`);
}

export const clientAction = keepTextOnFailure;

export type SaveConflict = Extract<SaveResult, { status: "conflict" }>;

export default function FactorPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("selfAssessment");
  const formatDateTime = useFormatDateTime();
  const dates = useDates();
  const ratingLabel = (rating: string | null) =>
    rating ? (loaderData.ratingScale.find((item) => item.id === rating)?.label ?? rating) : t("conclusions:overview.notRated");
  const { reviewId, factor, answers, assessment, documents, canWrite, previous, next, submission, stamp } = loaderData;

  const [dirtyItems, onDirty] = useItemSet();
  // Background saves on their way, known at once (a click on "Save" first blurs the box, which sends).
  const busy = useRef(new Set<string>());
  const [busyChanges, setBusyChanges] = useState(0);
  const onBusy = useCallback((id: string, on: boolean) => {
    if (on) busy.current.add(id);
    else busy.current.delete(id);
    setBusyChanges((changes) => changes + 1);
  }, []);
  const submit = useSubmit();
  // A save of the whole page waits for them, so it carries the versions they bring back.
  const deferred = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (busy.current.size || !deferred.current) return;
    const submitter = deferred.current;
    deferred.current = null;
    submit(submitter as HTMLButtonElement, { method: "post" });
  }, [busyChanges, submit]);
  const submitting = navigation.state === "submitting";
  // Leaving with text the server does not have asks first (the shared leave guard, app/components/leave-guard.tsx).
  useUnsavedText(`self-assessment:${factor.id}`, dirtyItems.size > 0 && !submitting);

  // A full-form result (conflict, invalid, phase closed) re-seeds the fields with what was sent.
  const wholeFormResult = isFormResult(actionData) && !["answer", "assessment"].includes(String(submittedValue(actionData, "intent"))) ? actionData : null;
  const attempt = useRef({ data: wholeFormResult, count: 0 });
  if (attempt.current.data !== wholeFormResult) attempt.current = { data: wholeFormResult, count: attempt.current.count + 1 };
  const wholeForm = wholeFormResult ? readResult<SaveConflict>(wholeFormResult) : null;
  const values = wholeForm?.values ?? {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const phaseClosed = wholeForm?.phaseClosed ?? null;
  const showForm = canWrite || phaseClosed !== null;
  const saved = searchParams.get("saved");

  return (
    <>
      <p className="breadcrumb no-print">
        <Link to={`/reviews/${reviewId}/self-assessment`}>{t("overview.title")}</Link> › {t("factor.kicker", { number: factor.number })}
      </p>
      <h1>{t("factor.heading", { number: factor.number, title: factor.title })}</h1>
      <div className="sa-factor">
        <div className="sa-factor__main">
          <p className="sa-statement">{factor.statement}</p>
          {factor.rationale ? (
            <details className="sa-rationale">
              <summary>{t("factor.rationale")}</summary>
              <TextBlocks text={factor.rationale} />
            </details>
          ) : null}
          {loaderData.cityActions ? (
            <section className="card sa-city-actions" aria-labelledby="city-actions-title">
              <h2 id="city-actions-title">{t("cityActions:list.title")}</h2>
              <p>
                {loaderData.cityActions.count ? t("cityActions:list.link", { count: loaderData.cityActions.count }) : t("cityActions:list.linkNone")}
                {loaderData.cityActions.titles.length ? ` — ${loaderData.cityActions.titles.join(" · ")}` : ""}
              </p>
              <p>
                <Link to={`/reviews/${reviewId}/self-assessment/${factor.id}/actions`} className="button secondary">
                  {t("cityActions:list.manage")}
                </Link>
              </p>
            </section>
          ) : null}
          {submission ? <p className="muted">{t("submittedOn", { name: submission.byName ?? "—", when: formatDateTime(submission.at) })}</p> : null}
          {saved !== null && !wholeForm ? (
            <p className="notice ok" role="status">
              {saved === "0" ? t("factor.nothingChanged") : t("factor.saved")}
            </p>
          ) : null}
          {wholeForm ? <FormError message={wholeForm.formError ?? "errors.fixBelow"} /> : null}

          {loaderData.previousCycle ? (
            <p className="notice" data-previous-cycle>
              {loaderData.previousCycle.kind === "peer-review" && loaderData.previousCycle.peerShown
                ? t("cycles:carried.previous", {
                    date: dates.day(loaderData.previousCycle.date, { month: "long" }),
                    self: ratingLabel(loaderData.previousCycle.self),
                    peer: ratingLabel(loaderData.previousCycle.peer),
                  })
                : t("cycles:carried.previousSelfOnly", {
                    date: dates.day(loaderData.previousCycle.date, { month: "long" }),
                    self: ratingLabel(loaderData.previousCycle.self),
                  })}
            </p>
          ) : null}
          {showForm ? (
            <Form
              method="post"
              noValidate
              key={`${stamp}:${attempt.current.count}`}
              className="sa-factor-form"
              onSubmit={(event) => {
                if (!busy.current.size) return;
                event.preventDefault();
                const submitter = (event.nativeEvent as SubmitEvent).submitter;
                deferred.current = submitter ?? event.currentTarget;
              }}
            >
              {factor.questions.map((question) => (
                <AnswerField
                  key={question.id}
                  question={question}
                  saved={answers[question.id]}
                  initialText={text(answerField(question.id)) ?? answers[question.id]?.text ?? ""}
                  initialVersion={Number(text(versionField(question.id)) ?? answers[question.id]?.version ?? 0)}
                  initialConflict={wholeForm?.conflict?.answers[question.id] ?? null}
                  initialErrors={wholeForm?.errors[answerField(question.id)]}
                  documents={documents.filter((document) => document.questionIds.includes(question.id))}
                  reviewId={reviewId}
                  onDirty={onDirty}
                  onBusy={onBusy}
                  carried={
                    answers[question.id]?.carriedOverFrom
                      ? {
                          mark: t("cycles:carried.mark", { date: dates.day(answers[question.id]!.carriedOverFrom!, { month: "long" }) }),
                          confirmForm: `confirm-${question.id}`,
                        }
                      : null
                  }
                />
              ))}
              <AssessmentFields
                ratingScale={loaderData.ratingScale}
                saved={assessment}
                initial={{
                  rating: text("rating") ?? assessment?.rating ?? null,
                  summary: text("summary") ?? assessment?.summary ?? "",
                  version: Number(text("factorVersion") ?? assessment?.version ?? 0),
                }}
                initialConflict={wholeForm?.conflict?.assessment ?? null}
                initialErrors={wholeForm ? { rating: wholeForm.errors.rating, summary: wholeForm.errors.summary } : {}}
                onDirty={onDirty}
                onBusy={onBusy}
              />
              <div className="actions">
                <button type="submit" name="intent" value="save" disabled={submitting || phaseClosed !== null}>
                  {submitting ? t("common:status.saving") : t("factor.save")}
                </button>
                <span className="muted">{t("factor.saveHint")}</span>
              </div>
            </Form>
          ) : (
            <ReadOnlyFactor data={loaderData} />
          )}

          {/* The confirm buttons beside carried-over answers submit these (a form cannot sit inside the page's form). */}
          {canWrite
            ? factor.questions
                .filter((question) => answers[question.id]?.carriedOverFrom)
                .map((question) => (
                  <Form key={question.id} method="post" id={`confirm-${question.id}`} hidden>
                    <input type="hidden" name="intent" value="confirm-carried" />
                    <input type="hidden" name="questionId" value={question.id} />
                  </Form>
                ))
            : null}
          {searchParams.get("confirmed") ? (
            <p className="notice ok" role="status">
              {t("cycles:carried.confirmed")}
            </p>
          ) : null}

          <FactorDocuments reviewId={reviewId} factorId={factor.id} documents={documents} canWrite={canWrite} />

          <nav className="sa-pager no-print" aria-label={t("factor.pager")}>
            {previous ? (
              <Link to={`/reviews/${reviewId}/self-assessment/${previous.id}`} rel="prev">
                <span aria-hidden="true">← </span>
                {t("conclusions:factor.title", { number: previous.number, title: previous.title })}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link to={`/reviews/${reviewId}/self-assessment/${next.id}`} rel="next">
                {/* "Factor 3: Coordination and governance", the wording the conclusions pages use. */}
                {t("conclusions:factor.title", { number: next.number, title: next.title })}
                <span aria-hidden="true"> →</span>
              </Link>
            ) : null}
          </nav>
        </div>

        <aside className="sa-factor__examples examples" aria-labelledby="examples-title">
          <h2 id="examples-title">{t("factor.examples")}</h2>
          <p className="hint muted">{t("factor.examplesHint")}</p>
          {factor.examples.length ? (
            factor.examples.map((example) => (
              <article key={example.city} className="sa-example">
                <h3>{example.city}</h3>
                <TextBlocks text={example.text} />
              </article>
            ))
          ) : (
            <p className="muted">{t("factor.noExamples")}</p>
          )}
        </aside>
      </div>
    </>
  );
}

/** Background saves change nothing else on the page: skip reloading its data after them. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, actionResult, defaultShouldRevalidate }) => {
  if (isSaveFailure(actionResult)) return false;
  const intent = formData?.get("intent");
  if (intent === "answer" || intent === "assessment") return false;
  return defaultShouldRevalidate;
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("titles.selfAssessmentFactor", { factor: `${data.factor.number}. ${data.factor.title}` }) : t("titles.selfAssessment")));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
