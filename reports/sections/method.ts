import type { Content } from "pdfmake/interfaces";
import type { ReportModel } from "../model";
import { RATING_COLORS } from "../styles";
import { documentTypeSummary, issueNotes, labelled, visitSentences } from "../wording";
import { chapterHeading, dataTable, missing, subheading } from "./blocks";

export function methodSection(model: ReportModel): Content[] {
  const { t } = model.i18n;
  const { snapshot, figures } = model;
  const content: Content[] = [
    chapterHeading(t("sections.method")),
    { text: model.isPeerReview ? t("method.peerIntro") : t("method.selfIntro"), style: "paragraph" },
    ...(model.hasContextAnnex ? [] : [{ text: t("method.noContextAnnex", { benchmark: model.benchmarkShortTitle }), style: "paragraph" }]),
    ...subheading(t("method.selfAssessment")),
    {
      text: t("method.selfAssessmentFacts", {
        rated: figures.selfRated,
        factors: model.factors.length,
        answered: figures.answered,
        questions: figures.questions,
      }),
      style: "paragraph",
    },
  ];
  if (model.isPeerReview) {
    content.push(
      snapshot.selfAssessment.submittedAt
        ? { text: t("method.submittedOn", { date: model.i18n.date(snapshot.selfAssessment.submittedAt) }), style: "paragraph" }
        : missing(t("method.notSubmitted")),
    );
  }

  content.push(...subheading(t("method.documents")));
  content.push(
    model.documents.length > 0
      ? { text: t("method.documentsFacts", { count: model.documents.length, types: documentTypeSummary(model) }), style: "paragraph" }
      : missing(t("method.noDocuments")),
  );

  if (model.isPeerReview) {
    const { visit } = snapshot;
    const sentences = visitSentences(model);
    content.push(...subheading(t("method.visit")), { text: sentences.dates, style: "paragraph" });
    if (sentences.facts === null) {
      content.push(missing(t("method.noInterviews")));
    } else {
      content.push({ text: sentences.facts, style: "paragraph" });
      content.push({
        columns: [
          {
            width: "*",
            stack: [
              { text: t("method.categoriesMet"), style: "h3" },
              {
                ul: visit.categories.map((entry) => labelled(model, t(`category.${entry.category}`), String(entry.people))),
                style: "tableCell",
              },
            ],
          },
          {
            width: "*",
            stack: [
              { text: t("method.organisationsMet"), style: "h3" },
              visit.organisations.length > 0 ? { ul: visit.organisations, style: "tableCell" } : missing(t("method.noOrganisations")),
            ],
          },
        ],
        columnGap: 20,
        margin: [0, 0, 0, 8],
      });
    }
  }

  const notes = issueNotes(model);
  if (notes.length) content.push(...subheading(t("method.thisIssue")), ...notes.map((text): Content => ({ text, style: "paragraph" })));

  // The scale is short: kept on one page with its heading rather than split.
  content.push({
    stack: [
      { text: t("method.ratingScale"), style: "h2" },
      { text: model.isPeerReview ? t("method.ratingScaleIntro") : t("method.ratingScaleIntroSelf"), style: "paragraph" },
      dataTable(
        null,
        model.ratingScale.map((rating) => [{ text: rating.label, bold: true, color: RATING_COLORS[rating.id] }, { text: rating.description }]),
        [110, "*"],
      ),
    ],
    unbreakable: true,
  });
  return content;
}
