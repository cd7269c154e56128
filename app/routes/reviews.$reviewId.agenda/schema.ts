import { z } from "zod";
import { WALL_CLOCK } from "#app/utils/dates";
import { choice, dateSchema, msg, optionalText, requiredText } from "#app/utils/validation";
import { INTERVIEW_FORMATS, PARTICIPANT_CATEGORIES } from "#db/enums";

/* The forms of the visit programme: each posts an `intent` and its own fields, checked with these
 * schemas in the browser and in the action. */

export const INTENTS = ["propose", "add", "update", "confirm", "remove", "create-interview"] as const;
export type Intent = (typeof INTENTS)[number];

export const IntentSchema = z.object({ intent: z.enum(INTENTS) });

/** "9:30" → "09:30", so times sort as text. */
const pad = (time: string) => (time.length === 4 ? `0${time}` : time);

const startTime = z
  .string({ error: msg("errors.required") })
  .trim()
  .min(1, msg("errors.required"))
  .regex(WALL_CLOCK, msg("agenda:errors.invalidTime"))
  .transform(pad);

const endTime = z
  .string()
  .trim()
  .optional()
  .transform((value) => value ?? "")
  .refine((value) => value === "" || WALL_CLOCK.test(value), msg("agenda:errors.invalidTime"))
  .transform(pad);

/** The fields of a slot, as the host team proposes it and the lead adds or corrects it. */
const slotShape = {
  date: z.string({ error: msg("errors.required") }).pipe(dateSchema),
  startTime,
  endTime,
  place: optionalText(200),
  meeting: requiredText(200),
  factorIds: z
    .array(z.string().trim().max(50))
    .max(50)
    .optional()
    .transform((ids) => [...new Set(ids ?? [])]),
  leadReviewerId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((id) => id || null),
};

/** A meeting ends after it starts: the message sits beside the end time. */
function endAfterStart(slot: { startTime: string; endTime: string }, context: z.core.$RefinementCtx) {
  if (slot.endTime && slot.endTime <= slot.startTime) context.addIssue({ code: "custom", path: ["endTime"], message: msg("agenda:errors.endBeforeStart") });
}

const slotId = z
  .string({ error: msg("agenda:errors.slotNotFound") })
  .trim()
  .min(1, msg("agenda:errors.slotNotFound"))
  .max(100);

export const ProposeSchema = z.object({ intent: z.literal("propose"), ...slotShape }).superRefine(endAfterStart);
export const AddSchema = z.object({ intent: z.literal("add"), ...slotShape }).superRefine(endAfterStart);
export const UpdateSchema = z.object({ intent: z.literal("update"), slotId, ...slotShape }).superRefine(endAfterStart);

export const ActionSchema = z.discriminatedUnion("intent", [
  ProposeSchema,
  AddSchema,
  UpdateSchema,
  z.object({ intent: z.literal("confirm"), slotId }),
  z.object({ intent: z.literal("remove"), slotId }),
  z.object({ intent: z.literal("create-interview"), slotId, format: choice(INTERVIEW_FORMATS), category: choice(PARTICIPANT_CATEGORIES) }),
]);

/** The slot form's schema for an intent (the browser checks with the same one). */
export const SLOT_SCHEMAS = { propose: ProposeSchema, add: AddSchema, update: UpdateSchema } as const;
