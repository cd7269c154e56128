import type { Content, TableCell } from "pdfmake/interfaces";
import type { RecommendationView, ReportModel } from "../model";
import { COLORS } from "../styles";
import { chapterHeading, dataTable, missing, subheading } from "./blocks";

const PRIORITY_COLORS = { high: COLORS.danger, medium: COLORS.warn, low: COLORS.muted } as const;

function planTable(model: ReportModel, items: RecommendationView[]): Content {
  const { t } = model.i18n;
  const rows: TableCell[][] = items.map((rec) => [
    {
      stack: [{ text: rec.ref, bold: true, color: COLORS.accent }, ...(rec.draft ? [{ text: t("plan.draft"), style: "draftMark", fontSize: 7.5 }] : [])],
    },
    {
      stack: [{ text: rec.text }, { text: t("sections.factor", { number: rec.factorNumber, title: rec.factorTitle }), style: "small", margin: [0, 2, 0, 0] }],
    },
    { text: rec.priorityLabel, color: PRIORITY_COLORS[rec.priority], bold: rec.priority === "high" },
    { text: rec.service.trim() || t("plan.noService") },
  ]);
  return dataTable([t("plan.ref"), t("plan.recommendation"), t("plan.priority"), t("plan.service")], rows, [34, "*", 52, 96]);
}

/** All recommendations as a development plan: quick wins, then long-term objectives, by priority. */
export function planSection(model: ReportModel): Content[] {
  const { t } = model.i18n;
  const { quickWins, longTerm } = model.plan;
  const content: Content[] = [chapterHeading(t("sections.plan")), { text: t("plan.intro"), style: "paragraph" }];
  if (quickWins.length + longTerm.length === 0) {
    content.push(missing(model.final ? t("plan.none") : t("plan.noneDraft")));
    return content;
  }
  content.push(...subheading(t("plan.quickWins")));
  content.push(quickWins.length ? planTable(model, quickWins) : missing(t("plan.noQuickWins")));
  content.push(...subheading(t("plan.longTerm")));
  content.push(longTerm.length ? planTable(model, longTerm) : missing(t("plan.noLongTerm")));
  return content;
}
