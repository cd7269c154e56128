import { requireFramework } from "#benchmark/index";
import type { ReviewSnapshot, SnapshotFinding } from "#reports/snapshot";

/*
 * Deterministic snapshots for the report builders: a complete peer review, the same review
 * with every piece missing, and an internal self-assessment. Fictional city, fixed dates.
 */

export const FRAMEWORK_ID = "eurocities-anti-discrimination";
const framework = requireFramework(FRAMEWORK_ID);
export const FACTOR_IDS = framework.keyFactors.filter((kf) => !kf.retired).map((kf) => kf.id);

export const FIXTURE_ISSUED_AT = "2026-05-04T10:30:00.000Z";

/** Names that exist only in interview records: they must never reach a report. */
export const INTERVIEWEE_NAMES = ["Rachida Benali", "Jean-Baptiste Morel"];

function finding(n: number, factorNumber: number, overrides: Partial<SnapshotFinding> = {}): SnapshotFinding {
  return {
    id: `ev-${factorNumber}-${n}`,
    kind: "interview-quote",
    text: `Quote ${n} on factor ${factorNumber}: « les agents d'accueil sont formés, mais pas les vacataires ».`,
    polarity: (["supports", "mixed", "contradicts"] as const)[n % 3]!,
    attribution: n % 2 === 0 ? "a representative of a migrant organisation" : "a city official",
    documentTitle: null,
    ...overrides,
  };
}

export function fullSnapshot(): ReviewSnapshot {
  return {
    review: {
      id: "fixture",
      hostCity: "Castelbrune",
      country: "France",
      kind: "peer-review",
      phase: "factual-check",
      issuedAt: null,
      visitStart: "2026-03-16",
      visitEnd: "2026-03-18",
      reportLocale: "fr",
      reportLocales: ["fr", "en"],
      issue: null,
      timeZone: "Europe/Brussels",
    },
    framework: { id: FRAMEWORK_ID, version: framework.version },
    team: [
      { name: "Lena Marchetti", affiliation: "MigrationWork associate, Bologna", role: "lead-expert" },
      { name: "Piet de Vries", affiliation: "City of Nordhaven", role: "peer-reviewer" },
      { name: "Samira Haddad", affiliation: "Eastport Equality Network (NGO)", role: "peer-reviewer" },
      { name: "Hélène Rousseau", affiliation: "Ville de Castelbrune", role: "host-team" },
    ],
    selfAssessment: {
      submittedAt: "2026-03-02T09:00:00.000Z",
      factors: FACTOR_IDS.map((factorId, i) => ({
        factorId,
        rating: i === 10 ? null : (["in-place", "partly-in-place", "not-in-place"] as const)[i % 3]!,
        summary: i === 9 ? "" : `Résumé de la ville pour le facteur ${i + 1} : la politique d'égalité s'appuie sur un réseau d'œuvres associatives.`,
        answers: framework.keyFactors[i]!.guidingQuestions.slice(0, 2).map((q) => ({ questionId: q.id, text: `Réponse à ${q.id}.` })),
      })),
    },
    context: framework.contextualFactors.slice(0, 6).map((cf, i) => ({
      contextualFactorId: cf.id,
      note: `Note de Castelbrune sur ${cf.id} : contexte local « particulier ».`,
      effect: (["limits", "neutral", "helps"] as const)[i % 3]!,
    })),
    documents: [
      { id: "doc-2", title: "Plan municipal de lutte contre les discriminations 2024–2028", type: "strategy", date: "2024-01-15", origin: "host-city" },
      { id: "doc-1", title: "Rapport annuel de la mission égalité", type: "annual-report", date: "2025-06-30", origin: "host-city" },
      { id: "doc-3", title: "Notes de terrain de l'équipe", type: "other", date: null, origin: "peer-team" },
    ],
    visit: {
      interviews: 9,
      focusGroups: 3,
      peopleMet: 31,
      organisations: ["Association Accueil Sans Frontières", "Mission égalité", "Pôle emploi Castelbrune"],
      categories: [
        { category: "city-official", people: 12 },
        { category: "ngo", people: 8 },
        { category: "migrant-organisation", people: 6 },
        { category: "resident", people: 5 },
      ],
    },
    evidence: FACTOR_IDS.map((factorId, i) => ({
      factorId,
      total: i === 8 ? 0 : 20 + i,
      supports: i === 8 ? 0 : 10,
      mixed: i === 8 ? 0 : 6,
      contradicts: i === 8 ? 0 : 4 + i,
      cited: i === 8 ? 0 : 8,
      findings:
        i === 8
          ? []
          : [
              ...Array.from({ length: 5 }, (_, n) => finding(n, i + 1)),
              finding(5, i + 1, {
                kind: "document",
                text: "Le plan prévoit un budget dédié.",
                attribution: "",
                documentTitle: "Plan municipal de lutte contre les discriminations 2024–2028",
              }),
            ],
    })),
    conclusions: FACTOR_IDS.slice(0, 10).map((factorId, i) => ({
      factorId,
      rating: (["partly-in-place", "partly-in-place", "in-place"] as const)[i % 3]!,
      strengths: `Points forts du facteur ${i + 1} : engagement visible des élus.`,
      improvements: i === 4 ? "" : `Axes d'amélioration du facteur ${i + 1} : suivi des plaintes.\n\n- former les vacataires\n- publier les données`,
      state: i < 7 ? "agreed" : "draft",
    })),
    recommendations: FACTOR_IDS.slice(0, 10).flatMap((factorId, i) => [
      {
        id: `rec-${i + 1}-a`,
        factorId,
        text: `Recommandation rapide ${i + 1} : nommer un référent égalité dans chaque service.`,
        priority: (["high", "medium", "low"] as const)[i % 3]!,
        horizon: "quick-win" as const,
        responsibleService: "Mission égalité",
        exampleIndex: 0,
      },
      {
        id: `rec-${i + 1}-b`,
        factorId,
        text: `Objectif à long terme ${i + 1} : intégrer des clauses anti-discrimination dans les marchés publics.`,
        priority: "medium" as const,
        horizon: "long-term" as const,
        responsibleService: "",
        exampleIndex: null,
      },
    ]),
    summary: {
      executiveSummary: "Castelbrune a posé des bases solides.\n\nLe défi principal est la mise en œuvre dans les services.",
      crossCuttingConclusions: "La coordination entre services reste le fil rouge des constats.",
    },
  };
}

/** A review where nothing has been done yet: no ratings, notes, evidence, conclusions or documents. */
export function emptySnapshot(): ReviewSnapshot {
  const full = fullSnapshot();
  return {
    ...full,
    review: { ...full.review, phase: "self-assessment", visitStart: null, visitEnd: null },
    team: [],
    selfAssessment: { submittedAt: null, factors: [] },
    context: [],
    documents: [],
    visit: { interviews: 0, focusGroups: 0, peopleMet: 0, organisations: [], categories: [] },
    evidence: [],
    conclusions: [],
    recommendations: [],
    summary: { executiveSummary: "", crossCuttingConclusions: "" },
  };
}

/** An internal self-assessment: the city alone, no peers. */
export function selfAssessmentSnapshot(): ReviewSnapshot {
  const full = fullSnapshot();
  return {
    ...full,
    review: { ...full.review, kind: "self-assessment", phase: "self-assessment", visitStart: null, visitEnd: null },
    visit: { interviews: 0, focusGroups: 0, peopleMet: 0, organisations: [], categories: [] },
    evidence: [],
    conclusions: [],
    recommendations: [],
    summary: { executiveSummary: "", crossCuttingConclusions: "" },
  };
}
