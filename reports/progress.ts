import { ratingLevel } from "#benchmark/scales";
import type { FollowUpVerdict, Rating } from "#db/enums";
import type { RatingChartInput } from "./chart";
import { COLORS } from "./styles";

/*
 * A city's progress across cycles, as plain JSON-safe data: the ratings of every factor in each
 * cycle and the verdicts on the previous cycle's recommendations. The report's chapter "Progress
 * since …", the city page and the review overview all show this one shape, with the same chart
 * (reports/chart.ts) beside the same table. Pure: no clock, no database.
 */
export type CycleProgress = {
  /** Oldest first; the last one is the review the figures are about (on a city page: the newest). */
  cycles: ProgressCycle[];
  /** Per factor, one entry per cycle in the same order. A rating the reader may not read is null. */
  factors: { factorId: string; number: number; title: string; ratings: { self: Rating | null; peer: Rating | null }[] }[];
  /** The follow-up of the previous cycle's recommendations in the last cycle; null when there was no previous cycle. */
  followUp: ProgressFollowUp | null;
};

export type ProgressCycle = {
  reviewId: string;
  kind: "peer-review" | "self-assessment";
  /** ISO timestamp: when the review was issued, or else when it was started. */
  date: string;
  issued: boolean;
};

export type ProgressFollowUp = {
  previousReviewId: string;
  /** When the previous review was issued (ISO), for "Progress since the review issued on …". */
  previousDate: string;
  lines: { recommendationId: string; factorNumber: number; text: string; verdict: FollowUpVerdict | null }[];
};

export type FollowUpShares = {
  total: number;
  implemented: number;
  partly: number;
  notImplemented: number;
  noLongerRelevant: number;
  pending: number;
  implementedPercent: number;
};

/** How many of the earlier recommendations got each verdict; the share implemented is over all of them. */
export function followUpShares(followUp: ProgressFollowUp): FollowUpShares {
  const countOf = (verdict: FollowUpVerdict | null) => followUp.lines.filter((line) => line.verdict === verdict).length;
  const total = followUp.lines.length;
  const implemented = countOf("implemented");
  return {
    total,
    implemented,
    partly: countOf("partly-implemented"),
    notImplemented: countOf("not-implemented"),
    noLongerRelevant: countOf("no-longer-relevant"),
    pending: countOf(null),
    implementedPercent: total ? Math.round((implemented / total) * 100) : 0,
  };
}

/** The year a cycle is known by, read in the review's zone by the caller's formatter. */
export type CycleLabel = (cycle: ProgressCycle) => string;

const SERIES_COLORS = [
  { self: "#c9d3de", peer: "#6b7886" },
  { self: "#d9c2a0", peer: COLORS.warn },
  { self: COLORS.selfBar, peer: COLORS.accent },
];

/**
 * The chart of ratings per factor across cycles: per cycle, the city's own rating and (for a peer
 * review) the peers' agreed one. The newest cycle takes the report's usual colours; bars are told
 * apart by their order and the legend too, and the table beside the chart carries every value.
 */
export function progressChartInput(
  progress: CycleProgress,
  {
    levels,
    labelOf,
    cycleLabel,
    words,
  }: {
    /** The scale's positions, lowest first, in the reader's language. */
    levels: readonly string[];
    labelOf: (rating: Rating | null) => string;
    cycleLabel: CycleLabel;
    words: { self: (cycle: string) => string; peer: (cycle: string) => string };
  },
): RatingChartInput {
  const palette = (i: number) => SERIES_COLORS[Math.max(0, SERIES_COLORS.length - progress.cycles.length + i)] ?? SERIES_COLORS[0]!;
  const series = progress.cycles.flatMap((cycle, i) => {
    const label = cycleLabel(cycle);
    const own = [{ label: words.self(label), color: palette(i).self }];
    return cycle.kind === "peer-review" ? [...own, { label: words.peer(label), color: palette(i).peer }] : own;
  });
  return {
    levels,
    series,
    rows: progress.factors.map((factor) => ({
      number: factor.number,
      title: factor.title,
      bars: progress.cycles.flatMap((cycle, i) => {
        const rating = factor.ratings[i] ?? { self: null, peer: null };
        const own = [{ level: ratingLevel(rating.self), missing: labelOf(rating.self) }];
        return cycle.kind === "peer-review" ? [...own, { level: ratingLevel(rating.peer), missing: labelOf(rating.peer) }] : own;
      }),
    })),
  };
}
