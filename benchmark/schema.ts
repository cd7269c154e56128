import { z } from "zod";

/*
 * Schema for a benchmark framework: a standard broken down into numbered key
 * factors (or "items"), each assessed through guiding questions and
 * illustrated by city examples, plus the contextual factors and rating scale
 * used when a city is assessed against it.
 *
 * The shape is deliberately not Eurocities-specific: other frameworks of the
 * same kind (e.g. the ECCAR 10-point plan) are added as further data files
 * that must pass the same schema.
 *
 * Text conventions (so the UI can render every framework the same way):
 * paragraphs are separated by a blank line ("\n\n"); a simple list inside a
 * paragraph is written as lines starting with "- ".
 */

/* Every human-readable string exists in both languages; a missing or
 * whitespace-only translation is a data bug, not something to paper over. */
export const LocalizedTextSchema = z.strictObject({
  fr: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

export const RATING_IDS = ["in-place", "partly-in-place", "not-in-place", "not-assessed"] as const;
export const RatingIdSchema = z.enum(RATING_IDS);

export const USE_IDS = ["self-assessment", "peer-review", "development-plan"] as const;
export const UseIdSchema = z.enum(USE_IDS);

// Ids are persisted in assessments, so their format is pinned down here.
const KEY_FACTOR_ID = /^kf-\d{2}$/;
const QUESTION_ID = /^kf-\d{2}-q\d+$/;
const CONTEXTUAL_FACTOR_ID = /^cf-[a-z0-9-]+$/;
const FRAMEWORK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const GuidingQuestionSchema = z.strictObject({
  id: z.string().regex(QUESTION_ID, "question id must look like kf-02-q3"),
  text: LocalizedTextSchema,
  // Sub-points a reviewer checks one by one under the same question.
  subItems: z.array(LocalizedTextSchema).min(1).optional(),
  // Retired entries stay in the data so stored answers keep resolving.
  retired: z.boolean().optional(),
});

export const CityExampleSchema = z.strictObject({
  // City names differ between languages (Gand / Ghent), hence localized.
  city: LocalizedTextSchema,
  text: LocalizedTextSchema,
});

export const KeyFactorSchema = z.strictObject({
  id: z.string().regex(KEY_FACTOR_ID, "key factor id must look like kf-01"),
  number: z.number().int().min(1),
  title: LocalizedTextSchema,
  statement: LocalizedTextSchema,
  rationale: LocalizedTextSchema,
  guidingQuestions: z.array(GuidingQuestionSchema).min(1),
  // Not every framework illustrates its items with city examples.
  examples: z.array(CityExampleSchema),
  retired: z.boolean().optional(),
});

export const ContextualFactorSchema = z.strictObject({
  id: z.string().regex(CONTEXTUAL_FACTOR_ID, "contextual factor id must look like cf-data-availability"),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  implications: LocalizedTextSchema,
});

export const RatingSchema = z.strictObject({
  id: RatingIdSchema,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema,
});

export const UseSchema = z.strictObject({
  id: UseIdSchema,
  title: LocalizedTextSchema,
  // The question the source asks to help a city pick this use.
  prompt: LocalizedTextSchema.optional(),
  text: LocalizedTextSchema,
});

export const SourceSchema = z.strictObject({
  file: z.string().trim().min(1),
  url: z.url().optional(),
  note: LocalizedTextSchema.optional(),
});

export const StandardSchema = z.strictObject({
  title: LocalizedTextSchema,
  statement: LocalizedTextSchema,
  explanation: LocalizedTextSchema,
});

const FrameworkObjectSchema = z.strictObject({
  id: z.string().regex(FRAMEWORK_ID, "framework id must be kebab-case"),
  version: z.string().regex(/^\d+(?:\.\d+)*$/, 'version must look like "2012.1"'),
  title: LocalizedTextSchema,
  shortTitle: LocalizedTextSchema.optional(),
  publisher: z.string().trim().min(1),
  year: z.number().int().min(1900).max(2100),
  source: SourceSchema,
  introduction: LocalizedTextSchema.optional(),
  standard: StandardSchema,
  keyFactors: z.array(KeyFactorSchema).min(1),
  contextualFactorsIntro: LocalizedTextSchema.optional(),
  contextualFactors: z.array(ContextualFactorSchema),
  ratingScale: z.array(RatingSchema).min(1),
  uses: z.array(UseSchema),
});

type FrameworkShape = z.output<typeof FrameworkObjectSchema>;

function keyFactorIdFor(n: number): string {
  return `kf-${String(n).padStart(2, "0")}`;
}

/* Cross-field rules zod cannot express per field. Ids must be unique across
 * the whole framework because assessments reference them without saying which
 * list they come from. */
function checkFramework(fw: FrameworkShape, ctx: z.RefinementCtx): void {
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]): void => {
    const where = path.join(".");
    const first = seen.get(id);
    if (first !== undefined) {
      ctx.addIssue({ code: "custom", path, message: `duplicate id "${id}" (already used at ${first})` });
      return;
    }
    seen.set(id, where);
  };

  claim(fw.id, ["id"]);

  fw.keyFactors.forEach((kf, i) => {
    const expectedNumber = i + 1;
    if (kf.number !== expectedNumber) {
      ctx.addIssue({
        code: "custom",
        path: ["keyFactors", i, "number"],
        message: `key factors must be numbered consecutively from 1: expected ${expectedNumber}, got ${kf.number}`,
      });
    }
    if (kf.id !== keyFactorIdFor(kf.number)) {
      ctx.addIssue({
        code: "custom",
        path: ["keyFactors", i, "id"],
        message: `key factor id "${kf.id}" does not match its number ${kf.number} (expected "${keyFactorIdFor(kf.number)}")`,
      });
    }
    claim(kf.id, ["keyFactors", i, "id"]);

    kf.guidingQuestions.forEach((q, j) => {
      if (!q.id.startsWith(`${kf.id}-q`)) {
        ctx.addIssue({
          code: "custom",
          path: ["keyFactors", i, "guidingQuestions", j, "id"],
          message: `question id "${q.id}" must be prefixed by its key factor id "${kf.id}-q"`,
        });
      }
      claim(q.id, ["keyFactors", i, "guidingQuestions", j, "id"]);
    });
  });

  fw.contextualFactors.forEach((cf, i) => claim(cf.id, ["contextualFactors", i, "id"]));
  fw.ratingScale.forEach((r, i) => claim(r.id, ["ratingScale", i, "id"]));
  fw.uses.forEach((u, i) => claim(u.id, ["uses", i, "id"]));

  // Assessments may store any rating, so every one needs a label to display.
  const rated = new Set(fw.ratingScale.map((r) => r.id));
  const missing = RATING_IDS.filter((id) => !rated.has(id));
  if (missing.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["ratingScale"],
      message: `rating scale is missing: ${missing.join(", ")}`,
    });
  }
}

export const FrameworkSchema = FrameworkObjectSchema.superRefine(checkFramework);

export type LocalizedText = z.output<typeof LocalizedTextSchema>;
export type RatingId = z.output<typeof RatingIdSchema>;
export type UseId = z.output<typeof UseIdSchema>;
export type GuidingQuestion = z.output<typeof GuidingQuestionSchema>;
export type CityExample = z.output<typeof CityExampleSchema>;
export type KeyFactor = z.output<typeof KeyFactorSchema>;
export type ContextualFactor = z.output<typeof ContextualFactorSchema>;
export type Rating = z.output<typeof RatingSchema>;
export type Use = z.output<typeof UseSchema>;
export type FrameworkSource = z.output<typeof SourceSchema>;
export type Standard = z.output<typeof StandardSchema>;
export type Framework = z.output<typeof FrameworkSchema>;
/** What a data file must satisfy before parsing (same as Framework today, but
 * kept separate so input-only transforms can be added without breaking data). */
export type FrameworkInput = z.input<typeof FrameworkSchema>;
