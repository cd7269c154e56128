import type { Content, TableCell } from "pdfmake/interfaces";
import { localize } from "#benchmark/index";
import { ratingLevel } from "#benchmark/scales";
import type { Rating } from "#db/enums";
import { CHART_WIDTH, ratingChartSvg } from "../chart";
import type { ReportModel } from "../model";
import { followUpShares, progressChartInput, type ProgressCycle } from "../progress";
import { COLORS, RATING_COLORS } from "../styles";
import { chapterHeading, dataTable, subheading } from "./blocks";

/**
 * "Progress since the review of …": for a review that follows an earlier one of its city, the
 * ratings of every key factor across cycles as a chart and a table, the share of the previous
 * recommendations implemented, and a line per recommendation with the peers' verdict.
 */
export function progressSection(model: ReportModel): Content[] {
  const progress = model.snapshot.progress;
  if (!progress?.followUp) return [];
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
  const chart = progressChartInput(titled, {
    levels,
    labelOf,
    cycleLabel,
    words: { self: (cycle) => t("progress.self", { cycle }), peer: (cycle) => t("progress.peer", { cycle }) },
  });
  const ratingCell = (rating: Rating | null): TableCell => ({
    text: labelOf(rating),
    color: rating ? (RATING_COLORS[rating] ?? COLORS.muted) : COLORS.muted,
    italics: rating === null,
    fontSize: 8,
  });
  const headers = [
    t("progress.factor"),
    ...progress.cycles.flatMap((cycle) => {
      const label = cycleLabel(cycle);
      return cycle.kind === "peer-review"
        ? [t("progress.self", { cycle: label }), t("progress.peer", { cycle: label })]
        : [t("progress.self", { cycle: label })];
    }),
  ];
  const rows: TableCell[][] = titled.factors.map((factor) => [
    { text: `${factor.number}. ${factor.title}`, fontSize: 8 },
    ...factor.ratings.flatMap((rating, i) =>
      progress.cycles[i]?.kind === "peer-review" ? [ratingCell(rating.self), ratingCell(rating.peer)] : [ratingCell(rating.self)],
    ),
  ]);
  const shares = followUpShares(followUp);
  const lines: TableCell[][] = followUp.lines.map((line) => [
    { stack: [{ text: line.text }, { text: t("progress.factorRef", { number: line.factorNumber }), style: "small", margin: [0, 2, 0, 0] }] },
    { text: t(`progress.verdicts.${line.verdict ?? "none"}`), bold: line.verdict === "implemented", italics: line.verdict === null },
  ]);
  const ratingsTitle = t("progress.ratingsTitle");
  return [
    chapterHeading(t("progress.chapter", { date: previousDate })),
    { text: t("progress.intro", { city: model.hostCity, date: previousDate }), style: "paragraph" },
    { text: ratingsTitle, style: "h3" },
    { svg: ratingChartSvg(chart), width: CHART_WIDTH, margin: [0, 4, 0, 14], _alt: t("progress.chartAlt", { title: ratingsTitle }) } as Content,
    dataTable(headers, rows, ["*", ...headers.slice(1).map(() => 62)]),
    ...subheading(t("progress.recommendationsTitle")),
    {
      text: t("progress.share", {
        implemented: shares.implemented,
        total: shares.total,
        percent: shares.implementedPercent,
        partly: shares.partly,
        not: shares.notImplemented,
        irrelevant: shares.noLongerRelevant,
        pending: shares.pending,
      }),
      style: "paragraph",
    },
    dataTable([t("progress.recommendation"), t("progress.verdict")], lines, ["*", 110]),
  ];
}
