import { useId } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { ratingLevel } from "#benchmark/scales";
import type { Rating } from "#db/enums";
import type { Dates } from "#app/utils/dates";
import { ratingChartSvg } from "#reports/chart";
import { followUpShares, progressChartInput, type CycleProgress, type ProgressCycle } from "#reports/progress";
import { scrollRegion } from "./scroll-region";

/**
 * A city's progress across cycles: the chart of ratings per factor beside the table holding the
 * same figures, then the share of the previous recommendations implemented and the verdict on
 * each. The city page and the review overview show it; the report's chapter draws the same chart.
 */
export function CycleProgressView({
  progress,
  scale,
  dates,
  headingLevel = 2,
}: {
  progress: CycleProgress;
  /** The framework's ratings in the reader's language. */
  scale: readonly { id: string; label: string }[];
  dates: Dates;
  headingLevel?: 2 | 3;
}) {
  const { t } = useFrameworkTranslation("cycles");
  const id = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const labelOf = (rating: Rating | null) => (rating ? (scale.find((item) => item.id === rating)?.label ?? rating) : t("conclusions:overview.notRated"));
  const cycleLabel = (cycle: ProgressCycle) => dates.day(cycle.date, { month: "short" });
  const levels = scale
    .flatMap((rating) => {
      const level = ratingLevel(rating.id);
      return level ? [{ level, label: rating.label }] : [];
    })
    .sort((a, b) => a.level - b.level)
    .map((item) => item.label);
  const chartTitle = t("progress.chartTitle");
  const input = progressChartInput(progress, {
    levels,
    labelOf,
    cycleLabel,
    words: { self: (cycle) => t("progress.self", { cycle }), peer: (cycle) => t("progress.peer", { cycle }) },
  });
  const svg = ratingChartSvg({
    ...input,
    title: chartTitle,
    description: progress.factors
      .map(
        (factor) =>
          `${factor.number}. ${factor.ratings.map((rating, i) => `${cycleLabel(progress.cycles[i]!)}: ${labelOf(rating.self)} / ${labelOf(rating.peer)}`).join("; ")}`,
      )
      .join(" "),
  });
  const shares = progress.followUp ? followUpShares(progress.followUp) : null;
  return (
    <section aria-labelledby={`${id}-title`} className="cycle-progress">
      <Heading id={`${id}-title`}>
        {progress.followUp ? t("progress.since", { date: dates.day(progress.followUp.previousDate, { month: "long" }) }) : t("progress.heading")}
      </Heading>
      <p className="hint">{t("progress.intro")}</p>
      <div className="progress-figures">
        <figure className="card rating-chart-figure" aria-labelledby={`${id}-chart`}>
          <figcaption id={`${id}-chart`}>{chartTitle}</figcaption>
          <div className="rating-chart-scroll" role="group" aria-labelledby={`${id}-chart`} tabIndex={0}>
            {/* Our own markup: reports/chart.ts escapes every text it draws. */}
            <div className="rating-chart-box" dangerouslySetInnerHTML={{ __html: svg }} />
          </div>
        </figure>
        <div {...scrollRegion(t("progress.caption"))}>
          <table className="progress-table">
            <caption>{t("progress.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("progress.factor")}</th>
                {progress.cycles.flatMap((cycle) => {
                  const label = cycleLabel(cycle);
                  return [
                    <th key={`${cycle.reviewId}-self`} scope="col">
                      {t("progress.self", { cycle: label })}
                    </th>,
                    <th key={`${cycle.reviewId}-peer`} scope="col">
                      {t("progress.peer", { cycle: label })}
                    </th>,
                  ];
                })}
              </tr>
            </thead>
            <tbody>
              {progress.factors.map((factor) => (
                <tr key={factor.factorId}>
                  <th scope="row">
                    {factor.number}. {factor.title}
                  </th>
                  {factor.ratings.flatMap((rating, i) => [
                    <td key={`${i}-self`}>{labelOf(rating.self)}</td>,
                    <td key={`${i}-peer`}>{progress.cycles[i]?.kind === "peer-review" ? labelOf(rating.peer) : "—"}</td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {progress.followUp && shares ? (
        <>
          <p className="progress-share">
            <strong>{t("progress.share", { implemented: shares.implemented, total: shares.total, percent: shares.implementedPercent })}</strong>{" "}
            {t("progress.shareDetail", { partly: shares.partly, not: shares.notImplemented, irrelevant: shares.noLongerRelevant, pending: shares.pending })}
          </p>
          <div {...scrollRegion(t("progress.recommendationsCaption"))}>
            <table>
              <caption>{t("progress.recommendationsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("progress.recommendation")}</th>
                  <th scope="col">{t("progress.verdict")}</th>
                </tr>
              </thead>
              <tbody>
                {progress.followUp.lines.map((line) => (
                  <tr key={line.recommendationId}>
                    <td>
                      <span className="muted">{t("progress.factorRef", { number: line.factorNumber })}</span> — {line.text}
                    </td>
                    <td>{t(`verdicts.${line.verdict ?? "none"}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
