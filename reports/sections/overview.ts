import type { Content, TableCell } from "pdfmake/interfaces";
import { CHART_WIDTH, ratingChartSvg, reportChartInput } from "../chart";
import type { FactorView, RatingView, ReportModel } from "../model";
import { COLORS, RATING_COLORS } from "../styles";
import { chapterHeading, dataTable } from "./blocks";

function ratingCell(rating: RatingView, extra: Content[] = []): TableCell {
  return {
    text: [{ text: rating.label, color: rating.id ? (RATING_COLORS[rating.id] ?? COLORS.muted) : COLORS.muted, italics: rating.id === null }, ...(extra as [])],
  };
}

function peerCell(model: ReportModel, factor: FactorView): TableCell {
  const { t } = model.i18n;
  const conclusion = factor.peer?.conclusion;
  if (!conclusion) return { text: t("overview.noConclusion"), italics: true, color: COLORS.muted };
  const marks: Content[] = [];
  if (conclusion.draft) marks.push({ text: ` (${t("overview.draftMark")})`, style: "draftMark", fontSize: 8 });
  if (conclusion.differs) marks.push({ text: ` — ${t("overview.differs")}`, color: COLORS.muted, fontSize: 8 });
  return ratingCell(conclusion.rating, marks);
}

/** Every key factor, self-rating beside peer rating: as a chart drawn in the PDF and as a table. */
export function overviewSection(model: ReportModel): Content[] {
  const { t } = model.i18n;
  const peer = model.isPeerReview;
  const headers = peer ? [t("overview.factor"), t("overview.self"), t("overview.peer"), t("overview.evidence")] : [t("overview.factor"), t("overview.self")];
  const rows: TableCell[][] = model.factors.map((factor) => {
    const row: TableCell[] = [{ text: `${factor.number}. ${factor.title}` }, ratingCell(factor.self.rating)];
    if (peer) {
      row.push(peerCell(model, factor), { text: String(factor.peer?.evidence.total ?? 0), alignment: "right" });
    }
    return row;
  });
  const notes: string[] = [];
  if (peer && model.factors.some((f) => f.peer?.conclusion?.differs)) notes.push(t("overview.differsNote"));
  if (peer && model.factors.some((f) => f.peer?.conclusion?.draft)) notes.push(t("overview.draftNote"));

  const chartTitle = peer ? t("overview.chartTitle") : t("overview.chartTitleSelf");
  return [
    chapterHeading(t("sections.overview")),
    { text: peer ? t("overview.intro") : t("overview.introSelf"), style: "paragraph" },
    { text: chartTitle, style: "h3" },
    // `_alt`: the figure's alternative text in the tagged PDF (reports/pdf-structure.ts).
    { svg: ratingChartSvg(reportChartInput(model)), width: CHART_WIDTH, margin: [0, 4, 0, 14], _alt: t("overview.chartAlt", { title: chartTitle }) } as Content,
    dataTable(headers, rows, peer ? ["*", 90, 118, 48] : ["*", 120]),
    ...notes.map((note): Content => ({ text: note, style: "small" })),
  ];
}
