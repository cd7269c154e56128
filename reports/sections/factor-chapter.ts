import type { Content } from "pdfmake/interfaces";
import type { FactorView, RecommendationView, ReportModel } from "../model";
import { COLORS, RATING_COLORS } from "../styles";
import { findingAttribution, QUOTED_KINDS, quoteText, recommendationMeta } from "../wording";
import { box, chapterHeading, facts, keepWithNext, missing, richText, subheading, textOr } from "./blocks";

/** Characters of body text that safely fit on one page, for blocks kept whole. */
const FITS_ON_A_PAGE = 2500;

function ratingText(rating: FactorView["self"]["rating"]): Content {
  return { text: rating.label, bold: true, color: rating.id ? (RATING_COLORS[rating.id] ?? COLORS.text) : COLORS.muted };
}

function selfAssessmentPart(model: ReportModel, factor: FactorView): Content[] {
  const { t } = model.i18n;
  const { self } = factor;
  const content: Content[] = [...subheading(t("factor.selfAssessment"))];
  content.push(self.rating.id ? facts([[t("factor.selfRating"), ratingText(self.rating)]]) : missing(t("factor.notRated")));
  content.push(...textOr(self.summary, t("factor.noSummary")));
  if (model.isPeerReview) {
    content.push({ text: t("factor.answered", { answered: self.answered, questions: factor.questions.length }), style: "small", margin: [0, 0, 0, 4] });
    return content;
  }
  // An internal self-assessment has no peer part: the city's answers are the substance.
  content.push(...subheading(t("factor.answers"), "h3"));
  if (self.answers.length === 0) {
    content.push(missing(t("factor.noAnswers")));
  } else {
    for (const answer of self.answers) {
      content.push(...keepWithNext({ text: answer.question, bold: true, fontSize: 9.5, margin: [0, 4, 0, 2] }, 30));
      content.push(...richText(answer.text));
    }
  }
  return content;
}

function findingsPart(model: ReportModel, factor: FactorView, peer: NonNullable<FactorView["peer"]>): Content[] {
  const { t } = model.i18n;
  const { evidence } = peer;
  const content: Content[] = [...subheading(t("factor.evidence"))];
  if (evidence.total === 0) {
    content.push(missing(t("factor.noEvidence")));
    return content;
  }
  content.push({ text: t("factor.evidenceCounts", {
      count: evidence.total,
      supports: evidence.supports,
      mixed: evidence.mixed,
      contradicts: evidence.contradicts,
    }), style: "paragraph" });
  if (evidence.findings.length === 0) {
    content.push(missing(t("factor.noFindings")));
  }
  for (const finding of evidence.findings) {
    content.push(
      box([
        { text: quoteText(model, finding), style: QUOTED_KINDS.has(finding.kind) ? "quote" : undefined },
        { text: findingAttribution(model, finding), style: "attribution", margin: [0, 2, 0, 0] },
      ], undefined, finding.text.length < FITS_ON_A_PAGE),
    );
  }
  if (evidence.moreCited > 0) content.push({ text: t("factor.moreCited", { count: evidence.moreCited }), style: "small" });
  return content;
}

function conclusionPart(model: ReportModel, factor: FactorView, peer: NonNullable<FactorView["peer"]>): Content[] {
  const { t } = model.i18n;
  const content: Content[] = [...subheading(t("factor.conclusion"))];
  const { conclusion } = peer;
  if (!conclusion) {
    content.push(missing(t("factor.noConclusion")));
    return content;
  }
  if (conclusion.draft) content.push({ text: t("factor.draftConclusion"), style: "draftMark", margin: [0, 0, 0, 4] });
  content.push(
    conclusion.rating.id
      ? facts([[t("factor.peerRating"), ratingText(conclusion.rating)]])
      : missing(t("factor.notRatedByPeers")),
  );
  if (conclusion.differs) {
    content.push({ text: t("factor.differs", { self: factor.self.rating.label }), style: "paragraph", color: COLORS.muted });
  }
  content.push(
    ...subheading(t("factor.strengths"), "h3"),
    ...textOr(conclusion.strengths, t("factor.noStrengths")),
    ...subheading(t("factor.improvements"), "h3"),
    ...textOr(conclusion.improvements, t("factor.noImprovements")),
  );
  return content;
}

export function recommendationBlock(model: ReportModel, rec: RecommendationView): Content {
  const { t } = model.i18n;
  const stack: Content[] = [
    {
      columns: [
        { text: rec.ref, bold: true, color: COLORS.accent, width: 34 },
        {
          width: "*",
          stack: [
            { text: rec.text },
            { text: recommendationMeta(model, rec), style: "small", margin: [0, 2, 0, 0] },
            ...(rec.inspiration ? [{ text: t("factor.inspiration", { city: rec.inspiration.city }), style: "small" }] : []),
          ],
        },
      ],
      columnGap: 4,
    },
  ];
  // Kept on one page unless it is too long to fit one (pdfmake would drop the overflow).
  return { stack, margin: [0, 0, 0, 8], unbreakable: rec.text.length < FITS_ON_A_PAGE };
}

function recommendationsPart(model: ReportModel, peer: NonNullable<FactorView["peer"]>): Content[] {
  const { t } = model.i18n;
  const content: Content[] = [...subheading(t("factor.recommendations"))];
  if (peer.recommendations.length === 0) {
    const agreed = peer.conclusion && !peer.conclusion.draft;
    content.push(missing(peer.recommendationsWithheld || !agreed ? t("factor.noAgreedRecommendations") : t("factor.noRecommendations")));
    return content;
  }
  if (peer.recommendations.some((rec) => rec.draft)) {
    content.push({ text: t("factor.draftRecommendations"), style: "draftMark", margin: [0, 0, 0, 4] });
  }
  content.push(...peer.recommendations.map((rec) => recommendationBlock(model, rec)));
  return content;
}

/** One chapter per key factor: the statement, the city's view, the evidence, the peers' view, what to do. */
export function factorChapter(model: ReportModel, factor: FactorView): Content[] {
  const content: Content[] = [
    chapterHeading(factor.heading, { factor: true, id: factor.id }),
    box([{ text: factor.statement, style: "statement" }]),
    ...selfAssessmentPart(model, factor),
  ];
  if (factor.peer) {
    content.push(
      ...findingsPart(model, factor, factor.peer),
      ...conclusionPart(model, factor, factor.peer),
      ...recommendationsPart(model, factor.peer),
    );
  }
  return content;
}

export function factorChaptersSection(model: ReportModel): Content[] {
  return model.factors.flatMap((factor) => factorChapter(model, factor));
}
