import { Form, Link, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { DOCUMENT_TYPES } from "#db/enums";
import { FieldErrors, FormError, SelectField, TextField } from "#app/components/field";
import { ACCEPT_ATTRIBUTE, TITLE_MAX_LENGTH } from "#app/models/self-assessment-fields";
import { DraftRestored } from "#app/components/leave-guard";
import { useFormDraft } from "#app/utils/drafts";
import { readResult } from "#app/utils/forms";
import type { DocumentResult, LoaderData } from "./route";

export function useFormatSize() {
  const { i18n } = useFrameworkTranslation();
  return (bytes: number | null) => {
    if (bytes === null) return "";
    const format = (value: number, unit: "kilobyte" | "megabyte") =>
      new Intl.NumberFormat(i18n.language, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
    return bytes < 1024 * 1024 ? format(Math.max(bytes / 1024, 0.1), "kilobyte") : format(bytes / (1024 * 1024), "megabyte");
  };
}

function LinkPicker({
  factors,
  selectedFactors,
  selectedQuestions,
  errors,
}: {
  factors: LoaderData["factors"];
  selectedFactors: string[];
  selectedQuestions: string[];
  errors?: string[];
}) {
  const { t } = useFrameworkTranslation("selfAssessment");
  return (
    <fieldset className="field sa-link-picker" aria-describedby={errors?.length ? "links-error" : "links-hint"}>
      <legend>{t("documents.fields.links")}</legend>
      <p className="hint" id="links-hint">
        {t("documents.linksHint")}
      </p>
      <FieldErrors id="links-error" errors={errors} />
      {factors.map((factor) => {
        const open = selectedFactors.includes(factor.id) || factor.questions.some((question) => selectedQuestions.includes(question.id));
        return (
          <details key={factor.id} open={open} className="sa-link-factor">
            <summary>
              {factor.number}. {factor.title}
            </summary>
            <label className="choice">
              <input type="checkbox" name="factors" value={factor.id} defaultChecked={selectedFactors.includes(factor.id)} />{" "}
              {t("documents.wholeFactor", { number: factor.number })}
            </label>
            <ul>
              {factor.questions.map((question) => (
                <li key={question.id}>
                  <label className="choice">
                    <input type="checkbox" name="questions" value={question.id} defaultChecked={selectedQuestions.includes(question.id)} /> {factor.number}.
                    {question.number} {question.text}
                  </label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}

export function DocumentForm({ data: loaderData, failure }: { data: LoaderData; failure: DocumentResult | null }) {
  const { t } = useFrameworkTranslation("selfAssessment");
  const navigation = useNavigation();
  const formatSize = useFormatSize();
  const { editing, factors, maxUploadMb, preselectedFactor } = loaderData;
  const intent = editing ? "update" : "create";
  // Values typed in a refused attempt win over what is stored.
  const sent = readResult(failure);
  const typed =
    failure && sent.values.intent === intent && (intent === "create" || sent.values.documentId === editing?.id)
      ? { ...sent, droppedFile: failure.droppedFile }
      : null;
  const value = (name: string) => {
    const typedValue = typed?.values[name];
    return typeof typedValue === "string" ? typedValue : undefined;
  };
  const list = (name: string) => {
    const typedValue = typed?.values[name];
    return Array.isArray(typedValue) ? typedValue : undefined;
  };
  const errors = typed?.errors ?? {};
  const selectedFactors =
    list("factors") ??
    (editing
      ? [...new Set(editing.links.filter((link) => !link.questionId).map((link) => link.factorId))].filter(
          (factorId) => !editing.links.some((link) => link.factorId === factorId && link.questionId),
        )
      : preselectedFactor
        ? [preselectedFactor]
        : []);
  const selectedQuestions = list("questions") ?? (editing ? editing.links.filter((link) => link.questionId).map((link) => link.questionId) : []);
  const submitting = navigation.state === "submitting";
  // What is typed stays on this computer until saved; a refused attempt keeps it unsaved.
  const draft = useFormDraft(editing ? `document:${editing.id}` : "document-new", { refused: typed !== null });
  // Each refused attempt starts the form afresh from what was sent, so a file that was not kept
  // is not still shown as chosen.
  const attempt = useRef({ failure, count: 0 });
  if (attempt.current.failure !== failure) attempt.current = { failure, count: attempt.current.count + 1 };
  return (
    <section className="card sa-document-form" id="add-document" aria-labelledby="document-form-title">
      <h2 id="document-form-title">{editing ? t("documents.editTitle", { title: editing.title }) : t("documents.addTitle")}</h2>
      <FormError message={typed?.formError} />
      <Form method="post" encType="multipart/form-data" noValidate key={`${editing?.id ?? "new"}:${attempt.current.count}`} {...draft.formProps}>
        <input type="hidden" name="intent" value={intent} />
        <input {...draft.fieldProps} />
        <DraftRestored draft={draft} />
        {editing ? <input type="hidden" name="documentId" value={editing.id} /> : null}
        <TextField
          id="document-title"
          name="title"
          type="text"
          label={t("documents.fields.title")}
          defaultValue={value("title") ?? editing?.title ?? ""}
          errors={errors.title}
          maxLength={TITLE_MAX_LENGTH + 100}
          autoComplete="off"
        />
        <SelectField
          id="document-type"
          name="type"
          label={t("documents.fields.type")}
          defaultValue={value("type") ?? editing?.type ?? ""}
          errors={errors.type}
          options={[{ value: "", label: t("documents.chooseType") }, ...DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documents.types.${type}`) }))]}
        />
        <div className="grid-2">
          <TextField
            id="document-date"
            name="date"
            type="date"
            label={t("documents.fields.date")}
            hint={t("documents.dateHint")}
            defaultValue={value("date") ?? editing?.date ?? ""}
            errors={errors.date}
          />
          <TextField
            id="document-author"
            name="author"
            type="text"
            label={t("documents.fields.author")}
            hint={t("documents.authorHint")}
            defaultValue={value("author") ?? editing?.author ?? ""}
            errors={errors.author}
          />
        </div>
        <TextField
          id="document-url"
          name="url"
          type="url"
          inputMode="url"
          label={t("documents.fields.url")}
          hint={t("documents.urlHint")}
          defaultValue={value("url") ?? editing?.url ?? ""}
          errors={errors.url}
        />
        {editing?.hasFile ? (
          <p className="sa-current-file">
            {t("documents.currentFile", { name: editing.fileName, size: formatSize(editing.fileSize) })}{" "}
            <label className="choice">
              <input type="checkbox" name="removeFile" value="on" defaultChecked={Boolean(value("removeFile"))} /> {t("documents.removeFile")}
            </label>
          </p>
        ) : null}
        <TextField
          id="document-file"
          name="file"
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          label={editing?.hasFile ? t("documents.fields.replaceFile") : t("documents.fields.file")}
          hint={
            <>
              {t("documents.fileHint", { max: maxUploadMb })}
              {typed?.droppedFile ? (
                <>
                  {" "}
                  <strong>{t("documents.chooseAgain", { name: typed.droppedFile })}</strong>
                </>
              ) : null}
            </>
          }
          errors={errors.file}
        />
        <LinkPicker factors={factors} selectedFactors={selectedFactors} selectedQuestions={selectedQuestions} errors={errors.links} />
        <div className="actions">
          <button type="submit" disabled={submitting}>
            {submitting ? t("common:status.saving") : editing ? t("documents.saveChanges") : t("documents.add")}
          </button>
          {editing ? <Link to={`/reviews/${loaderData.reviewId}/documents`}>{t("common:actions.cancel")}</Link> : null}
        </div>
      </Form>
    </section>
  );
}
