import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { localize, requireFramework } from "#benchmark/index";
import { CONTEXT_EFFECTS } from "#db/enums";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ChoiceGroup, FormError, TextAreaField } from "#app/components/field";
import { TextBlocks } from "#app/components/paragraphs";
import { effectField, noteField } from "#app/models/self-assessment-fields";
import { parseContextNotes } from "#app/models/self-assessment-form";
import { listContextNotes, saveContextNotes, type TheirContextNote } from "#app/models/context.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { getLocale } from "#app/utils/locale.server";
import { msg, type FieldErrors } from "#app/utils/validation";
import { isFormResult, readResult } from "#app/utils/forms";
import { conflicted, invalid, readForm, requireFormPermission, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { DraftRestored } from "#app/components/leave-guard";
import { useFormDraft } from "#app/utils/drafts";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { useTextLanguage } from "#app/utils/text-language";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.context"));
  const { review } = access;
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  const notes = await listContextNotes({ reviewId: review.id });
  return {
    reviewId: review.id,
    // ECCAR has no contextual factors: the page says so instead of showing an empty form.
    noContextualFactors: !framework.parts.contextualFactors,
    benchmark: localize(framework.shortTitle ?? framework.title, locale),
    intro: framework.contextualFactorsIntro ? localize(framework.contextualFactorsIntro, locale) : null,
    factors: framework.contextualFactors.map((factor) => ({
      id: factor.id,
      title: localize(factor.title, locale),
      description: localize(factor.description, locale),
      implications: localize(factor.implications, locale),
      saved: notes[factor.id] ?? null,
    })),
    canWrite: hasPermission(access, "context:write"),
    stamp: framework.contextualFactors.map((factor) => notes[factor.id]?.version ?? 0).join("."),
  };
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  // The phase moved on while the page was open: explain beside the form and give the text back.
  const gate = await requireFormPermission(request, params.reviewId, actionPermission("reviews.$reviewId.context"), (phase) =>
    msg("selfAssessment:phaseClosedForm", { phase }),
  );
  if (gate.closed) return gate.closed;
  const { access } = gate;
  if (!requireFramework(access.review.frameworkId).parts.contextualFactors) {
    throw data({ message: "selfAssessment:context.noContextualFactors" }, { status: 404 });
  }
  const form = await readForm(request);
  const submission = unparsedSubmission(form);
  const refuse = (errors: FieldErrors) => {
    const { _form: formErrors = ["errors.fixBelow"], ...fields } = errors;
    return invalid(submission, {
      formErrors,
      fieldErrors: Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string[]] => !!entry[1])),
    });
  };
  const parsed = parseContextNotes(form);
  if (Object.keys(parsed.errors).length) return refuse(parsed.errors);
  const result = await saveContextNotes({ reviewId: access.review.id, userId: access.user.id, notes: parsed.notes });
  if (result.status === "invalid") return refuse(result.errors);
  if (result.status === "conflict") return conflicted(submission, result.notes, ["selfAssessment:conflict.formError"]);
  return redirect(`/reviews/${access.review.id}/context?saved=${result.changes}`);
}

type Factor = ReturnType<typeof useLoaderData<typeof loader>>["factors"][number];

/** A contextual factor's title (marked when changed since the submission), its description and what it implies. */
function FactorHeading({ factor }: { factor: Factor }) {
  const { t } = useFrameworkTranslation("selfAssessment");
  return (
    <>
      <h2 id={`${factor.id}-title`}>
        {factor.title}
        {factor.saved?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
      </h2>
      <div className="grid-2">
        <div>
          <h3 className="sa-small-heading">{t("context.description")}</h3>
          <p>{factor.description}</p>
        </div>
        <div>
          <h3 className="sa-small-heading">{t("context.implications")}</h3>
          <p>{factor.implications}</p>
        </div>
      </div>
    </>
  );
}

function ReadOnlyNote({ factor }: { factor: Factor }) {
  const textLang = useTextLanguage();
  const { t } = useFrameworkTranslation("selfAssessment");
  if (!factor.saved?.note && !factor.saved?.effect) return <p className="muted">{t("context.noNote")}</p>;
  return (
    <>
      <p>
        <strong>{t("context.effect")}:</strong>{" "}
        {factor.saved.effect ? <span className={`pill sa-effect-${factor.saved.effect}`}>{t(`context.effects.${factor.saved.effect}`)}</span> : "—"}
      </p>
      {factor.saved.note ? (
        <div className="sa-answer-text" lang={textLang}>
          <TextBlocks text={factor.saved.note} />
        </div>
      ) : null}
    </>
  );
}

function ConflictNote({ id, theirs }: { id: string; theirs: TheirContextNote }) {
  const textLang = useTextLanguage();
  const { t } = useFrameworkTranslation("selfAssessment");
  const when = useDates().dateTime(theirs.updatedAt);
  return (
    <div className="sa-conflict" role="alert">
      <p>
        <strong>{t("conflict.title")}</strong> {t("conflict.explain", { name: theirs.updatedByName ?? t("conflict.someone"), when })}
      </p>
      <div className="sa-conflict__versions">
        <div>
          <h4>{t("conflict.theirs", { version: theirs.version })}</h4>
          <div className="sa-their-text">
            <p>
              {t("context.effect")}: {theirs.effect ? t(`context.effects.${theirs.effect}`) : "—"}
            </p>
            {theirs.note ? (
              <p className="sa-answer-text" lang={textLang}>
                {theirs.note}
              </p>
            ) : (
              <p className="muted">{t("context.noNote")}</p>
            )}
          </div>
        </div>
        <div>
          <h4>{t("conflict.yours")}</h4>
          <p>{t("conflict.yoursInBox")}</p>
        </div>
      </div>
      <div className="sa-conflict__actions">
        <button type="submit" name={`force.${id}`} value={theirs.version}>
          {t("conflict.keepMine")}
        </button>
        <button type="submit" name={`take.${id}`} value={theirs.version} className="secondary">
          {t("conflict.takeTheirs")}
        </button>
      </div>
    </div>
  );
}

export const clientAction = keepTextOnFailure;

export default function ContextPage() {
  const { noContextualFactors, benchmark } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("selfAssessment");
  if (!noContextualFactors) return <ContextForm />;
  return (
    <>
      <h1>{t("context.title")}</h1>
      <p className="notice">{t("context.noContextualFactors", { benchmark })}</p>
    </>
  );
}

function ContextForm() {
  const textLang = useTextLanguage();
  const { intro, factors, canWrite, stamp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("selfAssessment");
  const submitting = navigation.state === "submitting";
  // Typed notes stay on this computer until saved, and leaving with them asks first.
  const draft = useFormDraft("context");
  const dirty = draft.dirty;
  const attempt = useRef({ data: actionData, count: 0 });
  if (attempt.current.data !== actionData) attempt.current = { data: actionData, count: attempt.current.count + 1 };
  const failure = isFormResult(actionData) ? readResult<Record<string, TheirContextNote>>(actionData) : null;
  const values = failure?.values ?? {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const showForm = canWrite || Boolean(failure?.phaseClosed);
  const saved = searchParams.get("saved");

  return (
    <>
      <h1>{t("context.title")}</h1>
      <p className="sa-lead">{t("context.intro")}</p>
      {intro ? <p className="muted">{intro}</p> : null}
      {saved !== null && !actionData ? (
        <p className="notice ok" role="status">
          {saved === "0" ? t("factor.nothingChanged") : t("context.saved")}
        </p>
      ) : null}
      <FormError message={failure?.formError} />
      {showForm ? (
        <Form method="post" noValidate key={`${stamp}:${attempt.current.count}`} className="sa-context-form" {...draft.formProps}>
          <input {...draft.fieldProps} />
          <DraftRestored draft={draft} />
          {factors.map((factor) => {
            const conflict = failure?.conflict?.[factor.id] ?? null;
            return (
              <section key={factor.id} className="sa-context-factor card" aria-labelledby={`${factor.id}-title`}>
                <FactorHeading factor={factor} />
                <TextAreaField
                  lang={textLang}
                  id={`note-${factor.id}`}
                  name={noteField(factor.id)}
                  label={t("context.note", { title: factor.title })}
                  hint={t("context.noteHint")}
                  rows={5}
                  defaultValue={text(noteField(factor.id)) ?? factor.saved?.note ?? ""}
                  errors={failure?.errors[noteField(factor.id)]}
                  readOnly={Boolean(failure?.phaseClosed)}
                />
                <ChoiceGroup
                  legend={t("context.effectLegend", { title: factor.title })}
                  name={effectField(factor.id)}
                  type="radio"
                  options={CONTEXT_EFFECTS.map((effect) => ({ value: effect, label: t(`context.effects.${effect}`) }))}
                  value={text(effectField(factor.id)) ?? factor.saved?.effect ?? null}
                  errors={failure?.errors[effectField(factor.id)]}
                />
                <input type="hidden" name={`version.${factor.id}`} value={text(`version.${factor.id}`) ?? factor.saved?.version ?? 0} />
                {conflict ? <ConflictNote id={factor.id} theirs={conflict} /> : null}
                <div className="actions">
                  <button type="submit" disabled={submitting || Boolean(failure?.phaseClosed)}>
                    {submitting ? t("common:status.saving") : t("context.save")}
                  </button>
                  {dirty && !submitting ? <span className="muted">{t("common:status.unsaved")}</span> : null}
                </div>
              </section>
            );
          })}
        </Form>
      ) : (
        factors.map((factor) => (
          <section key={factor.id} className="sa-context-factor card" aria-labelledby={`${factor.id}-title`}>
            <FactorHeading factor={factor} />
            <h3 className="sa-small-heading">{t("context.hostNote")}</h3>
            <ReadOnlyNote factor={factor} />
          </section>
        ))
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.context"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
