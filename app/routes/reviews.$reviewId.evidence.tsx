import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData, useLocation, useOutlet, type ShouldRevalidateFunction } from "@remix-run/react";
import type { ColumnDef } from "@tanstack/react-table";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { localize, requireFramework } from "#benchmark/index";
import { DataTable, tableStateToSearchParams, useUrlTableState, type DataTableFilter } from "#app/components/data-table";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ChoiceGroup, FieldErrors, FormError, SelectField, TextField } from "#app/components/field";
import {
  createEvidence,
  deleteEvidence,
  EVIDENCE_LOG_TABLE,
  getLogFacets,
  listEvidenceLog,
  loadLogContext,
  parseEvidenceForm,
  parseEvidenceView,
  restoreEvidence,
  type EvidenceInput,
  type EvidenceLogRow,
} from "#app/models/evidence.server";
import { listInterviewOptions, type InterviewOption } from "#app/models/interview.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { getI18n } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { formValues } from "#app/utils/validation";
import { EVIDENCE_KINDS, PARTICIPANT_CATEGORIES, POLARITIES, type EvidenceKind, type Polarity } from "#db/enums";

const INTERVIEW_SOURCED: readonly string[] = ["interview-quote", "focus-group-note"] satisfies EvidenceKind[];

/** Parameters that keep the logging form's choices across a save when the browser runs no script. */
const MEMORY = {
  interview: "form-interview",
  factor: "form-factor",
  kind: "form-kind",
  polarity: "form-polarity",
  attribution: "form-attribution",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, "evidence:read");
  const { review, user } = access;
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  const view = parseEvidenceView(url.searchParams);
  const canWrite = hasPermission(access, "evidence:write");
  const canEditAny = hasPermission(access, "evidence:edit-any");
  const context = await loadLogContext({ reviewId: review.id });
  const [log, facets] = await Promise.all([
    listEvidenceLog({ reviewId: review.id, view, actor: { userId: user.id, canEditAny, canWrite }, context }),
    getLogFacets({ reviewId: review.id, context }),
  ]);
  const search = url.searchParams;
  const kind = search.get(MEMORY.kind);
  const polarity = search.get(MEMORY.polarity);
  return {
    reviewId: review.id,
    tableConfig: EVIDENCE_LOG_TABLE,
    factors: framework.keyFactors
      .filter((factor) => !factor.retired)
      .map((factor) => ({
        id: factor.id,
        number: factor.number,
        title: localize(factor.title, locale),
        questions: factor.guidingQuestions
          .filter((question) => !question.retired)
          .map((question, index) => ({ id: question.id, number: index + 1, text: localize(question.text, locale) })),
      })),
    log,
    facets,
    canWrite,
    remembered: {
      interviewId: search.get(MEMORY.interview) ?? "",
      factorIds: search.getAll(MEMORY.factor),
      kind: (EVIDENCE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as EvidenceKind) : "interview-quote",
      polarity: (POLARITIES as readonly string[]).includes(polarity ?? "") ? (polarity as Polarity) : "supports",
      attribution: search.get(MEMORY.attribution),
    },
    notice: {
      saved: search.has("saved"),
      deleted: search.get("deleted"),
      restored: search.has("restored"),
    },
  };
}

const IntentSchema = z.enum(["create", "delete", "restore"]);
const ItemSchema = z.object({ evidenceId: z.string().trim().min(1).max(100) });

type ActionResult =
  | { ok: true; intent: "create" | "delete" | "restore"; id: string }
  | { ok: false; intent: string; errors: Record<string, string[] | undefined>; values: Record<string, string | string[]> };

/** Where a plain (script-less) form post lands: the same view of the log, with the form's choices kept. */
function backToLog(url: URL, extra: Record<string, string | string[]>) {
  const params = new URLSearchParams(url.searchParams);
  for (const key of [...Object.values(MEMORY), ...EVIDENCE_LOG_TABLE.transientKeys]) params.delete(key);
  for (const [key, value] of Object.entries(extra)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return `${url.pathname}?${params}`;
}

async function withDefaultAttribution(input: EvidenceInput, request: Request, interviews: InterviewOption[]) {
  if (input.attribution || !input.interviewId) return input;
  const first = interviews.find((interview) => interview.id === input.interviewId)?.participants[0];
  if (!first) return input;
  const { t } = getI18n(await getLocale(request));
  return { ...input, attribution: t(`evidence:attributions.${first.category}`) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, "evidence:write");
  const { review, user } = access;
  const form = await request.formData();
  const url = new URL(request.url);
  const viaFetcher = form.get("via") === "fetcher";
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) {
    return data<ActionResult>(
      { ok: false, intent: "", errors: { _form: ["evidence:errors.unknownIntent"] }, values: formValues(form) },
      { status: 400 }
    );
  }
  const actor = { userId: user.id, canEditAny: hasPermission(access, "evidence:edit-any") };

  if (intent.data === "create") {
    const parsed = parseEvidenceForm(requireFramework(review.frameworkId), form);
    if (!parsed.ok)
      return data<ActionResult>({ ok: false, intent: "create", errors: parsed.errors, values: parsed.values }, { status: 400 });
    const needsDefault = !parsed.data.attribution && parsed.data.interviewId;
    const input = needsDefault
      ? await withDefaultAttribution(parsed.data, request, await listInterviewOptions({ reviewId: review.id }))
      : parsed.data;
    const outcome = await createEvidence({ reviewId: review.id, userId: user.id, input });
    if (!outcome.ok)
      return data<ActionResult>({ ok: false, intent: "create", errors: outcome.errors, values: parsed.values }, { status: outcome.status });
    if (viaFetcher) return data<ActionResult>({ ok: true, intent: "create", id: outcome.id });
    return redirect(
      backToLog(url, {
        [MEMORY.interview]: input.interviewId ?? "",
        [MEMORY.factor]: input.factorIds,
        [MEMORY.kind]: input.kind,
        [MEMORY.polarity]: input.polarity,
        [MEMORY.attribution]: input.attribution,
        saved: outcome.id,
      })
    );
  }

  const item = ItemSchema.safeParse(formValues(form));
  if (!item.success) {
    return data<ActionResult>(
      { ok: false, intent: intent.data, errors: { _form: ["evidence:errors.notFound"] }, values: formValues(form) },
      { status: 400 }
    );
  }
  const change = intent.data === "delete" ? deleteEvidence : restoreEvidence;
  const outcome = await change({ reviewId: review.id, evidenceId: item.data.evidenceId, actor });
  if (!outcome.ok)
    return data<ActionResult>(
      { ok: false, intent: intent.data, errors: outcome.errors, values: formValues(form) },
      { status: outcome.status }
    );
  if (viaFetcher) return data<ActionResult>({ ok: true, intent: intent.data, id: outcome.id });
  return redirect(backToLog(url, intent.data === "delete" ? { deleted: outcome.id } : { restored: "1" }));
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type InterviewChoice = LoaderData["facets"]["interviews"][number];

// One flag for the whole page (not one effect per cell): true once the page runs in the browser.
const HydratedContext = createContext(false);
const useHydrated = () => useContext(HydratedContext);

// Building a date formatter is slow; a page of rows reuses a handful.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

/** Dates render in UTC on the server and in the reader's own time zone once the page runs. */
function useDateFormat() {
  const { i18n } = useTranslation();
  const hydrated = useHydrated();
  return useMemo(() => {
    const timeZone = hydrated ? undefined : "UTC";
    const moment = formatter(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone });
    const short = formatter(i18n.language, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
    const day = formatter(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
    const shortDay = formatter(i18n.language, { day: "numeric", month: "short", timeZone: "UTC" });
    return {
      moment: (ms: number) => moment.format(new Date(ms)),
      short: (ms: number) => short.format(new Date(ms)),
      day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
      shortDay: (iso: string) => shortDay.format(new Date(`${iso}T00:00:00Z`)),
    };
  }, [i18n.language, hydrated]);
}

type InterviewBasics = { id: string; date: string; format: "interview" | "focus-group"; place: string };

/**
 * Labels of the review's interviews ("16 Mar 2026 · Focus group · Maison des associations"),
 * built once per render and shared by the form, the filters and the cells.
 */
function useInterviewLabels() {
  const { t } = useTranslation("evidence");
  const { facets } = useLoaderData<typeof loader>();
  const format = useDateFormat();
  return useMemo(() => {
    const withPlace = t("interviewLabel", { date: "\u0001", format: "\u0002", place: "\u0003" });
    const withoutPlace = t("interviewLabelNoPlace", { date: "\u0001", format: "\u0002" });
    const formats = { interview: t("formats.interview"), "focus-group": t("formats.focus-group") };
    const label = (interview: Omit<InterviewBasics, "id">, short: boolean) =>
      (interview.place ? withPlace : withoutPlace)
        .replace("\u0001", short ? format.shortDay(interview.date) : format.day(interview.date))
        .replace("\u0002", formats[interview.format])
        .replace("\u0003", interview.place);
    const long = new Map(facets.interviews.map((interview) => [interview.id, label(interview, false)]));
    const short = new Map(facets.interviews.map((interview) => [interview.id, label(interview, true)]));
    return {
      long: (interview: InterviewBasics) => long.get(interview.id) ?? label(interview, false),
      short: (interview: InterviewBasics) => short.get(interview.id) ?? label(interview, true),
    };
  }, [t, facets.interviews, format]);
}

/** "1"–"9" tag factors 1–9, "0" factor 10, the key right of 0 factor 11, by physical key so AZERTY works too. */
function factorNumberFromKey(event: KeyboardEvent): number | null {
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(event.code);
  if (digit) return digit[1] === "0" ? 10 : Number(digit[1]);
  if (event.code === "Minus" || event.code === "NumpadSubtract") return 11;
  if (/^\d$/.test(event.key)) return event.key === "0" ? 10 : Number(event.key);
  if (event.key === "-") return 11;
  return null;
}

function attributionChoices(interview: InterviewChoice | undefined, t: (key: string, options?: Record<string, unknown>) => string) {
  if (!interview) return [];
  const choices = new Set<string>();
  for (const participant of interview.participants) {
    const attribution = t(`attributions.${participant.category}`);
    choices.add(attribution);
    if (participant.role) choices.add(t("attributionWithRole", { attribution, role: participant.role }));
  }
  return [...choices];
}

function LogForm({ rowsShown }: { rowsShown: readonly string[] }) {
  const { factors, facets, remembered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("evidence");
  const fetcher = useFetcher<typeof action>({ key: "log-evidence" });
  const hydrated = useHydrated();
  const interviewLabel = useLabels().interviewLong;
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  // A script-less post that failed comes back as action data with what was typed.
  const failed = actionData && !actionData.ok && actionData.intent === "create" ? actionData : null;
  const typed = (name: string) => {
    const value = failed?.values[name];
    return typeof value === "string" ? value : undefined;
  };
  const firstInterview = typed("interviewId") ?? remembered.interviewId;
  const [interviewId, setInterviewId] = useState(firstInterview);
  const [kind, setKind] = useState<string>(typed("kind") ?? remembered.kind);
  const [attribution, setAttribution] = useState(
    typed("attribution") ??
      remembered.attribution ??
      attributionChoices(
        facets.interviews.find((i) => i.id === firstInterview),
        t
      )[0] ??
      ""
  );
  const [factorIds, setFactorIds] = useState<string[]>(
    failed ? (Array.isArray(failed.values.factorIds) ? failed.values.factorIds : []) : remembered.factorIds
  );
  const [numbers, setNumbers] = useState(typed("factorNumbers") ?? "");
  const [questionIds, setQuestionIds] = useState<string[]>(
    failed && Array.isArray(failed.values.questionIds) ? failed.values.questionIds : []
  );
  const [text, setText] = useState(typed("text") ?? "");
  const [announcement, setAnnouncement] = useState("");
  const [savedId, setSavedId] = useState<string | null>(null);
  const submitted = useRef("");
  const handled = useRef<unknown>(null);

  const result = fetcher.data ?? failed ?? undefined;
  const errors = result && !result.ok ? result.errors : {};
  const formError = result && !result.ok && Object.keys(result.errors).length ? "evidence:form.fixErrors" : null;

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || handled.current === fetcher.data) return;
    handled.current = fetcher.data;
    if (fetcher.data.ok) {
      setSavedId(fetcher.data.id);
      setAnnouncement(t("form.saved"));
    } else {
      // Nothing was written: give the quote back, ahead of anything typed since.
      const lost = submitted.current;
      setText((current) => (current ? `${lost}\n${current}` : lost));
      setAnnouncement(t("form.fixErrors"));
    }
    textRef.current?.focus();
  }, [fetcher.state, fetcher.data, t]);

  const numbersOf = (ids: string[]) =>
    factors
      .filter((factor) => ids.includes(factor.id))
      .map((factor) => factor.number)
      .join(" ");

  const setTags = (ids: string[]) => {
    setFactorIds(ids);
    setNumbers(numbersOf(ids));
    setQuestionIds((current) => current.filter((questionId) => ids.some((id) => questionId.startsWith(`${id}-`))));
  };

  const toggleFactor = (number: number) => {
    const factor = factors.find((candidate) => candidate.number === number);
    if (!factor) return;
    const on = factorIds.includes(factor.id);
    setTags(on ? factorIds.filter((id) => id !== factor.id) : [...factorIds, factor.id]);
    setAnnouncement(t(on ? "form.untagged" : "form.tagged", { number }));
  };

  const chooseInterview = (id: string) => {
    setInterviewId(id);
    const interview = facets.interviews.find((candidate) => candidate.id === id);
    if (!interview) return;
    setAttribution(attributionChoices(interview, t)[0] ?? "");
    if (INTERVIEW_SOURCED.includes(kind)) setKind(interview.format === "focus-group" ? "focus-group-note" : "interview-quote");
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData(form, (event.nativeEvent as SubmitEvent).submitter ?? null);
    submitted.current = text;
    fetcher.submit(body, { method: "post" });
    // The next quote can be typed at once; a refused save gives this one back.
    setText("");
    setQuestionIds([]);
    setSavedId(null);
    textRef.current?.focus();
  }

  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const number = factorNumberFromKey(event);
      if (number) {
        event.preventDefault();
        toggleFactor(number);
      }
    }
  };

  const onTagsKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== "checkbox") return;
    if (event.key === "Enter") {
      event.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const number = factorNumberFromKey(event);
    if (number) {
      event.preventDefault();
      toggleFactor(number);
    }
  };

  const interview = facets.interviews.find((candidate) => candidate.id === interviewId);
  const suggestions = attributionChoices(interview, t);
  const questionFactors = factors.filter((factor) => !hydrated || factorIds.includes(factor.id));
  const busy = fetcher.state !== "idle";

  return (
    <section className="card log-form no-print" aria-labelledby="log-form-title">
      <h2 id="log-form-title">{t("form.title")}</h2>
      <fetcher.Form method="post" ref={formRef} onSubmit={hydrated ? submit : undefined} noValidate>
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="via" value={hydrated ? "fetcher" : "form"} />
        <FormError message={formError} />
        <div className="log-form__grid">
          <div>
            <SelectField
              id="log-interview"
              name="interviewId"
              label={t("form.interview")}
              value={interviewId}
              onChange={(event) => chooseInterview(event.target.value)}
              errors={errors.interviewId}
              options={[
                { value: "", label: t("form.noInterview") },
                ...facets.interviews.map((option) => ({ value: option.id, label: interviewLabel(option) })),
              ]}
            />
            {!facets.interviews.length ? (
              <p className="muted">
                {t("form.noInterviews")} <Link to="../interviews">{t("form.recordInterview")}</Link>
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="log-text">{t("form.text")}</label>
              <p className="hint" id="log-text-hint">
                {t("form.textHint")}
              </p>
              <textarea
                id="log-text"
                ref={textRef}
                name="text"
                // Arriving to log quotes for an interview (or back from a save without script): straight to typing.
                autoFocus={Boolean(remembered.interviewId)}
                rows={4}
                value={text}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={onTextKeyDown}
                aria-invalid={errors.text?.length ? true : undefined}
                aria-describedby={["log-text-hint", "log-shortcuts", errors.text?.length ? "log-text-error" : null]
                  .filter(Boolean)
                  .join(" ")}
              />
              <FieldErrors id="log-text-error" errors={errors.text} />
            </div>
            <TextField
              id="log-attribution"
              type="text"
              name="attribution"
              label={t("form.attribution")}
              hint={t("form.attributionHint")}
              value={attribution}
              onChange={(event) => setAttribution(event.target.value)}
              list={suggestions.length ? "log-attribution-choices" : undefined}
              autoComplete="off"
              errors={errors.attribution}
            />
            {suggestions.length ? (
              <datalist id="log-attribution-choices">
                {suggestions.map((suggestion) => (
                  <option key={suggestion} value={suggestion} />
                ))}
              </datalist>
            ) : null}
            <SelectField
              id="log-kind"
              name="kind"
              label={t("form.kind")}
              value={kind}
              onChange={(event) => setKind(event.target.value)}
              errors={errors.kind}
              options={EVIDENCE_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
            />
            <SelectField
              id="log-document"
              name="documentId"
              label={t("form.document")}
              hint={t("form.documentHint")}
              defaultValue={typed("documentId") ?? ""}
              errors={errors.documentId}
              options={[
                { value: "", label: t("form.noDocument") },
                ...facets.documents.map((doc) => ({
                  value: doc.id,
                  label: `${doc.title} (${t(doc.origin === "host-city" ? "form.hostCityDocument" : "form.peerDocument")})`,
                })),
              ]}
            />
          </div>
          <div>
            <fieldset
              className="field factor-tags"
              onKeyDown={onTagsKeyDown}
              aria-describedby={["log-factors-hint", errors.factorIds?.length ? "log-factors-error" : null].filter(Boolean).join(" ")}
            >
              <legend>{t("form.factors")}</legend>
              <p className="hint" id="log-factors-hint">
                {t("form.factorsHint")}
              </p>
              <FieldErrors id="log-factors-error" errors={errors.factorIds} />
              <ul className="factor-tags__list">
                {factors.map((factor) => (
                  <li key={factor.id}>
                    <label className="choice">
                      <input
                        type="checkbox"
                        name="factorIds"
                        value={factor.id}
                        checked={factorIds.includes(factor.id)}
                        onChange={() => toggleFactor(factor.number)}
                      />{" "}
                      <span className="factor-tags__number">{factor.number}</span>
                      <span>
                        {factor.title}{" "}
                        <span className="muted factor-tags__count">
                          ({t("form.factorCount", { count: facets.factorCounts[factor.id] ?? 0 })})
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <TextField
              id="log-factor-numbers"
              type="text"
              name="factorNumbers"
              label={t("form.factorNumbers")}
              hint={t("form.factorNumbersHint")}
              value={numbers}
              inputMode="numeric"
              autoComplete="off"
              className="narrow"
              onChange={(event) => {
                const value = event.target.value;
                setNumbers(value);
                const ids = value
                  .split(/[\s,;]+/)
                  .map((token) => factors.find((factor) => String(factor.number) === token)?.id)
                  .filter((id): id is string => Boolean(id));
                setFactorIds([...new Set(ids)]);
              }}
              errors={errors.factorNumbers}
            />
            <ChoiceGroup
              legend={t("form.polarity")}
              name="polarity"
              type="radio"
              value={typed("polarity") ?? remembered.polarity}
              errors={errors.polarity}
              options={POLARITIES.map((value) => ({
                value,
                label: (
                  <>
                    <span className={`pill ${value}`}>{t(`polarities.${value}`)}</span>{" "}
                    <span className="muted">{t(`polarityHints.${value}`)}</span>
                  </>
                ),
              }))}
            />
          </div>
        </div>
        <details className="log-form__questions">
          <summary>{t("form.questions")}</summary>
          <FieldErrors id="log-questions-error" errors={errors.questionIds} />
          {questionFactors.length ? (
            questionFactors.map((factor) => (
              <fieldset key={factor.id} className="choice-group">
                <legend>{t("factorLabel", { number: factor.number, title: factor.title })}</legend>
                {factor.questions.map((question) => (
                  <label key={question.id} className="choice question-choice">
                    <input
                      type="checkbox"
                      name="questionIds"
                      value={question.id}
                      checked={questionIds.includes(question.id)}
                      onChange={(event) =>
                        setQuestionIds((current) =>
                          event.target.checked ? [...current, question.id] : current.filter((id) => id !== question.id)
                        )
                      }
                    />{" "}
                    {factor.number}.{question.number} {question.text}
                  </label>
                ))}
              </fieldset>
            ))
          ) : (
            <p className="muted">{t("form.noQuestions")}</p>
          )}
        </details>
        <div className="actions">
          <button type="submit" disabled={busy && !text}>
            {busy ? t("form.saving") : t("form.save")}
          </button>
          <p role="status" className="log-form__status">
            {announcement}
            {savedId && !rowsShown.includes(savedId) && announcement === t("form.saved") ? ` ${t("log.notInTable")}` : ""}
          </p>
        </div>
      </fetcher.Form>
      <details className="shortcuts" id="log-shortcuts" open>
        <summary>{t("form.shortcuts")}</summary>
        <ul>
          <li>{t("form.shortcutList.enter")}</li>
          <li>{t("form.shortcutList.shiftEnter")}</li>
          <li>{t("form.shortcutList.altDigit")}</li>
          <li>{t("form.shortcutList.digit")}</li>
          <li>{t("form.shortcutList.after")}</li>
        </ul>
      </details>
    </section>
  );
}

// ---- Table cells (the columns are declared once, below, at module scope) ----------------

/**
 * Everything the cells print, translated and formatted once per render of the page: a page of
 * rows would otherwise make hundreds of translation and date-formatting calls.
 */
function useCellLabels() {
  const { t } = useTranslation("evidence");
  const { factors } = useLoaderData<typeof loader>();
  const format = useDateFormat();
  const interviews = useInterviewLabels();
  return useMemo(() => {
    // The same moment is shown twice per row (cell and button label): format it once.
    const moments = new Map<number, string>();
    const moment = (ms: number) => {
      let text = moments.get(ms);
      if (text === undefined) {
        text = format.moment(ms);
        moments.set(ms, text);
      }
      return text;
    };
    const slot = "\u0000";
    const pattern = (key: string) => {
      const text = t(key, { date: slot });
      return (date: string) => text.replace(slot, date);
    };
    const record = <K extends string>(keys: readonly K[], prefix: string) =>
      Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)])) as Record<K, string>;
    return {
      kinds: record(EVIDENCE_KINDS, "kinds"),
      polarities: record(POLARITIES, "polarities"),
      categories: record(PARTICIPANT_CATEGORIES, "categories"),
      origins: record(["peer-team", "host-city"] as const, "origins"),
      factors: new Map(
        factors.map((factor) => [
          factor.id,
          { short: t("factorShort", { number: factor.number }), long: t("factorLabel", { number: factor.number, title: factor.title }) },
        ])
      ),
      readAll: t("log.readAll"),
      hostDocument: t("log.hostDocument"),
      openDocument: t("log.openDocument"),
      sourceDocument: (title: string) => t("log.sourceDocument", { title }),
      edit: t("log.edit"),
      view: t("log.view"),
      remove: t("log.delete"),
      editLabel: pattern("log.editLabel"),
      viewLabel: pattern("log.viewLabel"),
      deleteLabel: pattern("log.deleteLabel"),
      moment,
      short: format.short,
      day: format.day,
      interview: interviews.short,
      interviewLong: interviews.long,
    };
  }, [t, factors, format, interviews]);
}

type CellLabels = ReturnType<typeof useCellLabels>;
const CellLabelsContext = createContext<CellLabels | null>(null);
const useLabels = () => useContext(CellLabelsContext)!;

/** What the row links and buttons need from the page: its query string and one shared delete fetcher. */
type RowActions = { search: string; deleteUrl: string; submitDelete: (form: HTMLFormElement) => void };
const RowActionsContext = createContext<RowActions | null>(null);
const useRowActions = () => useContext(RowActionsContext)!;

function DocumentLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target={href.startsWith("http") ? "_blank" : undefined} rel="noreferrer">
      {children}
    </a>
  );
}

function TextCell({ row }: { row: EvidenceLogRow }) {
  const labels = useLabels();
  const { search } = useRowActions();
  if (row.source === "document") {
    return (
      <>
        {row.document?.href ? <DocumentLink href={row.document.href}>{row.text}</DocumentLink> : row.text}
        <br />
        <span className="muted">{labels.hostDocument}</span>
      </>
    );
  }
  return (
    <>
      {INTERVIEW_SOURCED.includes(row.kind) ? <q className="evidence-text">{row.text}</q> : <span className="evidence-text">{row.text}</span>}
      {row.truncated ? (
        <>
          {" "}
          <Link to={{ pathname: row.id, search }} aria-label={`${labels.readAll}: ${row.text.slice(0, 40)}…`}>
            {labels.readAll}
          </Link>
        </>
      ) : null}
      {row.attribution ? <span className="attribution"> — {row.attribution}</span> : null}
      {row.document ? <span className="muted attribution">{labels.sourceDocument(row.document.title)}</span> : null}
    </>
  );
}

function FactorsCell({ ids }: { ids: readonly string[] }) {
  const labels = useLabels();
  return (
    <ul className="factor-list">
      {ids.map((id) => {
        const factor = labels.factors.get(id);
        return (
          <li key={id}>
            <abbr title={factor?.long ?? id}>{factor?.short ?? id}</abbr>
          </li>
        );
      })}
    </ul>
  );
}

/** When an item was logged (day and time); a host-city document's own date (day and year, no time). */
function DateCell({ ms, dayOnly }: { ms: number; dayOnly: boolean }) {
  const labels = useLabels();
  const iso = new Date(ms).toISOString();
  if (dayOnly) {
    return (
      <time dateTime={iso.slice(0, 10)} className="nowrap">
        {labels.day(iso.slice(0, 10))}
      </time>
    );
  }
  return (
    <time dateTime={iso} title={labels.moment(ms)} className="nowrap">
      {labels.short(ms)}
    </time>
  );
}

function ActionsCell({ row }: { row: EvidenceLogRow }) {
  const labels = useLabels();
  const { search, deleteUrl, submitDelete } = useRowActions();
  const hydrated = useHydrated();
  if (row.source === "document") {
    return row.document?.href ? <DocumentLink href={row.document.href}>{labels.openDocument}</DocumentLink> : null;
  }
  const when = labels.moment(row.date);
  return (
    <div className="row-actions">
      <Link to={{ pathname: row.id, search }} aria-label={row.canEdit ? labels.editLabel(when) : labels.viewLabel(when)}>
        {row.canEdit ? labels.edit : labels.view}
      </Link>
      {row.canEdit ? (
        <form
          method="post"
          action={deleteUrl}
          onSubmit={(event) => {
            event.preventDefault();
            submitDelete(event.currentTarget);
          }}
        >
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="evidenceId" value={row.id} />
          <input type="hidden" name="via" value={hydrated ? "fetcher" : "form"} />
          <button type="submit" className="button-link danger-link" aria-label={labels.deleteLabel(when)}>
            {labels.remove}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function Label({ of }: { of: (labels: CellLabels) => string | null }) {
  return <>{of(useLabels())}</>;
}

const COLUMNS: ColumnDef<EvidenceLogRow, unknown>[] = [
  {
    id: "text",
    accessorKey: "text",
    meta: { labelKey: "evidence:columns.text", searchValue: (row) => `${row.text} ${row.attribution}`, className: "col-text" },
    cell: ({ row }) => <TextCell row={row.original} />,
  },
  {
    id: "factors",
    accessorFn: (row) => row.factors,
    meta: { labelKey: "evidence:columns.factors" },
    cell: ({ row }) => <FactorsCell ids={row.original.factors} />,
  },
  { id: "groupFactor", accessorFn: (row) => row.groupFactor ?? "", enableSorting: false, enableHiding: false, meta: { hidden: true } },
  {
    id: "kind",
    accessorKey: "kind",
    meta: { labelKey: "evidence:columns.kind" },
    cell: ({ row }) => <Label of={(labels) => labels.kinds[row.original.kind]} />,
  },
  {
    id: "polarity",
    accessorKey: "polarity",
    meta: { labelKey: "evidence:columns.polarity" },
    cell: ({ row }) =>
      row.original.polarity ? (
        <span className={`pill ${row.original.polarity}`}>
          <Label of={(labels) => labels.polarities[row.original.polarity!]} />
        </span>
      ) : null,
  },
  { id: "reviewer", accessorKey: "reviewerName", meta: { labelKey: "evidence:columns.reviewer" } },
  {
    id: "interview",
    accessorFn: (row) => row.interview?.id ?? "",
    meta: { labelKey: "evidence:columns.interview" },
    cell: ({ row }) => <Label of={(labels) => (row.original.interview ? labels.interview(row.original.interview) : null)} />,
  },
  {
    id: "category",
    accessorFn: (row) => row.categories,
    meta: { labelKey: "evidence:columns.category" },
    cell: ({ row }) => <Label of={(labels) => row.original.categories.map((category) => labels.categories[category]).join(", ")} />,
  },
  {
    id: "date",
    accessorKey: "date",
    sortDescFirst: true,
    meta: { labelKey: "evidence:columns.date" },
    cell: ({ row }) => <DateCell ms={row.original.date} dayOnly={row.original.source === "document"} />,
  },
  {
    id: "origin",
    accessorKey: "origin",
    meta: { labelKey: "evidence:columns.origin" },
    cell: ({ row }) => <Label of={(labels) => labels.origins[row.original.origin]} />,
  },
  {
    id: "actions",
    enableSorting: false,
    enableHiding: false,
    meta: { labelKey: "evidence:columns.actions" },
    cell: ({ row }) => <ActionsCell row={row.original} />,
  },
];

const GROUP_OPTION_COLUMN = "groupFactor";
// The category and origin columns are a click away in the column chooser; the text cell already marks host-city documents.
const DEFAULT_COLUMNS = ["text", "factors", "kind", "polarity", "reviewer", "interview", "date"];

function UndoNotice() {
  const { notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation("evidence");
  const deleter = useFetcher<typeof action>({ key: "evidence-delete" });
  const restorer = useFetcher<typeof action>({ key: "evidence-restore" });
  const hydrated = useHydrated();
  const [deletedId, setDeletedId] = useState<string | null>(notice.deleted);
  const [restored, setRestored] = useState(notice.restored);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (deleter.state === "idle" && deleter.data?.ok) {
      setDeletedId(deleter.data.id);
      setRestored(false);
    }
  }, [deleter.state, deleter.data]);
  useEffect(() => {
    if (restorer.state === "idle" && restorer.data?.ok) {
      setDeletedId(null);
      setRestored(true);
    }
  }, [restorer.state, restorer.data]);
  // The row and its button are gone: the undo button takes the focus so the keyboard is not lost.
  useEffect(() => {
    if (deletedId && hydrated && deleter.data?.ok) undoRef.current?.focus();
  }, [deletedId, hydrated, deleter.data]);
  const failed = (deleter.data && !deleter.data.ok ? deleter.data : null) ?? (restorer.data && !restorer.data.ok ? restorer.data : null);
  if (failed) return <FormError message={failed.errors._form?.[0] ?? "errors.title"} />;
  if (deletedId) {
    return (
      <div className="notice ok" role="status">
        {t("log.deleted")}{" "}
        <restorer.Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="evidenceId" value={deletedId} />
          <input type="hidden" name="via" value={hydrated ? "fetcher" : "form"} />
          <button type="submit" ref={undoRef} className="secondary">
            {t("log.undo")}
          </button>
        </restorer.Form>
      </div>
    );
  }
  if (restored) {
    return (
      <p className="notice ok" role="status">
        {t("log.restored")}
      </p>
    );
  }
  return null;
}

export default function EvidenceLog() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <HydratedContext.Provider value={hydrated}>
      <EvidenceLogPage />
    </HydratedContext.Provider>
  );
}

function EvidenceLogPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { reviewId, factors, log, facets, canWrite, tableConfig, notice } = loaderData;
  const { t } = useTranslation("evidence");
  const outlet = useOutlet();
  const location = useLocation();
  const [state, setState] = useUrlTableState(tableConfig);
  const labels = useCellLabels();
  const interviewLabel = labels.interviewLong;
  // One fetcher for every row's delete button (a fetcher per row would cost each row a subscription).
  const deleter = useFetcher<typeof action>({ key: "evidence-delete" });
  const submit = deleter.submit;
  const rowActions = useMemo<RowActions>(
    () => ({
      search: location.search,
      deleteUrl: `/reviews/${reviewId}/evidence${location.search}`,
      submitDelete: (form) => submit(new FormData(form), { method: "post", action: `/reviews/${reviewId}/evidence` }),
    }),
    [location.search, reviewId, submit]
  );

  const filters = useMemo<DataTableFilter[]>(
    () => [
      {
        id: "factor",
        label: t("columns.factors"),
        type: "select",
        options: [
          { value: "", label: t("log.allFactors") },
          ...factors.map((factor) => ({ value: factor.id, label: `${factor.number}. ${factor.title}` })),
        ],
      },
      {
        id: "kind",
        label: t("columns.kind"),
        type: "select",
        options: [{ value: "", label: t("log.allKinds") }, ...EVIDENCE_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))],
      },
      {
        id: "polarity",
        label: t("columns.polarity"),
        type: "select",
        options: [{ value: "", label: t("log.allPolarities") }, ...POLARITIES.map((value) => ({ value, label: t(`polarities.${value}`) }))],
      },
      {
        id: "reviewer",
        label: t("columns.reviewer"),
        type: "select",
        options: [
          { value: "", label: t("log.allReviewers") },
          ...facets.reviewers.map((reviewer) => ({ value: reviewer.id, label: reviewer.name })),
        ],
      },
      {
        id: "interview",
        label: t("columns.interview"),
        type: "select",
        options: [
          { value: "", label: t("log.allInterviews") },
          ...facets.interviews.map((option) => ({ value: option.id, label: interviewLabel(option) })),
        ],
      },
      {
        id: "category",
        label: t("columns.category"),
        type: "select",
        options: [
          { value: "", label: t("log.allCategories") },
          ...PARTICIPANT_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })),
        ],
      },
      {
        id: "origin",
        label: t("columns.origin"),
        type: "select",
        options: [
          { value: "", label: t("log.allOrigins") },
          { value: "peer-team", label: t("origins.peer-team") },
          { value: "host-city", label: t("origins.host-city") },
        ],
      },
      { id: "from", label: t("log.from"), type: "date" },
      { id: "to", label: t("log.to"), type: "date" },
    ],
    [t, factors, facets, interviewLabel]
  );

  const csvHref = `/reviews/${reviewId}/evidence.csv?${tableStateToSearchParams(state, tableConfig)}`;
  const rowsShown = useMemo(() => log.rows.map((row) => row.id), [log.rows]);

  return (
    <CellLabelsContext.Provider value={labels}>
      <RowActionsContext.Provider value={rowActions}>
        <h1>{t("log.title")}</h1>
        <p className="muted">{t("log.intro")}</p>
        {outlet ?? (canWrite ? <LogForm rowsShown={rowsShown} /> : null)}
        {notice.saved && !outlet ? (
          <p className="notice ok" role="status">
            {t("form.saved")}
          </p>
        ) : null}
        <UndoNotice />
        <div className="actions no-print">
          <a href={csvHref} download className="button secondary">
            {t("log.export")}
          </a>
          <span className="muted">{t("log.exportHint")}</span>
        </div>
        <DataTable
          id="evidence-log"
          caption={
            state.group ? (
              <>
                {t("log.caption")} <span className="muted">— {t("log.items", { count: log.itemCount })}</span>
              </>
            ) : (
              t("log.caption")
            )
          }
          columns={COLUMNS}
          data={log.rows}
          getRowId={(row) => row.key}
          config={tableConfig}
          state={{ ...state, page: log.page }}
          onStateChange={setState}
          mode="server"
          rowCount={log.rowCount}
          pageSize={log.pageSize}
          filters={filters}
          defaultColumns={DEFAULT_COLUMNS}
          groupOptions={[{ value: "factor", label: t("log.groupFactor"), columnId: GROUP_OPTION_COLUMN }]}
          renderGroupHeader={({ value }) => {
            const factor = factors.find((candidate) => candidate.id === value);
            const label = factor ? t("factorLabel", { number: factor.number, title: factor.title }) : t("log.noFactorGroup");
            return t("log.groupHeader", { label, count: log.groupCounts[String(value ?? "")] ?? 0 });
          }}
          searchLabel={t("log.search")}
          emptyMessage={log.itemCount || Object.keys(state.filters).length || state.q ? t("log.empty") : t("log.emptyLog")}
          rowClassName={(row) => (row.source === "document" ? "row-document" : undefined)}
        />
      </RowActionsContext.Provider>
    </CellLabelsContext.Provider>
  );
}

export const meta: MetaFunction = () => [{ title: "Evidence log — Benchmark workbench" }];

/** Choosing columns changes nothing the server sends, so it does not refetch the page. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (formMethod && formMethod.toUpperCase() !== "GET") return defaultShouldRevalidate;
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const before = new URLSearchParams(currentUrl.search);
  const after = new URLSearchParams(nextUrl.search);
  before.delete("cols");
  after.delete("cols");
  before.sort();
  after.sort();
  return before.toString() === after.toString() ? false : defaultShouldRevalidate;
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
