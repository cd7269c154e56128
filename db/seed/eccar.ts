import type { AsyncDb } from "../async-db";
import type { Rating } from "../enums";
import { auditLog, cityActions, cityActionYears, reviewMembers, reviews, selfAssessmentAnswers, selfAssessmentFactors } from "../schema";
import { at, DEMO_ACCOUNTS, DEMO_CITY_ID } from "./accounts";
import { insertRows } from "./insert-rows";
import { demoPartnerOf } from "./plan";

/*
 * Belleforge's second review: its self-assessment against ECCAR's 10-point plan of action (the
 * city joined the coalition in 2019, as its EUROCITIES self-assessment says), with the actions it
 * runs under nine of the ten commitments, in every status of the implementation scale, and what
 * they achieved in 2025 and 2026 (one action ended in 2025, so 2026 does not list it). Commitment 9 (cultural diversity) has no action yet, so the
 * annual report shows a commitment without one. Same team as the EUROCITIES review, so every
 * demo account sees it; fictional city, people and figures, written in French.
 */

export const DEMO_ECCAR_REVIEW_ID = "demo-eccar";

const HOST = "demo-host";
const DAY = 24 * 60;

type SeedAction = {
  id: string;
  factorId: string;
  title: string;
  description: string;
  responsibleService: string;
  partners: string;
  startYear: number;
  endYear?: number;
  budget?: string;
  status: string;
  indicators: string;
  years: { year: number; status: string; results: string }[];
};

export const DEMO_ECCAR_ACTIONS: SeedAction[] = [
  {
    id: "demo-eccar-action-01",
    factorId: "c-01",
    title: "Observatoire local des discriminations",
    description:
      "Un comité réunit chaque trimestre associations, police municipale, parquet, bailleurs et conseil des jeunes pour faire le point sur les actes racistes signalés dans la ville et décider des suites.",
    responsibleService: "Mission égalité-diversité",
    partners: "Ligue des droits de l'homme (section de Belleforge), police municipale, parquet de Belleforge, conseil des jeunes",
    startYear: 2021,
    budget: "12 000 € par an",
    status: "embedded-in-policy",
    indicators: "- Nombre de réunions tenues\n- Nombre de signalements examinés\n- Délai moyen de réponse de la ville",
    years: [
      { year: 2025, status: "embedded-in-policy", results: "4 réunions ; 57 signalements examinés ; délai moyen de réponse ramené de 41 à 23 jours." },
      {
        year: 2026,
        status: "embedded-in-policy",
        results: "4 réunions ; 63 signalements examinés, dont 9 transmis au parquet. Le comité est inscrit au règlement intérieur du conseil municipal.",
      },
    ],
  },
  {
    id: "demo-eccar-action-02",
    factorId: "c-01",
    title: "Plateforme de signalement en ligne",
    description:
      "Un formulaire en ligne, en cinq langues, permet de signaler un acte ou un propos raciste ; les associations partenaires peuvent signaler au nom d'une victime.",
    responsibleService: "Direction du numérique",
    partners: "Collectif des associations de migrants de Belleforge",
    startYear: 2026,
    status: "in-progress",
    indicators: "Nombre de signalements reçus par la plateforme ; part transmise par les associations",
    years: [
      {
        year: 2026,
        status: "in-progress",
        results: "Plateforme ouverte en septembre 2026 ; 31 signalements reçus à fin novembre, dont 12 par les associations.",
      },
    ],
  },
  {
    id: "demo-eccar-action-03",
    factorId: "c-02",
    title: "Testing des services municipaux d'accueil",
    description:
      "Des tests de situation, menés par un laboratoire universitaire, mesurent les différences de traitement à l'accueil des services municipaux selon l'origine supposée.",
    responsibleService: "Direction générale des services",
    partners: "Laboratoire de sociologie de l'université de Belleforge",
    startYear: 2025,
    endYear: 2026,
    budget: "35 000 €",
    status: "implemented",
    indicators: "Écart de taux de réponse entre profils testés, par service",
    years: [
      { year: 2025, status: "in-progress", results: "Protocole établi avec le laboratoire ; 240 tests menés au guichet et par courriel." },
      {
        year: 2026,
        status: "implemented",
        results: "Rapport publié en mars 2026 : écart de 7 points aux demandes de rendez-vous par courriel, aucun écart significatif au guichet.",
      },
    ],
  },
  {
    id: "demo-eccar-action-04",
    factorId: "c-03",
    title: "Permanences juridiques pour les victimes",
    description:
      "Deux permanences gratuites par mois dans les maisons de quartier, tenues par des juristes d'association, pour aider les victimes de discrimination à faire valoir leurs droits.",
    responsibleService: "Direction de la cohésion sociale",
    partners: "Association d'aide aux victimes de Belleforge, barreau de Belleforge",
    startYear: 2022,
    budget: "18 500 € par an",
    status: "implemented",
    indicators: "Nombre de personnes reçues ; nombre de dossiers portés devant le Défenseur des droits",
    years: [
      { year: 2025, status: "implemented", results: "112 personnes reçues ; 14 dossiers portés devant le Défenseur des droits." },
      { year: 2026, status: "implemented", results: "126 personnes reçues ; 17 dossiers portés devant le Défenseur des droits, 5 médiations réussies." },
    ],
  },
  {
    id: "demo-eccar-action-05",
    factorId: "c-04",
    title: "Guide des droits en langues étrangères",
    description: "Le guide « Vos droits à Belleforge » est traduit et diffusé dans les mairies de quartier, les centres sociaux et en ligne.",
    responsibleService: "Direction de la communication",
    partners: "Centres sociaux, bibliothèques municipales",
    startYear: 2024,
    status: "implemented",
    indicators: "Nombre de langues ; nombre d'exemplaires diffusés ; consultations en ligne",
    years: [{ year: 2026, status: "implemented", results: "Guide disponible en 8 langues ; 4 200 exemplaires diffusés ; 9 800 consultations en ligne." }],
  },
  {
    id: "demo-eccar-action-06",
    factorId: "c-05",
    title: "Clause de non-discrimination dans les marchés publics",
    description: "Une clause engageant les titulaires de marchés municipaux à respecter l'égalité de traitement, avec un contrôle par échantillon.",
    responsibleService: "Direction de la commande publique",
    partners: "",
    startYear: 2026,
    status: "planned",
    indicators: "Part des marchés comportant la clause ; nombre de contrôles menés",
    years: [{ year: 2026, status: "planned", results: "Clause rédigée avec le service juridique ; elle entrera dans les marchés lancés à partir de 2027." }],
  },
  {
    id: "demo-eccar-action-07",
    factorId: "c-05",
    title: "Charte de la diversité pour les associations subventionnées",
    description: "Les conventions d'objectifs signées avec les associations subventionnées renvoient à la déclaration de Belleforge pour l'égalité.",
    responsibleService: "Direction de la vie associative",
    partners: "Associations subventionnées",
    startYear: 2023,
    endYear: 2025,
    status: "implemented",
    indicators: "Nombre de conventions signées avec la charte",
    years: [{ year: 2025, status: "implemented", results: "Toutes les 148 conventions renouvelées comportent la charte." }],
  },
  {
    id: "demo-eccar-action-08",
    factorId: "c-06",
    title: "Audit des procédures de recrutement municipal",
    description: "Revue des fiches de poste, des jurys et des épreuves pour repérer les critères qui écartent sans raison les candidats d'origine étrangère.",
    responsibleService: "Direction des ressources humaines",
    partners: "Centre de gestion de la fonction publique territoriale",
    startYear: 2026,
    status: "in-progress",
    indicators: "Nombre de procédures auditées ; part des jurys formés",
    years: [{ year: 2026, status: "in-progress", results: "18 procédures auditées sur 40 ; 60 % des jurys formés aux biais de recrutement." }],
  },
  {
    id: "demo-eccar-action-09",
    factorId: "c-07",
    title: "Suivi des attributions de logements sociaux",
    description: "La commission d'attribution publie chaque année les attributions par quartier et par nationalité des demandeurs, pour repérer les écarts.",
    responsibleService: "Direction de l'habitat",
    partners: "Office public de l'habitat de Belleforge, bailleurs sociaux",
    startYear: 2026,
    status: "planned",
    indicators: "Délai moyen d'attribution par nationalité des demandeurs",
    years: [{ year: 2026, status: "planned", results: "Méthode arrêtée avec l'office public de l'habitat ; premières données attendues pour 2027." }],
  },
  {
    id: "demo-eccar-action-10",
    factorId: "c-08",
    title: "Semaine de l'égalité dans les écoles",
    description: "Chaque mois de mars, ateliers dans les écoles élémentaires sur le racisme et les préjugés, animés par des associations.",
    responsibleService: "Direction de l'éducation",
    partners: "Éducation nationale (circonscription de Belleforge), associations d'éducation populaire",
    startYear: 2020,
    budget: "8 000 € par an",
    status: "embedded-in-policy",
    indicators: "Nombre d'écoles et d'élèves touchés",
    years: [
      { year: 2025, status: "embedded-in-policy", results: "21 écoles, 2 300 élèves." },
      { year: 2026, status: "embedded-in-policy", results: "24 écoles, 2 650 élèves ; un livret pour les familles en trois langues." },
    ],
  },
  {
    id: "demo-eccar-action-11",
    factorId: "c-10",
    title: "Médiation de quartier après les incidents",
    description: "Une équipe de médiateurs intervient après un incident à caractère raciste dans un quartier, avec les habitants et les associations.",
    responsibleService: "Direction de la prévention et de la tranquillité publique",
    partners: "Association de médiation sociale de Belleforge",
    startYear: 2026,
    status: "not-started",
    indicators: "Nombre d'interventions ; délai d'intervention après l'incident",
    years: [{ year: 2026, status: "not-started", results: "Recrutement des deux médiateurs en cours ; démarrage prévu en janvier 2027." }],
  },
];

/** The account the city gives against some of the plan's example actions. */
const ACCOUNTS: { questionId: string; text: string }[] = [
  {
    questionId: "c-01-a1",
    text: "L'observatoire local des discriminations, créé en 2021, est ce mécanisme de consultation : il réunit chaque trimestre associations, police, justice et jeunes.",
  },
  {
    questionId: "c-01-a2",
    text: "La plateforme de signalement en ligne, ouverte en 2026 avec le collectif des associations de migrants, sert de système d'alerte.",
  },
  { questionId: "c-02-a1", text: "Le testing de 2025-2026 a donné la première mesure des différences de traitement dans les services municipaux." },
  { questionId: "c-03-a1", text: "Les permanences juridiques des maisons de quartier orientent et accompagnent les victimes." },
  { questionId: "c-08-a1", text: "La Semaine de l'égalité touche chaque année les écoles élémentaires de la ville." },
];

const RATINGS: { factorId: string; rating: Rating; summary: string }[] = [
  { factorId: "c-01", rating: "embedded-in-policy", summary: "L'observatoire est devenu une instance permanente de la ville." },
  { factorId: "c-02", rating: "implemented", summary: "Une première mesure a été faite ; la collecte régulière de données reste à organiser." },
  { factorId: "c-09", rating: "not-started", summary: "Rien n'est encore engagé au titre de la diversité culturelle." },
];

export async function seedEccarReview(db: AsyncDb) {
  const review = {
    id: DEMO_ECCAR_REVIEW_ID,
    cityId: DEMO_CITY_ID,
    hostCity: "Belleforge",
    country: "France",
    frameworkId: "eccar-10-point-plan",
    frameworkVersion: "2004.1",
    kind: "self-assessment" as const,
    phase: "self-assessment" as const,
    reportLocale: "fr" as const,
    timeZone: "Europe/Paris",
    coordinatingEntity: "Mission égalité-diversité, direction générale des services de la Ville de Belleforge",
    createdBy: "demo-admin",
    createdAt: at(2 * DAY),
  };
  await db.insert(reviews).values(review).run();
  const audit: (typeof auditLog.$inferInsert)[] = [
    {
      reviewId: review.id,
      userId: review.createdBy,
      action: "create",
      entity: "review",
      entityId: review.id,
      after: { hostCity: review.hostCity, kind: review.kind },
      at: review.createdAt,
    },
  ];
  for (const account of DEMO_ACCOUNTS) {
    if (!account.role) continue;
    await db
      .insert(reviewMembers)
      .values({
        reviewId: review.id,
        userId: account.id,
        role: account.role,
        affiliation: account.organisation,
        partnerId: demoPartnerOf(account),
        createdAt: at(2 * DAY + 1),
      })
      .run();
    audit.push({
      reviewId: review.id,
      userId: review.createdBy,
      action: "add",
      entity: "member",
      entityId: account.id,
      after: { role: account.role },
      at: at(2 * DAY + 1),
    });
  }
  for (const [index, action] of DEMO_ECCAR_ACTIONS.entries()) {
    const when = at(3 * DAY + index * 30);
    const { years, ...fields } = action;
    const position = DEMO_ECCAR_ACTIONS.slice(0, index).filter((other) => other.factorId === action.factorId).length + 1;
    await db
      .insert(cityActions)
      .values({
        ...fields,
        reviewId: review.id,
        endYear: action.endYear ?? null,
        budget: action.budget ?? "",
        position,
        createdBy: HOST,
        createdAt: when,
        updatedBy: HOST,
        updatedAt: when,
      })
      .run();
    audit.push({
      reviewId: review.id,
      userId: HOST,
      action: "create",
      entity: "city-action",
      entityId: action.id,
      after: { factorId: action.factorId, title: action.title },
      at: when,
    });
    for (const year of years) {
      await db
        .insert(cityActionYears)
        .values({ actionId: action.id, ...year, updatedBy: HOST, updatedAt: at(3 * DAY + index * 30 + 10) })
        .run();
    }
  }
  for (const [index, account] of ACCOUNTS.entries()) {
    await db
      .insert(selfAssessmentAnswers)
      .values({
        reviewId: review.id,
        factorId: account.questionId.split("-").slice(0, 2).join("-"),
        questionId: account.questionId,
        text: account.text,
        updatedBy: HOST,
        updatedAt: at(4 * DAY + index * 10),
      })
      .run();
  }
  for (const rating of RATINGS) {
    await db
      .insert(selfAssessmentFactors)
      .values({ reviewId: review.id, factorId: rating.factorId, rating: rating.rating, summary: rating.summary, updatedBy: HOST, updatedAt: at(4 * DAY + 60) })
      .run();
  }
  await insertRows(db, auditLog, audit);
}
