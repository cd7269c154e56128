import type { Content, TableCell } from "pdfmake/interfaces";
import { CHART_WIDTH, ratingChartSvg } from "../chart";
import type { ReportModel } from "../model";
import { progressChapter } from "../progress-chapter";
import { COLORS, RATING_COLORS } from "../styles";
import { chapterHeading, dataTable, subheading } from "./blocks";

/**
 * "Progress since the review of …": for a review that follows an earlier one of its city, the
 * ratings of every key factor across cycles as a chart and a table, the share of the previous
 * recommendations implemented, and a line per recommendation with the peers' verdict. The words
 * and figures come from reports/progress-chapter.ts, as the Word document's and the preview's.
 */
export function progressSection(model: ReportModel): Content[] {
  const chapter = progressChapter(model);
  if (!chapter) return [];
  const rows: TableCell[][] = chapter.rows.map((row) => [
    { text: row.factor, fontSize: 8 },
    ...row.ratings.map(({ rating, label }): TableCell => ({
      text: label,
      color: rating ? (RATING_COLORS[rating] ?? COLORS.muted) : COLORS.muted,
      italics: rating === null,
      fontSize: 8,
    })),
  ]);
  const lines: TableCell[][] = chapter.lines.map((line) => [
    { stack: [{ text: line.text }, { text: line.factorRef, style: "small", margin: [0, 2, 0, 0] }] },
    { text: line.verdictLabel, bold: line.verdict === "implemented", italics: line.verdict === null },
  ]);
  return [
    chapterHeading(chapter.title),
    { text: chapter.intro, style: "paragraph" },
    { text: chapter.ratingsTitle, style: "h3" },
    { svg: ratingChartSvg(chapter.chart), width: CHART_WIDTH, margin: [0, 4, 0, 14], _alt: chapter.chartAlt } as Content,
    dataTable(chapter.headers, rows, ["*", ...chapter.headers.slice(1).map(() => 62)]),
    ...subheading(chapter.recommendationsTitle),
    { text: chapter.share, style: "paragraph" },
    dataTable(chapter.lineHeaders, lines, ["*", 110]),
  ];
}
