// Over 400 lines for now: the quick-log form holds its keyboard shortcuts and the outbox hand-off in one component; the shortcut handling is the seam to split next.
import { Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { memo, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { ChoiceGroup, FieldErrors, FormError, SelectField, TextField } from "#app/components/field";
import { TextLanguageField } from "#app/components/text-language-field";
import { evidenceSchema } from "#app/models/evidence-schema";
import { parseSubmission, type FormResult } from "#app/utils/forms";
import { EVIDENCE_KINDS, POLARITIES } from "#db/enums";
import { addToOutbox } from "#app/offline/outbox";
import { DraftRestored } from "#app/components/leave-guard";
import { useUnsavedText, useValueDraft } from "#app/utils/drafts";
import { InterviewSearchFields, InterviewSearchForm } from "./interview-search";
import { INTERVIEW_SOURCED, readOutcome, useHydrated, useLabels, useRowsShown, type InterviewChoice } from "./labels";
import type { action, loader } from "./route";

const DEFAULT_POLARITY = "supports";

/** Alt+S supports, Alt+M mixed, Alt+C contradicts (by letter, or by physical key where the letter is changed by Alt). */
function polarityFromKey(event: KeyboardEvent): (typeof POLARITIES)[number] | null {
  const letter = event.key.length === 1 ? event.key.toLowerCase() : "";
  const physical = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase() ?? "";
  for (const key of [letter, physical]) {
    if (key === "s") return "supports";
    if (key === "m") return "mixed";
    if (key === "c") return "contradicts";
  }
  return null;
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

/** A repeated field as sent: one value arrives as a string, several as a list. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value ? [value] : [];
}

/** What the item being typed holds besides the interview: given back together when its save is refused. */
type Typed = { text: string; factorIds: string[]; questionIds: string[]; polarity: string };

/** The logging form. Memoised, with no props: a view change of the table does not render it again. */
export const LogForm = memo(function LogForm() {
  const { factors, facets, remembered, userId, reviewId } = useLoaderData<typeof loader>();
  const actionData = readOutcome(useActionData<typeof action>());
  const { t } = useFrameworkTranslation("evidence");
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
        t,
      )[0] ??
      "",
  );
  const [factorIds, setFactorIds] = useState<string[]>(failed ? listOf(failed.values.factorIds) : remembered.factorIds);
  const [numbers, setNumbers] = useState(typed("factorNumbers") ?? "");
  const [questionIds, setQuestionIds] = useState<string[]>(failed ? listOf(failed.values.questionIds) : []);
  const [text, setText] = useState(typed("text") ?? "");
  const [polarity, setPolarity] = useState<string>(typed("polarity") ?? remembered.polarity);
  const [announcement, setAnnouncement] = useState("");
  const [savedId, setSavedId] = useState<string | null>(null);
  const submitted = useRef<Typed>({ text: "", factorIds: [], questionIds: [], polarity: DEFAULT_POLARITY });
  const handled = useRef<unknown>(null);

  // The item being typed stays on this computer until it is sent (or waits in the outbox), and
  // comes back with the page: leaving the log, closing the tab or a crash does not lose it.
  const unsaved = hydrated && text.trim() !== "";
  useUnsavedText("evidence-quick-log", unsaved);
  const draft = useValueDraft(
    "evidence-quick-log",
    { text, interviewId, kind, attribution, polarity, factorIds: factorIds.join(" "), questionIds: questionIds.join(" ") },
    unsaved,
    (values) => {
      if (typeof values.text !== "string" || !values.text.trim() || textRef.current?.value) return false;
      setText(values.text);
      if (values.interviewId === "" || facets.interviews.some((candidate) => candidate.id === values.interviewId)) setInterviewId(values.interviewId ?? "");
      if ((EVIDENCE_KINDS as readonly string[]).includes(values.kind ?? "")) {
        kindChosen.current = true;
        setKind(values.kind!);
      }
      if (typeof values.attribution === "string") setAttribution(values.attribution);
      if ((POLARITIES as readonly string[]).includes(values.polarity ?? "")) setPolarity(values.polarity!);
      const ids = (values.factorIds ?? "").split(" ").filter((id) => factors.some((factor) => factor.id === id));
      setFactorIds(ids);
      setNumbers(numbersOf(ids));
      setQuestionIds((values.questionIds ?? "").split(" ").filter((id) => ids.some((factorId) => id.startsWith(`${factorId}-`))));
      return true;
    },
  );

  // A quote the schema refuses in the browser is not sent; its messages show as the server's would.
  const schema = useMemo(() => evidenceSchema(factors), [factors]);
  const [checked, setChecked] = useState<FormResult | null>(null);
  const result = readOutcome(checked) ?? readOutcome(fetcher.data) ?? failed ?? undefined;
  const errors = result && !result.ok ? result.errors : {};
  const formError = result && !result.ok && Object.keys(result.errors).length ? "evidence:form.fixErrors" : null;

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || handled.current === fetcher.data) return;
    handled.current = fetcher.data;
    const outcome = readOutcome(fetcher.data);
    if (outcome?.ok && "queued" in outcome && outcome.queued) {
      // Not sent: the quote waits in the outbox (listed above the form) and goes when the server answers.
      setAnnouncement(t("offline.keptHere"));
    } else if (outcome?.ok) {
      setSavedId(outcome.id);
      setAnnouncement(t("form.saved"));
    } else {
      // Nothing was written: give the item back, its quote ahead of anything typed since, with the
      // factors, guiding questions and "what it shows" it was sent with.
      giveBackRef.current(submitted.current);
      setAnnouncement(t("form.fixErrors"));
    }
    textRef.current?.focus();
  }, [fetcher.state, fetcher.data, t]);

  const giveBack = (lost: Typed) => {
    setText((current) => (current ? `${lost.text}\n${current}` : lost.text));
    const ids = [...new Set([...factorIds, ...lost.factorIds])];
    setFactorIds(ids);
    setNumbers(numbersOf(ids));
    setQuestionIds((current) => [...new Set([...current, ...lost.questionIds])]);
    setPolarity(lost.polarity);
    if (lost.questionIds.length && questionsRef.current) questionsRef.current.open = true;
  };
  const giveBackRef = useRef(giveBack);
  giveBackRef.current = giveBack;

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

  // The kind follows the interview until the user picks one: a quote needs its interview, so
  // "no interview" starts as an observation and choosing one makes it a quote (or a focus-group note).
  const kindChosen = useRef(false);
  const chooseInterview = (id: string) => {
    setInterviewId(id);
    const interview = facets.interviews.find((candidate) => candidate.id === id);
    if (!interview) {
      if (INTERVIEW_SOURCED.includes(kind)) setKind("observation");
      return;
    }
    setAttribution(attributionChoices(interview, t)[0] ?? "");
    if (INTERVIEW_SOURCED.includes(kind) || !kindChosen.current) setKind(interview.format === "focus-group" ? "focus-group-note" : "interview-quote");
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData(form, (event.nativeEvent as SubmitEvent).submitter ?? null);
    const check = parseSubmission(body, schema);
    if (check.status !== "success") {
      setChecked(check.reply());
      setAnnouncement(t("form.fixErrors"));
      textRef.current?.focus();
      return;
    }
    setChecked(null);
    submitted.current = { text, factorIds, questionIds, polarity };
    // The quote goes to the outbox first, under an id made here: it survives a lost connection,
    // a reload, a server restart, and a second send of it saves nothing new.
    const clientId = crypto.randomUUID();
    body.set("clientId", clientId);
    const fields = [...body.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
    const summary = text;
    void addToOutbox({ clientId, userId, reviewId, kind: "evidence", fields, summary })
      .then(
        () => true,
        () => false,
      )
      .then((kept) => {
        if (kept && !navigator.onLine) setAnnouncement(t("offline.keptHere"));
        else fetcher.submit(body, { method: "post" });
      });
    // The next quote can be typed at once; a refused save gives this one back. "What it shows"
    // starts again from "supports" for each item, so a choice never carries over unseen.
    setText("");
    setQuestionIds([]);
    setPolarity(DEFAULT_POLARITY);
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
        return;
      }
      const shown = polarityFromKey(event);
      if (shown) {
        event.preventDefault();
        setPolarity(shown);
        setAnnouncement(t("form.polarityChosen", { value: t(`polarities.${shown}`) }));
        return;
      }
      if (event.code === "KeyQ" || event.key.toLowerCase() === "q") {
        event.preventDefault();
        openQuestions();
      }
    }
  };

  // Alt+Q: the guiding questions of the tagged factors open, the first one focused; Space ticks,
  // Enter saves, Escape goes back to the text.
  const questionsRef = useRef<HTMLDetailsElement>(null);
  const openQuestions = () => {
    const panel = questionsRef.current;
    if (!panel) return;
    panel.open = true;
    if (!factorIds.length) setAnnouncement(t("form.noQuestions"));
    window.requestAnimationFrame(() => panel.querySelector<HTMLInputElement>('input[name="questionIds"]')?.focus());
  };
  const onQuestionsKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (!(event.target instanceof HTMLInputElement)) return;
    if (event.key === "Enter") {
      event.preventDefault();
      formRef.current?.requestSubmit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      textRef.current?.focus();
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
            <InterviewSearchFields />
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
                aria-describedby={["log-text-hint", "log-shortcuts", errors.text?.length ? "log-text-error" : null].filter(Boolean).join(" ")}
              />
              <FieldErrors id="log-text-error" errors={errors.text} />
              <DraftRestored
                draft={{
                  restored: draft.restored,
                  discard: () => {
                    setText("");
                    draft.discard();
                    textRef.current?.focus();
                  },
                }}
              />
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
            <TextLanguageField id="log-language" defaultValue={typed("language")} errors={errors.language} />
            <SelectField
              id="log-kind"
              name="kind"
              label={t("form.kind")}
              value={kind}
              onChange={(event) => {
                kindChosen.current = true;
                setKind(event.target.value);
              }}
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
                        <span className="muted factor-tags__count">({t("form.factorCount", { count: facets.factorCounts[factor.id] ?? 0 })})</span>
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
              value={polarity}
              onChange={setPolarity}
              errors={errors.polarity}
              options={POLARITIES.map((value) => ({
                value,
                label: (
                  <>
                    <span className={`pill ${value}`}>{t(`polarities.${value}`)}</span> <span className="muted">{t(`polarityHints.${value}`)}</span>{" "}
                    <kbd className="shortcut-key">{t(`form.polarityKeys.${value}`)}</kbd>
                  </>
                ),
              }))}
            />
          </div>
        </div>
        <details className="log-form__questions" ref={questionsRef} onKeyDown={onQuestionsKeyDown}>
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
                        setQuestionIds((current) => (event.target.checked ? [...current, question.id] : current.filter((id) => id !== question.id)))
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
          <p role="status" className={announcement === t("form.fixErrors") ? "log-form__status failed" : "log-form__status"}>
            {announcement}
            {savedId && announcement === t("form.saved") ? <NotInTable id={savedId} /> : null}
          </p>
        </div>
      </fetcher.Form>
      <InterviewSearchForm />
      <details className="shortcuts" id="log-shortcuts" open>
        <summary>{t("form.shortcuts")}</summary>
        <ul>
          <li>{t("form.shortcutList.enter")}</li>
          <li>{t("form.shortcutList.shiftEnter")}</li>
          <li>{t("form.shortcutList.altDigit")}</li>
          <li>{t("form.shortcutList.digit")}</li>
          <li>{t("form.shortcutList.polarity")}</li>
          <li>{t("form.shortcutList.questions")}</li>
          <li>{t("form.shortcutList.after")}</li>
        </ul>
      </details>
    </section>
  );
});

/** Said after a save whose item the table's current view does not show. */
function NotInTable({ id }: { id: string }) {
  const { t } = useFrameworkTranslation("evidence");
  return useRowsShown().includes(id) ? null : <>{` ${t("log.notInTable")}`}</>;
}
