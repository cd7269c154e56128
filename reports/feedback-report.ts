import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { buildReportModel, type ReportModel, type ReportOptions } from "./model";
import { annexBenchmarkSection } from "./sections/annex-benchmark";
import { annexContextSection } from "./sections/annex-context";
import { annexDocumentsSection } from "./sections/annex-documents";
import { contentsSection } from "./sections/contents";
import { coverSection } from "./sections/cover";
import { executiveSummarySection } from "./sections/executive-summary";
import { factorChaptersSection } from "./sections/factor-chapter";
import { methodSection } from "./sections/method";
import { overviewSection } from "./sections/overview";
import { planSection } from "./sections/plan";
import { progressSection } from "./sections/progress";
import type { ReviewSnapshot } from "./snapshot";
import { COLORS, DEFAULT_STYLE, PAGE_MARGINS, STYLES } from "./styles";

export type { ReportOptions } from "./model";

/** Drafts carry a fixed date so that the same data always gives the same bytes. */
export const DRAFT_EPOCH = new Date(0);

/**
 * pdfmake moves to a new page when a node's bottom margin does not fit, and then the next
 * chapter's page break adds another: a blank page. So the node before each page break ends
 * without a bottom margin (recursively into the last item of a stack).
 */
function withoutBottomMargin(node: Content): Content {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return node;
  const copy = { ...node } as Record<string, unknown>;
  if (Array.isArray(copy.stack) && copy.stack.length > 0) {
    const stack = [...(copy.stack as Content[])];
    stack[stack.length - 1] = withoutBottomMargin(stack[stack.length - 1]!);
    copy.stack = stack;
  }
  if (Array.isArray(copy.margin) && copy.margin.length === 4) copy.margin = [...copy.margin.slice(0, 3), 0];
  else if (copy.margin === undefined) copy.marginBottom = 0;
  return copy as unknown as Content;
}

export function endChaptersCleanly(content: Content[]): Content[] {
  return content.map((node, i) => {
    const next = content[i + 1];
    const breaks = typeof next === "object" && next !== null && !Array.isArray(next) && "pageBreak" in next && next.pageBreak === "before";
    return breaks ? withoutBottomMargin(node) : node;
  });
}

/** The sections in reading order; an internal self-assessment has no peer parts and no plan. */
export function reportSections(model: ReportModel): Content[] {
  return endChaptersCleanly([
    ...coverSection(model),
    ...contentsSection(model),
    ...executiveSummarySection(model),
    ...methodSection(model),
    ...overviewSection(model),
    ...factorChaptersSection(model),
    ...(model.isPeerReview ? planSection(model) : []),
    ...progressSection(model),
    ...annexContextSection(model),
    ...annexDocumentsSection(model),
    ...annexBenchmarkSection(model),
  ]);
}

/**
 * The feedback report as a pdfmake document definition. Pure: the same snapshot and options
 * give the same definition (no clock, no database, no network), which render.ts turns into
 * the same bytes. `issuedAt` null builds a draft: watermarked on every page.
 */
export function buildFeedbackReport(snapshot: ReviewSnapshot, options: ReportOptions): TDocumentDefinitions {
  const model = buildReportModel(snapshot, options);
  const { t } = model.i18n;
  const date = options.issuedAt ? new Date(options.issuedAt) : DRAFT_EPOCH;
  const running = t("header", { city: model.hostCity, benchmark: model.benchmarkShortTitle });
  const status = model.issuedLabel ?? t("cover.draft");
  const [left, , right] = PAGE_MARGINS;

  return {
    pageSize: "A4",
    pageMargins: PAGE_MARGINS,
    language: options.locale,
    info: {
      title: `${model.title} — ${model.hostCity}`,
      author: model.team.map((member) => member.name).join(", ") || model.hostCity,
      subject: model.benchmarkTitle,
      keywords: [model.kindLabel, model.hostCity, model.benchmarkShortTitle].join(", "),
      creator: "Benchmark workbench",
      producer: "Benchmark workbench (pdfmake)",
      creationDate: date,
      modDate: date,
    },
    ...(model.final ? {} : { watermark: { text: t("watermark"), color: COLORS.watermark, opacity: 0.16, bold: true, fontSize: 110 } }),
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            stack: [
              { columns: [{ text: running }, { text: model.title, alignment: "right", width: "auto" }], columnGap: 12 },
              { canvas: [{ type: "line", x1: 0, y1: 4, x2: 483, y2: 4, lineWidth: 0.5, lineColor: COLORS.border }] },
            ],
            style: "header",
            margin: [left, 30, right, 0],
          },
    footer: (currentPage, pageCount) =>
      currentPage === 1
        ? null
        : {
            columns: [
              { text: status, color: model.final ? COLORS.muted : COLORS.danger },
              { text: t("footer", { page: currentPage, pages: pageCount }), alignment: "right", width: "auto" },
            ],
            style: "footer",
            margin: [left, 24, right, 0],
          },
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    content: reportSections(model),
  };
}
