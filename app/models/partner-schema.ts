import { z } from "zod";
import { PARTNER_KINDS } from "#db/enums";
import { dateSchema, msg, optionalDateSchema, requiredText } from "#app/utils/validation";

/* The forms of a city's partner register (decision 0009): a partner, and a training it followed. */

export const PartnerSchema = z.object({
  intent: z.literal("add-partner"),
  name: requiredText(200),
  kind: z.string({ error: msg("plan:errors.kindRequired") }).pipe(z.enum(PARTNER_KINDS, { error: msg("plan:errors.kindRequired") })),
  charterSignedOn: optionalDateSchema,
});

export const TrainingSchema = z.object({
  intent: z.literal("add-training"),
  partnerId: z.string({ error: msg("plan:errors.partnerRequired") }).min(1, msg("plan:errors.partnerRequired")),
  date: z.string({ error: msg("errors.required") }).pipe(dateSchema),
  topic: requiredText(300),
  peopleTrained: z
    .string({ error: msg("plan:errors.peopleTrained") })
    .trim()
    .regex(/^\d{1,6}$/, msg("plan:errors.peopleTrained"))
    .transform(Number)
    .refine((value) => value >= 1, msg("plan:errors.peopleTrained")),
});

export type PartnerInput = Omit<z.output<typeof PartnerSchema>, "intent">;
export type TrainingInput = Omit<z.output<typeof TrainingSchema>, "intent">;
