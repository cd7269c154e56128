import { z } from "zod";
import { formValues, msg, optionalText, type FieldErrors } from "#app/utils/validation";
import { ANSWER_MAX_LENGTH, CONTEXT_NOTE_MAX_LENGTH, effectField, SUMMARY_MAX_LENGTH, versionField } from "./self-assessment-fields";

/*
 * What the self-assessment forms post, read into what the models save: a factor's answers, rating
 * and summary, and the contextual notes. Both pages save several texts at once, each with the
 * version it was written from, and after a conflict the user picks per text: "force.<id>" keeps
 * their text over the newer version, "take.<id>" keeps the other person's. Browser-safe.
 */

export const versionSchema = z.coerce
  .number({ error: "selfAssessment:errors.badVersion" })
  .int("selfAssessment:errors.badVersion")
  .min(0, "selfAssessment:errors.badVersion");

export const optionalRating = z
  .string()
  .trim()
  .max(40, "selfAssessment:errors.ratingNotOnScale")
  .optional()
  .transform((value) => (value ? value : null));

// One answer, saved as the user types (JavaScript only).
export const AnswerSchema = z.object({
  intent: z.literal("answer"),
  questionId: z.string().trim().min(1, msg("errors.required")).max(100),
  // An emptied box arrives as no value at all: it saves as an empty answer.
  text: optionalText(ANSWER_MAX_LENGTH),
  version: versionSchema,
});

// The rating and the summary, saved as the user types (JavaScript only).
export const AssessmentSchema = z.object({
  intent: z.literal("assessment"),
  rating: optionalRating,
  summary: optionalText(SUMMARY_MAX_LENGTH),
  version: versionSchema,
});

type Values = ReturnType<typeof formValues>;

/**
 * Every "<prefix>.<id>" text of a form that the user did not give up ("take.<id>"), with the
 * version it was written from (or forced over), checked against the length limit.
 */
function versionedTexts(values: Values, prefix: string, maxLength: number, errors: FieldErrors) {
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const texts: { id: string; text: string; version: number }[] = [];
  for (const [name, raw] of Object.entries(values)) {
    if (!name.startsWith(`${prefix}.`) || typeof raw !== "string") continue;
    const id = name.slice(prefix.length + 1);
    if (values[`take.${id}`] !== undefined) continue;
    const version = versionSchema.safeParse(values[`force.${id}`] ?? values[versionField(id)] ?? "0");
    if (!version.success) {
      add("_form", "selfAssessment:errors.badVersion");
      continue;
    }
    if (raw.trim().length > maxLength) add(name, msg("errors.tooLong", { max: maxLength }));
    texts.push({ id, text: raw, version: version.data });
  }
  return texts;
}

/** The whole factor page as one form, which is what a browser without JavaScript posts. */
export function parseWholeForm(form: FormData) {
  const values = formValues(form);
  const errors: FieldErrors = {};
  const answers = versionedTexts(values, "answer", ANSWER_MAX_LENGTH, errors).map(({ id, text, version }) => ({ questionId: id, text, version }));
  let assessment: { rating: string | null; summary: string; version: number } | null = null;
  if (values.factorVersion !== undefined && values.takeFactor === undefined) {
    const version = versionSchema.safeParse(values.forceFactor ?? values.factorVersion);
    const rating = optionalRating.safeParse(values.rating);
    const summary = String(values.summary ?? "");
    if (!version.success) (errors._form ??= []).push("selfAssessment:errors.badVersion");
    if (!rating.success) (errors.rating ??= []).push("selfAssessment:errors.ratingNotOnScale");
    if (summary.trim().length > SUMMARY_MAX_LENGTH) (errors.summary ??= []).push(msg("errors.tooLong", { max: SUMMARY_MAX_LENGTH }));
    if (version.success && rating.success) assessment = { rating: rating.data, summary, version: version.data };
  }
  return { values, errors, answers, assessment };
}

/** The contextual notes, all posted together, each with its effect (helps / hinders / mixed). */
export function parseContextNotes(form: FormData) {
  const values = formValues(form);
  const errors: FieldErrors = {};
  const notes = versionedTexts(values, "note", CONTEXT_NOTE_MAX_LENGTH, errors).map(({ id, text, version }) => {
    const effect = values[effectField(id)];
    return { contextualFactorId: id, note: text, effect: typeof effect === "string" && effect ? effect : null, version };
  });
  return { values, errors, notes };
}
