import { localize, requireFramework, type Framework, type KeyFactor } from "#benchmark/index";
import { HORIZONS, PRIORITIES, type Horizon, type Priority, type Rating } from "#db/enums";
import { describeAttribution } from "#app/models/attribution";
import { createReportI18n, type ReportI18n, type ReportLocale } from "./i18n";
import {
  KEY_FINDINGS_PER_FACTOR,
  type ReviewSnapshot,
  type SnapshotContextNote,
  type SnapshotDocument,
  type SnapshotFinding,
  type SnapshotMember,
  withoutDrafts,
} from "./snapshot";

/**
 * The report's content, decided once from a snapshot: which factors, which conclusions and
 * recommendations appear, in which order, with which labels. The PDF sections and the HTML
 * preview both render this model, so the preview shows exactly what the PDF will say.
 *
 * Which conclusions appear: an issued report shows agreed conclusions only (with their
 * recommendations); a factor whose conclusion is still a draft reads "No conclusion has been
 * agreed for this factor yet". A draft report shows draft conclusions too, marked as drafts, so
 * the team and the host city (during the factual check) read everything before it is issued.
 * The model keeps only the part of the snapshot it shows (withoutDrafts once issued), so the model
 * can be handed to a reader whole.
 */
export type ReportOptions = {
  locale: ReportLocale;
  /** ISO timestamp of issue; null builds a draft (watermarked, drafts shown as such). */
  issuedAt: string | null;
};

export type RatingView = { id: Rating | null; label: string };

export type FindingView = SnapshotFinding & { source: string };

export type RecommendationView = {
  id: string;
  /** "R3.2": factor 3, second recommendation, so the chapter and the plan refer to each other. */
  ref: string;
  factorId: string;
  factorNumber: number;
  factorTitle: string;
  text: string;
  priority: Priority;
  priorityLabel: string;
  horizon: Horizon;
  horizonLabel: string;
  service: string;
  inspiration: { city: string; text: string } | null;
  draft: boolean;
};

export type FactorView = {
  id: string;
  number: number;
  title: string;
  heading: string;
  statement: string;
  rationale: string | null;
  questions: { id: string; text: string; subItems: string[] }[];
  self: {
    rating: RatingView;
    summary: string;
    answers: { question: string; text: string }[];
    answered: number;
  };
  /** Null in an internal self-assessment, which has no peer part. */
  peer: {
    evidence: { total: number; supports: number; mixed: number; contradicts: number; findings: FindingView[]; moreCited: number };
    conclusion: {
      rating: RatingView;
      strengths: string;
      improvements: string;
      draft: boolean;
      differs: boolean;
    } | null;
    recommendations: RecommendationView[];
    /** Recommendations exist but are held back because the conclusion is not agreed. */
    recommendationsWithheld: boolean;
  } | null;
};

export type ContextView = {
  id: string;
  title: string;
  description: string;
  implications: string;
  note: string;
  effect: SnapshotContextNote["effect"];
  effectLabel: string;
};

export type DocumentView = SnapshotDocument & { typeLabel: string; dateLabel: string; originLabel: string };

export type ReportModel = {
  i18n: ReportI18n;
  locale: ReportLocale;
  final: boolean;
  isPeerReview: boolean;
  snapshot: ReviewSnapshot;
  framework: Framework;
  title: string;
  kindLabel: string;
  hostCity: string;
  country: string;
  benchmarkTitle: string;
  benchmarkShortTitle: string;
  hasContextAnnex: boolean;
  issuedLabel: string | null;
  /** "from 16 to 18 March 2026", for sentences. */
  visitLabel: string | null;
  /** "16–18 March 2026", on its own. */
  visitSpan: string | null;
  team: (SnapshotMember & { roleLabel: string })[];
  ratingScale: { id: Rating; label: string; description: string }[];
  factors: FactorView[];
  plan: { quickWins: RecommendationView[]; longTerm: RecommendationView[] };
  context: ContextView[];
  documents: DocumentView[];
  figures: {
    selfRated: number;
    concluded: number;
    agreed: number;
    questions: number;
    answered: number;
    peerDistribution: Partial<Record<Rating, number>>;
    selfDistribution: Partial<Record<Rating, number>>;
  };
};

const TEAM_ORDER = { "lead-expert": 0, "peer-reviewer": 1, "host-team": 2 } as const;

/** Factors shown: every active one, and a retired one only if this review holds data on it. */
function factorsOf(framework: Framework, snapshot: ReviewSnapshot): KeyFactor[] {
  const used = new Set([
    ...snapshot.selfAssessment.factors.map((f) => f.factorId),
    ...snapshot.conclusions.map((c) => c.factorId),
    ...snapshot.recommendations.map((r) => r.factorId),
  ]);
  return framework.keyFactors.filter((kf) => kf.retired !== true || used.has(kf.id));
}

/** How many ratings sit at each level of the framework's scale (ids of other scales count 0). */
function distribution(scale: readonly { id: Rating }[], ratings: (Rating | null | undefined)[]): Partial<Record<Rating, number>> {
  return Object.fromEntries(scale.map((level) => [level.id, ratings.filter((r) => r === level.id).length]));
}

export function buildReportModel(read: ReviewSnapshot, options: ReportOptions): ReportModel {
  const { locale } = options;
  const framework = requireFramework(read.framework.id);
  const i18n = createReportI18n(locale, read.review.timeZone, framework.parts);
  const { t } = i18n;
  const final = options.issuedAt !== null;
  const snapshot = final ? withoutDrafts(read) : read;
  const isPeerReview = snapshot.review.kind === "peer-review";
  const text = (value: { fr: string; en: string }) => localize(value, locale);

  const ratingLabel = (id: Rating | null, unrated: string = t("notRated")): RatingView => {
    if (id === null) return { id, label: unrated };
    const rating = framework.ratingScale.find((r) => r.id === id);
    return { id, label: rating ? text(rating.label) : id };
  };

  const selfByFactor = new Map(snapshot.selfAssessment.factors.map((f) => [f.factorId, f]));
  const evidenceByFactor = new Map(snapshot.evidence.map((e) => [e.factorId, e]));
  const conclusionByFactor = new Map(snapshot.conclusions.map((c) => [c.factorId, c]));
  const shownConclusion = (factorId: string) => {
    const conclusion = conclusionByFactor.get(factorId);
    if (!conclusion) return undefined;
    return final && conclusion.state !== "agreed" ? undefined : conclusion;
  };

  const keyFactors = factorsOf(framework, snapshot);
  const recommendationViews: RecommendationView[] = [];

  const factors: FactorView[] = keyFactors.map((kf) => {
    const title = text(kf.title);
    const questions = kf.guidingQuestions
      .filter((q) => q.retired !== true)
      .map((q) => ({ id: q.id, text: text(q.text), subItems: (q.subItems ?? []).map(text) }));
    const questionText = new Map(kf.guidingQuestions.map((q) => [q.id, text(q.text)]));
    const self = selfByFactor.get(kf.id);
    const answers = (self?.answers ?? [])
      .filter((a) => a.text.trim() !== "")
      .map((a) => ({ question: questionText.get(a.questionId) ?? a.questionId, text: a.text }));
    const selfRating = ratingLabel(self?.rating ?? null);

    let peer: FactorView["peer"] = null;
    if (isPeerReview) {
      const conclusion = shownConclusion(kf.id);
      const evidence = evidenceByFactor.get(kf.id);
      // Cited evidence is only as final as the conclusion that cites it.
      const findings = conclusion ? (evidence?.findings ?? []).slice(0, KEY_FINDINGS_PER_FACTOR) : [];
      const allRecommendations = snapshot.recommendations.filter((r) => r.factorId === kf.id);
      const recommendations = conclusion || !final ? allRecommendations : [];
      const draft = !conclusion || conclusion.state !== "agreed";
      const views = recommendations.map((r, index): RecommendationView => {
        const example = r.exampleIndex !== null ? kf.examples[r.exampleIndex] : undefined;
        return {
          id: r.id,
          ref: `R${kf.number}.${index + 1}`,
          factorId: kf.id,
          factorNumber: kf.number,
          factorTitle: title,
          text: r.text,
          priority: r.priority,
          priorityLabel: t(`conclusions:priorities.${r.priority}`),
          horizon: r.horizon,
          horizonLabel: t(`conclusions:horizons.${r.horizon}`),
          service: r.responsibleService,
          inspiration: example ? { city: text(example.city), text: text(example.text) } : null,
          draft,
        };
      });
      recommendationViews.push(...views);
      peer = {
        evidence: {
          total: evidence?.total ?? 0,
          supports: evidence?.supports ?? 0,
          mixed: evidence?.mixed ?? 0,
          contradicts: evidence?.contradicts ?? 0,
          findings: findings.map((finding) => ({
            ...finding,
            attribution: describeAttribution(t, { ...finding }),
            source: finding.documentTitle ?? t(`source.${finding.kind}`),
          })),
          moreCited: conclusion ? Math.max(0, (evidence?.cited ?? 0) - findings.length) : 0,
        },
        conclusion: conclusion
          ? {
              rating: ratingLabel(conclusion.rating, t("overview.peerNotRated")),
              strengths: conclusion.strengths,
              improvements: conclusion.improvements,
              draft: conclusion.state !== "agreed",
              differs: conclusion.rating !== null && (self?.rating ?? null) !== null && conclusion.rating !== self?.rating,
            }
          : null,
        recommendations: views,
        recommendationsWithheld: views.length === 0 && allRecommendations.length > 0,
      };
    }

    return {
      id: kf.id,
      number: kf.number,
      title,
      heading: t("sections.factor", { number: kf.number, title }),
      statement: text(kf.statement),
      rationale: kf.rationale ? text(kf.rationale) : null,
      questions,
      self: { rating: selfRating, summary: self?.summary ?? "", answers, answered: answers.length },
      peer,
    };
  });

  const byPlanOrder = (a: RecommendationView, b: RecommendationView) =>
    PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || a.factorNumber - b.factorNumber;
  const [quickWin, longTerm] = HORIZONS;
  // Array.prototype.sort is stable, so the team's order survives within a priority and factor.
  const plan = {
    quickWins: recommendationViews.filter((r) => r.horizon === quickWin).sort(byPlanOrder),
    longTerm: recommendationViews.filter((r) => r.horizon === longTerm).sort(byPlanOrder),
  };

  const notes = new Map(snapshot.context.map((note) => [note.contextualFactorId, note]));
  const context: ContextView[] = framework.contextualFactors.map((cf) => {
    const note = notes.get(cf.id);
    return {
      id: cf.id,
      title: text(cf.title),
      description: text(cf.description),
      implications: text(cf.implications),
      note: note?.note.trim() ?? "",
      effect: note?.effect ?? null,
      effectLabel: note?.effect ? t(`effect.${note.effect}`) : t("context.noEffect"),
    };
  });

  const documents: DocumentView[] = [...snapshot.documents]
    .sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.title.localeCompare(b.title, locale) || a.id.localeCompare(b.id))
    .map((doc) => ({
      ...doc,
      typeLabel: t(`selfAssessment:documents.types.${doc.type}`),
      dateLabel: doc.date ? i18n.date(doc.date) : t("documents.noDate"),
      originLabel: t(`origin.${doc.origin}`),
    }));

  const teamRoles = isPeerReview ? ["lead-expert", "peer-reviewer"] : ["lead-expert", "host-team"];
  const team = snapshot.team
    .filter((member) => teamRoles.includes(member.role))
    .sort((a, b) => TEAM_ORDER[a.role] - TEAM_ORDER[b.role] || a.name.localeCompare(b.name, locale))
    .map((member) => ({ ...member, roleLabel: t(`roles.${member.role}`) }));

  const { review } = snapshot;
  const issuedAt = options.issuedAt;
  const shownConclusions = factors.map((f) => f.peer?.conclusion).filter((c) => c != null);

  return {
    i18n,
    locale,
    final,
    isPeerReview,
    snapshot,
    framework,
    title: t(`title.${review.kind}`),
    kindLabel: t(`kind.${review.kind}`),
    hostCity: review.hostCity,
    country: review.country,
    benchmarkTitle: text(framework.title),
    benchmarkShortTitle: text(framework.shortTitle ?? framework.title),
    // A framework without contextual factors (ECCAR) has no context annex; the method says why.
    hasContextAnnex: framework.parts.contextualFactors,
    issuedLabel: issuedAt ? i18n.date(issuedAt) : null,
    visitLabel: review.visitStart ? i18n.dateRange(review.visitStart, review.visitEnd) : null,
    visitSpan: review.visitStart ? i18n.dateSpan(review.visitStart, review.visitEnd) : null,
    team,
    ratingScale: framework.ratingScale.map((r) => ({ id: r.id, label: text(r.label), description: text(r.description) })),
    factors,
    plan,
    context,
    documents,
    figures: {
      selfRated: factors.filter((f) => f.self.rating.id !== null && f.self.rating.id !== "not-assessed").length,
      concluded: shownConclusions.length,
      agreed: shownConclusions.filter((c) => !c.draft).length,
      questions: factors.reduce((sum, f) => sum + f.questions.length, 0),
      answered: factors.reduce((sum, f) => sum + f.self.answered, 0),
      peerDistribution: distribution(
        framework.ratingScale,
        shownConclusions.map((c) => c.rating.id),
      ),
      selfDistribution: distribution(
        framework.ratingScale,
        factors.map((f) => f.self.rating.id),
      ),
    },
  };
}
