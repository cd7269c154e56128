import { useParams, type useLoaderData } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import type { Phase, Rating } from "#db/enums";
import { FieldErrors } from "#app/components/field";
import type { FieldErrors as FieldErrorMap } from "#app/utils/validation";
import { useAutosave } from "./autosave";
import { ConflictPanel, SaveStatus, type SaveState } from "./conflict-panel";
import { useHydrated } from "#app/utils/hydrated";
import { isFormResult, readResult, submittedValue } from "#app/utils/forms";
import { useValueDraft } from "#app/utils/drafts";
import { DraftRestored } from "#app/components/leave-guard";
import { isSaveFailure } from "#app/utils/save-failures";
import type { loader, SaveConflict } from "./route";
import { useTextLanguage } from "#app/utils/text-language";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

type Rated = { rating: Rating | null; summary: string; version: number; updatedAt: Date | string; updatedByName: string | null };

export function AssessmentFields({
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
  const textLang = useTextLanguage();
  const { t } = useFrameworkTranslation("selfAssessment");
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

  const { factorId } = useParams();
  const draft = useValueDraft(
    `self-assessment:${factorId}:assessment`,
    { rating: rating ?? "", summary, version: String(version) },
    hydrated && dirty,
    (values) => {
      if (typeof values.summary !== "string" || (values.summary.trim() === initial.summary.trim() && (values.rating || null) === initial.rating)) return false;
      const draftVersion = Number(values.version);
      latest.current = { rating: values.rating || null, summary: values.summary, version: Number.isFinite(draftVersion) ? draftVersion : initial.version };
      setRating(latest.current.rating);
      setSummary(latest.current.summary);
      setVersion(latest.current.version);
      setTouched(true);
      return true;
    },
  );

  const autosave = useAutosave(
    draft.key,
    () => ({
      intent: "assessment",
      rating: latest.current.rating ?? "",
      summary: latest.current.summary,
      version: String(latest.current.version),
    }),
    (result) => {
      if (isSaveFailure(result)) return;
      if (isFormResult(result)) {
        if (submittedValue(result, "intent") !== "assessment") return;
        const failure = readResult<SaveConflict>(result);
        if (failure.conflict) setConflict(failure.conflict.assessment ?? null);
        else if (failure.phaseClosed) setClosed(failure.phaseClosed);
        else setErrors(failure.formError ? { ...failure.errors, _form: [failure.formError] } : failure.errors);
      } else if (result.intent === "assessment") {
        latest.current.version = result.version;
        setVersion(result.version);
        setSavedValue({ rating: result.rating, summary: result.summary });
        setConflict(null);
        setErrors({});
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
          lang={textLang}
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
        <DraftRestored
          draft={{
            restored: draft.restored,
            discard: () => {
              latest.current = { rating: savedValue.rating, summary: savedValue.summary, version: initial.version };
              setRating(savedValue.rating);
              setSummary(savedValue.summary);
              setVersion(initial.version);
              draft.discard();
            },
          }}
        />
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
          {conflict.summary ? (
            <p className="sa-answer-text" lang={textLang}>
              {conflict.summary}
            </p>
          ) : (
            <p className="muted">{t("factor.noSummary")}</p>
          )}
        </ConflictPanel>
      ) : null}
    </section>
  );
}
