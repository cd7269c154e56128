import { DOCUMENT_TYPES, type Rating } from "#db/enums";
import type { FindingView, RecommendationView, ReportModel } from "./model";

/*
 * Sentences the PDF and the HTML preview both print, composed once from the model so the two
 * always say the same thing.
 */

/** Key figures computed from the data, so even an unwritten summary gives the reader the picture. */
export function atAGlance(model: ReportModel): string[] {
  const { t } = model.i18n;
  const { figures } = model;
  const common = { city: model.hostCity, count: model.factors.length, benchmark: model.benchmarkTitle, selfRated: figures.selfRated };
  // "2 in place, 1 partly in place…" on the EUROCITIES scale; any other scale lists its own levels.
  const spread = (d: Partial<Record<Rating, number>>) => ({
    inPlace: d["in-place"] ?? 0,
    partly: d["partly-in-place"] ?? 0,
    notInPlace: d["not-in-place"] ?? 0,
    list: model.i18n.list(model.ratingScale.filter((r) => d[r.id]).map((r) => `${d[r.id]} ${r.label.toLowerCase()}`)) || "—",
  });
  if (!model.isPeerReview) {
    return [t("summary.selfFigures", common), t("summary.selfDistribution", spread(figures.selfDistribution))];
  }
  return [
    model.final
      ? t("summary.peerFigures", { ...common, agreed: figures.agreed })
      : t("summary.peerFiguresDraft", { ...common, concluded: figures.concluded, agreed: figures.agreed }),
    t("summary.distribution", spread(figures.peerDistribution)),
    t("summary.recommendations", { quickWins: model.plan.quickWins.length, longTerm: model.plan.longTerm.length }),
  ];
}

/** "annual report: 2, strategy or policy document: 4" — counts per type, in the schema's order. */
export function documentTypeSummary(model: ReportModel): string {
  const { i18n } = model;
  const parts = DOCUMENT_TYPES.map((type) => {
    const count = model.documents.filter((doc) => doc.type === type).length;
    return count ? labelled(model, i18n.t(`selfAssessment:documents.types.${type}`).toLowerCase(), String(count)) : null;
  }).filter((part) => part !== null);
  return i18n.list(parts);
}

/** The visit in figures; never names: who was met is told by category and organisation. */
export function visitSentences(model: ReportModel): { dates: string; facts: string | null } {
  const { t } = model.i18n;
  const { visit } = model.snapshot;
  const dates = model.visitLabel ? t("method.visitDates", { city: model.hostCity, dates: model.visitLabel }) : t("method.visitDatesUnknown");
  if (visit.interviews + visit.focusGroups === 0) return { dates, facts: null };
  return {
    dates,
    facts: t("method.visitFacts", {
      interviews: t("method.interviews", { count: visit.interviews }),
      focusGroups: t("method.focusGroups", { count: visit.focusGroups }),
      people: t("method.people", { count: visit.peopleMet }),
    }),
  };
}

export const QUOTED_KINDS = new Set(["interview-quote", "focus-group-note"]);

/** Quotes are printed as logged, with quotation marks for what people said. */
export function quoteText(model: ReportModel, finding: FindingView): string {
  if (!QUOTED_KINDS.has(finding.kind)) return finding.text;
  return model.locale === "fr" ? `«\u00a0${finding.text}\u00a0»` : `“${finding.text}”`;
}

/** "an NGO representative (interview) · Supports": anonymous as logged, never a name. */
export function findingAttribution(model: ReportModel, finding: FindingView): string {
  const who = finding.attribution.trim();
  const source = who ? `${who} (${finding.source})` : finding.source;
  return `— ${source} · ${model.i18n.t(`polarity.${finding.polarity}`)}`;
}

/** "Label: value", with the no-break space French typography puts before the colon. */
export function labelled(model: ReportModel, label: string, value: string): string {
  return `${label}${model.locale === "fr" ? "\u00a0: " : ": "}${value}`;
}

export function recommendationMeta(model: ReportModel, rec: RecommendationView): string {
  const { t } = model.i18n;
  const parts = [labelled(model, t("plan.priority"), rec.priorityLabel), rec.horizonLabel];
  if (rec.service.trim()) parts.push(labelled(model, t("plan.service"), rec.service.trim()));
  return parts.join(" · ");
}

/**
 * What the method section says of this issue: that it corrects an earlier version, and the lead
 * expert's reason for issuing while a key factor had no agreed conclusion. Nothing for a draft.
 */
export function issueNotes(model: ReportModel): string[] {
  const { t } = model.i18n;
  const issue = model.snapshot.review.issue;
  if (!issue) return [];
  const notes: string[] = [];
  if (issue.version > 1 && issue.previousIssuedAt)
    notes.push(t("method.correctsVersion", { version: issue.version, date: model.i18n.date(issue.previousIssuedAt) }));
  if (issue.reason) notes.push(t("method.issuedWithoutConclusions", { reason: issue.reason }));
  return notes;
}
