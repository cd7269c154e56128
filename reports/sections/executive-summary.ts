import type { Content } from "pdfmake/interfaces";
import type { ReportModel } from "../model";
import { atAGlance } from "../wording";
import { chapterHeading, subheading, textOr, richText } from "./blocks";

export function executiveSummarySection(model: ReportModel): Content[] {
  const { t } = model.i18n;
  const { summary } = model.snapshot;
  const content: Content[] = [
    chapterHeading(t("sections.executiveSummary")),
    ...subheading(t("summary.atAGlance"), "h3"),
    ...atAGlance(model).map((line): Content => ({ text: line, style: "lead" })),
  ];
  if (model.isPeerReview) {
    content.push(
      ...subheading(t("summary.fromTheTeam")),
      ...textOr(summary.executiveSummary, t("summary.noExecutiveSummary")),
      ...subheading(t("summary.crossCutting")),
      ...textOr(summary.crossCuttingConclusions, t("summary.noCrossCutting")),
    );
  } else if (summary.executiveSummary.trim()) {
    // An internal self-assessment has no lead expert's summary step; show one only if written.
    content.push(...subheading(t("summary.fromTheTeam")), ...richText(summary.executiveSummary));
  }
  return content;
}
