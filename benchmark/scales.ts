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

/**
 * The positions of each scale from lowest to highest, for charts and comparisons. A rating that
 * is not a position ("not-assessed") is left out: a chart shows it as a missing bar with its words.
 */
export const RATING_LEVELS: Record<RatingScaleId, readonly AnyRatingId[]> = {
  "in-place": ["not-in-place", "partly-in-place", "in-place"],
  implementation: ["not-started", "planned", "in-progress", "implemented", "embedded-in-policy"],
};

/** 1 for a scale's lowest position, up to the number of positions; null for a rating that is not one. */
export function ratingLevel(rating: string | null | undefined): number | null {
  if (!rating) return null;
  for (const levels of Object.values(RATING_LEVELS)) {
    const index = (levels as readonly string[]).indexOf(rating);
    if (index !== -1) return index + 1;
  }
  return null;
}
