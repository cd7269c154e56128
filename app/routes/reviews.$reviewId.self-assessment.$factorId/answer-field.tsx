import { Link, type useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import type { Phase } from "#db/enums";
import { FieldErrors } from "#app/components/field";
import { ANSWER_MAX_LENGTH, answerField, versionField } from "#app/models/self-assessment-fields";
import { useAutosave } from "./autosave";
import { ConflictPanel, SaveStatus, type SaveState, type Their } from "./conflict-panel";
import { useHydrated } from "#app/utils/hydrated";
import { isFormResult, readResult, submittedValue } from "#app/utils/forms";
import { useValueDraft } from "#app/utils/drafts";
import { DraftRestored } from "#app/components/leave-guard";
import { isSaveFailure } from "#app/utils/save-failures";
import type { loader, SaveConflict } from "./route";
import { useTextLanguage } from "#app/utils/text-language";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

type Question = LoaderData["factor"]["questions"][number];

export function AnswerField({
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
  carried,
}: {
  question: Question;
  saved: { text: string; version: number; changedSinceSubmission: boolean } | undefined;
  /** The answer came from the previous cycle: the words saying so, and the id of the form that confirms it (null: read only). */
  carried?: { mark: string; confirmForm: string | null } | null;
  initialText: string;
  initialVersion: number;
  initialConflict: Their | null;
  initialErrors?: string[];
  documents: { id: string; title: string }[];
  reviewId: string;
  onDirty: (id: string, dirty: boolean) => void;
  onBusy: (id: string, busy: boolean) => void;
}) {
  const textLang = useTextLanguage();
  const { t } = useFrameworkTranslation("selfAssessment");
  const hydrated = useHydrated();
  const [text, setText] = useState(initialText);
  const [version, setVersion] = useState(initialVersion);
  const [savedText, setSavedText] = useState(saved?.text ?? "");
  const [conflict, setConflict] = useState<Their | null>(initialConflict);
  const [errors, setErrors] = useState<string[] | undefined>(initialErrors);
  const [closed, setClosed] = useState<Phase | null>(null);
  const [touched, setTouched] = useState(false);
  // Saving an edit clears the "carried over" mark on the server: the page says so at once, without a reload.
  const [markCleared, setMarkCleared] = useState(false);
  const latest = useRef({ text: initialText, version: initialVersion });
  const id = `answer-${question.id}`;
  const dirty = text.trim() !== savedText;

  // What the server does not have yet also stays on this computer, and comes back with the page.
  const draft = useValueDraft(`self-assessment:${question.id}`, { text, version: String(version) }, hydrated && dirty, (values) => {
    if (typeof values.text !== "string" || values.text.trim() === initialText.trim()) return false;
    const draftVersion = Number(values.version);
    latest.current = { text: values.text, version: Number.isFinite(draftVersion) ? draftVersion : initialVersion };
    setText(latest.current.text);
    setVersion(latest.current.version);
    setTouched(true);
    return true;
  });

  const autosave = useAutosave(
    draft.key,
    () => ({ intent: "answer", questionId: question.id, text: latest.current.text, version: String(latest.current.version) }),
    (result) => {
      if (isSaveFailure(result)) return;
      if (isFormResult(result)) {
        if (submittedValue(result, "intent") !== "answer") return;
        const failure = readResult<SaveConflict>(result);
        if (failure.conflict) setConflict(failure.conflict.answers[question.id] ?? null);
        else if (failure.phaseClosed) setClosed(failure.phaseClosed);
        else setErrors(failure.errors.text ?? (failure.formError ? [failure.formError] : undefined));
      } else if (result.intent === "answer") {
        latest.current.version = result.version;
        setVersion(result.version);
        setSavedText(result.text);
        setConflict(null);
        setErrors(undefined);
        setMarkCleared(result.carriedOverFrom === null);
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
      {carried && !markCleared ? (
        <p className="carried-mark">
          <span className="pill">{carried.mark}</span>{" "}
          {carried.confirmForm ? (
            <button type="submit" form={carried.confirmForm} className="secondary">
              {t("cycles:carried.confirm")}
            </button>
          ) : null}
        </p>
      ) : null}
      {question.subItems.length ? (
        <ul id={hintId} className="sa-sub-items">
          {question.subItems.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
      <textarea
        lang={textLang}
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
      <DraftRestored
        draft={{
          restored: draft.restored,
          discard: () => {
            latest.current = { text: savedText, version: initialVersion };
            setText(savedText);
            setVersion(initialVersion);
            draft.discard();
          },
        }}
      />
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
          {conflict.text ? (
            <p className="sa-answer-text" lang={textLang}>
              {conflict.text}
            </p>
          ) : (
            <p className="muted">{t("factor.noAnswer")}</p>
          )}
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
