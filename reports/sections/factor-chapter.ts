import type { Content } from "pdfmake/interfaces";
import type { FactorView, RecommendationView, ReportModel } from "../model";
import { COLORS, RATING_COLORS } from "../styles";
import { findingAttribution, QUOTED_KINDS, quoteText, recommendationMeta } from "../wording";
import { box, chapterHeading, facts, keepWithFirst, keepWithNext, missing, richText, subheading, textOr } from "./blocks";

/** Characters of body text that safely fit on one page, for blocks kept whole. */
const FITS_ON_A_PAGE = 2500;

/**
 * Room kept under a key factor's title and statement, so they never end a page on their own:
 * the self-assessment heading (which keeps its own room) and its first lines.
 */
const FACTOR_START_RESERVE = 130;

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
  content.push({
    text: t("factor.evidenceCounts", {
      count: evidence.total,
      supports: evidence.supports,
      mixed: evidence.mixed,
      contradicts: evidence.contradicts,
    }),
    style: "paragraph",
  });
  if (evidence.findings.length === 0) {
    content.push(missing(t("factor.noFindings")));
  }
  for (const finding of evidence.findings) {
    content.push(
      box(
        [
          { text: quoteText(model, finding), style: QUOTED_KINDS.has(finding.kind) ? "quote" : undefined },
          { text: findingAttribution(model, finding), style: "attribution", margin: [0, 2, 0, 0] },
        ],
        undefined,
        finding.text.length < FITS_ON_A_PAGE,
      ),
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
  content.push(conclusion.rating.id ? facts([[t("factor.peerRating"), ratingText(conclusion.rating)]]) : missing(t("factor.notRatedByPeers")));
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
  return { stack, margin: [0, 0, 0, 8], unbreakable: fitsOnAPage(rec) };
}

function fitsOnAPage(rec: RecommendationView): boolean {
  return rec.text.length < FITS_ON_A_PAGE;
}

/** The heading travels with the first recommendation; the others follow wherever they fit. */
function recommendationsPart(model: ReportModel, peer: NonNullable<FactorView["peer"]>): Content[] {
  const { t } = model.i18n;
  const heading: Content[] = [{ text: t("factor.recommendations"), style: "h2" }];
  if (peer.recommendations.length === 0) {
    const agreed = peer.conclusion && !peer.conclusion.draft;
    return [keepWithFirst(heading, missing(peer.recommendationsWithheld || !agreed ? t("factor.noAgreedRecommendations") : t("factor.noRecommendations")))];
  }
  if (peer.recommendations.some((rec) => rec.draft)) {
    heading.push({ text: t("factor.draftRecommendations"), style: "draftMark", margin: [0, 0, 0, 4] });
  }
  const [first, ...rest] = peer.recommendations.map((rec) => ({ block: recommendationBlock(model, rec), whole: fitsOnAPage(rec) }));
  const start = first!.whole ? [keepWithFirst(heading, first!.block)] : [...keepWithNext({ stack: heading }, 80), first!.block];
  return [...start, ...rest.map((rec) => rec.block)];
}

/**
 * One chapter per key factor: the statement, the city's view, the evidence, the peers' view,
 * what to do. Only the first starts a new page; the others follow on, so a chapter a little
 * longer than a page does not leave its last lines alone on a page of their own. Each title
 * stays with its statement and the start of the self-assessment.
 */
export function factorChapter(model: ReportModel, factor: FactorView, options: { newPage: boolean }): Content[] {
  const content: Content[] = [
    ...keepWithNext(
      {
        stack: [chapterHeading(factor.heading, { factor: true, id: factor.id, newPage: false }), box([{ text: factor.statement, style: "statement" }])],
      },
      FACTOR_START_RESERVE,
      // Following on, a chapter keeps some distance from the end of the one before.
      options.newPage ? { pageBreak: "before" } : { margin: [0, 22, 0, 0] },
    ),
    ...selfAssessmentPart(model, factor),
  ];
  if (factor.peer) {
    content.push(...findingsPart(model, factor, factor.peer), ...conclusionPart(model, factor, factor.peer), ...recommendationsPart(model, factor.peer));
  }
  return content;
}

export function factorChaptersSection(model: ReportModel): Content[] {
  return model.factors.flatMap((factor, index) => factorChapter(model, factor, { newPage: index === 0 }));
}
