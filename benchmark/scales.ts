/*
 * The rating scales a framework can use, as plain value lists (no zod) so db/enums.ts and the
 * browser bundle can share them. Each framework names one scale; a rating stored on a review is
 * valid only if it belongs to the scale of the review's framework.
 *
 * Ids are stored in assessments: never rename or reuse them.
 */
export const RATING_SCALES = {
  // EUROCITIES: is the key factor's statement true for the city?
  "in-place": ["in-place", "partly-in-place", "not-in-place", "not-assessed"],
  // ECCAR: how far the city has carried out a commitment.
  implementation: ["not-started", "planned", "in-progress", "implemented", "embedded-in-policy"],
} as const;

export type RatingScaleId = keyof typeof RATING_SCALES;
export const RATING_SCALE_IDS = ["in-place", "implementation"] as const satisfies readonly RatingScaleId[];

/** Every rating id of every scale: what a rating column may hold. */
export const ALL_RATING_IDS = [...RATING_SCALES["in-place"], ...RATING_SCALES.implementation] as const;
export type AnyRatingId = (typeof ALL_RATING_IDS)[number];
