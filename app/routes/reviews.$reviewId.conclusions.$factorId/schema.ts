import { z } from "zod";
import { msg, optionalText, requiredText } from "#app/utils/validation";
import { HORIZONS, PRIORITIES, RATINGS } from "#db/enums";
import { CommentSchema, ReplySchema, ResolveSchema } from "#app/models/factual-comment-schema";

/* The forms of the conclusion page: each posts an `intent` and its own fields. */

export const INTENTS = [
  "save-conclusion",
  "add-recommendation",
  "update-recommendation",
  "move-recommendation",
  "delete-recommendation",
  "agree",
  "reopen",
  "comment",
  "reply",
  "resolve",
] as const;
export type Intent = (typeof INTENTS)[number];

export const IntentSchema = z.object({ intent: z.enum(INTENTS) });

export const VersionSchema = z
  .string({ error: msg("conclusions:errors.badVersion") })
  .regex(/^\d+$/, msg("conclusions:errors.badVersion"))
  .transform(Number);

export const IdSchema = z
  .string({ error: msg("conclusions:errors.noRecommendation") })
  .trim()
  .min(1, msg("conclusions:errors.noRecommendation"))
  .max(100);

export const RatingFieldSchema = z
  .string()
  .optional()
  .transform((value) => value || null)
  .pipe(z.enum(RATINGS, { error: msg("conclusions:errors.ratingOffScale") }).nullable());

export const RecommendationShape = {
  text: requiredText(4000),
  priority: z.enum(PRIORITIES, { error: msg("conclusions:errors.priorityRequired") }),
  horizon: z.enum(HORIZONS, { error: msg("conclusions:errors.horizonRequired") }),
  responsibleService: optionalText(200),
  exampleIndex: z
    .string()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .pipe(
      z
        .number({ error: msg("conclusions:errors.exampleUnknown") })
        .int(msg("conclusions:errors.exampleUnknown"))
        .min(0, msg("conclusions:errors.exampleUnknown"))
        .nullable(),
    ),
  /** The previous cycle's recommendation this one continues (the server checks it is one). */
  continuesId: z
    .string()
    .max(100)
    .optional()
    .transform((value) => value?.trim() || null),
};

export const SaveConclusionSchema = z.object({
  intent: z.literal("save-conclusion"),
  version: VersionSchema,
  rating: RatingFieldSchema,
  strengths: optionalText(20_000),
  improvements: optionalText(20_000),
  citations: z.array(z.string().max(100)).max(500),
});
export const AddRecommendationSchema = z.object({ intent: z.literal("add-recommendation"), ...RecommendationShape });
export const UpdateRecommendationSchema = z.object({
  intent: z.literal("update-recommendation"),
  recommendationId: IdSchema,
  token: VersionSchema,
  ...RecommendationShape,
});
export const ReopenSchema = z.object({
  intent: z.literal("reopen"),
  reason: z
    .string({ error: msg("conclusions:errors.reasonRequired") })
    .trim()
    .min(1, msg("conclusions:errors.reasonRequired"))
    .max(2000, msg("errors.tooLong", { max: 2000 })),
});
/** Every form of the page: the server parses a post with this, each form in the browser with its own part. */
export const ActionSchema = z.discriminatedUnion("intent", [
  SaveConclusionSchema,
  AddRecommendationSchema,
  UpdateRecommendationSchema,
  z.object({ intent: z.literal("move-recommendation"), recommendationId: IdSchema, direction: z.enum(["up", "down"], { error: msg("errors.invalidChoice") }) }),
  z.object({ intent: z.literal("delete-recommendation"), recommendationId: IdSchema }),
  z.object({ intent: z.literal("agree"), version: VersionSchema }),
  ReopenSchema,
  CommentSchema,
  ReplySchema,
  ResolveSchema,
]);
