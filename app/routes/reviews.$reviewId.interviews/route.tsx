// Over 400 lines for now: the interview form (its people rows, draft and outbox) lives here; split next by moving InterviewForm into interview-form.tsx beside this route.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useSearchParams,
  type ClientActionFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useHydrated } from "#app/utils/hydrated";
import { DraftRestored } from "#app/components/leave-guard";
import { clearDraft, DRAFT_FIELD, draftRows, useFormDraft } from "#app/utils/drafts";
import { isSaveFailure, keepTextOnFailure } from "#app/utils/save-failures";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { getFormProps } from "@conform-to/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ChoiceGroup, FieldErrors, FormError, SelectField, TextAreaField, TextField } from "#app/components/field";
import { deleteInterview, listInterviews, listVisitReviewers, updateInterview } from "#app/models/interview.server";
import { saveNewInterview } from "#app/offline/save.server";
import { addToOutbox, inFlight, isUnreachable, notSentAnswer, noteUnreachable, removeFromOutbox } from "#app/offline/outbox";
import { OutboxStatus } from "#app/offline/outbox-status";
import { requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, canEditEvidence, evidenceEditor, loaderPermission } from "#app/utils/permissions";
import { INTERVIEW_FORMATS, PARTICIPANT_CATEGORIES } from "#db/enums";
import { invalid, modelErrors, readForm, refusedWithForm, requireFormPermission } from "#app/utils/forms.server";
import { refuse } from "#app/utils/refusal";
import { pageTitle } from "#app/utils/i18n";
import { isFormResult, parseSubmission, readResult, useSchemaForm } from "#app/utils/forms";
import { InterviewList } from "./interview-list";
import { guardWrites } from "#app/utils/storage.server";
import { DeleteInterviewSchema, InterviewSchema, PARTICIPANT_FIELDS } from "./schema";
import { useDates } from "#app/utils/use-dates";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.interviews"));
  const { review, user } = access;
  const [interviews, reviewers] = await Promise.all([listInterviews({ reviewId: review.id }), listVisitReviewers({ reviewId: review.id })]);
  const editor = evidenceEditor(access);
  const canWrite = editor.canWrite;
  const editId = new URL(request.url).searchParams.get("edit");
  const editing = interviews.find((interview) => interview.id === editId && canEditEvidence(editor, interview));
  return {
    reviewId: review.id,
    userId: user.id,
    interviews: interviews.map((interview) => ({ ...interview, canEdit: canEditEvidence(editor, interview) })),
    reviewers,
    canWrite,
    editing: editing ?? null,
  };
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const { access, closed } = await requireFormPermission(request, params.reviewId, actionPermission("reviews.$reviewId.interviews"));
  if (closed) return closed;
  const { review } = access;
  const form = await readForm(request);
  if (form.get("intent") === "create") {
    const saved = await saveNewInterview(access, form);
    // A refused field: the form, as typed. A taken id: the same, with the reason above the form.
    if (!saved.ok) return data(saved.reply, { status: saved.status === 409 ? 409 : 400 });
    return redirect(`/reviews/${review.id}/interviews?saved=${saved.id}#interview-${saved.id}`);
  }
  if (form.get("intent") === "delete") {
    const submission = parseSubmission(form, DeleteInterviewSchema);
    if (submission.status !== "success") return invalid(submission);
    const deleted = await deleteInterview({ reviewId: review.id, interviewId: submission.value.interviewId, editor: evidenceEditor(access) });
    // One with evidence: the reason above the list. Someone else's, or one that is gone: the error page.
    if (!deleted.ok && deleted.status === 409) return refusedWithForm(submission, 409, { _form: [deleted.message] });
    if (!deleted.ok) refuse(deleted.status, deleted.message);
    return redirect(`/reviews/${review.id}/interviews?deleted=1`);
  }
  const submission = parseSubmission(form, InterviewSchema);
  if (submission.status !== "success") return invalid(submission);
  const { intent, interviewId, input } = submission.value;
  const outcome = await updateInterview({ reviewId: review.id, interviewId, editor: evidenceEditor(access), input });
  if (!outcome.ok) {
    // Someone else's interview, or one that is gone: the error page. A refused field: the form, as typed.
    if (outcome.status !== 400) refuse(outcome.status, outcome.errors._form?.[0] ?? "errors.title");
    return invalid(submission, modelErrors(outcome.errors));
  }
  return redirect(`/reviews/${review.id}/interviews?${intent === "update" ? "updated" : "saved"}=${outcome.id}#interview-${outcome.id}`);
}

/** The server could not be reached: the new interview waits in this browser's outbox (app/offline/outbox.ts). */
type Queued = { queued: true; id: string };

/**
 * A new interview goes to the outbox before it is sent; the server's answer, saved or refused,
 * lets it go. When the server cannot be reached the page stays (no error page), the interview
 * waits in the outbox, and the 503 keeps Remix from reloading the page's data offline. Its local
 * draft goes once the interview is saved or waits in the outbox. Changes to an interview take
 * the shared path of every page form (keepTextOnFailure): kept on the page and sent again.
 */
export async function clientAction(args: ClientActionFunctionArgs) {
  const { request, params, serverAction } = args;
  const form = await request.clone().formData();
  const clientId = form.get("clientId");
  const userId = form.get(OUTBOX_USER);
  if (form.get("intent") !== "create" || typeof clientId !== "string" || !clientId || typeof userId !== "string") return keepTextOnFailure(args);
  const draft = form.get(DRAFT_FIELD);
  const settleDraft = () => {
    if (typeof draft === "string" && draft) clearDraft(draft);
  };
  const fields = [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== OUTBOX_USER);
  const roles = form.getAll("participantRole").filter(Boolean).join(", ");
  const summary = [form.get("date"), form.get("place"), roles].filter(Boolean).join(" · ");
  const kept = await addToOutbox({ clientId, userId, reviewId: params.reviewId ?? "", kind: "interview", fields, summary }).then(
    () => true,
    () => false,
  );
  if (kept && !navigator.onLine) {
    settleDraft();
    return notSentAnswer<Queued>({ queued: true, id: clientId });
  }
  inFlight.add(clientId);
  try {
    const answer = await serverAction<typeof action>();
    await removeFromOutbox(clientId).catch(() => null);
    // A refusal (the form as typed, with its reasons) keeps the draft.
    if (!isFormResult(answer)) settleDraft();
    return answer;
  } catch (error) {
    if (!kept || !isUnreachable(error)) {
      await removeFromOutbox(clientId).catch(() => null);
      // A redirect is the server's "saved".
      if (error instanceof Response && error.status >= 300 && error.status < 400) settleDraft();
      throw error;
    }
    settleDraft();
    noteUnreachable();
    return notSentAnswer<Queued>({ queued: true, id: clientId });
  } finally {
    inFlight.delete(clientId);
  }
}

const OUTBOX_USER = "_outboxUser";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function InterviewForm({ editing, queuedId }: { editing: LoaderData["editing"]; queuedId: string }) {
  const { reviewers, userId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A refused deletion is answered above the list, not in this form.
  const lastResult = isFormResult(actionData) && readResult(actionData).values.intent !== "delete" ? actionData : null;
  // Each new interview gets its id here, once the page runs its script; a new one after every answer.
  const [clientId, setClientId] = useState("");
  useEffect(() => setClientId(crypto.randomUUID()), [actionData]);
  const [form] = useSchemaForm(InterviewSchema, { id: "interview-form", lastResult });
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("evidence");
  // What was sent in a refused attempt wins over what is stored.
  const values = lastResult ? readResult(lastResult).values : null;
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const text = (name: string, saved: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : saved;
  };
  const list = (name: string, saved: string[]) => {
    if (!values) return saved;
    const value = values[name];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  const saved = editing?.participants ?? [];
  const roles = list(
    "participantRole",
    saved.map((p) => p.role),
  );
  const organisations = list(
    "participantOrganisation",
    saved.map((p) => p.organisation),
  );
  const categories = list(
    "participantCategory",
    saved.map((p) => p.category),
  );
  const names = list(
    "participantName",
    saved.map((p) => p.name ?? ""),
  );
  const namesOn = values ? values.recordNames === "on" : saved.some((p) => p.name);
  const [rows, setRows] = useState(Math.max(3, roles.length + (editing ? 1 : 0)));
  // What is typed stays on this computer until it is saved or waits in the outbox, and comes back
  // with the page, with as many rows of people as were typed.
  const draft = useFormDraft(editing ? `interview:${editing.id}` : "interview-new", {
    prepare: (draftValues) => {
      const needed = Math.max(...PARTICIPANT_FIELDS.map((field) => draftRows(draftValues, field)));
      if (needed <= rows) return false;
      setRows(needed);
      return true;
    },
  });
  const rowList = useRef<HTMLOListElement>(null);
  const added = useRef(false);
  const hydrated = useHydrated();
  // A row added with the button takes the focus, so the keyboard goes on typing there.
  useEffect(() => {
    if (!added.current) return;
    const inputs = rowList.current?.querySelectorAll<HTMLInputElement>('input[name="participantRole"]');
    inputs?.[inputs.length - 1]?.focus();
  }, [rows]);
  const busy = navigation.state === "submitting";
  const dates = useDates();
  const today = dates.isoDay(new Date());

  return (
    <Form method="post" className="interview-form" {...getFormProps(form)} {...draft.formProps} key={editing?.id ?? (queuedId || "new")}>
      <input type="hidden" name="intent" value={editing ? "update" : "create"} />
      <input {...draft.fieldProps} />
      {editing ? <input type="hidden" name="interviewId" value={editing.id} /> : null}
      {!editing && clientId ? (
        <>
          <input type="hidden" name="clientId" value={clientId} />
          <input type="hidden" name={OUTBOX_USER} value={userId} />
        </>
      ) : null}
      <DraftRestored draft={draft} />
      <FormError message={form.errors?.[0]} />
      <div className="grid-3">
        <TextField type="date" name="date" label={t("interviews.date")} defaultValue={text("date", editing?.date ?? today)} errors={errors.date} required />
        <SelectField
          name="format"
          label={t("interviews.format")}
          defaultValue={text("format", editing?.format ?? "interview")}
          errors={errors.format}
          options={INTERVIEW_FORMATS.map((value) => ({ value, label: t(`formats.${value}`) }))}
        />
        <TextField type="text" name="place" label={t("interviews.place")} defaultValue={text("place", editing?.place ?? "")} errors={errors.place} />
      </div>
      <fieldset className="field participants" aria-describedby={errors.participants?.length ? "participants-error" : "participants-hint"}>
        <legend>{t("interviews.participants")}</legend>
        <p className="hint" id="participants-hint">
          {t("interviews.participantsHint")}
        </p>
        <FieldErrors id="participants-error" errors={errors.participants} />
        <div className="field record-names">
          <label className="choice">
            <input type="checkbox" name="recordNames" id="record-names" defaultChecked={namesOn} aria-describedby="record-names-hint" />{" "}
            {t("interviews.recordNames")}
          </label>
          <p className="hint" id="record-names-hint">
            {t("interviews.recordNamesHint")}
          </p>
        </div>
        <ol className="participant-rows" ref={rowList}>
          {Array.from({ length: rows }, (_, index) => (
            <li key={index}>
              <fieldset className="participant-row">
                <legend className="visually-hidden">{t("interviews.participant", { number: index + 1 })}</legend>
                <TextField
                  type="text"
                  name="participantRole"
                  label={t("interviews.role")}
                  placeholder={t("interviews.rolePlaceholder")}
                  defaultValue={roles[index] ?? ""}
                  aria-label={`${t("interviews.participant", { number: index + 1 })}: ${t("interviews.role")}`}
                />
                <TextField
                  type="text"
                  name="participantOrganisation"
                  label={t("interviews.organisation")}
                  defaultValue={organisations[index] ?? ""}
                  aria-label={`${t("interviews.participant", { number: index + 1 })}: ${t("interviews.organisation")}`}
                />
                <SelectField
                  name="participantCategory"
                  label={t("interviews.category")}
                  defaultValue={categories[index] ?? ""}
                  aria-label={`${t("interviews.participant", { number: index + 1 })}: ${t("interviews.category")}`}
                  options={[
                    { value: "", label: t("interviews.chooseCategory") },
                    ...PARTICIPANT_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })),
                  ]}
                />
                <div className="participant-name">
                  <TextField
                    type="text"
                    name="participantName"
                    label={t("interviews.name")}
                    defaultValue={names[index] ?? ""}
                    autoComplete="off"
                    aria-label={`${t("interviews.participant", { number: index + 1 })}: ${t("interviews.name")}`}
                  />
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        {hydrated ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              added.current = true;
              setRows((count) => count + 1);
            }}
          >
            {t("interviews.addParticipant")}
          </button>
        ) : null}
      </fieldset>
      <ChoiceGroup
        legend={t("interviews.reviewers")}
        name="reviewerIds"
        type="checkbox"
        value={list("reviewerIds", editing ? editing.reviewers.map((reviewer) => reviewer.id) : [userId])}
        errors={errors.reviewerIds}
        options={reviewers.map((reviewer) => ({ value: reviewer.id, label: `${reviewer.name} (${t(`common:roles.${reviewer.role}`)})` }))}
      />
      <TextAreaField
        name="consentNotes"
        label={t("interviews.consentNotes")}
        hint={t("interviews.consentHint")}
        rows={3}
        defaultValue={text("consentNotes", editing?.consentNotes ?? "")}
        errors={errors.consentNotes}
      />
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            name="withholdOrganisations"
            id="withhold-organisations"
            defaultChecked={values ? values.withholdOrganisations === "on" : (editing?.organisationsWithheld ?? false)}
            aria-describedby="withhold-organisations-hint"
          />{" "}
          {t("interviews.withholdOrganisations")}
        </label>
        <p className="hint" id="withhold-organisations-hint">
          {t("interviews.withholdOrganisationsHint")}
        </p>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {editing ? t("interviews.saveChanges") : t("interviews.save")}
        </button>
        {editing ? <Link to=".">{t("interviews.cancelEdit")}</Link> : null}
      </div>
    </Form>
  );
}

export default function Interviews() {
  const { reviewId, userId, interviews, canWrite, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof clientAction>();
  const queuedId = actionData && typeof actionData === "object" && "queued" in actionData ? (actionData as Queued).id : "";
  const revalidator = useRevalidator();
  const reload = revalidator.revalidate;
  const onSaved = useCallback(() => reload(), [reload]);
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("evidence");
  const dates = useDates();
  const formatDay = (iso: string) => dates.calendarDate(iso);
  const savedId = searchParams.get("saved");
  const updatedId = searchParams.get("updated");
  const result = isFormResult(actionData) ? actionData : null;
  const deleteRefused = result && readResult(result).values.intent === "delete" ? readResult(result).formError : null;
  return (
    <>
      <h1>{t("interviews.title")}</h1>
      <p className="muted">{t("interviews.intro")}</p>
      {savedId ? (
        <p className="notice ok" role="status">
          {t("interviews.saved")} <Link to={`/reviews/${reviewId}/evidence?form-interview=${encodeURIComponent(savedId)}`}>{t("interviews.logQuotes")}</Link>
        </p>
      ) : null}
      {updatedId ? (
        <p className="notice ok" role="status">
          {t("interviews.updated")}
        </p>
      ) : null}
      {searchParams.get("deleted") ? (
        <p className="notice ok" role="status">
          {t("interviews.deleted")}
        </p>
      ) : null}
      {canWrite ? <OutboxStatus userId={userId} onSaved={onSaved} /> : null}
      {queuedId ? (
        <p className="notice" role="status">
          {t("offline.keptHere")}
        </p>
      ) : null}
      {canWrite ? (
        <section className="card interview-card" aria-labelledby="interview-form-title">
          <h2 id="interview-form-title">{editing ? t("interviews.editing", { date: formatDay(editing.date) }) : t("interviews.new")}</h2>
          <InterviewForm editing={editing} queuedId={queuedId} />
        </section>
      ) : null}

      <h2 id="interview-list-title">{t("interviews.list")}</h2>
      <FormError message={deleteRefused} />
      {interviews.length ? (
        <InterviewList reviewId={reviewId} interviews={interviews} canWrite={canWrite} highlighted={[savedId, updatedId]} formatDay={formatDay} />
      ) : (
        <p>{t("interviews.none")}</p>
      )}
    </>
  );
}

/** An interview kept in the outbox changed nothing on the server, and reloading would fail the same way. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  isSaveFailure(actionResult) ? false : defaultShouldRevalidate;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.interviews"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
