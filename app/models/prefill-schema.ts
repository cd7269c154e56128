import { z } from "zod";
import { PREFILL_DECISIONS } from "#db/enums";
import { msg, requiredText } from "#app/utils/validation";

/*
 * The one form of the prefill (app/models/prefill.server.ts): accepting or rejecting one
 * suggestion from the city's other review, parsed alike in the browser and in the action
 * (decision 0009). Which suggestion it is travels in hidden fields; the button says which way.
 */

/** What a suggestion is in the other review: a self-assessment answer, an evidence item, a development-plan action. */
export const SUGGESTION_TYPES = ["answer", "evidence", "recommendation"] as const;
export type SuggestionType = (typeof SUGGESTION_TYPES)[number];

export const DecideSchema = z.object({
  intent: z.literal("decide"),
  from: requiredText(100),
  type: z.enum(SUGGESTION_TYPES, { error: msg("cityActions:prefill.errors.type") }),
  id: requiredText(200),
  decision: z.enum(PREFILL_DECISIONS, { error: msg("cityActions:prefill.errors.decision") }),
});
