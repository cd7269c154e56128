import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Rating } from "#db/enums";

export type RatingChartRow = {
  number: number;
  /** Short label drawn beside the row; the table next to the chart carries the full title. */
  label: string;
  self: Rating | null;
  peer: Rating | null;
};

// Columns left to right: the ordinal scale, then a separate column for "no position on it".
const COLUMNS = ["not-in-place", "partly-in-place", "in-place", "none"] as const;
type Column = (typeof COLUMNS)[number];

function columnOf(rating: Rating | null): Column {
  return rating === "in-place" || rating === "partly-in-place" || rating === "not-in-place" ? rating : "none";
}

// The label column is sized for the longest factor title in either language on two lines
// ("7. La lutte contre la discrimination dans les services essentiels").
const LABEL_WIDTH = 330;
const LABEL_LINE_CHARS = 44;
const LABEL_LINE_HEIGHT = 16;
const COLUMN_WIDTH = 120;
const ROW_HEIGHT = 42;
const HEADER_HEIGHT = 56;
const LEGEND_HEIGHT = 40;
const MARK_OFFSET = 16;

/**
 * Splits text into at most two lines of about `max` characters (SVG text does not wrap); text
 * that needs more ends the second line with an ellipsis. Character counts stand in for widths,
 * since the server cannot measure text: `max` is chosen with room to spare.
 */
export function wrapLines(text: string, max: number, maxLines = 2) {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= max ? last.slice(0, max - 1).trimEnd() : last}…`;
  return kept;
}

/**
 * Self-rating against peer rating for every key factor, as a dot chart. Drawn by hand so it is
 * a plain accessible SVG: role="img" with a title and a description listing every value, and
 * marks told apart by shape and letter, never by colour alone. The page shows the same data as
 * a table beside it.
 */
export function RatingChart({ rows, title }: { rows: readonly RatingChartRow[]; title: string }) {
  const { t } = useTranslation("conclusions");
  const id = useId();
  const selfMark = t("overview.selfMark");
  const peerMark = t("overview.peerMark");
  const ratingLabel = (rating: Rating | null) => (rating ? t(`common:ratings.${rating}`) : t("common:ratings.none"));
  const columnLabel = (column: Column) => (column === "none" ? t("overview.notRated") : t(`common:ratings.${column}`));
  const width = LABEL_WIDTH + COLUMN_WIDTH * COLUMNS.length + 10;
  const height = HEADER_HEIGHT + ROW_HEIGHT * rows.length + LEGEND_HEIGHT;
  const x = (column: Column) => LABEL_WIDTH + COLUMN_WIDTH * COLUMNS.indexOf(column) + COLUMN_WIDTH / 2;
  const description = [
    t("overview.chartDesc", { self: selfMark, peer: peerMark }),
    ...rows.map((row) => t("overview.chartRow", { number: row.number, self: ratingLabel(row.self), peer: ratingLabel(row.peer) })),
  ].join(" ");

  return (
    <svg
      className="rating-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g className="rating-chart__header">
        {COLUMNS.map((column, index) => (
          <g key={column}>
            {index === COLUMNS.length - 1 ? (
              <line
                x1={x(column) - COLUMN_WIDTH / 2}
                x2={x(column) - COLUMN_WIDTH / 2}
                y1={8}
                y2={height - LEGEND_HEIGHT}
                className="rating-chart__separator"
              />
            ) : null}
            {wrapLines(columnLabel(column), 16).map((part, line) => (
              <text key={line} x={x(column)} y={22 + line * 16} textAnchor="middle" className="rating-chart__column">
                {part}
              </text>
            ))}
          </g>
        ))}
      </g>
      {rows.map((row, index) => {
        const y = HEADER_HEIGHT + ROW_HEIGHT * index + ROW_HEIGHT / 2;
        const selfX = x(columnOf(row.self)) - MARK_OFFSET;
        const peerX = x(columnOf(row.peer)) + MARK_OFFSET;
        const moved = row.peer && columnOf(row.self) !== columnOf(row.peer);
        const label = wrapLines(`${row.number}. ${row.label}`, LABEL_LINE_CHARS);
        const labelTop = y + 5 - ((label.length - 1) * LABEL_LINE_HEIGHT) / 2;
        return (
          <g key={row.number}>
            {index % 2 === 0 ? <rect x={0} y={y - ROW_HEIGHT / 2} width={width} height={ROW_HEIGHT} className="rating-chart__band" /> : null}
            <text x={8} y={labelTop} className="rating-chart__label">
              {label.map((part, line) => (
                <tspan key={line} x={8} dy={line ? LABEL_LINE_HEIGHT : 0}>
                  {part}
                </tspan>
              ))}
            </text>
            {moved ? <line x1={selfX + 10} x2={peerX - 10} y1={y} y2={y} className="rating-chart__link" /> : null}
            <g className="rating-chart__self">
              <circle cx={selfX} cy={y} r={11} />
              <text x={selfX} y={y + 5} textAnchor="middle">
                {selfMark}
              </text>
            </g>
            {row.peer ? (
              <g className="rating-chart__peer">
                <rect x={peerX - 11} y={y - 11} width={22} height={22} rx={2} />
                <text x={peerX} y={y + 5} textAnchor="middle">
                  {peerMark}
                </text>
              </g>
            ) : null}
          </g>
        );
      })}
      <g className="rating-chart__legend" transform={`translate(8 ${height - LEGEND_HEIGHT + 24})`}>
        <g className="rating-chart__self">
          <circle cx={11} cy={-5} r={11} />
          <text x={11} y={0} textAnchor="middle">
            {selfMark}
          </text>
        </g>
        <text x={30} y={0} className="rating-chart__legend-text">
          {t("overview.legendSelf", { mark: selfMark })}
        </text>
        <g className="rating-chart__peer">
          <rect x={300} y={-16} width={22} height={22} rx={2} />
          <text x={311} y={0} textAnchor="middle">
            {peerMark}
          </text>
        </g>
        <text x={330} y={0} className="rating-chart__legend-text">
          {t("overview.legendPeer", { mark: peerMark })}
        </text>
      </g>
    </svg>
  );
}
