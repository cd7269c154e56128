import type { Rating } from "#db/enums";
import type { ReportModel } from "./model";
import { COLORS } from "./styles";

/**
 * The overview chart as one SVG string: pdfmake draws it as vectors in the PDF (`svg`), and
 * the HTML preview inlines the very same markup, so both show the same picture. A horizontal
 * bar per rating: its length is the level on the benchmark's scale (not / partly / in place).
 */
export const CHART_WIDTH = 483;

const LABEL_WIDTH = 176;
const PLOT_X = LABEL_WIDTH + 8;
const PLOT_WIDTH = CHART_WIDTH - PLOT_X - 4;
const HEAD = 30;
const BAR = 6;
const ROW_PEER = 20;
const ROW_SELF = 16;
const LABEL_CHARS = 42;

const LEVEL: Partial<Record<Rating, number>> = { "not-in-place": 1, "partly-in-place": 2, "in-place": 3 };

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Wraps a label into at most two lines by word, cutting the second with an ellipsis. */
function wrap(label: string, width: number): string[] {
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(" ");
  return [lines[0]!, `${second.slice(0, width - 1).trimEnd()}…`];
}

export function ratingChartSvg(model: ReportModel): string {
  const { t } = model.i18n;
  const peer = model.isPeerReview;
  const rowHeight = peer ? ROW_PEER : ROW_SELF;
  const levels = model.ratingScale.filter((r) => LEVEL[r.id] !== undefined).sort((a, b) => LEVEL[a.id]! - LEVEL[b.id]!);
  const step = PLOT_WIDTH / levels.length;
  const plotHeight = model.factors.length * rowHeight;
  const legendY = HEAD + plotHeight + 18;
  const height = legendY + 12;
  const parts: string[] = [];
  const font = `font-family="Roboto" fill="${COLORS.text}"`;

  parts.push(`<rect x="${PLOT_X}" y="${HEAD}" width="${PLOT_WIDTH}" height="${plotHeight}" fill="${COLORS.panel}"/>`);
  levels.forEach((level, i) => {
    const x = PLOT_X + step * (i + 1);
    parts.push(`<line x1="${x}" y1="${HEAD - 4}" x2="${x}" y2="${HEAD + plotHeight}" stroke="${COLORS.border}" stroke-width="0.6"/>`);
    const centre = PLOT_X + step * i + step / 2;
    wrap(level.label, 20).forEach((line, j) => {
      parts.push(`<text x="${centre}" y="${10 + j * 9}" font-size="7.5" text-anchor="middle" ${font}>${escapeXml(line)}</text>`);
    });
  });
  parts.push(`<line x1="${PLOT_X}" y1="${HEAD - 4}" x2="${PLOT_X}" y2="${HEAD + plotHeight}" stroke="${COLORS.muted}" stroke-width="0.8"/>`);

  model.factors.forEach((factor, i) => {
    const top = HEAD + i * rowHeight;
    if (i > 0) {
      parts.push(`<line x1="0" y1="${top}" x2="${CHART_WIDTH}" y2="${top}" stroke="${COLORS.border}" stroke-width="0.3"/>`);
    }
    const lines = wrap(`${factor.number}. ${factor.title}`, LABEL_CHARS);
    const labelTop = top + rowHeight / 2 - (lines.length * 9) / 2 + 7;
    lines.forEach((line, j) => {
      parts.push(`<text x="0" y="${labelTop + j * 9}" font-size="8" ${font}>${escapeXml(line)}</text>`);
    });
    // Each bar says why it is missing: not rated, not assessed, or no conclusion yet.
    const bars: { rating: Rating | null; missing: string; color: string }[] = [
      { rating: factor.self.rating.id, missing: factor.self.rating.label, color: COLORS.selfBar },
    ];
    if (peer) {
      const conclusion = factor.peer?.conclusion;
      bars.push({ rating: conclusion?.rating.id ?? null, missing: conclusion ? conclusion.rating.label : t("overview.noConclusion"), color: COLORS.accent });
    }
    bars.forEach((bar, j) => {
      const y = top + (rowHeight - bars.length * BAR - (bars.length - 1) * 3) / 2 + j * (BAR + 3);
      const level = bar.rating ? LEVEL[bar.rating] : undefined;
      if (level) {
        parts.push(`<rect x="${PLOT_X}" y="${y}" width="${(step * level).toFixed(2)}" height="${BAR}" fill="${bar.color}"/>`);
      } else {
        parts.push(`<rect x="${PLOT_X}" y="${y}" width="2" height="${BAR}" fill="${bar.color}"/>`);
        parts.push(
          `<text x="${PLOT_X + 5}" y="${y + BAR - 1}" font-size="6.5" font-style="italic" fill="${COLORS.muted}" font-family="Roboto">${escapeXml(bar.missing)}</text>`,
        );
      }
    });
  });

  const legend: { label: string; color: string }[] = [{ label: t("overview.self"), color: COLORS.selfBar }];
  if (peer) legend.push({ label: t("overview.peer"), color: COLORS.accent });
  let x = PLOT_X;
  for (const item of legend) {
    parts.push(`<rect x="${x}" y="${legendY - 7}" width="14" height="${BAR}" fill="${item.color}"/>`);
    parts.push(`<text x="${x + 18}" y="${legendY}" font-size="8" ${font}>${escapeXml(item.label)}</text>`);
    x += 18 + item.label.length * 4.6 + 16;
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">${parts.join("")}</svg>`;
}
