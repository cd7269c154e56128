import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef } from "react";
import { describeAttribution } from "#app/models/attribution";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { z } from "zod";
import { listLocalizedFactors, requireFramework } from "#benchmark/index";
import { getFormProps } from "@conform-to/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ChoiceGroup, FormError, SelectField, TextAreaField, TextField } from "#app/components/field";
import { deleteEvidence, evidenceFormSchema, getEvidence, restoreEvidence, updateEvidence } from "#app/models/evidence.server";
import { loadLogContext } from "#app/models/evidence-log.server";
import { evidenceSchema } from "#app/models/evidence-schema";
import { requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, canEditEvidence, evidenceEditor, loaderPermission } from "#app/utils/permissions";
import { getLocale } from "#app/utils/locale.server";
import { EVIDENCE_KINDS, POLARITIES } from "#db/enums";
import { isFormResult, parseSubmission, readResult, useSchemaForm } from "#app/utils/forms";
import { invalid, readForm, refusedWithForm, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { TextLanguageField } from "#app/components/text-language-field";
import { useTextLanguage } from "#app/utils/text-language";
import { DraftRestored } from "#app/components/leave-guard";
import { useFormDraft } from "#app/utils/drafts";
import { keepTextOnFailure } from "#app/utils/save-failures";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.evidence.$evidenceId"));
  const { review } = access;
  const item = await getEvidence({ reviewId: review.id, evidenceId: params.evidenceId ?? "" });
  if (!item) throw data({ message: "errors.evidenceNotFound" }, { status: 404 });
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  const context = await loadLogContext({ reviewId: review.id });
  const mayChange = canEditEvidence(evidenceEditor(access), item);
  return {
    item,
    canEdit: mayChange,
    factors: listLocalizedFactors(framework, locale),
    interviews: context.interviews,
    documents: context.documents,
  };
}

const IntentSchema = z.enum(["update", "delete", "restore"]);
const VersionSchema = z.coerce.number().int().min(1).optional().catch(undefined);

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, actionPermission("reviews.$reviewId.evidence.$evidenceId"));
  const { review } = access;
  const form = await readForm(request);
  const url = new URL(request.url);
  const evidenceId = params.evidenceId ?? "";
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return invalid(unparsedSubmission(form), { formErrors: ["evidence:errors.unknownIntent"] });
  // Only the author, or the lead expert, changes an item; a peer forging another's id gets 403 and keeps the text typed.
  const actor = evidenceEditor(access);
  const log = `/reviews/${review.id}/evidence`;
  const view = new URLSearchParams(url.searchParams);
  view.delete("deleted");
  view.delete("restored");
  view.delete("saved");

  if (intent.data === "update") {
    const submission = parseSubmission(form, evidenceFormSchema(requireFramework(review.frameworkId)));
    if (submission.status !== "success") return invalid(submission);
    const outcome = await updateEvidence({
      reviewId: review.id,
      evidenceId,
      actor,
      version: VersionSchema.parse(form.get("version") ?? undefined) ?? null,
      input: submission.value,
    });
    if (!outcome.ok) return refusedWithForm(submission, outcome.status, outcome.errors);
    view.set("saved", outcome.id);
    return redirect(`${log}?${view}`);
  }
  if (intent.data === "delete") {
    const outcome = await deleteEvidence({ reviewId: review.id, evidenceId, actor });
    if (!outcome.ok) return refusedWithForm(unparsedSubmission(form), outcome.status, outcome.errors);
    view.set("deleted", outcome.id);
    return redirect(`${log}?${view}`);
  }
  const outcome = await restoreEvidence({ reviewId: review.id, evidenceId, actor });
  if (!outcome.ok) return refusedWithForm(unparsedSubmission(form), outcome.status, outcome.errors);
  return redirect(`${log}/${evidenceId}?${view}`);
}

/** No network, no answer or an ended session keeps the page and the typed text (decision 0020). */
export const clientAction = keepTextOnFailure;

export default function EvidenceItem() {
  const { item, canEdit, factors, interviews, documents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const { t } = useFrameworkTranslation("evidence");
  const dates = useDates();
  const textLang = useTextLanguage(item.language);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [item.id]);

  // A refusal gives back what was sent, and its messages beside their fields.
  const failure = isFormResult(actionData) ? readResult(actionData) : null;
  const values = failure?.values ?? null;
  // The edit form is checked in the browser with the schema the action uses.
  const schema = useMemo(() => evidenceSchema(factors), [factors]);
  const [form] = useSchemaForm(schema, { id: "evidence-edit", lastResult: values?.intent === "update" && isFormResult(actionData) ? actionData : null });
  const errors: Record<string, string[] | undefined> = {
    ...(form.allErrors as Record<string, string[] | undefined>),
    _form: form.errors ?? (failure?.formError ? [failure.formError] : undefined),
  };
  const typed = (name: string, saved: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : saved;
  };
  const typedList = (name: string, saved: readonly string[]) => {
    const value = values?.[name];
    return Array.isArray(value) ? value : saved;
  };
  const interviewLabel = (interview: (typeof interviews)[number]) =>
    t(interview.place ? "interviewLabel" : "interviewLabelNoPlace", {
      date: dates.calendarDate(interview.date),
      format: t(`formats.${interview.format}`),
      place: interview.place,
    });
  const interview = interviews.find((candidate) => candidate.id === item.interviewId);
  const document = documents.find((candidate) => candidate.id === item.documentId);
  // The changes typed stay on this computer until the server has them, and come back with the page.
  const draft = useFormDraft(`evidence:${item.id}`);
  const busy = navigation.state === "submitting";
  const backTo = `..${location.search}`;

  return (
    <section className="card evidence-item" aria-labelledby="evidence-item-title">
      <p className="no-print">
        <Link to={backTo} relative="path">
          ← {t("item.back")}
        </Link>
      </p>
      <h2 id="evidence-item-title" ref={headingRef} tabIndex={-1}>
        {t("item.title")} · {t(`kinds.${item.kind}`)}
      </h2>
      {item.deletedAt ? (
        <div className="notice warn">
          <p>{t("item.deletedNotice")}</p>
          {canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="restore" />
              <button type="submit" disabled={busy}>
                {t("item.restore")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <FormError message={errors._form?.[0]} />
      <blockquote className="evidence-quote" lang={textLang}>
        {item.text}
      </blockquote>
      <dl className="facts">
        <dt>{t("item.attribution")}</dt>
        <dd>{describeAttribution(t, item) || t("item.noAttribution")}</dd>
        <dt>{t("columns.factors")}</dt>
        <dd>
          {item.factorIds
            .map((id) => factors.find((factor) => factor.id === id))
            .map((factor) => (factor ? t("factorLabel", { number: factor.number, title: factor.title }) : ""))
            .join(" · ")}
        </dd>
        {item.questionIds.length ? (
          <>
            <dt>{t("item.questions")}</dt>
            <dd>
              <ul>
                {item.questionIds.map((id) => {
                  const factor = factors.find((candidate) => candidate.questions.some((question) => question.id === id));
                  const question = factor?.questions.find((candidate) => candidate.id === id);
                  return <li key={id}>{factor && question ? `${factor.number}.${question.number} ${question.text}` : id}</li>;
                })}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t("columns.polarity")}</dt>
        <dd>
          <span className={`pill ${item.polarity}`}>{t(`polarities.${item.polarity}`)}</span>{" "}
          <span className="muted">{t(`polarityHints.${item.polarity}`)}</span>
        </dd>
        <dt>{t("item.source")}</dt>
        <dd>
          {interview ? interviewLabel(interview) : null}
          {document ? document.href ? <a href={document.href}>{document.title}</a> : document.title : null}
          {!interview && !document ? "—" : null}
        </dd>
        <dt>{t("item.loggedBy")}</dt>
        <dd>
          {item.creatorName}
          {item.createdAt ? ` · ${dates.dateTime(item.createdAt)}` : ""}
        </dd>
        {item.updatedAt ? (
          <>
            <dt>{t("item.updatedAt")}</dt>
            <dd>
              {dates.dateTime(item.updatedAt)} · {t("item.version", { version: item.version })}
            </dd>
          </>
        ) : null}
      </dl>

      {!canEdit ? <p className="muted">{t("item.readOnly")}</p> : null}
      {canEdit && !item.deletedAt ? (
        <>
          <h3>{t("item.edit")}</h3>
          <DraftRestored draft={draft} />
          <Form method="post" {...getFormProps(form)} {...draft.formProps} key={`${item.id}-${item.version}`}>
            <input type="hidden" name="intent" value="update" />
            <input {...draft.fieldProps} />
            <input type="hidden" name="version" value={item.version} />
            <div className="grid-2">
              <div>
                <SelectField
                  name="interviewId"
                  label={t("form.interview")}
                  defaultValue={typed("interviewId", item.interviewId ?? "")}
                  errors={errors.interviewId}
                  options={[{ value: "", label: t("form.noInterview") }, ...interviews.map((option) => ({ value: option.id, label: interviewLabel(option) }))]}
                />
                <TextAreaField name="text" label={t("form.text")} rows={6} defaultValue={typed("text", item.text)} errors={errors.text} />
                <TextField
                  type="text"
                  name="attribution"
                  label={t("form.attribution")}
                  hint={t("form.attributionHint")}
                  defaultValue={typed("attribution", describeAttribution(t, item))}
                  errors={errors.attribution}
                />
                <TextLanguageField defaultValue={typed("language", item.language ?? "")} errors={errors.language} />
                <SelectField
                  name="kind"
                  label={t("form.kind")}
                  defaultValue={typed("kind", item.kind)}
                  errors={errors.kind}
                  options={EVIDENCE_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
                />
                <ChoiceGroup
                  legend={t("form.polarity")}
                  name="polarity"
                  type="radio"
                  value={typed("polarity", item.polarity)}
                  errors={errors.polarity}
                  options={POLARITIES.map((value) => ({ value, label: t(`polarities.${value}`) }))}
                />
                <SelectField
                  name="documentId"
                  label={t("form.document")}
                  hint={t("form.documentHint")}
                  defaultValue={typed("documentId", item.documentId ?? "")}
                  errors={errors.documentId}
                  options={[
                    { value: "", label: t("form.noDocument") },
                    ...documents.map((doc) => ({
                      value: doc.id,
                      label: `${doc.title} (${t(doc.origin === "host-city" ? "form.hostCityDocument" : "form.peerDocument")})`,
                    })),
                  ]}
                />
              </div>
              <div>
                <ChoiceGroup
                  legend={t("form.factors")}
                  name="factorIds"
                  type="checkbox"
                  value={typedList("factorIds", item.factorIds)}
                  errors={errors.factorIds}
                  options={factors.map((factor) => ({ value: factor.id, label: `${factor.number}. ${factor.title}` }))}
                />
                <details open={item.questionIds.length > 0 || Boolean(errors.questionIds)}>
                  <summary>{t("form.questions")}</summary>
                  {errors.questionIds ? <FormError message={errors.questionIds[0]} /> : null}
                  {factors.map((factor) => {
                    const chosen = typedList("questionIds", item.questionIds);
                    return (
                      <details
                        key={factor.id}
                        className="question-group"
                        open={typedList("factorIds", item.factorIds).includes(factor.id) || factor.questions.some((question) => chosen.includes(question.id))}
                      >
                        <summary>{t("factorLabel", { number: factor.number, title: factor.title })}</summary>
                        <ChoiceGroup
                          legend={<span className="visually-hidden">{t("factorLabel", { number: factor.number, title: factor.title })}</span>}
                          name="questionIds"
                          type="checkbox"
                          value={chosen}
                          options={factor.questions.map((question) => ({ value: question.id, label: `${factor.number}.${question.number} ${question.text}` }))}
                        />
                      </details>
                    );
                  })}
                </details>
              </div>
            </div>
            <div className="actions">
              <button type="submit" disabled={busy}>
                {t("item.save")}
              </button>
              <Link to={backTo} relative="path">
                {t("common:actions.cancel")}
              </Link>
            </div>
          </Form>
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="danger" disabled={busy}>
              {t("item.delete")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.evidenceItem"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
