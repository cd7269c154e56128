import { z } from "zod";
import { ALL_RATING_IDS, RATING_SCALES, RATING_SCALE_IDS } from "./scales";

/*
 * Schema for a benchmark framework: a standard broken down into numbered items
 * (EUROCITIES calls them key factors, ECCAR commitments), each assessed through
 * questions (guiding questions, example actions) and possibly illustrated by
 * city examples, plus the contextual factors and rating scale used when a city
 * is assessed against it.
 *
 * The data shape keeps the EUROCITIES field names (keyFactors,
 * guidingQuestions) for every framework; what a framework calls its parts, in
 * both languages, is in its `parts`, and every page, export and report names
 * them from there (benchmark/terms.ts).
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

/** The EUROCITIES scale (the first framework's); other scales are in benchmark/scales.ts. */
export const RATING_IDS = RATING_SCALES["in-place"];
export const RatingIdSchema = z.enum(ALL_RATING_IDS);
export const RatingScaleIdSchema = z.enum(RATING_SCALE_IDS);

export const USE_IDS = ["self-assessment", "peer-review", "development-plan"] as const;
export const UseIdSchema = z.enum(USE_IDS);

// Ids are persisted in assessments, so their format is pinned down here; the
// prefixes (kf/q, c/a) are each framework's, checked in checkFramework.
const KEY_FACTOR_ID = /^[a-z]+-\d{2}$/;
const QUESTION_ID = /^[a-z]+-\d{2}-[a-z]+\d+$/;
const ID_PREFIX = /^[a-z]+$/;
const CONTEXTUAL_FACTOR_ID = /^cf-[a-z0-9-]+$/;
const FRAMEWORK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const GuidingQuestionSchema = z.strictObject({
  id: z.string().regex(QUESTION_ID, "question id must look like kf-02-q3 or c-02-a3"),
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
  id: z.string().regex(KEY_FACTOR_ID, "key factor id must look like kf-01 or c-01"),
  number: z.number().int().min(1),
  title: LocalizedTextSchema,
  // EUROCITIES: the statement a city verifies; ECCAR: the commitment's objective.
  statement: LocalizedTextSchema,
  // Why the item matters; ECCAR's plan gives none.
  rationale: LocalizedTextSchema.optional(),
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

/** What a framework calls one of its parts, singular and plural, and how its ids start. */
export const PartNameSchema = z.strictObject({
  // Also the i18next context of the UI sentences that name the part (benchmark/terms.ts).
  id: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, "part id must be kebab-case"),
  idPrefix: z.string().regex(ID_PREFIX, "id prefix must be lower-case letters"),
  one: LocalizedTextSchema,
  other: LocalizedTextSchema,
});

export const PartsSchema = z.strictObject({
  // keyFactors[]: "key factor" (kf-01) or "commitment" (c-01).
  item: PartNameSchema,
  // keyFactors[].guidingQuestions[]: "guiding question" (kf-01-q1) or "example action" (c-01-a1).
  question: PartNameSchema,
  // Whether the framework has contextual factors (the context page, the report's annex) and
  // city examples under its items: a framework without them hides those pages and sections.
  contextualFactors: z.boolean(),
  examples: z.boolean(),
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
  parts: PartsSchema,
  keyFactors: z.array(KeyFactorSchema).min(1),
  contextualFactorsIntro: LocalizedTextSchema.optional(),
  contextualFactors: z.array(ContextualFactorSchema),
  // Which scale of benchmark/scales.ts; ratingScale labels each of its ratings, in its order.
  ratingScaleId: RatingScaleIdSchema,
  ratingScale: z.array(RatingSchema).min(1),
  uses: z.array(UseSchema),
});

type FrameworkShape = z.output<typeof FrameworkObjectSchema>;

function keyFactorIdFor(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(2, "0")}`;
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
    const expectedId = keyFactorIdFor(fw.parts.item.idPrefix, kf.number);
    if (kf.id !== expectedId) {
      ctx.addIssue({
        code: "custom",
        path: ["keyFactors", i, "id"],
        message: `key factor id "${kf.id}" does not match its number ${kf.number} (expected "${expectedId}")`,
      });
    }
    claim(kf.id, ["keyFactors", i, "id"]);
    if (!fw.parts.examples && kf.examples.length > 0) {
      ctx.addIssue({ code: "custom", path: ["keyFactors", i, "examples"], message: "parts.examples is false, so no item may have examples" });
    }

    kf.guidingQuestions.forEach((q, j) => {
      const questionPrefix = `${kf.id}-${fw.parts.question.idPrefix}`;
      if (!q.id.startsWith(questionPrefix) || !/^\d+$/.test(q.id.slice(questionPrefix.length))) {
        ctx.addIssue({
          code: "custom",
          path: ["keyFactors", i, "guidingQuestions", j, "id"],
          message: `question id "${q.id}" must be prefixed by its key factor id "${questionPrefix}"`,
        });
      }
      claim(q.id, ["keyFactors", i, "guidingQuestions", j, "id"]);
    });
  });

  fw.contextualFactors.forEach((cf, i) => claim(cf.id, ["contextualFactors", i, "id"]));
  fw.ratingScale.forEach((r, i) => claim(r.id, ["ratingScale", i, "id"]));
  fw.uses.forEach((u, i) => claim(u.id, ["uses", i, "id"]));

  if (fw.parts.contextualFactors !== fw.contextualFactors.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["contextualFactors"],
      message: fw.parts.contextualFactors
        ? "parts.contextualFactors is true but there are none"
        : "parts.contextualFactors is false, so the list must be empty",
    });
  }

  // Assessments may store any rating of the scale, so every one needs a label to display, and
  // no rating of another scale may slip in.
  const scale: readonly string[] = RATING_SCALES[fw.ratingScaleId];
  const rated = new Set<string>(fw.ratingScale.map((r) => r.id));
  const missing = scale.filter((id) => !rated.has(id));
  if (missing.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["ratingScale"],
      message: `rating scale is missing: ${missing.join(", ")}`,
    });
  }
  fw.ratingScale.forEach((r, i) => {
    if (!scale.includes(r.id)) {
      ctx.addIssue({
        code: "custom",
        path: ["ratingScale", i, "id"],
        message: `rating "${r.id}" is not on the "${fw.ratingScaleId}" scale (${scale.join(", ")})`,
      });
    }
  });
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
export type PartName = z.output<typeof PartNameSchema>;
export type Parts = z.output<typeof PartsSchema>;
export type Use = z.output<typeof UseSchema>;
export type FrameworkSource = z.output<typeof SourceSchema>;
export type Standard = z.output<typeof StandardSchema>;
export type Framework = z.output<typeof FrameworkSchema>;
/** What a data file must satisfy before parsing (same as Framework today, but
 * kept separate so input-only transforms can be added without breaking data). */
export type FrameworkInput = z.input<typeof FrameworkSchema>;
