import type { CycleProgress } from "./progress";
import type { ContextEffect, DocumentType, EvidenceKind, Horizon, ParticipantCategory, Phase, Polarity, Priority, Rating, ReviewKind } from "#db/enums";

/**
 * Everything the feedback report shows, read from the database once and handed to pure
 * builders (PDF definition, HTML preview). Plain JSON-safe data: dates are ISO strings, no
 * class instances, so the same snapshot can cross the loader boundary or be written to a file.
 *
 * Privacy by construction: interviewees are described by organisation and category only.
 * Participant names are never read into a snapshot, so no builder can print them; nor is the
 * "organisation" of a participant who is a person rather than an organisation (see
 * NAMES_AN_ORGANISATION).
 */
export type ReviewSnapshot = {
  review: {
    id: string;
    hostCity: string;
    country: string;
    kind: ReviewKind;
    phase: Phase;
    /** ISO timestamp, set once the lead expert issues the review. */
    issuedAt: string | null;
    /** YYYY-MM-DD */
    visitStart: string | null;
    visitEnd: string | null;
    reportLocale: "fr" | "en";
    /** The languages the report is issued in. */
    reportLocales: ("fr" | "en")[];
    /**
     * The issue this text belongs to: its version (2 and up correct an earlier issue), and the
     * lead's reason for issuing while a key factor had no agreed conclusion. Null for a draft.
     */
    issue: SnapshotIssue | null;
    /** IANA zone the review's dates are shown in (a timestamp's day is read there). */
    timeZone: string;
  };
  /** Builders look the benchmark text up with requireFramework(framework.id). */
  framework: { id: string; version: string };
  /** Members named on the cover: the lead expert and peer reviewers (and, for an internal self-assessment, the host team). */
  team: SnapshotMember[];
  selfAssessment: {
    submittedAt: string | null;
    factors: SnapshotSelfAssessedFactor[];
  };
  context: SnapshotContextNote[];
  documents: SnapshotDocument[];
  visit: SnapshotVisit;
  evidence: SnapshotFactorEvidence[];
  conclusions: SnapshotConclusion[];
  /** Ordered by factor, then by the position the team gave them. */
  recommendations: SnapshotRecommendation[];
  summary: { executiveSummary: string; crossCuttingConclusions: string };
  /**
   * The city's earlier cycles and the follow-up of the previous one's recommendations (absent in
   * older snapshots, null for a first review). Factor titles are looked up again in the report's language.
   */
  progress?: CycleProgress | null;
};

export type SnapshotIssue = {
  version: number;
  reason: string | null;
  /** ISO timestamp of the version this one corrects (version 2 and up). */
  previousIssuedAt: string | null;
};

export type SnapshotMember = {
  name: string;
  affiliation: string;
  role: "lead-expert" | "peer-reviewer" | "host-team";
};

export type SnapshotSelfAssessedFactor = {
  factorId: string;
  rating: Rating | null;
  summary: string;
  /** Non-empty answers only, in the framework's question order. */
  answers: { questionId: string; text: string }[];
};

export type SnapshotContextNote = {
  contextualFactorId: string;
  note: string;
  effect: ContextEffect | null;
};

export type SnapshotDocument = {
  id: string;
  title: string;
  type: DocumentType;
  /** YYYY-MM-DD */
  date: string | null;
  origin: "host-city" | "peer-team";
};

export type SnapshotVisit = {
  interviews: number;
  focusGroups: number;
  /** How many people were met, whatever the format. */
  peopleMet: number;
  /**
   * Distinct organisations met, sorted: from participants whose category names an organisation
   * only (organisationsMet), and not from interviews whose people asked not to be named.
   * Residents and private individuals are counted, never placed.
   */
  organisations: string[];
  /** People met per category, in the schema's category order; categories nobody was met from are left out. */
  categories: { category: ParticipantCategory; people: number }[];
};

/** One piece of evidence as the report may show it: the logged text and its anonymous attribution. */
export type SnapshotFinding = {
  id: string;
  kind: EvidenceKind;
  text: string;
  polarity: Polarity;
  /** Words the logger typed, e.g. "a social worker"; empty when they gave none or chose a category. */
  attribution: string;
  /** A default attribution: the speaker's category, worded in the report's language (absent in older snapshots). */
  attributionCategory?: ParticipantCategory | null;
  attributionRole?: string | null;
  /** The text's language when it is not the review's (absent in older snapshots: the review's). */
  language?: "fr" | "en" | null;
  /** For evidence drawn from a document: its title. */
  documentTitle: string | null;
};

export type SnapshotFactorEvidence = {
  factorId: string;
  /** Every non-deleted item tagged to the factor. */
  total: number;
  supports: number;
  mixed: number;
  contradicts: number;
  /** Items the factor's conclusion cites. */
  cited: number;
  /**
   * Key findings: the first KEY_FINDINGS_PER_FACTOR items the conclusion cites. The full
   * log is not the report: the team's citations are its selection of what matters.
   */
  findings: SnapshotFinding[];
};

export type SnapshotConclusion = {
  factorId: string;
  rating: Rating | null;
  strengths: string;
  improvements: string;
  state: "draft" | "agreed";
};

export type SnapshotRecommendation = {
  id: string;
  factorId: string;
  text: string;
  priority: Priority;
  horizon: Horizon;
  responsibleService: string;
  /** Index into the factor's benchmark city examples, offered as inspiration. */
  exampleIndex: number | null;
};

/**
 * The snapshot without what is not agreed: draft conclusions, the recommendations of a factor
 * whose conclusion is not agreed, and the evidence such a conclusion cites. What an issued report
 * is built from, and all a reader who may not read drafts receives (see canReadDraftConclusions).
 */
export function withoutDrafts(snapshot: ReviewSnapshot): ReviewSnapshot {
  const agreed = new Set(snapshot.conclusions.filter((conclusion) => conclusion.state === "agreed").map((conclusion) => conclusion.factorId));
  return {
    ...snapshot,
    conclusions: snapshot.conclusions.filter((conclusion) => agreed.has(conclusion.factorId)),
    recommendations: snapshot.recommendations.filter((recommendation) => agreed.has(recommendation.factorId)),
    evidence: snapshot.evidence.map((entry) => (agreed.has(entry.factorId) ? entry : { ...entry, cited: 0, findings: [] })),
  };
}

/** How many cited items per factor the report quotes; the rest stay in the evidence log. */
export const KEY_FINDINGS_PER_FACTOR = 6;

/**
 * Whether a participant category is an organisation the report may name. Residents and other
 * private individuals are people: what the team types as their "organisation" is where they
 * live or who they are (a neighbourhood, a street, a family), which a consent note may rule out
 * ("sans mention du quartier précis"). The report counts them by category and never prints that
 * field. A Record, so a new category cannot be added without deciding.
 */
export const NAMES_AN_ORGANISATION: Record<ParticipantCategory, boolean> = {
  "city-official": true,
  "elected-official": true,
  ngo: true,
  "migrant-organisation": true,
  "service-provider": true,
  resident: false,
  other: false,
};

/** The organisations a report lists: distinct and sorted, from organisation categories only. */
export function organisationsMet(participants: { organisation: string; category: ParticipantCategory }[]): string[] {
  const names = participants.filter((p) => NAMES_AN_ORGANISATION[p.category]).map((p) => p.organisation.trim());
  return [...new Set(names.filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
