import { useTranslation } from "react-i18next";
import { ratingLevel } from "#benchmark/scales";
import { ratingChartSvg } from "#reports/chart";
import { COLORS } from "#reports/styles";

export type RatingChartRow = {
  number: number;
  /** Short label drawn beside the row; the table next to the chart carries the full title. */
  label: string;
  self: string | null;
  peer: string | null;
};

/**
 * Self-rating against peer rating for every key factor: the report's own chart (reports/chart.ts),
 * so the page and the PDF show the same picture. The SVG is role="img" with a title and a
 * description listing every value; the page shows the same data as a table beside it.
 */
export function RatingChart({
  rows,
  title,
  scale,
}: {
  rows: readonly RatingChartRow[];
  title: string;
  /** The framework's ratings in the reader's language, in the framework's order. */
  scale: readonly { id: string; label: string }[];
}) {
  const { t } = useTranslation("conclusions");
  const labelOf = (rating: string | null) => (rating ? (scale.find((item) => item.id === rating)?.label ?? rating) : t("overview.notRated"));
  const levels = scale
    .flatMap((rating) => {
      const level = ratingLevel(rating.id);
      return level ? [{ level, label: rating.label }] : [];
    })
    .sort((a, b) => a.level - b.level)
    .map((item) => item.label);
  const description = [
    t("overview.chartDesc", { levels: levels.join(", ") }),
    ...rows.map((row) => t("overview.chartRow", { number: row.number, self: labelOf(row.self), peer: labelOf(row.peer) })),
  ].join(" ");
  const svg = ratingChartSvg({
    title,
    description,
    levels,
    series: [
      { label: t("overview.legendSelf"), color: COLORS.selfBar },
      { label: t("overview.legendPeer"), color: COLORS.accent },
    ],
    rows: rows.map((row) => ({
      number: row.number,
      title: row.label,
      bars: [
        { level: ratingLevel(row.self), missing: labelOf(row.self) },
        { level: ratingLevel(row.peer), missing: labelOf(row.peer) },
      ],
    })),
  });
  // Our own markup: reports/chart.ts escapes every text it draws.
  return <div className="rating-chart-box" dangerouslySetInnerHTML={{ __html: svg }} />;
}
