/**
 * The report's own words, in French and English. The report is a document the city keeps and
 * publishes, so its wording lives here beside its builders rather than in the app's UI
 * namespaces; benchmark texts (titles, statements, questions, rating labels) come from the
 * framework data. No i18next: a plain lookup keeps the builders pure and fast.
 */
export type ReportLocale = "fr" | "en";

const en = {
  kind: {
    "peer-review": "Peer review",
    "self-assessment": "Self-assessment",
  },
  title: {
    "peer-review": "Peer review feedback report",
    "self-assessment": "Self-assessment report",
  },
  cover: {
    against: "against the",
    version: "Version {{version}} · {{publisher}}, {{year}}",
    visit: "Peer review visit",
    visitNotSet: "Visit dates not set yet",
    submitted: "Self-assessment submitted",
    notSubmitted: "Self-assessment not submitted yet",
    issued: "Date of issue",
    draft: "Draft — not issued",
    draftNote:
      "This is a draft. Its content may still change until the lead expert issues the review; only the issued report is the team's final feedback.",
    peerTeam: "The peer review team",
    selfTeam: "The self-assessment team",
    noPeerTeam: "No peer reviewers are named on this review yet.",
    noSelfTeam: "No team members are named on this review yet.",
  },
  roles: {
    "lead-expert": "Lead expert",
    "peer-reviewer": "Peer reviewer",
    "host-team": "Host city team",
  },
  watermark: "DRAFT",
  header: "{{city}} · {{benchmark}}",
  footer: "Page {{page}} of {{pages}}",
  contents: "Contents",
  sections: {
    executiveSummary: "Executive summary",
    method: "Method",
    overview: "Overview of the key factors",
    factor: "Key factor {{number}}: {{title}}",
    plan: "Development plan",
    annexContext: "Annex A: The contextual factors",
    annexDocuments: "Annex B: Documents reviewed",
    annexBenchmark: "Annex C: The benchmark's key factors and guiding questions",
  },
  summary: {
    atAGlance: "At a glance",
    peerFigures:
      "{{city}} was reviewed against the {{count}} key factors of the {{benchmark}}. The peer review team agreed a conclusion on {{agreed}} of them; the city rated {{selfRated}} in its self-assessment.",
    peerFiguresDraft:
      "{{city}} is being reviewed against the {{count}} key factors of the {{benchmark}}. At this stage the peer review team has a conclusion on {{concluded}} of them ({{agreed}} agreed); the city rated {{selfRated}} in its self-assessment.",
    selfFigures:
      "{{city}} assessed itself against the {{count}} key factors of the {{benchmark}} and rated {{selfRated}} of them.",
    distribution: "Peer ratings: {{inPlace}} in place, {{partly}} partly in place, {{notInPlace}} not in place.",
    selfDistribution: "Self-ratings: {{inPlace}} in place, {{partly}} partly in place, {{notInPlace}} not in place.",
    recommendations: "The development plan holds {{quickWins}} quick wins and {{longTerm}} long-term objectives.",
    fromTheTeam: "Summary by the lead expert",
    noExecutiveSummary: "No executive summary has been written yet.",
    crossCutting: "Cross-cutting conclusions",
    noCrossCutting: "No cross-cutting conclusions have been written yet.",
  },
  method: {
    peerIntro:
      "The review followed the peer review method of the benchmark: the city first assessed itself against each key factor, drawing on documentary sources; the peer review team then visited the city, held interviews and focus groups with city staff and stakeholders, recorded every piece of evidence, and drew its conclusions and recommendations from the documents and the interviews together.",
    selfIntro:
      "The city assessed itself against each key factor of the benchmark, answering its guiding questions and drawing on documentary sources. No peer review team took part: this report presents the city's own assessment.",
    selfAssessment: "The self-assessment",
    selfAssessmentFacts:
      "{{rated}} of {{factors}} key factors rated; {{answered}} of {{questions}} guiding questions answered.",
    submittedOn: "Submitted to the peer review team on {{date}}.",
    notSubmitted: "The self-assessment has not been submitted yet.",
    documents: "Documents reviewed",
    documentsFacts_one: "{{count}} document was reviewed ({{types}}); the list is in Annex B.",
    documentsFacts_other: "{{count}} documents were reviewed ({{types}}); the list is in Annex B.",
    noDocuments: "No documents were recorded for this review.",
    visit: "The visit: interviews and focus groups",
    visitDates: "The peer review team visited {{city}} {{dates}}.",
    visitDatesUnknown: "The dates of the visit have not been recorded.",
    visitFacts:
      "{{interviews}} and {{focusGroups}} were held, meeting {{people}}. Interviewees are not named in this report: quotes are attributed by role only.",
    interviews_one: "{{count}} interview",
    interviews_other: "{{count}} interviews",
    focusGroups_one: "{{count}} focus group",
    focusGroups_other: "{{count}} focus groups",
    people_one: "{{count}} person",
    people_other: "{{count}} people",
    noInterviews: "No interviews or focus groups have been recorded yet.",
    categoriesMet: "People met, by category",
    organisationsMet: "Organisations met",
    noOrganisations: "No organisations were recorded.",
    ratingScale: "The rating scale",
    ratingScaleIntro: "Each key factor is rated on the benchmark's scale, by the city in its self-assessment and by the peer review team in its conclusion:",
    ratingScaleIntroSelf: "Each key factor is rated on the benchmark's scale:",
  },
  overview: {
    intro: "The self-rating is the city's own; the peer rating is the peer review team's conclusion.",
    introSelf: "The ratings below are the city's own, from its self-assessment.",
    factor: "Key factor",
    self: "Self-assessment",
    peer: "Peer review",
    evidence: "Evidence items",
    chartTitle: "Self-rating and peer rating per key factor",
    chartTitleSelf: "Self-rating per key factor",
    differs: "differs",
    differsNote: "“differs”: the peer rating is not the city's self-rating.",
    draftMark: "draft",
    draftNote: "“draft”: the conclusion is not yet agreed by the lead expert.",
    noConclusion: "No conclusion yet",
    peerNotRated: "Not rated yet",
  },
  factor: {
    statement: "The key factor",
    selfAssessment: "The city's self-assessment",
    selfRating: "Self-rating",
    notRated: "The city has not rated this factor.",
    noSummary: "The city gave no summary for this factor.",
    answered: "The city answered {{answered}} of the {{questions}} guiding questions.",
    answers: "Answers to the guiding questions",
    noAnswers: "The city has not answered the guiding questions of this factor.",
    evidence: "Key findings",
    evidenceCounts_one:
      "{{count}} evidence item was logged for this factor — supporting it: {{supports}}, mixed: {{mixed}}, contradicting it: {{contradicts}}.",
    evidenceCounts_other:
      "{{count}} evidence items were logged for this factor — supporting it: {{supports}}, mixed: {{mixed}}, contradicting it: {{contradicts}}.",
    noEvidence: "No evidence has been logged for this factor.",
    noFindings: "No evidence items have been cited for this factor's conclusion yet.",
    moreCited_one: "The conclusion cites {{count}} more item, kept in the evidence log.",
    moreCited_other: "The conclusion cites {{count}} more items, kept in the evidence log.",
    conclusion: "The peer review team's conclusion",
    draftConclusion: "Draft conclusion — not yet agreed by the lead expert.",
    noConclusion: "No conclusion has been agreed for this factor yet.",
    peerRating: "Peer rating",
    notRatedByPeers: "The peer review team has not rated this factor yet.",
    differs: "The peer rating differs from the city's self-rating ({{self}}).",
    strengths: "Strengths",
    noStrengths: "No strengths have been recorded.",
    improvements: "Areas for improvement",
    noImprovements: "No areas for improvement have been recorded.",
    recommendations: "Recommendations",
    noRecommendations: "No recommendations have been made for this factor.",
    noAgreedRecommendations: "No recommendations have been agreed for this factor yet.",
    draftRecommendations: "Draft — the recommendations of this factor are not yet agreed.",
    inspiration: "Inspiration: {{city}}",
  },
  polarity: {
    supports: "Supports",
    mixed: "Mixed",
    contradicts: "Contradicts",
  },
  source: {
    document: "document",
    "interview-quote": "interview",
    "focus-group-note": "focus group",
    observation: "observation by the peer review team",
    data: "data",
  },
  plan: {
    intro:
      "All recommendations of the peer review team, as a development plan: quick wins first — results the team and the public can see in the short term — then long-term objectives. Within each, by priority.",
    quickWins: "Quick wins",
    longTerm: "Long-term objectives",
    noQuickWins: "No quick wins have been recommended.",
    noLongTerm: "No long-term objectives have been recommended.",
    none: "No recommendations have been agreed yet.",
    noneDraft: "No recommendations have been made yet.",
    ref: "Ref.",
    factor: "Key factor",
    recommendation: "Recommendation",
    priority: "Priority",
    service: "Suggested service",
    noService: "—",
    draft: "draft",
  },
  priority: { high: "High", medium: "Medium", low: "Low" },
  horizon: { "quick-win": "Quick win", "long-term": "Long term" },
  context: {
    intro:
      "Factors outside the municipality's control can affect its ability to meet the benchmark. For each of the benchmark's contextual factors, the host city described how it bears on its work, and whether it limits or helps.",
    none: "The host city has not described any of the contextual factors.",
    benchmark: "In the benchmark",
    implications: "What it covers",
    note: "The host city's note",
    noNote: "The host city has not described this factor.",
    effect: "Effect",
    noEffect: "Not stated",
  },
  effect: { limits: "Limits", neutral: "Neutral", helps: "Helps" },
  documents: {
    intro: "The documentary sources the review drew on.",
    title: "Title",
    type: "Type",
    date: "Date",
    origin: "Provided by",
    noDate: "Undated",
    none: "No documents were recorded for this review.",
  },
  documentType: {
    minutes: "Meeting minutes",
    "annual-report": "Annual report",
    "monitoring-data": "Monitoring data",
    "press-release": "Press release",
    strategy: "Strategy or policy document",
    other: "Other",
  },
  origin: { "host-city": "Host city", "peer-team": "Peer review team" },
  category: {
    "city-official": "City officials",
    "elected-official": "Elected officials",
    ngo: "NGOs",
    "migrant-organisation": "Migrant organisations",
    "service-provider": "Service providers",
    resident: "Residents",
    other: "Others",
  },
  benchmarkAnnex: {
    intro: "The {{benchmark}} (version {{version}}), {{publisher}}, {{year}}.",
    standard: "The standard",
    questions: "Guiding questions",
  },
  notRated: "Not rated",
  none: "none",
  listJoin: ", ",
  listLast: " and ",
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const fr: Shape<typeof en> = {
  kind: {
    "peer-review": "Examen par les pairs",
    "self-assessment": "Auto-évaluation",
  },
  title: {
    "peer-review": "Rapport de l'examen par les pairs",
    "self-assessment": "Rapport d'auto-évaluation",
  },
  cover: {
    against: "au regard des",
    version: "Version {{version}} · {{publisher}}, {{year}}",
    visit: "Visite des pairs",
    visitNotSet: "Dates de la visite pas encore fixées",
    submitted: "Auto-évaluation remise",
    notSubmitted: "Auto-évaluation pas encore remise",
    issued: "Date de publication",
    draft: "Projet — non publié",
    draftNote:
      "Ceci est un projet. Son contenu peut encore changer jusqu'à ce que l'expert principal publie l'examen ; seul le rapport publié constitue le retour définitif de l'équipe.",
    peerTeam: "L'équipe d'examen par les pairs",
    selfTeam: "L'équipe d'auto-évaluation",
    noPeerTeam: "Aucun pair n'est encore désigné pour cet examen.",
    noSelfTeam: "Aucun membre de l'équipe n'est encore désigné.",
  },
  roles: {
    "lead-expert": "Expert principal",
    "peer-reviewer": "Pair examinateur",
    "host-team": "Équipe de la ville d'accueil",
  },
  watermark: "PROJET",
  header: "{{city}} · {{benchmark}}",
  footer: "Page {{page}} sur {{pages}}",
  contents: "Sommaire",
  sections: {
    executiveSummary: "Synthèse",
    method: "Méthode",
    overview: "Vue d'ensemble des facteurs clés",
    factor: "Facteur clé {{number}} : {{title}}",
    plan: "Plan de développement",
    annexContext: "Annexe A : Les facteurs contextuels",
    annexDocuments: "Annexe B : Documents examinés",
    annexBenchmark: "Annexe C : Les facteurs clés et questions guides du point de référence",
  },
  summary: {
    atAGlance: "En bref",
    peerFigures:
      "{{city}} a été examinée au regard des {{count}} facteurs clés des {{benchmark}}. L'équipe d'examen par les pairs a arrêté une conclusion pour {{agreed}} d'entre eux ; la ville en a évalué {{selfRated}} dans son auto-évaluation.",
    peerFiguresDraft:
      "{{city}} est examinée au regard des {{count}} facteurs clés des {{benchmark}}. À ce stade, l'équipe d'examen par les pairs a une conclusion pour {{concluded}} d'entre eux ({{agreed}} arrêtées) ; la ville en a évalué {{selfRated}} dans son auto-évaluation.",
    selfFigures:
      "{{city}} s'est évaluée au regard des {{count}} facteurs clés des {{benchmark}} et en a évalué {{selfRated}}.",
    distribution:
      "Évaluation des pairs : {{inPlace}} en place, {{partly}} partiellement en place, {{notInPlace}} pas en place.",
    selfDistribution:
      "Auto-évaluation : {{inPlace}} en place, {{partly}} partiellement en place, {{notInPlace}} pas en place.",
    recommendations:
      "Le plan de développement comprend {{quickWins}} objectifs à bénéfices rapides et {{longTerm}} objectifs à long terme.",
    fromTheTeam: "Synthèse de l'expert principal",
    noExecutiveSummary: "Aucune synthèse n'a encore été rédigée.",
    crossCutting: "Conclusions transversales",
    noCrossCutting: "Aucune conclusion transversale n'a encore été rédigée.",
  },
  method: {
    peerIntro:
      "L'examen a suivi la méthode d'examen par les pairs du point de référence : la ville s'est d'abord évaluée au regard de chaque facteur clé en s'appuyant sur des sources documentaires ; l'équipe de pairs a ensuite visité la ville, mené des entretiens et des groupes de discussion avec des agents municipaux et des acteurs de terrain, enregistré chaque élément probant, puis formulé ses conclusions et recommandations en rassemblant les documents et les entretiens.",
    selfIntro:
      "La ville s'est évaluée au regard de chaque facteur clé du point de référence, en répondant à ses questions guides et en s'appuyant sur des sources documentaires. Aucune équipe de pairs n'y a pris part : ce rapport présente l'évaluation de la ville elle-même.",
    selfAssessment: "L'auto-évaluation",
    selfAssessmentFacts:
      "{{rated}} facteurs clés évalués sur {{factors}} ; {{answered}} questions guides renseignées sur {{questions}}.",
    submittedOn: "Remise à l'équipe de pairs le {{date}}.",
    notSubmitted: "L'auto-évaluation n'a pas encore été remise.",
    documents: "Documents examinés",
    documentsFacts_one: "{{count}} document a été examiné ({{types}}) ; la liste figure à l'annexe B.",
    documentsFacts_other: "{{count}} documents ont été examinés ({{types}}) ; la liste figure à l'annexe B.",
    noDocuments: "Aucun document n'a été enregistré pour cet examen.",
    visit: "La visite : entretiens et groupes de discussion",
    visitDates: "L'équipe de pairs a visité {{city}} {{dates}}.",
    visitDatesUnknown: "Les dates de la visite n'ont pas été enregistrées.",
    visitFacts:
      "{{interviews}} et {{focusGroups}} ont été menés, auprès de {{people}}. Les personnes interrogées ne sont pas nommées dans ce rapport : les citations sont attribuées par fonction uniquement.",
    interviews_one: "{{count}} entretien",
    interviews_other: "{{count}} entretiens",
    focusGroups_one: "{{count}} groupe de discussion",
    focusGroups_other: "{{count}} groupes de discussion",
    people_one: "{{count}} personne",
    people_other: "{{count}} personnes",
    noInterviews: "Aucun entretien ni groupe de discussion n'a encore été enregistré.",
    categoriesMet: "Personnes rencontrées, par catégorie",
    organisationsMet: "Organisations rencontrées",
    noOrganisations: "Aucune organisation n'a été enregistrée.",
    ratingScale: "L'échelle d'évaluation",
    ratingScaleIntro:
      "Chaque facteur clé est évalué sur l'échelle du point de référence, par la ville dans son auto-évaluation et par l'équipe de pairs dans sa conclusion :",
    ratingScaleIntroSelf: "Chaque facteur clé est évalué sur l'échelle du point de référence :",
  },
  overview: {
    intro: "L'auto-évaluation est celle de la ville ; l'évaluation des pairs est la conclusion de l'équipe d'examen.",
    introSelf: "Les évaluations ci-dessous sont celles de la ville, tirées de son auto-évaluation.",
    factor: "Facteur clé",
    self: "Auto-évaluation",
    peer: "Examen par les pairs",
    evidence: "Éléments probants",
    chartTitle: "Auto-évaluation et évaluation des pairs par facteur clé",
    chartTitleSelf: "Auto-évaluation par facteur clé",
    differs: "diffère",
    differsNote: "« diffère » : l'évaluation des pairs n'est pas celle de l'auto-évaluation de la ville.",
    draftMark: "projet",
    draftNote: "« projet » : la conclusion n'est pas encore arrêtée par l'expert principal.",
    noConclusion: "Pas encore de conclusion",
    peerNotRated: "Pas encore évalué",
  },
  factor: {
    statement: "Le facteur clé",
    selfAssessment: "L'auto-évaluation de la ville",
    selfRating: "Auto-évaluation",
    notRated: "La ville n'a pas évalué ce facteur.",
    noSummary: "La ville n'a pas donné de résumé pour ce facteur.",
    answered: "La ville a répondu à {{answered}} des {{questions}} questions guides.",
    answers: "Réponses aux questions guides",
    noAnswers: "La ville n'a pas répondu aux questions guides de ce facteur.",
    evidence: "Principaux constats",
    evidenceCounts_one:
      "{{count}} élément probant a été enregistré pour ce facteur — qui le confirment : {{supports}}, nuancés : {{mixed}}, qui le contredisent : {{contradicts}}.",
    evidenceCounts_other:
      "{{count}} éléments probants ont été enregistrés pour ce facteur — qui le confirment : {{supports}}, nuancés : {{mixed}}, qui le contredisent : {{contradicts}}.",
    noEvidence: "Aucun élément probant n'a été enregistré pour ce facteur.",
    noFindings: "Aucun élément probant n'est encore cité dans la conclusion de ce facteur.",
    moreCited_one: "La conclusion cite encore {{count}} élément, conservé dans le journal des éléments probants.",
    moreCited_other: "La conclusion cite encore {{count}} éléments, conservés dans le journal des éléments probants.",
    conclusion: "La conclusion de l'équipe de pairs",
    draftConclusion: "Projet de conclusion — pas encore arrêté par l'expert principal.",
    noConclusion: "Aucune conclusion n'a encore été arrêtée pour ce facteur.",
    peerRating: "Évaluation des pairs",
    notRatedByPeers: "L'équipe de pairs n'a pas encore évalué ce facteur.",
    differs: "L'évaluation des pairs diffère de l'auto-évaluation de la ville ({{self}}).",
    strengths: "Points forts",
    noStrengths: "Aucun point fort n'a été enregistré.",
    improvements: "Axes d'amélioration",
    noImprovements: "Aucun axe d'amélioration n'a été enregistré.",
    recommendations: "Recommandations",
    noRecommendations: "Aucune recommandation n'a été formulée pour ce facteur.",
    noAgreedRecommendations: "Aucune recommandation n'a encore été arrêtée pour ce facteur.",
    draftRecommendations: "Projet — les recommandations de ce facteur ne sont pas encore arrêtées.",
    inspiration: "Source d'inspiration : {{city}}",
  },
  polarity: {
    supports: "Confirme",
    mixed: "Nuancé",
    contradicts: "Contredit",
  },
  source: {
    document: "document",
    "interview-quote": "entretien",
    "focus-group-note": "groupe de discussion",
    observation: "observation de l'équipe de pairs",
    data: "données",
  },
  plan: {
    intro:
      "Toutes les recommandations de l'équipe de pairs, sous forme de plan de développement : d'abord les objectifs à bénéfices rapides — des résultats visibles à court terme pour l'équipe et le public —, puis les objectifs à long terme. Dans chaque groupe, par priorité.",
    quickWins: "Objectifs à bénéfices rapides",
    longTerm: "Objectifs à long terme",
    noQuickWins: "Aucun objectif à bénéfices rapides n'a été recommandé.",
    noLongTerm: "Aucun objectif à long terme n'a été recommandé.",
    none: "Aucune recommandation n'a encore été arrêtée.",
    noneDraft: "Aucune recommandation n'a encore été formulée.",
    ref: "Réf.",
    factor: "Facteur clé",
    recommendation: "Recommandation",
    priority: "Priorité",
    service: "Service suggéré",
    noService: "—",
    draft: "projet",
  },
  priority: { high: "Haute", medium: "Moyenne", low: "Basse" },
  horizon: { "quick-win": "Bénéfice rapide", "long-term": "Long terme" },
  context: {
    intro:
      "Des facteurs hors du contrôle de la municipalité peuvent peser sur sa capacité à atteindre le point de référence. Pour chacun des facteurs contextuels du point de référence, la ville d'accueil a décrit son influence sur son action, et s'il la limite ou la favorise.",
    none: "La ville d'accueil n'a décrit aucun des facteurs contextuels.",
    benchmark: "Dans le point de référence",
    implications: "Ce qu'il recouvre",
    note: "La note de la ville d'accueil",
    noNote: "La ville d'accueil n'a pas décrit ce facteur.",
    effect: "Effet",
    noEffect: "Non précisé",
  },
  effect: { limits: "Limite", neutral: "Neutre", helps: "Favorise" },
  documents: {
    intro: "Les sources documentaires sur lesquelles l'examen s'est appuyé.",
    title: "Titre",
    type: "Type",
    date: "Date",
    origin: "Fourni par",
    noDate: "Non daté",
    none: "Aucun document n'a été enregistré pour cet examen.",
  },
  documentType: {
    minutes: "Procès-verbal de réunion",
    "annual-report": "Rapport annuel",
    "monitoring-data": "Données de suivi",
    "press-release": "Communiqué de presse",
    strategy: "Document de stratégie ou de politique",
    other: "Autre",
  },
  origin: { "host-city": "Ville d'accueil", "peer-team": "Équipe de pairs" },
  category: {
    "city-official": "Agents municipaux",
    "elected-official": "Élus",
    ngo: "ONG",
    "migrant-organisation": "Organisations de migrants",
    "service-provider": "Prestataires de services",
    resident: "Habitants",
    other: "Autres",
  },
  benchmarkAnnex: {
    intro: "{{benchmark}} (version {{version}}), {{publisher}}, {{year}}.",
    standard: "La norme",
    questions: "Questions guides",
  },
  notRated: "Non évalué par la ville",
  none: "aucun",
  listJoin: ", ",
  listLast: " et ",
};

const DICTIONARIES: Record<ReportLocale, Shape<typeof en>> = { en, fr };

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type PluralBase<K> = K extends `${infer B}_one` ? B : never;
export type ReportKey = Leaves<typeof en> | PluralBase<Leaves<typeof en>>;

export type ReportI18n = {
  locale: ReportLocale;
  /** `count` picks the `_one`/`_other` form when the key has them. */
  t: (key: ReportKey, params?: Record<string, string | number>) => string;
  /** "16 March 2026" / "16 mars 2026", from a YYYY-MM-DD date or an ISO timestamp, in UTC so every machine agrees. */
  date: (value: string) => string;
  /** "from 16 to 18 March 2026" style ranges for the visit, to use in a sentence. */
  dateRange: (start: string, end: string | null) => string;
  /** "16–18 March 2026": the same range on its own, e.g. on the cover. */
  dateSpan: (start: string, end: string | null) => string;
  /** "a, b and c" */
  list: (items: string[]) => string;
};

function lookup(dictionary: unknown, key: string): string | undefined {
  let node: unknown = dictionary;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

// Roboto, the embedded font, has no narrow no-break space, which Intl uses in French.
const NARROW_NBSP = /\u202f/g;

const dateFormats = new Map<ReportLocale, Intl.DateTimeFormat>();
function dateFormat(locale: ReportLocale) {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

function toDate(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

export function createReportI18n(locale: ReportLocale): ReportI18n {
  const dictionary = DICTIONARIES[locale];
  const t: ReportI18n["t"] = (key, params = {}) => {
    const count = params.count;
    const plural = typeof count === "number" ? lookup(dictionary, `${key}_${count === 1 ? "one" : "other"}`) : undefined;
    const template = plural ?? lookup(dictionary, key);
    if (template === undefined) throw new Error(`Missing report text "${key}" (${locale})`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
  };
  const date = (value: string) => dateFormat(locale).format(toDate(value)).replace(NARROW_NBSP, "\u00a0");
  const dateSpan = (start: string, end: string | null) =>
    !end || end === start
      ? date(start)
      : dateFormat(locale)
          .formatRange(toDate(start), toDate(end))
          .replace(NARROW_NBSP, "\u00a0")
          // "16–18 March", closed up between day numbers as in French; spaced between words.
          .replace(/(\d)\s–\s(\d)/, "$1–$2");
  const dateRange = (start: string, end: string | null) => {
    if (!end || end === start) return locale === "fr" ? `le ${date(start)}` : `on ${date(start)}`;
    const range = dateFormat(locale)
      .formatRange(toDate(start), toDate(end))
      .replace(NARROW_NBSP, "\u00a0");
    return locale === "fr" ? `du ${range.replace(/\s–\s|–/, " au ")}` : `from ${range.replace(/\s–\s|–/, " to ")}`;
  };
  const list = (items: string[]) => {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(t("listJoin"))}${t("listLast")}${items[items.length - 1]}`;
  };
  return { locale, t, date, dateRange, dateSpan, list };
}
