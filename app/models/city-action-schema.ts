import { z } from "zod";
import { msg, optionalText, requiredText } from "#app/utils/validation";

/*
 * The forms of a commitment's actions (a plan of action such as ECCAR's), one zod schema each,
 * parsed alike in the browser and in the action (decision 0009). The status is a rating id of
 * the review framework's scale, so the schemas are built from that scale.
 */

export const ACTION_LIMITS = { title: 200, short: 300, partners: 1000, long: 4000 } as const;

/** The first year an action may start or report on, and the last. */
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

const yearMessage = msg("cityActions:errors.year", { min: YEAR_MIN, max: YEAR_MAX });

const year = z
  .string()
  .trim()
  .regex(/^\d{4}$/, yearMessage)
  .transform(Number)
  .refine((value) => value >= YEAR_MIN && value <= YEAR_MAX, yearMessage);

const requiredYear = z.string({ error: msg("cityActions:errors.yearRequired") }).pipe(year);

/** An empty field is "no year" (null). */
const optionalYear = z
  .string()
  .optional()
  .transform((value) => value?.trim() || null)
  .pipe(z.union([z.null(), year]));

const versionField = z
  .string()
  .optional()
  .transform((value) => Number(value ?? 0))
  .pipe(z.number().int().min(0));

function statusField(statuses: readonly string[]) {
  return z.string({ error: msg("cityActions:errors.status") }).refine((value) => statuses.includes(value), msg("cityActions:errors.status"));
}

/** An action's own fields: what it is, who runs it, since when, where it stands. */
export function cityActionSchema(statuses: readonly string[]) {
  return z
    .object({
      intent: z.literal("save"),
      version: versionField,
      title: requiredText(ACTION_LIMITS.title),
      description: optionalText(ACTION_LIMITS.long),
      responsibleService: optionalText(ACTION_LIMITS.short),
      partners: optionalText(ACTION_LIMITS.partners),
      startYear: requiredYear,
      endYear: optionalYear,
      budget: optionalText(ACTION_LIMITS.short),
      status: statusField(statuses),
      indicators: optionalText(ACTION_LIMITS.long),
    })
    .superRefine((form, context) => {
      if (form.endYear !== null && form.endYear < form.startYear) {
        context.addIssue({ code: "custom", path: ["endYear"], message: "cityActions:errors.endBeforeStart" });
      }
    });
}

/** What the action achieved in one year and where it stood then (the annual report's line). */
export function actionYearSchema(statuses: readonly string[]) {
  return z.object({
    intent: z.literal("save-year"),
    year: requiredYear,
    status: statusField(statuses),
    results: optionalText(ACTION_LIMITS.long),
  });
}

export const DeleteYearSchema = z.object({ intent: z.literal("delete-year"), year: requiredYear });

export type CityActionInput = Omit<z.output<ReturnType<typeof cityActionSchema>>, "intent" | "version">;
export type ActionYearInput = Omit<z.output<ReturnType<typeof actionYearSchema>>, "intent">;
