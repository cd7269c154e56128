import { z } from "zod";
import { ANSWER_MAX_LENGTH, SUMMARY_MAX_LENGTH, versionField } from "#app/models/self-assessment-fields";
import type { AnswerInput } from "#app/models/self-assessment.server";
import { formValues, msg, optionalText, type FieldErrors as FieldErrorMap } from "#app/utils/validation";

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

/*
 * The whole page as one form, which is what a browser without JavaScript posts: every answer
 * with the version it was written from, the rating and the summary. After a conflict the user
 * picks per item: "force.<id>" keeps their text over the newer version, "take.<id>" keeps the
 * other person's.
 */
export function parseWholeForm(form: FormData) {
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
