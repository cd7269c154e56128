import type { AsyncDb } from "../async-db";
import type { ContextEffect, DocumentType, Rating } from "../enums";
import { contextNotes, documentLinks, documents, selfAssessmentAnswers, selfAssessmentFactors } from "../schema";
import { at, DEMO_REVIEW_ID } from "./accounts";

/*
 * Belleforge's self-assessment, as its team had written it a week before submitting: most
 * questions of factors 1 to 8 answered (some left open, so "what is missing" has lines), eight
 * factors rated, six documents (links only, no uploaded file), five of seven contextual factors
 * described. Not submitted yet. Fictional city, people and documents; written in French, the
 * city's language.
 */

const HOST = "demo-host";
const DAY = 24 * 60;
// Written over the two weeks between the review's creation (at(0)) and the visit; the older
// the entry (more days before the visit), the earlier its day.
const written = (daysBefore: number, minute = 0) => at(Math.max(1, 13 - Math.round(daysBefore / 2.5)) * DAY + minute);

const ANSWERS: { questionId: string; text: string; daysBefore: number }[] = [
  {
    questionId: "kf-01-q1",
    daysBefore: 30,
    text: "Oui. Le conseil municipal a adopté à l'unanimité, le 14 mars 2022, la « Déclaration de Belleforge pour l'égalité et contre les discriminations ». Elle engage la ville à combattre toute discrimination liée à l'origine, réelle ou supposée, dans ses services, son recrutement et ses achats. Elle est affichée dans le hall de l'hôtel de ville et dans les six mairies de quartier, et publiée sur belleforge.fr.\n\nLa ville a rejoint la Coalition européenne des villes contre le racisme (ECCAR) en 2019.",
  },
  {
    questionId: "kf-01-q2",
    daysBefore: 30,
    text: "Le maire rappelle cet engagement lors de la cérémonie annuelle d'accueil des nouveaux habitants et de la Semaine de l'égalité (mars). L'adjointe à l'égalité et à la citoyenneté le cite dans chacune de ses interventions publiques sur le sujet.\n\nEn revanche, il est rarement évoqué en dehors de ces temps forts, notamment dans les débats budgétaires ou d'urbanisme.",
  },
  {
    questionId: "kf-01-q3",
    daysBefore: 29,
    text: "Partiellement. La déclaration est citée dans le règlement intérieur des services depuis 2023 et dans les conventions d'objectifs signées avec les associations subventionnées. Les agents d'accueil la connaissent ; les services techniques beaucoup moins. Les associations de migrants la mentionnent dans leurs échanges avec la ville, parfois pour lui demander des comptes.",
  },
  {
    questionId: "kf-02-q1",
    daysBefore: 28,
    text: "Oui : le Plan local de lutte contre les discriminations (PLLCD) 2023-2027, adopté en conseil municipal en juin 2023. Il regroupe 34 actions réparties en quatre axes : accès aux droits et aux services, emploi municipal, achats publics, observation et évaluation.",
  },
  {
    questionId: "kf-02-q2",
    daysBefore: 28,
    text: "Le plan fixe pour chaque action un objectif, un service pilote, un calendrier et un indicateur. Les priorités 2024-2025 sont l'accès au logement social, la formation des agents d'accueil et l'audit des procédures de recrutement. Les actions de l'axe « achats publics » n'ont pas encore de responsable nommé.",
  },
  {
    questionId: "kf-02-q3",
    daysBefore: 28,
    text: "Oui. Le plan vise explicitement les personnes étrangères ou perçues comme telles, et les personnes issues de l'immigration, à côté des autres critères prohibés par la loi (sexe, handicap, âge, orientation sexuelle…).",
  },
  {
    questionId: "kf-02-q5",
    daysBefore: 27,
    text: "Les directions qui pilotent des actions connaissent le plan ; un point d'avancement est fait chaque semestre en comité de direction. Une enquête interne de 2024 montre toutefois que 41 % des encadrants intermédiaires n'en avaient jamais entendu parler.",
  },
  {
    questionId: "kf-03-q1",
    daysBefore: 26,
    text: "La mission égalité-diversité, rattachée à la direction générale des services, pilote le plan. Elle compte deux agents à temps plein. Sur le plan politique, l'adjointe au maire chargée de l'égalité et de la citoyenneté en est responsable.",
  },
  {
    questionId: "kf-03-q2",
    daysBefore: 26,
    text: "Le rattachement à la direction générale donne à la mission un accès direct au comité de direction. Elle ne dispose cependant d'aucun pouvoir hiérarchique sur les directions : elle propose, anime et alerte, mais ne peut pas imposer un calendrier.",
  },
  {
    questionId: "kf-03-q3",
    daysBefore: 26,
    text: "Budget propre de 85 000 € par an (hors masse salariale), complété par des crédits de la politique de la ville. C'est suffisant pour l'animation et la formation, pas pour des études ou des testings réguliers.",
  },
  {
    questionId: "kf-03-q4",
    daysBefore: 25,
    text: "Un réseau de 22 référents égalité, un par direction, se réunit quatre fois par an. À l'extérieur, la ville coanime avec la préfecture et le délégué du Défenseur des droits un comité local de lutte contre les discriminations qui réunit bailleurs sociaux, France Travail, CAF et associations.",
  },
  {
    questionId: "kf-04-q1",
    daysBefore: 24,
    text: "Le Conseil consultatif des résidents étrangers (CCRE), créé en 2015, réunit 30 membres tirés au sort parmi les volontaires. Il est saisi une fois par an du bilan du PLLCD. Des ateliers dans les mairies de quartier ont aussi recueilli en 2024 les témoignages de 160 habitants sur leurs difficultés d'accès aux services.",
  },
  {
    questionId: "kf-04-q2",
    daysBefore: 24,
    text: "L'avis du CCRE sur le bilan annuel est publié, mais la ville n'y répond pas formellement. Les ateliers de 2024 n'ont pas été renouvelés faute de moyens.",
  },
  {
    questionId: "kf-05-q1",
    daysBefore: 22,
    text: "Les conventions d'objectifs avec les associations subventionnées comportent depuis 2023 une clause de non-discrimination. La ville propose ses formations à la non-discrimination aux bailleurs sociaux et aux centres sociaux (120 personnes formées en 2024).",
  },
  {
    questionId: "kf-05-q2",
    daysBefore: 22,
    text: "Pour le logement privé, où elle n'a pas de compétence directe, la ville finance une permanence juridique de l'association Droit au Toit Belleforge et a signé une charte avec la chambre syndicale des agents immobiliers. Elle relaie les campagnes du Défenseur des droits.",
  },
  {
    questionId: "kf-05-q4",
    daysBefore: 21,
    text: "Un prix « Entreprendre pour l'égalité » récompense chaque année deux entreprises et une association. Il est remis lors de la Semaine de l'égalité.",
  },
  {
    questionId: "kf-06-q1",
    daysBefore: 20,
    text: "Oui. La ville a obtenu le label Diversité (AFNOR) en 2021 et a adopté une charte de recrutement sans discrimination, annexée au règlement intérieur.",
  },
  {
    questionId: "kf-06-q2",
    daysBefore: 20,
    text: "- Le recrutement : un candidat écarté peut demander les motifs du refus et saisir la cellule d'écoute.\n- La formation du personnel : l'accès aux formations est suivi par direction, mais aucun recours spécifique n'existe.\n- Les relations sur le lieu de travail : une cellule d'écoute et de traitement des signalements, externalisée depuis 2022, reçoit les plaintes des agents ; 14 signalements en 2024, dont 5 liés à l'origine.",
  },
  {
    questionId: "kf-06-q3",
    daysBefore: 19,
    text: "Les jurys de recrutement comptent au moins un membre formé à la non-discrimination ; les grilles d'entretien sont standardisées. La cellule d'écoute transmet un rapport annuel anonymisé au comité social territorial.",
  },
  {
    questionId: "kf-06-q4",
    daysBefore: 19,
    text: "Des offres d'emploi sont diffusées via les associations de quartier et les missions locales. Un programme de préparation aux concours avec la maison de l'emploi a accompagné 45 personnes en 2024, dont la moitié nées hors de l'Union européenne. Les postes accessibles aux ressortissants non européens (contractuels) sont signalés comme tels.",
  },
  {
    questionId: "kf-06-q6",
    daysBefore: 18,
    text: "Nous ne disposons pas de données directes. Les retours recueillis par le CCRE évoquent un accès jugé plus difficile aux emplois d'encadrement.",
  },
  {
    questionId: "kf-07-q1",
    daysBefore: 16,
    text: "Pas encore dans tous les services. Les directions de l'action sociale, de l'éducation et de la culture ont décliné le plan dans leur projet de service ; les sports, l'urbanisme et la police municipale ne l'ont pas fait.",
  },
  {
    questionId: "kf-07-q2",
    daysBefore: 16,
    text: "Depuis le budget 2025, chaque direction doit indiquer dans sa note de cadrage comment elle contribue au PLLCD. La moitié des notes de 2025 restent très générales sur ce point.",
  },
  {
    questionId: "kf-07-q3",
    daysBefore: 15,
    text: "Chez les agents d'accueil, oui : l'enquête interne de 2024 montre que 78 % considèrent l'égalité d'accès comme une part de leur métier. Le chiffre tombe à 35 % dans les services techniques.",
  },
  {
    questionId: "kf-07-q5",
    daysBefore: 15,
    text: "Le centre communal d'action sociale a signé avec la CAF et la caisse primaire d'assurance maladie une convention d'accès aux droits : rendez-vous communs, interprétariat par téléphone dans 12 langues, accompagnement numérique dans les mairies de quartier. Les écoles municipales travaillent avec trois associations de parents pour l'inscription des enfants nouvellement arrivés.",
  },
  {
    questionId: "kf-08-q1",
    daysBefore: 13,
    text: "Depuis 2023, le parcours d'intégration des nouveaux agents comprend un module obligatoire d'une demi-journée « Accueillir sans discriminer », animé par la mission égalité-diversité et le délégué du Défenseur des droits.",
  },
  {
    questionId: "kf-08-q2",
    daysBefore: 13,
    text: "Oui : le module traite des refus de guichet liés à la nationalité ou à la langue, des demandes de pièces non exigées par les textes et des situations de séjour. Des cas pratiques ont été construits avec le CCRE.",
  },
  {
    questionId: "kf-08-q3",
    daysBefore: 12,
    text: "Une lettre d'information juridique trimestrielle est envoyée aux référents égalité, qui la relaient inégalement. Pas de formation continue obligatoire à ce jour.",
  },
];

const RATINGS: { factorId: string; rating: Rating; summary: string; daysBefore: number }[] = [
  {
    factorId: "kf-01",
    rating: "in-place",
    daysBefore: 10,
    summary: "Un engagement public clair, adopté à l'unanimité et affiché. Il reste peu présent en dehors des temps forts et auprès des services techniques.",
  },
  {
    factorId: "kf-02",
    rating: "in-place",
    daysBefore: 10,
    summary:
      "Le PLLCD 2023-2027 cible explicitement les migrants et fixe objectifs, pilotes et indicateurs. L'axe achats publics n'a pas encore de responsable et le plan est mal connu de l'encadrement intermédiaire.",
  },
  {
    factorId: "kf-03",
    rating: "partly-in-place",
    daysBefore: 9,
    summary: "Une mission rattachée à la direction générale et un réseau de référents, mais sans pouvoir sur les directions et avec des moyens limités.",
  },
  {
    factorId: "kf-04",
    rating: "partly-in-place",
    daysBefore: 9,
    summary:
      "Le CCRE est consulté chaque année, mais la ville ne répond pas formellement à ses avis et n'a pas d'exemple récent de changement de pratique qui en découle.",
  },
  {
    factorId: "kf-05",
    rating: "partly-in-place",
    daysBefore: 8,
    summary: "Clauses dans les conventions, formations ouvertes aux partenaires et prix annuel. Rien encore avec les médias locaux.",
  },
  {
    factorId: "kf-06",
    rating: "partly-in-place",
    daysBefore: 8,
    summary:
      "Label Diversité, charte de recrutement et cellule d'écoute. Pas de données sur la perception des candidats migrants ni d'action face aux restrictions nationales d'accès à la fonction publique.",
  },
  {
    factorId: "kf-07",
    rating: "not-in-place",
    daysBefore: 7,
    summary: "Le plan n'est décliné que dans trois directions sur huit ; l'intégration dans la planification budgétaire vient de commencer.",
  },
  {
    factorId: "kf-08",
    rating: "partly-in-place",
    daysBefore: 7,
    summary: "Formation obligatoire des nouveaux agents, adaptée aux migrants ; pas de formation continue ni d'évaluation de ses effets.",
  },
];

const DOCUMENTS: {
  id: string;
  title: string;
  type: DocumentType;
  date: string;
  author: string;
  url: string;
  factorIds: string[];
  questionIds: string[];
  daysBefore: number;
}[] = [
  {
    id: "demo-doc-01",
    title: "Déclaration de Belleforge pour l'égalité et contre les discriminations",
    type: "minutes",
    date: "2022-03-14",
    author: "Conseil municipal — délibération n° 2022-041",
    url: "https://www.belleforge.example/deliberations/2022-041",
    factorIds: ["kf-01"],
    questionIds: ["kf-01-q1", "kf-01-q2"],
    daysBefore: 31,
  },
  {
    id: "demo-doc-02",
    title: "Plan local de lutte contre les discriminations 2023-2027",
    type: "strategy",
    date: "2023-06-26",
    author: "Mission égalité-diversité",
    url: "https://www.belleforge.example/egalite/pllcd-2023-2027.pdf",
    factorIds: ["kf-02", "kf-03"],
    questionIds: ["kf-02-q1", "kf-02-q2", "kf-02-q3", "kf-03-q1", "kf-07-q1"],
    daysBefore: 31,
  },
  {
    id: "demo-doc-03",
    title: "Bilan 2024 du plan local de lutte contre les discriminations",
    type: "annual-report",
    date: "2025-02-10",
    author: "Mission égalité-diversité",
    url: "https://www.belleforge.example/egalite/bilan-pllcd-2024.pdf",
    factorIds: ["kf-02", "kf-07"],
    questionIds: ["kf-02-q5", "kf-03-q4", "kf-07-q2", "kf-07-q3"],
    daysBefore: 30,
  },
  {
    id: "demo-doc-04",
    title: "Enquête interne « L'égalité dans nos métiers » — résultats",
    type: "monitoring-data",
    date: "2024-11-05",
    author: "Direction des ressources humaines",
    url: "https://intranet.belleforge.example/rh/enquete-egalite-2024",
    factorIds: ["kf-06", "kf-08"],
    questionIds: ["kf-02-q5", "kf-07-q3", "kf-08-q1"],
    daysBefore: 20,
  },
  {
    id: "demo-doc-05",
    title: "Avis du Conseil consultatif des résidents étrangers sur le bilan 2024",
    type: "minutes",
    date: "2025-03-20",
    author: "Conseil consultatif des résidents étrangers",
    url: "https://www.belleforge.example/ccre/avis-2025",
    factorIds: ["kf-04"],
    questionIds: ["kf-04-q1", "kf-04-q2"],
    daysBefore: 24,
  },
  {
    id: "demo-doc-06",
    title: "Prix « Entreprendre pour l'égalité » : trois lauréats récompensés",
    type: "press-release",
    date: "2025-03-21",
    author: "Direction de la communication",
    url: "https://www.belleforge.example/presse/prix-egalite-2025",
    factorIds: ["kf-05"],
    questionIds: ["kf-05-q4"],
    daysBefore: 21,
  },
];

const CONTEXT: { contextualFactorId: string; note: string; effect: ContextEffect; daysBefore: number }[] = [
  {
    contextualFactorId: "cf-national-legislation-and-policy",
    effect: "limits",
    daysBefore: 6,
    note: "L'accès à la fonction publique territoriale comme fonctionnaire est réservé aux ressortissants européens : la ville ne peut recruter les autres que comme contractuels. La politique d'asile et de séjour relève de l'État, et les statistiques publiques ne permettent pas de mesurer l'origine.",
  },
  {
    contextualFactorId: "cf-data-availability",
    effect: "limits",
    daysBefore: 6,
    note: "La collecte de données sur l'origine est très encadrée en France. La ville s'appuie sur la nationalité et le pays de naissance (recensement), sur ses propres enquêtes et sur les saisines du Défenseur des droits, sans pouvoir suivre finement l'accès de chaque groupe aux services.",
  },
  {
    contextualFactorId: "cf-migrant-populations",
    effect: "neutral",
    daysBefore: 5,
    note: "Environ 14 % des habitants sont immigrés, principalement originaires du Maghreb, d'Afrique de l'Ouest et, plus récemment, d'Ukraine et d'Afghanistan. Les arrivées récentes ont accru les besoins d'interprétariat.",
  },
  {
    contextualFactorId: "cf-city-resources",
    effect: "limits",
    daysBefore: 5,
    note: "Le budget de fonctionnement est contraint depuis 2023 (hausse des coûts de l'énergie). Les crédits du plan ont été maintenus, mais aucune nouvelle action ne peut être financée sans redéploiement.",
  },
  {
    contextualFactorId: "cf-civil-society",
    effect: "helps",
    daysBefore: 4,
    note: "Un tissu associatif dense et ancien : une quarantaine d'associations de migrants ou de solidarité, une permanence juridique spécialisée et un collectif inter-associatif qui interpelle régulièrement la ville.",
  },
];

export async function seedSelfAssessment(db: AsyncDb) {
  for (const answer of ANSWERS) {
    await db
      .insert(selfAssessmentAnswers)
      .values({
        reviewId: DEMO_REVIEW_ID,
        factorId: answer.questionId.slice(0, 5),
        questionId: answer.questionId,
        text: answer.text,
        version: 1,
        updatedBy: HOST,
        updatedAt: written(answer.daysBefore),
      })
      .run();
  }
  for (const factor of RATINGS) {
    await db
      .insert(selfAssessmentFactors)
      .values({
        reviewId: DEMO_REVIEW_ID,
        factorId: factor.factorId,
        rating: factor.rating,
        summary: factor.summary,
        version: 1,
        updatedBy: HOST,
        updatedAt: written(factor.daysBefore, 30),
      })
      .run();
  }
  for (const document of DOCUMENTS) {
    await db
      .insert(documents)
      .values({
        id: document.id,
        reviewId: DEMO_REVIEW_ID,
        origin: "host-city",
        title: document.title,
        type: document.type,
        date: document.date,
        author: document.author,
        url: document.url,
        createdBy: HOST,
        createdAt: written(document.daysBefore, 60),
      })
      .run();
    const links = new Map<string, { documentId: string; factorId: string; questionId: string }>();
    for (const factorId of document.factorIds) links.set(`${factorId}/`, { documentId: document.id, factorId, questionId: "" });
    for (const questionId of document.questionIds) {
      const factorId = questionId.slice(0, 5);
      links.set(`${factorId}/`, { documentId: document.id, factorId, questionId: "" });
      links.set(`${factorId}/${questionId}`, { documentId: document.id, factorId, questionId });
    }
    await db
      .insert(documentLinks)
      .values([...links.values()])
      .run();
  }
  for (const note of CONTEXT) {
    await db
      .insert(contextNotes)
      .values({
        reviewId: DEMO_REVIEW_ID,
        contextualFactorId: note.contextualFactorId,
        note: note.note,
        effect: note.effect,
        version: 1,
        updatedBy: HOST,
        updatedAt: written(note.daysBefore),
      })
      .run();
  }
}
