import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { z } from "zod";
import { listLocalizedFactors, requireFramework } from "#benchmark/index";
import { DOCUMENT_TYPES } from "#db/enums";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError } from "#app/components/field";
import { AUTHOR_MAX_LENGTH, TITLE_MAX_LENGTH } from "#app/models/self-assessment-fields";
import {
  createDocument,
  deleteDocument,
  documentLinkErrors,
  documentSourceErrors,
  getDocument,
  listDocuments,
  restoreDocument,
  updateDocument,
} from "#app/models/document.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { getLocale } from "#app/utils/locale.server";
import { isMultipart, maxUploadBytes, parseUploadForm, type UploadForm } from "#app/utils/uploads.server";
import {
  choice,
  formValues,
  msg,
  optionalDateSchema,
  optionalHttpUrlSchema,
  optionalText,
  requiredText,
  type FieldErrors as FieldErrorMap,
} from "#app/utils/validation";
import { FORM_ERRORS, isFormResult, parseSubmission, readResult, type FormResult } from "#app/utils/forms";
import { phaseClosedBy, readForm, unparsedSubmission } from "#app/utils/forms.server";
import type { Phase } from "#db/enums";
import { pageTitle } from "#app/utils/i18n";
import { DocumentForm, useFormatSize } from "./document-form";
import { guardWrites } from "#app/utils/storage.server";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { useDates } from "#app/utils/use-dates";
import { scrollRegion } from "#app/components/scroll-region";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.documents._index"));
  const { review } = access;
  const canWrite = hasPermission(access, "self-assessment:write");
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  const search = new URL(request.url).searchParams;
  const documents = await listDocuments({ reviewId: review.id });
  const editId = canWrite ? search.get("edit") : null;
  const editing = editId ? (documents.find((document) => document.id === editId) ?? null) : null;
  const deletedId = search.get("deleted");
  const deleted = deletedId ? await getDocument({ reviewId: review.id, documentId: deletedId }) : null;
  const factors = listLocalizedFactors(framework, locale);
  const preselected = search.get("factor");
  return {
    reviewId: review.id,
    canWrite,
    documents: documents.map(({ createdAt: _c, updatedAt: _u, ...document }) => document),
    editing,
    deleted: deleted?.deletedAt ? { id: deleted.id, title: deleted.title } : null,
    factors,
    preselectedFactor: factors.some((factor) => factor.id === preselected) ? preselected : null,
    maxUploadMb: Math.round(maxUploadBytes() / (1024 * 1024)),
  };
}

const DocumentSchema = z.object({
  intent: z.enum(["create", "update"]),
  documentId: z.string().max(100).optional(),
  title: requiredText(TITLE_MAX_LENGTH),
  type: choice(DOCUMENT_TYPES),
  date: optionalDateSchema,
  author: optionalText(AUTHOR_MAX_LENGTH),
  url: optionalHttpUrlSchema,
  factors: z.array(z.string().max(100)).max(100),
  questions: z.array(z.string().max(100)).max(500),
  removeFile: z.string().optional(),
});

const RowSchema = z.object({
  intent: z.enum(["delete", "restore"]),
  documentId: z.string().min(1).max(100),
});

const LINK_FIELDS = ["factors", "questions"];

/** The answer to a refused document form: conform's reply, and the file that was not kept. */
export type DocumentResult = FormResult & {
  /** A valid file that was not kept because another field was wrong: the user picks it again. */
  droppedFile: string | null;
};

/**
 * A refusal with what was typed exactly as sent: the link boxes as lists (one ticked box is still
 * a list, none an empty one) and an emptied field as "", so the form comes back as it was.
 */
function refusal(form: FormData, reply: FormResult, status: number, extra: { droppedFile?: string | null; phaseClosed?: Phase } = {}) {
  const { phaseClosed, droppedFile = null } = extra;
  const result: DocumentResult = { ...reply, initialValue: formValues(form, LINK_FIELDS), droppedFile, ...(phaseClosed ? { phaseClosed } : {}) };
  return data(result, { status });
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  let access;
  try {
    access = await requireReviewPermission(request, params.reviewId, actionPermission("reviews.$reviewId.documents._index"));
  } catch (error) {
    // The phase moved on while the page was open: read the form without keeping any file.
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    const form = isMultipart(request) ? (await parseUploadForm(request, { fileFields: ["file"], store: false })).form : await readForm(request);
    const reply = unparsedSubmission(form).reply({ formErrors: [msg("selfAssessment:phaseClosedForm", { phase })] });
    return refusal(form, reply, 409, { phaseClosed: phase });
  }
  const { review, user } = access;
  const upload: Pick<UploadForm, "form" | "files" | "errors" | "discard"> = isMultipart(request)
    ? await parseUploadForm(request, { fileFields: ["file"] })
    : { form: await readForm(request), files: {}, errors: {}, discard: async () => {} };
  try {
    const { form } = upload;
    const intent = form.get("intent");
    const base = formValues(form, LINK_FIELDS);

    if (intent === "delete" || intent === "restore") {
      const submission = parseSubmission(form, RowSchema);
      if (submission.status !== "success") return refusal(form, submission.reply({ formErrors: ["errors.badRequest"] }), 400);
      const { documentId } = submission.value;
      if (intent === "delete") {
        const result = await deleteDocument({ reviewId: review.id, documentId, userId: user.id });
        if (result.status === "not-found") throw data({ message: "errors.documentNotFound" }, { status: 404 });
        return redirect(`/reviews/${review.id}/documents?deleted=${encodeURIComponent(documentId)}`);
      }
      const result = await restoreDocument({ reviewId: review.id, documentId, userId: user.id });
      if (result.status === "not-found") throw data({ message: "errors.documentNotFound" }, { status: 404 });
      return redirect(`/reviews/${review.id}/documents?restored=${encodeURIComponent(documentId)}#document-${documentId}`);
    }
    if (intent !== "create" && intent !== "update") {
      return refusal(form, unparsedSubmission(form).reply({ formErrors: ["errors.badRequest"] }), 400);
    }

    const submission = parseSubmission(form, DocumentSchema);
    const documentId = typeof base.documentId === "string" && base.documentId ? base.documentId : null;
    const existing = intent === "update" && documentId ? await getDocument({ reviewId: review.id, documentId }) : null;
    if (intent === "update" && (!existing || existing.deletedAt)) throw data({ message: "errors.documentNotFound" }, { status: 404 });

    const framework = requireFramework(review.frameworkId);
    const { [FORM_ERRORS]: _form, ...schemaErrors } = (submission.status === "success" ? null : submission.error) ?? {};
    const errors: FieldErrorMap = {
      ...Object.fromEntries(Object.entries(schemaErrors).map(([name, messages]) => [name, messages ?? undefined])),
      ...upload.errors,
    };
    const factorIds = Array.isArray(base.factors) ? base.factors : [];
    const questionIds = Array.isArray(base.questions) ? base.questions : [];
    Object.assign(errors, documentLinkErrors(framework, factorIds, questionIds));
    const file = upload.files.file ?? null;
    const keepsFile = Boolean(existing?.hasFile) && !base.removeFile;
    const url = submission.status === "success" ? submission.value.url : typeof base.url === "string" ? base.url.trim() : "";
    if (!errors.file && !errors.url) Object.assign(errors, documentSourceErrors({ url, hasFile: Boolean(file) || keepsFile }));
    if (submission.status !== "success" || Object.keys(errors).length) {
      const fieldErrors = Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)));
      return refusal(form, submission.reply({ formErrors: ["errors.fixBelow"], fieldErrors }), 400, { droppedFile: file?.originalName ?? null });
    }

    const { value } = submission;
    const input = { title: value.title, type: value.type, date: value.date, author: value.author, url: value.url, factorIds, questionIds };
    if (intent === "create") {
      const { id } = await createDocument({ reviewId: review.id, userId: user.id, input, upload: file });
      return redirect(`/reviews/${review.id}/documents?added=${id}#document-${id}`);
    }
    await updateDocument({ reviewId: review.id, documentId: documentId!, userId: user.id, input, upload: file, removeFile: Boolean(base.removeFile) });
    return redirect(`/reviews/${review.id}/documents?updated=${documentId}#document-${documentId}`);
  } finally {
    // Whatever was not moved into place (refused, or the request failed) leaves no trace.
    await upload.discard();
  }
}

export const clientAction = keepTextOnFailure;

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type DocumentView = LoaderData["documents"][number];

/** A stored YYYY-MM-DD shown in the reader's language; no time zone can move the day. */
function useFormatDate() {
  const dates = useDates();
  return (date: string) => dates.calendarDate(date);
}

/** "1 (q2, q3) · 4": the factors a document answers, with its questions, in the benchmark's numbering. */
function Answers({ document, factors }: { document: DocumentView; factors: LoaderData["factors"] }) {
  const { t } = useFrameworkTranslation("selfAssessment");
  const parts = factors
    .filter((factor) => document.links.some((link) => link.factorId === factor.id))
    .map((factor) => {
      const questions = factor.questions.filter((question) => document.links.some((link) => link.questionId === question.id));
      return (
        <li key={factor.id}>
          <abbr title={factor.title}>{t("documents.factorShort", { number: factor.number })}</abbr>
          {questions.length ? (
            <span className="muted">
              {" "}
              ({questions.map((question) => t("documents.questionShort", { number: `${factor.number}.${question.number}` })).join(", ")})
            </span>
          ) : null}
        </li>
      );
    });
  return <ul className="sa-inline-list">{parts}</ul>;
}

export default function DocumentsPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("selfAssessment");
  const formatSize = useFormatSize();
  const formatDate = useFormatDate();
  const { reviewId, documents, canWrite, factors, deleted } = loaderData;
  // A storage failure (503) answers in the same shape, without a file to name.
  const failure: DocumentResult | null = isFormResult(actionData)
    ? { ...actionData, droppedFile: "droppedFile" in actionData && typeof actionData.droppedFile === "string" ? actionData.droppedFile : null }
    : null;
  const sent = readResult(failure);
  const rowFailure = failure && !["create", "update"].includes(String(sent.values.intent ?? "")) ? sent : null;
  const highlighted = searchParams.get("added") ?? searchParams.get("updated") ?? searchParams.get("restored");
  return (
    <>
      <h1>{t("documents.title")}</h1>
      <p className="sa-lead">{t("documents.intro")}</p>
      {searchParams.get("added") ? (
        <p className="notice ok" role="status">
          {t("documents.added")}
        </p>
      ) : null}
      {searchParams.get("updated") ? (
        <p className="notice ok" role="status">
          {t("documents.updated")}
        </p>
      ) : null}
      {searchParams.get("restored") ? (
        <p className="notice ok" role="status">
          {t("documents.restored")}
        </p>
      ) : null}
      {deleted && canWrite ? (
        <Form method="post" className="notice ok sa-undo" role="status">
          {t("documents.deleted", { title: deleted.title })} <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="documentId" value={deleted.id} />
          <button type="submit" className="secondary">
            {t("common:actions.undo")}
          </button>
        </Form>
      ) : null}
      {rowFailure ? <FormError message={rowFailure.formError} /> : null}

      {documents.length ? (
        <div {...scrollRegion(t("documents.caption", { count: documents.length }))}>
          <table className="sa-documents">
            <caption>{t("documents.caption", { count: documents.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("documents.fields.title")}</th>
                <th scope="col">{t("documents.fields.type")}</th>
                <th scope="col">{t("documents.fields.date")}</th>
                <th scope="col">{t("documents.columns.answers")}</th>
                <th scope="col">{t("documents.columns.source")}</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("documents.columns.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id} id={`document-${document.id}`} className={highlighted === document.id ? "sa-highlight" : undefined}>
                  <th scope="row">
                    {document.title}
                    {document.author ? <div className="muted sa-small">{document.author}</div> : null}
                  </th>
                  <td>{t(`documents.types.${document.type}`)}</td>
                  <td>{document.date ? <time dateTime={document.date}>{formatDate(document.date)}</time> : "—"}</td>
                  <td>
                    <Answers document={document} factors={factors} />
                  </td>
                  <td>
                    {document.url ? (
                      <a href={document.url} rel="noreferrer noopener" target="_blank">
                        {t("documents.openLink")}
                        <span className="visually-hidden"> — {document.title}</span>
                      </a>
                    ) : null}
                    {document.url && document.hasFile ? <br /> : null}
                    {document.hasFile ? (
                      <a href={`/reviews/${reviewId}/documents/${document.id}/file`} download>
                        {t("documents.download", { name: document.fileName })}
                      </a>
                    ) : null}
                    {document.hasFile ? <div className="muted sa-small">{formatSize(document.fileSize)}</div> : null}
                  </td>
                  {canWrite ? (
                    <td className="sa-row-actions">
                      <Link to={`?edit=${document.id}#add-document`}>
                        {t("common:actions.edit")}
                        <span className="visually-hidden"> — {document.title}</span>
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="documentId" value={document.id} />
                        <button type="submit" className="button-link">
                          {t("common:actions.delete")}
                          <span className="visually-hidden"> — {document.title}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("documents.none")}</p>
      )}

      {canWrite || sent.phaseClosed ? <DocumentForm data={loaderData} failure={failure} /> : null}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.documents"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
