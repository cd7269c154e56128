import { ratingLevel } from "#benchmark/scales";
import type { ReportModel } from "./model";
import { COLORS } from "./styles";

/*
 * The one rating chart: self-rating beside peer rating for every factor, as one SVG string. The
 * PDF draws it as vectors (pdfmake `svg`), the report preview and the conclusions page inline the
 * very same markup, so every place shows the same picture. A horizontal bar per rating: its length
 * is the position on the framework's scale; a missing rating is a stub with its reason in words.
 * Bars are told apart by their order and the legend, never by colour alone, and a table beside
 * the chart always carries the same data.
 */
export const CHART_WIDTH = 483;

const LABEL_WIDTH = 176;
const PLOT_X = LABEL_WIDTH + 8;
const PLOT_WIDTH = CHART_WIDTH - PLOT_X - 4;
const HEAD = 30;
const BAR = 6;
const ROW_TWO_BARS = 20;
const ROW_ONE_BAR = 16;
const LABEL_CHARS = 42;

export type RatingChartInput = {
  /** The scale's positions, lowest first, in the reader's language. */
  levels: readonly string[];
  /** One entry per bar of a row, in order: the self-rating, then (for a peer review) the peers'. */
  series: readonly { label: string; color: string }[];
  rows: readonly {
    number: number;
    title: string;
    /** Per series: the position (1…levels.length), or null with the words saying why there is none. */
    bars: readonly { level: number | null; missing: string }[];
  }[];
  /** An accessible name and description, for the web (role="img"); the PDF ignores them. */
  title?: string;
  description?: string;
};

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Splits text into at most `maxLines` lines of about `max` characters, whole words only (SVG text
 * does not wrap); text that needs more ends the last line with an ellipsis. Character counts stand
 * in for widths, since the server cannot measure text: `max` is chosen with room to spare.
 */
export function wrapLines(text: string, max: number, maxLines = 2) {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(" ");
  kept[maxLines - 1] = `${rest.slice(0, max - 1).trimEnd()}…`;
  return kept;
}

export function ratingChartSvg(input: RatingChartInput): string {
  const perRow = Math.max(1, input.series.length);
  // More than two bars a row (cycles side by side, reports/progress.ts): the row grows to hold them.
  const rowHeight = perRow > 2 ? perRow * (BAR + 3) + 5 : perRow > 1 ? ROW_TWO_BARS : ROW_ONE_BAR;
  const step = PLOT_WIDTH / Math.max(1, input.levels.length);
  const plotHeight = input.rows.length * rowHeight;
  const legendY = HEAD + plotHeight + 18;
  // The legend's entries, on as many lines as the width needs.
  const legend: { x: number; line: number }[] = [];
  let legendX = PLOT_X;
  let legendLine = 0;
  for (const item of input.series) {
    const width = 18 + item.label.length * 4.6 + 16;
    if (legendX > PLOT_X && legendX + width - 16 > CHART_WIDTH) {
      legendLine += 1;
      legendX = PLOT_X;
    }
    legend.push({ x: legendX, line: legendLine });
    legendX += width;
  }
  const height = legendY + 12 + legendLine * 12;
  const parts: string[] = [];
  const font = `font-family="Roboto" fill="${COLORS.text}"`;

  if (input.title) parts.push(`<title>${escapeXml(input.title)}</title>`);
  if (input.description) parts.push(`<desc>${escapeXml(input.description)}</desc>`);
  parts.push(`<rect x="${PLOT_X}" y="${HEAD}" width="${PLOT_WIDTH}" height="${plotHeight}" fill="${COLORS.panel}"/>`);
  input.levels.forEach((level, i) => {
    const x = PLOT_X + step * (i + 1);
    parts.push(`<line x1="${x}" y1="${HEAD - 4}" x2="${x}" y2="${HEAD + plotHeight}" stroke="${COLORS.border}" stroke-width="0.6"/>`);
    const centre = PLOT_X + step * i + step / 2;
    wrapLines(level, input.levels.length > 3 ? 14 : 20).forEach((line, j) => {
      parts.push(`<text x="${centre}" y="${10 + j * 9}" font-size="7.5" text-anchor="middle" ${font}>${escapeXml(line)}</text>`);
    });
  });
  parts.push(`<line x1="${PLOT_X}" y1="${HEAD - 4}" x2="${PLOT_X}" y2="${HEAD + plotHeight}" stroke="${COLORS.muted}" stroke-width="0.8"/>`);

  input.rows.forEach((row, i) => {
    const top = HEAD + i * rowHeight;
    if (i > 0) parts.push(`<line x1="0" y1="${top}" x2="${CHART_WIDTH}" y2="${top}" stroke="${COLORS.border}" stroke-width="0.3"/>`);
    const lines = wrapLines(`${row.number}. ${row.title}`, LABEL_CHARS);
    const labelTop = top + rowHeight / 2 - (lines.length * 9) / 2 + 7;
    lines.forEach((line, j) => {
      parts.push(`<text x="0" y="${labelTop + j * 9}" font-size="8" ${font}>${escapeXml(line)}</text>`);
    });
    row.bars.forEach((bar, j) => {
      const color = input.series[j]?.color ?? COLORS.accent;
      const y = top + (rowHeight - row.bars.length * BAR - (row.bars.length - 1) * 3) / 2 + j * (BAR + 3);
      if (bar.level) {
        parts.push(`<rect x="${PLOT_X}" y="${y}" width="${(step * bar.level).toFixed(2)}" height="${BAR}" fill="${color}"/>`);
      } else {
        parts.push(`<rect x="${PLOT_X}" y="${y}" width="2" height="${BAR}" fill="${color}"/>`);
        parts.push(
          `<text x="${PLOT_X + 5}" y="${y + BAR - 1}" font-size="6.5" font-style="italic" fill="${COLORS.muted}" font-family="Roboto">${escapeXml(bar.missing)}</text>`,
        );
      }
    });
  });

  input.series.forEach((item, i) => {
    const { x, line } = legend[i]!;
    const y = legendY + line * 12;
    parts.push(`<rect x="${x}" y="${y - 7}" width="14" height="${BAR}" fill="${item.color}"/>`);
    parts.push(`<text x="${x + 18}" y="${y}" font-size="8" ${font}>${escapeXml(item.label)}</text>`);
  });

  const a11y = input.title ? ` role="img" class="rating-chart"` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg"${a11y} width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">${parts.join("")}</svg>`;
}

/** The scale's positions of a report, lowest first, in its language. */
function levelsOf(model: ReportModel) {
  return model.ratingScale
    .flatMap((rating) => {
      const level = ratingLevel(rating.id);
      return level ? [{ level, label: rating.label }] : [];
    })
    .sort((a, b) => a.level - b.level)
    .map((item) => item.label);
}

/** The report's overview chart: each factor's self-rating and, for a peer review, the agreed peer rating. */
export function reportChartInput(model: ReportModel): RatingChartInput {
  const { t } = model.i18n;
  const peer = model.isPeerReview;
  return {
    levels: levelsOf(model),
    series: peer
      ? [
          { label: t("overview.self"), color: COLORS.selfBar },
          { label: t("overview.peer"), color: COLORS.accent },
        ]
      : [{ label: t("overview.self"), color: COLORS.selfBar }],
    rows: model.factors.map((factor) => {
      // Each bar says why it is missing: not rated, not assessed, or no conclusion yet.
      const bars = [{ level: ratingLevel(factor.self.rating.id), missing: factor.self.rating.label }];
      if (peer) {
        const conclusion = factor.peer?.conclusion;
        bars.push({ level: ratingLevel(conclusion?.rating.id), missing: conclusion ? conclusion.rating.label : t("overview.noConclusion") });
      }
      return { number: factor.number, title: factor.title, bars };
    }),
  };
}
