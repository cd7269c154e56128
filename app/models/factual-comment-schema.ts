import { z } from "zod";
import { msg, optionalText, requiredText } from "#app/utils/validation";
import { COMMENT_OUTCOMES } from "#db/enums";

/*
 * The three forms of a factual-check thread, the same on every page that carries one (a key
 * factor's conclusion, the executive summary, the plan): the host team comments, both teams
 * answer, the lead expert closes. Browser and server parse them with these schemas (decision 0009).
 */

export const COMMENT_INTENTS = ["comment", "reply", "resolve"] as const;
export type CommentIntent = (typeof COMMENT_INTENTS)[number];

const IdSchema = z
  .string({ error: msg("conclusions:errors.noComment") })
  .trim()
  .min(1, msg("conclusions:errors.noComment"))
  .max(100);

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  text: requiredText(5000),
  /** A recommendation's id when the comment is about one of the page's recommendations; empty for the page's own part. */
  about: z
    .string()
    .max(100)
    .optional()
    .transform((value) => value?.trim() || null),
});
export const ResolveSchema = z
  .object({
    intent: z.literal("resolve"),
    commentId: IdSchema,
    outcome: z.enum(COMMENT_OUTCOMES, { error: msg("conclusions:errors.outcomeRequired") }),
    response: optionalText(5000),
  })
  // The model says the same (resolveComment); checked here too so the browser says it before sending.
  .refine((value) => value.outcome === "corrected" || value.response.trim() !== "", { path: ["response"], message: msg("conclusions:errors.noteRequired") });
export const ReplySchema = z.object({ intent: z.literal("reply"), commentId: IdSchema, text: requiredText(5000) });

export type CommentSubmission = z.output<typeof CommentSchema> | z.output<typeof ReplySchema> | z.output<typeof ResolveSchema>;

export function isCommentIntent(intent: string): intent is CommentIntent {
  return (COMMENT_INTENTS as readonly string[]).includes(intent);
}
