import { localize } from "#benchmark/index";
import { ratingLevel } from "#benchmark/scales";
import type { FollowUpVerdict, Rating } from "#db/enums";
import type { RatingChartInput } from "./chart";
import type { ReportModel } from "./model";
import { followUpShares, progressChartInput, type ProgressCycle } from "./progress";

/*
 * The report's chapter "Progress since the review of …" in words, from the snapshot's progress
 * figures (reports/progress.ts): what the PDF (reports/sections/progress.ts), the Word document
 * (reports/docx/) and the HTML preview (reports/preview/progress.tsx) each lay out their own way,
 * so the three say the same thing. Pure; null for a review that follows none.
 */
export type ProgressChapter = {
  title: string;
  intro: string;
  ratingsTitle: string;
  chartAlt: string;
  chart: RatingChartInput;
  /** "Key factor", then per cycle its self-rating (and peer rating for a peer review). */
  headers: string[];
  rows: { factor: string; ratings: { rating: Rating | null; label: string }[] }[];
  recommendationsTitle: string;
  /** The share of the previous recommendations implemented, and the count of each other verdict. */
  share: string;
  lineHeaders: [string, string];
  lines: { text: string; factorRef: string; verdict: FollowUpVerdict | null; verdictLabel: string }[];
};

export function progressChapter(model: ReportModel): ProgressChapter | null {
  const progress = model.snapshot.progress;
  if (!progress?.followUp) return null;
  const { t, date } = model.i18n;
  const followUp = progress.followUp;
  const previousDate = date(followUp.previousDate);
  const labelOf = (rating: Rating | null) => (rating ? (model.ratingScale.find((item) => item.id === rating)?.label ?? rating) : t("notRated"));
  const cycleLabel = (cycle: ProgressCycle) => date(cycle.date);
  const levels = model.ratingScale
    .flatMap((rating) => {
      const level = ratingLevel(rating.id);
      return level ? [{ level, label: rating.label }] : [];
    })
    .sort((a, b) => a.level - b.level)
    .map((item) => item.label);
  // The snapshot's titles are English: each factor is named again in the report's language.
  const titled = {
    ...progress,
    factors: progress.factors.map((factor) => {
      const found = model.framework.keyFactors.find((candidate) => candidate.id === factor.factorId);
      return { ...factor, title: found ? localize(found.title, model.locale) : factor.title };
    }),
  };
  const words = { self: (cycle: string) => t("progress.self", { cycle }), peer: (cycle: string) => t("progress.peer", { cycle }) };
  const chart = progressChartInput(titled, { levels, labelOf, cycleLabel, words });
  const isPeer = (i: number) => progress.cycles[i]?.kind === "peer-review";
  const shares = followUpShares(followUp);
  const ratingsTitle = t("progress.ratingsTitle");
  return {
    title: t("progress.chapter", { date: previousDate }),
    intro: t("progress.intro", { city: model.hostCity, date: previousDate }),
    ratingsTitle,
    chartAlt: t("progress.chartAlt", { title: ratingsTitle }),
    chart,
    headers: [
      t("progress.factor"),
      ...progress.cycles.flatMap((cycle, i) => {
        const label = cycleLabel(cycle);
        return isPeer(i) ? [words.self(label), words.peer(label)] : [words.self(label)];
      }),
    ],
    rows: titled.factors.map((factor) => ({
      factor: `${factor.number}. ${factor.title}`,
      ratings: factor.ratings
        .flatMap((rating, i) => (isPeer(i) ? [rating.self, rating.peer] : [rating.self]))
        .map((rating) => ({ rating, label: labelOf(rating) })),
    })),
    recommendationsTitle: t("progress.recommendationsTitle"),
    share: t("progress.share", {
      implemented: shares.implemented,
      total: shares.total,
      percent: shares.implementedPercent,
      partly: shares.partly,
      not: shares.notImplemented,
      irrelevant: shares.noLongerRelevant,
      pending: shares.pending,
    }),
    lineHeaders: [t("progress.recommendation"), t("progress.verdict")],
    lines: followUp.lines.map((line) => ({
      text: line.text,
      factorRef: t("progress.factorRef", { number: line.factorNumber }),
      verdict: line.verdict,
      verdictLabel: t(`progress.verdicts.${line.verdict ?? "none"}`),
    })),
  };
}
