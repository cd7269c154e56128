import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useBeforeUnload,
  useBlocker,
  useFetcher,
  useLoaderData,
  useNavigation,
  useSearchParams,
  useSubmit,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getKeyFactor, localize, requireFramework } from "#benchmark/index";
import type { Phase, Rating } from "#db/enums";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FieldErrors, FormError } from "#app/components/field";
import { TextBlocks } from "#app/components/paragraphs";
import { listDocumentsForFactor } from "#app/models/document.server";
import { ANSWER_MAX_LENGTH, SUMMARY_MAX_LENGTH, answerField, versionField } from "#app/models/self-assessment-fields";
import {
  getFactorAssessment,
  saveFactorAssessment,
  type AnswerInput,
  type SaveResult,
} from "#app/models/self-assessment.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { getLocale } from "#app/utils/locale.server";
import { formValues, msg, type FieldErrors as FieldErrorMap } from "#app/utils/validation";
import { phaseClosedBy, readForm } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";

function notFound(): never {
  throw data({ message: "This key factor is not in the review's benchmark." }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, "self-assessment:read");
  const { review } = access;
  const framework = requireFramework(review.frameworkId);
  const factor = getKeyFactor(framework, params.factorId ?? "");
  if (!factor) notFound();
  const locale = await getLocale(request);
  const l = (text: { fr: string; en: string }) => localize(text, locale);
  const [saved, documents] = await Promise.all([
    getFactorAssessment({ reviewId: review.id, factorId: factor.id }),
    listDocumentsForFactor({ reviewId: review.id, factorId: factor.id }),
  ]);
  const factors = framework.keyFactors.filter((candidate) => !candidate.retired);
  const index = factors.findIndex((candidate) => candidate.id === factor.id);
  const neighbour = (position: number) => {
    const other = factors[position];
    return other ? { id: other.id, number: other.number, title: l(other.title) } : null;
  };
  const questions = factor.guidingQuestions.filter((question) => !question.retired);
  return {
    reviewId: review.id,
    factor: {
      id: factor.id,
      number: factor.number,
      title: l(factor.title),
      statement: l(factor.statement),
      rationale: l(factor.rationale),
      questions: questions.map((question, position) => ({
        id: question.id,
        number: position + 1,
        text: l(question.text),
        subItems: question.subItems?.map(l) ?? [],
      })),
      examples: factor.examples.map((example) => ({ city: l(example.city), text: l(example.text) })),
    },
    ratingScale: framework.ratingScale.map((rating) => ({ id: rating.id, label: l(rating.label), description: l(rating.description) })),
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
    stamp: [
      saved.assessment?.version ?? 0,
      ...questions.map((question) => saved.answers[question.id]?.version ?? 0),
    ].join("."),
  };
}

const versionSchema = z.coerce.number({ error: "selfAssessment:errors.badVersion" }).int("selfAssessment:errors.badVersion").min(0, "selfAssessment:errors.badVersion");
const optionalRating = z
  .string()
  .trim()
  .max(40, "selfAssessment:errors.ratingNotOnScale")
  .optional()
  .transform((value) => (value ? value : null));

// One answer, saved as the user types (JavaScript only).
const AnswerSchema = z.object({
  intent: z.literal("answer"),
  questionId: z.string().trim().min(1, msg("errors.required")).max(100),
  text: z.string().trim().max(ANSWER_MAX_LENGTH, msg("errors.tooLong", { max: ANSWER_MAX_LENGTH })),
  version: versionSchema,
});

// The rating and the summary, saved as the user types (JavaScript only).
const AssessmentSchema = z.object({
  intent: z.literal("assessment"),
  rating: optionalRating,
  summary: z.string().trim().max(SUMMARY_MAX_LENGTH, msg("errors.tooLong", { max: SUMMARY_MAX_LENGTH })),
  version: versionSchema,
});

/*
 * The whole page as one form, which is what a browser without JavaScript posts: every answer
 * with the version it was written from, the rating and the summary. After a conflict the user
 * picks per item: "force.<id>" keeps their text over the newer version, "take.<id>" keeps the
 * other person's.
 */
function parseWholeForm(form: FormData) {
  const values = formValues(form);
  const errors: FieldErrorMap = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const answers: AnswerInput[] = [];
  for (const [name, raw] of Object.entries(values)) {
    if (!name.startsWith("answer.") || typeof raw !== "string") continue;
    const questionId = name.slice("answer.".length);
    if (values[`take.${questionId}`] !== undefined) continue;
    const forced = values[`force.${questionId}`];
    const version = versionSchema.safeParse(forced ?? values[versionField(questionId)] ?? "0");
    if (!version.success) {
      add("_form", "selfAssessment:errors.badVersion");
      continue;
    }
    if (raw.trim().length > ANSWER_MAX_LENGTH) add(name, msg("errors.tooLong", { max: ANSWER_MAX_LENGTH }));
    answers.push({ questionId, text: raw, version: version.data });
  }
  let assessment: { rating: string | null; summary: string; version: number } | null = null;
  if (values.factorVersion !== undefined && values.takeFactor === undefined) {
    const version = versionSchema.safeParse(values.forceFactor ?? values.factorVersion);
    const rating = optionalRating.safeParse(values.rating);
    const summary = String(values.summary ?? "");
    if (!version.success) add("_form", "selfAssessment:errors.badVersion");
    if (!rating.success) add("rating", "selfAssessment:errors.ratingNotOnScale");
    if (summary.trim().length > SUMMARY_MAX_LENGTH) add("summary", msg("errors.tooLong", { max: SUMMARY_MAX_LENGTH }));
    if (version.success && rating.success) assessment = { rating: rating.data, summary, version: version.data };
  }
  return { values, errors, answers, assessment };
}

type Failure = {
  ok: false;
  intent: "save" | "answer" | "assessment";
  kind: "invalid" | "conflict" | "phase-closed";
  errors: FieldErrorMap;
  values: Record<string, string | string[]>;
  phase?: Phase;
  conflicts?: Extract<SaveResult, { status: "conflict" }>;
};

function failure(result: Failure, status: number) {
  return data(result, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  let access;
  try {
    access = await requireReviewPermission(request, params.reviewId, "self-assessment:write");
  } catch (error) {
    // The phase moved on while the page was open: say so beside the form and give the text back.
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    const values = formValues(await readForm(request));
    const intent = values.intent === "answer" || values.intent === "assessment" ? values.intent : "save";
    return failure({ ok: false, intent, kind: "phase-closed", phase, errors: {}, values }, 409);
  }
  const { review, user } = access;
  const framework = requireFramework(review.frameworkId);
  const factor = getKeyFactor(framework, params.factorId ?? "");
  if (!factor || factor.retired) notFound();
  const form = await readForm(request);
  const intent = form.get("intent");

  if (intent === "answer" || intent === "assessment") {
    const values = formValues(form);
    const parsed = intent === "answer" ? AnswerSchema.safeParse(values) : AssessmentSchema.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrorMap = {};
      for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
      return failure({ ok: false, intent, kind: "invalid", errors, values }, 400);
    }
    const input = parsed.data;
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
      const errors: FieldErrorMap = {};
      for (const [field, messages] of Object.entries(result.errors)) errors[field.startsWith("answer.") ? "text" : field] = messages;
      return failure({ ok: false, intent, kind: "invalid", errors, values }, 400);
    }
    if (result.status === "conflict") return failure({ ok: false, intent, kind: "conflict", errors: {}, values, conflicts: result }, 409);
    if (input.intent === "answer") {
      const saved = result.answers[input.questionId]!;
      return { ok: true as const, intent: "answer" as const, questionId: input.questionId, text: saved.text, version: saved.version };
    }
    return { ok: true as const, intent: "assessment" as const, ...result.assessment! };
  }

  const parsed = parseWholeForm(form);
  if (Object.keys(parsed.errors).length) return failure({ ok: false, intent: "save", kind: "invalid", errors: parsed.errors, values: parsed.values }, 400);
  const result = await saveFactorAssessment({
    reviewId: review.id,
    factorId: factor.id,
    userId: user.id,
    answers: parsed.answers,
    assessment: parsed.assessment,
  });
  if (result.status === "unknown-factor") notFound();
  if (result.status === "invalid") return failure({ ok: false, intent: "save", kind: "invalid", errors: result.errors, values: parsed.values }, 400);
  if (result.status === "conflict") {
    return failure({ ok: false, intent: "save", kind: "conflict", errors: {}, values: parsed.values, conflicts: result }, 409);
  }
  return redirect(`/reviews/${review.id}/self-assessment/${factor.id}?saved=${result.changes}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;
type FetcherResult = NonNullable<ActionData>;

// Saving while typing: wait for a pause this long (milliseconds) before sending.
const AUTOSAVE_DELAY_MS = 800;

/**
 * Sends one item's save in the background, one request at a time: a change made while a save
 * is on its way is sent when the answer comes back, with the version that answer returned, so a
 * user never conflicts with their own earlier save.
 */
function useAutosave(
  payload: () => Record<string, string>,
  onResult: (result: FetcherResult) => void,
  onBusy: (busy: boolean) => void,
) {
  const fetcher = useFetcher<typeof action>();
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef(false);
  const again = useRef(false);
  const payloadRef = useRef(payload);
  const onResultRef = useRef(onResult);
  const onBusyRef = useRef(onBusy);
  payloadRef.current = payload;
  onResultRef.current = onResult;
  onBusyRef.current = onBusy;
  const { submit } = fetcher;

  const saveNow = useCallback(
    (extra: Record<string, string> = {}) => {
      window.clearTimeout(timer.current);
      if (pending.current) {
        again.current = true;
        return;
      }
      pending.current = true;
      onBusyRef.current(true);
      submit({ ...payloadRef.current(), ...extra }, { method: "post" });
    },
    [submit],
  );
  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);
  const cancel = useCallback(() => window.clearTimeout(timer.current), []);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (fetcher.state !== "idle" || fetcher.data === undefined || !pending.current) return;
    pending.current = false;
    onResultRef.current(fetcher.data);
    if (again.current && fetcher.data.ok) {
      again.current = false;
      saveNow();
      return;
    }
    again.current = false;
    onBusyRef.current(false);
  }, [fetcher.state, fetcher.data, saveNow]);

  return { saveNow, schedule, cancel, saving: fetcher.state !== "idle" };
}

/** Which items of the page are in some state (unsaved, saving), as each reports it. */
function useItemSet() {
  const [items, setItems] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback((id: string, on: boolean) => {
    setItems((current) => {
      if (current.has(id) === on) return current;
      const updated = new Set(current);
      if (on) updated.add(id);
      else updated.delete(id);
      return updated;
    });
  }, []);
  return [items, report] as const;
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function useFormatDateTime() {
  const { i18n } = useTranslation();
  return (value: Date | string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** A stored YYYY-MM-DD in the reader's language; no time zone can move the day. */
function formatDay(date: string, language: string) {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

type SaveState = "idle" | "saved" | "unsaved" | "saving" | "failed";

function SaveStatus({ state, id }: { state: SaveState; id: string }) {
  const { t } = useTranslation("selfAssessment");
  const label = {
    idle: "",
    saved: t("common:status.saved"),
    unsaved: t("common:status.unsaved"),
    saving: t("common:status.saving"),
    failed: t("factor.notSaved"),
  }[state];
  return (
    <p id={id} className={`sa-save-status ${state}`} role="status">
      {label}
    </p>
  );
}

type Their = { text: string; version: number; updatedAt: Date | string; updatedByName: string | null };

function ConflictPanel({
  theirs,
  forceName,
  takeName,
  onKeepMine,
  onTakeTheirs,
  children,
}: {
  theirs: { version: number; updatedAt: Date | string; updatedByName: string | null };
  forceName: string;
  takeName: string;
  onKeepMine?: () => void;
  onTakeTheirs?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation("selfAssessment");
  const formatDateTime = useFormatDateTime();
  const titleId = useId();
  return (
    <div className="sa-conflict" role="alert" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>{t("conflict.title")}</strong>{" "}
        {t("conflict.explain", { name: theirs.updatedByName ?? t("conflict.someone"), when: formatDateTime(theirs.updatedAt) })}
      </p>
      <div className="sa-conflict__versions">
        <div>
          <h4>{t("conflict.theirs", { version: theirs.version })}</h4>
          <div className="sa-their-text">{children}</div>
        </div>
        <div>
          <h4>{t("conflict.yours")}</h4>
          <p>{t("conflict.yoursInBox")}</p>
        </div>
      </div>
      <div className="sa-conflict__actions">
        <button
          type="submit"
          name={forceName}
          value={theirs.version}
          onClick={
            onKeepMine
              ? (event) => {
                  event.preventDefault();
                  onKeepMine();
                }
              : undefined
          }
        >
          {t("conflict.keepMine")}
        </button>
        <button
          type="submit"
          name={takeName}
          value={theirs.version}
          className="secondary"
          onClick={
            onTakeTheirs
              ? (event) => {
                  event.preventDefault();
                  onTakeTheirs();
                }
              : undefined
          }
        >
          {t("conflict.takeTheirs")}
        </button>
      </div>
    </div>
  );
}

type Question = LoaderData["factor"]["questions"][number];

function AnswerField({
  question,
  saved,
  initialText,
  initialVersion,
  initialConflict,
  initialErrors,
  documents,
  reviewId,
  onDirty,
  onBusy,
}: {
  question: Question;
  saved: { text: string; version: number; changedSinceSubmission: boolean } | undefined;
  initialText: string;
  initialVersion: number;
  initialConflict: Their | null;
  initialErrors?: string[];
  documents: { id: string; title: string }[];
  reviewId: string;
  onDirty: (id: string, dirty: boolean) => void;
  onBusy: (id: string, busy: boolean) => void;
}) {
  const { t } = useTranslation("selfAssessment");
  const hydrated = useHydrated();
  const [text, setText] = useState(initialText);
  const [version, setVersion] = useState(initialVersion);
  const [savedText, setSavedText] = useState(saved?.text ?? "");
  const [conflict, setConflict] = useState<Their | null>(initialConflict);
  const [errors, setErrors] = useState<string[] | undefined>(initialErrors);
  const [closed, setClosed] = useState<Phase | null>(null);
  const [touched, setTouched] = useState(false);
  const latest = useRef({ text: initialText, version: initialVersion });
  const id = `answer-${question.id}`;
  const dirty = text.trim() !== savedText;

  const autosave = useAutosave(
    () => ({ intent: "answer", questionId: question.id, text: latest.current.text, version: String(latest.current.version) }),
    (result) => {
      if (result.intent !== "answer") return;
      if (result.ok) {
        latest.current.version = result.version;
        setVersion(result.version);
        setSavedText(result.text);
        setConflict(null);
        setErrors(undefined);
      } else if (result.kind === "conflict") {
        setConflict(result.conflicts?.answers[question.id] ?? null);
      } else if (result.kind === "phase-closed") {
        setClosed(result.phase ?? null);
      } else {
        setErrors(result.errors.text ?? result.errors._form);
      }
    },
    (busy) => onBusy(question.id, busy),
  );

  useEffect(() => onDirty(question.id, dirty), [dirty, onDirty, question.id]);

  const state: SaveState = !hydrated
    ? "idle"
    : conflict || closed || errors?.length
      ? "failed"
      : autosave.saving
        ? "saving"
        : dirty
          ? "unsaved"
          : touched
            ? "saved"
            : "idle";
  const hintId = question.subItems.length ? `${id}-items` : undefined;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;

  return (
    <section className="sa-question" aria-labelledby={`${id}-label`}>
      <h2 className="sa-question__title">
        <label id={`${id}-label`} htmlFor={id}>
          {t("factor.questionNumber", { number: question.number })} {question.text}
        </label>
        {saved?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
      </h2>
      {question.subItems.length ? (
        <ul id={hintId} className="sa-sub-items">
          {question.subItems.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
      <textarea
        id={id}
        name={answerField(question.id)}
        value={text}
        rows={8}
        maxLength={ANSWER_MAX_LENGTH + 1000}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errors?.length ? errorId : null, statusId].filter(Boolean).join(" ")}
        readOnly={closed !== null}
        data-autosave={hydrated ? "on" : undefined}
        onChange={(event) => {
          const value = event.target.value;
          latest.current.text = value;
          setText(value);
          setTouched(true);
          if (!conflict && !closed) autosave.schedule();
        }}
        onBlur={() => {
          if (dirty && !conflict && !closed) autosave.saveNow();
        }}
      />
      <input type="hidden" name={versionField(question.id)} value={version} />
      <FieldErrors id={errorId} errors={errors} />
      {closed ? <p className="form-error">{t("phaseClosed", { phase: closed })}</p> : null}
      <SaveStatus state={state} id={statusId} />
      {conflict ? (
        <ConflictPanel
          theirs={conflict}
          forceName={`force.${question.id}`}
          takeName={`take.${question.id}`}
          onKeepMine={hydrated ? () => autosave.saveNow({ version: String(conflict.version) }) : undefined}
          onTakeTheirs={
            hydrated
              ? () => {
                  latest.current = { text: conflict.text, version: conflict.version };
                  setText(conflict.text);
                  setVersion(conflict.version);
                  setSavedText(conflict.text);
                  setConflict(null);
                }
              : undefined
          }
        >
          {conflict.text ? <p className="sa-answer-text">{conflict.text}</p> : <p className="muted">{t("factor.noAnswer")}</p>}
        </ConflictPanel>
      ) : null}
      {documents.length ? (
        <p className="sa-question__documents">
          {t("factor.documentsForQuestion")}{" "}
          {documents.map((document, index) => (
            <span key={document.id}>
              {index ? ", " : null}
              <Link to={`/reviews/${reviewId}/documents#document-${document.id}`}>{document.title}</Link>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}

type Rated = { rating: Rating | null; summary: string; version: number; updatedAt: Date | string; updatedByName: string | null };

function AssessmentFields({
  ratingScale,
  saved,
  initial,
  initialConflict,
  initialErrors,
  onDirty,
  onBusy,
}: {
  ratingScale: LoaderData["ratingScale"];
  saved: { rating: Rating | null; summary: string; changedSinceSubmission: boolean } | null;
  initial: { rating: string | null; summary: string; version: number };
  initialConflict: Rated | null;
  initialErrors: FieldErrorMap;
  onDirty: (id: string, dirty: boolean) => void;
  onBusy: (id: string, busy: boolean) => void;
}) {
  const { t } = useTranslation("selfAssessment");
  const hydrated = useHydrated();
  const [rating, setRating] = useState(initial.rating);
  const [summary, setSummary] = useState(initial.summary);
  const [version, setVersion] = useState(initial.version);
  const [savedValue, setSavedValue] = useState({ rating: saved?.rating ?? null, summary: saved?.summary ?? "" });
  const [conflict, setConflict] = useState<Rated | null>(initialConflict);
  const [errors, setErrors] = useState<FieldErrorMap>(initialErrors);
  const [closed, setClosed] = useState<Phase | null>(null);
  const [touched, setTouched] = useState(false);
  const latest = useRef({ rating: initial.rating, summary: initial.summary, version: initial.version });
  const dirty = rating !== savedValue.rating || summary.trim() !== savedValue.summary;
  const legendId = useId();

  const autosave = useAutosave(
    () => ({
      intent: "assessment",
      rating: latest.current.rating ?? "",
      summary: latest.current.summary,
      version: String(latest.current.version),
    }),
    (result) => {
      if (result.intent !== "assessment") return;
      if (result.ok) {
        latest.current.version = result.version;
        setVersion(result.version);
        setSavedValue({ rating: result.rating, summary: result.summary });
        setConflict(null);
        setErrors({});
      } else if (result.kind === "conflict") {
        setConflict(result.conflicts?.assessment ?? null);
      } else if (result.kind === "phase-closed") {
        setClosed(result.phase ?? null);
      } else {
        setErrors(result.errors);
      }
    },
    (busy) => onBusy("assessment", busy),
  );
  useEffect(() => onDirty("assessment", dirty), [dirty, onDirty]);

  const state: SaveState = !hydrated
    ? "idle"
    : conflict || closed || Object.keys(errors).length
      ? "failed"
      : autosave.saving
        ? "saving"
        : dirty
          ? "unsaved"
          : touched
            ? "saved"
            : "idle";
  const ratingLabel = (id: string | null) => ratingScale.find((entry) => entry.id === id)?.label ?? t("common:ratings.none");

  return (
    <section className="sa-assessment card" aria-labelledby="assessment-title">
      <h2 id="assessment-title">
        {t("factor.assessmentTitle")}
        {saved?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
      </h2>
      <fieldset className="field sa-rating-scale" aria-describedby={errors.rating?.length ? "rating-error" : undefined}>
        <legend id={legendId}>{t("factor.rating")}</legend>
        <FieldErrors id="rating-error" errors={errors.rating} />
        {ratingScale.map((entry) => (
          <label key={entry.id} className="sa-rating-option">
            <input
              type="radio"
              name="rating"
              value={entry.id}
              checked={rating === entry.id}
              disabled={closed !== null}
              onChange={() => {
                latest.current.rating = entry.id;
                setRating(entry.id);
                setTouched(true);
                if (!conflict) autosave.saveNow();
              }}
            />{" "}
            <span className={`pill ${entry.id}`}>{entry.label}</span> <span className="muted">{entry.description}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="summary">{t("factor.summary")}</label>
        <p className="hint" id="summary-hint">
          {t("factor.summaryHint")}
        </p>
        <textarea
          id="summary"
          name="summary"
          rows={4}
          value={summary}
          readOnly={closed !== null}
          aria-invalid={errors.summary?.length ? true : undefined}
          aria-describedby={["summary-hint", errors.summary?.length ? "summary-error" : null, "assessment-status"].filter(Boolean).join(" ")}
          onChange={(event) => {
            latest.current.summary = event.target.value;
            setSummary(event.target.value);
            setTouched(true);
            if (!conflict && !closed) autosave.schedule();
          }}
          onBlur={() => {
            if (dirty && !conflict && !closed) autosave.saveNow();
          }}
        />
        <FieldErrors id="summary-error" errors={errors.summary} />
      </div>
      <input type="hidden" name="factorVersion" value={version} />
      {closed ? <p className="form-error">{t("phaseClosed", { phase: closed })}</p> : null}
      <SaveStatus state={state} id="assessment-status" />
      {conflict ? (
        <ConflictPanel
          theirs={conflict}
          forceName="forceFactor"
          takeName="takeFactor"
          onKeepMine={hydrated ? () => autosave.saveNow({ version: String(conflict.version) }) : undefined}
          onTakeTheirs={
            hydrated
              ? () => {
                  latest.current = { rating: conflict.rating, summary: conflict.summary, version: conflict.version };
                  setRating(conflict.rating);
                  setSummary(conflict.summary);
                  setVersion(conflict.version);
                  setSavedValue({ rating: conflict.rating, summary: conflict.summary });
                  setConflict(null);
                }
              : undefined
          }
        >
          <p>
            {t("factor.rating")}: <span className={`pill ${conflict.rating ?? ""}`}>{ratingLabel(conflict.rating)}</span>
          </p>
          {conflict.summary ? <p className="sa-answer-text">{conflict.summary}</p> : <p className="muted">{t("factor.noSummary")}</p>}
        </ConflictPanel>
      ) : null}
    </section>
  );
}

/** Warns before leaving with text that has not reached the server (closing the tab or following a link). */
function useUnsavedWarning(dirty: boolean) {
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty) return;
        event.preventDefault();
        event.returnValue = "";
      },
      [dirty],
    ),
  );
  return useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
}

function LeaveDialog({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const { t } = useTranslation("selfAssessment");
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === "blocked") stay.current?.focus();
  }, [blocker.state]);
  if (blocker.state !== "blocked") return null;
  return (
    <div className="sa-leave-dialog" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-text">
      <h2 id="leave-title">{t("leave.title")}</h2>
      <p id="leave-text">{t("leave.text")}</p>
      <div className="actions">
        <button type="button" ref={stay} onClick={() => blocker.reset()}>
          {t("leave.stay")}
        </button>
        <button type="button" className="secondary" onClick={() => blocker.proceed()}>
          {t("leave.leave")}
        </button>
      </div>
    </div>
  );
}

function ReadOnlyFactor({ data }: { data: LoaderData }) {
  const { t } = useTranslation("selfAssessment");
  const { factor, answers, assessment, ratingScale, documents } = data;
  const rating = ratingScale.find((entry) => entry.id === assessment?.rating);
  return (
    <>
      {factor.questions.map((question) => {
        const answer = answers[question.id];
        const linked = documents.filter((document) => document.questionIds.includes(question.id));
        return (
          <section key={question.id} className="sa-question" aria-labelledby={`q-${question.id}`}>
            <h2 className="sa-question__title" id={`q-${question.id}`}>
              {t("factor.questionNumber", { number: question.number })} {question.text}
              {answer?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
            </h2>
            {question.subItems.length ? (
              <ul className="sa-sub-items">
                {question.subItems.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
            {answer?.text ? <div className="sa-answer-text">{answer.text}</div> : <p className="muted">{t("factor.noAnswer")}</p>}
            {linked.length ? (
              <p className="sa-question__documents">
                {t("factor.documentsForQuestion")} {linked.map((document) => document.title).join(", ")}
              </p>
            ) : null}
          </section>
        );
      })}
      <section className="sa-assessment card" aria-labelledby="assessment-title">
        <h2 id="assessment-title">
          {t("factor.assessmentTitle")}
          {assessment?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
        </h2>
        <dl className="facts">
          <dt>{t("factor.rating")}</dt>
          <dd>
            {rating ? <span className={`pill ${rating.id}`}>{rating.label}</span> : <span className="muted">{t("common:ratings.none")}</span>}
          </dd>
          <dt>{t("factor.summary")}</dt>
          <dd>{assessment?.summary ? <div className="sa-answer-text">{assessment.summary}</div> : <span className="muted">{t("factor.noSummary")}</span>}</dd>
        </dl>
      </section>
    </>
  );
}

export default function FactorPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("selfAssessment");
  const formatDateTime = useFormatDateTime();
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
  const blocker = useUnsavedWarning(dirtyItems.size > 0 && !submitting);
  useEffect(() => {
    // Once the last text reached the server, let the blocked navigation go on by itself.
    if (blocker.state === "blocked" && dirtyItems.size === 0) blocker.proceed();
  }, [blocker, dirtyItems.size]);

  // A full-form result (conflict, invalid, phase closed) re-seeds the fields with what was sent.
  const wholeForm = actionData && !actionData.ok && actionData.intent === "save" ? actionData : null;
  const attempt = useRef({ data: wholeForm, count: 0 });
  if (attempt.current.data !== wholeForm) attempt.current = { data: wholeForm, count: attempt.current.count + 1 };
  const values = wholeForm?.values ?? {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const phaseClosed = wholeForm?.kind === "phase-closed" ? wholeForm.phase : null;
  const showForm = canWrite || phaseClosed !== null;
  const saved = searchParams.get("saved");

  return (
    <>
      <p className="breadcrumb no-print">
        <Link to={`/reviews/${reviewId}/self-assessment`}>{t("overview.title")}</Link> › {t("factor.kicker", { number: factor.number })}
      </p>
      <h1>
        {t("factor.heading", { number: factor.number, title: factor.title })}
      </h1>
      <div className="sa-factor">
        <div className="sa-factor__main">
          <p className="sa-statement">{factor.statement}</p>
          <details className="sa-rationale">
            <summary>{t("factor.rationale")}</summary>
            <TextBlocks text={factor.rationale} />
          </details>
          {submission ? (
            <p className="muted">{t("submittedOn", { name: submission.byName ?? "—", when: formatDateTime(submission.at) })}</p>
          ) : null}
          {saved !== null && !wholeForm ? (
            <p className="notice ok" role="status">
              {saved === "0" ? t("factor.nothingChanged") : t("factor.saved")}
            </p>
          ) : null}
          {wholeForm?.kind === "conflict" ? <FormError message="selfAssessment:conflict.formError" /> : null}
          {wholeForm?.kind === "invalid" ? <FormError message={wholeForm.errors._form?.[0] ?? "errors.fixBelow"} /> : null}
          {phaseClosed ? <FormError message={msg("selfAssessment:phaseClosedForm", { phase: phaseClosed })} /> : null}

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
                  initialConflict={wholeForm?.conflicts?.answers[question.id] ?? null}
                  initialErrors={wholeForm?.errors[answerField(question.id)]}
                  documents={documents.filter((document) => document.questionIds.includes(question.id))}
                  reviewId={reviewId}
                  onDirty={onDirty}
                  onBusy={onBusy}
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
                initialConflict={wholeForm?.conflicts?.assessment ?? null}
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

          <section aria-labelledby="documents-title" className="sa-factor-documents">
            <h2 id="documents-title">{t("factor.documents")}</h2>
            {documents.length ? (
              <ul>
                {documents.map((document) => (
                  <li key={document.id}>
                    <Link to={`/reviews/${reviewId}/documents#document-${document.id}`}>{document.title}</Link>{" "}
                    <span className="muted">
                      · {t(`documents.types.${document.type}`)}
                      {document.date ? ` · ${formatDay(document.date, i18n.language)}` : ""}
                    </span>
                    {document.hasFile ? (
                      <>
                        {" "}
                        · <a href={`/reviews/${reviewId}/documents/${document.id}/file`}>{t("documents.download", { name: document.fileName })}</a>
                      </>
                    ) : null}
                    {document.url ? (
                      <>
                        {" "}
                        · <a href={document.url} rel="noreferrer noopener" target="_blank">{t("documents.openLink")}</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("factor.noDocuments")}</p>
            )}
            {canWrite ? (
              <p>
                <Link to={`/reviews/${reviewId}/documents?factor=${factor.id}#add-document`}>{t("factor.addDocument")}</Link>
              </p>
            ) : null}
          </section>

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
      <LeaveDialog blocker={blocker} />
    </>
  );
}

/** Background saves change nothing else on the page: skip reloading its data after them. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "answer" || intent === "assessment") return false;
  return defaultShouldRevalidate;
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? `${data.factor.number}. ${data.factor.title}` : t("titles.selfAssessment")));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
