// Over 400 lines on purpose: it is seed data, the demo visit's interviews and evidence log in one readable story.
import { and, eq, inArray } from "drizzle-orm";
import type { AsyncDb } from "../async-db";
import type { EvidenceKind, ParticipantCategory, Polarity } from "../enums";
import { documents, evidence, evidenceFactors, evidenceQuestions, interviewParticipants, interviewReviewers, interviews } from "../schema";
import { at, DEMO_REVIEW_ID } from "./accounts";
import { foldText } from "../search-text";

/*
 * The first two and a half days of Belleforge's peer visit (16–18 March 2026): five interviews
 * and focus groups, and what the peer team logged from them. Key factor 10 (procurement) has no
 * evidence yet, so the review's home page and the coverage view show a gap. Two interviews have
 * names recorded, which no report or export may ever show. Fictional people and organisations.
 */

const DAY = 24 * 60;
/** Minutes from the seed's time origin (2 March 2026, 09:00 UTC) to a moment of the visit. */
const visit = (day: 1 | 2 | 3, hour: number, minute = 0) => at((13 + day) * DAY + (hour - 9) * 60 + minute);

type SeedInterview = {
  id: string;
  date: string;
  place: string;
  format: "interview" | "focus-group";
  consentNotes: string;
  createdBy: string;
  createdAt: Date;
  reviewers: string[];
  participants: { role: string; organisation: string; category: ParticipantCategory; name?: string }[];
};

export const DEMO_INTERVIEWS: SeedInterview[] = [
  {
    id: "demo-int-01",
    date: "2026-03-16",
    place: "Hôtel de ville, salle du conseil",
    format: "interview",
    consentNotes: "Accepte d'être citée de façon anonyme. Pas d'enregistrement audio.",
    createdBy: "demo-lead",
    createdAt: visit(1, 9, 5),
    reviewers: ["demo-lead", "demo-peer"],
    participants: [
      {
        role: "Chargée de mission égalité-diversité",
        organisation: "Ville de Belleforge, mission égalité-diversité",
        category: "city-official",
        name: "Nadia Benali",
      },
    ],
  },
  {
    id: "demo-int-02",
    date: "2026-03-16",
    place: "Mairie de quartier des Tilleuls",
    format: "focus-group",
    consentNotes: "Règles présentées en ouverture : propos anonymisés, aucun nom dans le rapport, chacun peut demander qu'une phrase ne soit pas reprise.",
    createdBy: "demo-peer",
    createdAt: visit(1, 13, 50),
    reviewers: ["demo-peer", "demo-peer2"],
    participants: [
      { role: "Présidente", organisation: "Collectif Tilleuls Solidaires", category: "ngo" },
      { role: "Coordinateur", organisation: "Association des travailleurs maghrébins de Belleforge", category: "migrant-organisation" },
      { role: "Bénévole", organisation: "Accueil Réfugiés Belleforge", category: "migrant-organisation" },
      { role: "Juriste", organisation: "Permanence juridique Droits Devant", category: "ngo" },
    ],
  },
  {
    id: "demo-int-03",
    date: "2026-03-17",
    place: "Direction des ressources humaines",
    format: "interview",
    consentNotes: "Entretien à deux voix. Citations anonymes acceptées ; les chiffres cités peuvent être repris.",
    createdBy: "demo-peer2",
    createdAt: visit(2, 9, 0),
    reviewers: ["demo-lead", "demo-peer2"],
    participants: [
      { role: "Directrice des ressources humaines", organisation: "Ville de Belleforge", category: "city-official", name: "Claire Moreau" },
      { role: "Responsable du recrutement", organisation: "Ville de Belleforge", category: "city-official", name: "Julien Petit" },
    ],
  },
  {
    id: "demo-int-04",
    date: "2026-03-17",
    place: "Hôtel de ville, bureau de l'adjointe",
    format: "interview",
    consentNotes: "Propos publics : l'élue accepte d'être citée par sa fonction.",
    createdBy: "demo-lead",
    createdAt: visit(2, 14, 0),
    reviewers: ["demo-lead", "demo-peer", "demo-peer2"],
    participants: [
      {
        role: "Adjointe au maire chargée de l'égalité et de la citoyenneté",
        organisation: "Conseil municipal",
        category: "elected-official",
      },
    ],
  },
  {
    id: "demo-int-05",
    date: "2026-03-18",
    place: "Centre social Jean-Jaurès",
    format: "focus-group",
    consentNotes: "Habitantes rencontrées avec la médiatrice ; accord oral pour des citations anonymes, sans mention du quartier précis.",
    createdBy: "demo-peer",
    createdAt: visit(3, 9, 30),
    reviewers: ["demo-peer", "demo-peer2"],
    participants: [
      { role: "Habitante", organisation: "Quartier Jean-Jaurès", category: "resident" },
      { role: "Habitante", organisation: "Quartier Jean-Jaurès", category: "resident" },
      { role: "Médiatrice sociale", organisation: "Réseau des centres sociaux de Belleforge", category: "service-provider" },
      { role: "Agent d'accueil", organisation: "Caisse d'allocations familiales", category: "service-provider" },
    ],
  },
];

type SeedEvidence = {
  kind: EvidenceKind;
  text: string;
  factors: string[];
  questions?: string[];
  polarity: Polarity;
  attribution: string;
  interviewId?: string;
  documentId?: string;
  /** Set when the text is not in the review's language (French): a visiting peer's note in English. */
  language?: "fr" | "en";
  createdBy: "demo-peer" | "demo-peer2" | "demo-lead";
  createdAt: Date;
};

const EVIDENCE: SeedEvidence[] = [
  // Interview with the equality officer (16 March, morning).
  {
    kind: "interview-quote",
    text: "La déclaration de 2022 est notre boussole : quand un service traîne des pieds, je la ressors et je rappelle qu'elle a été votée à l'unanimité.",
    factors: ["kf-01"],
    questions: ["kf-01-q3"],
    polarity: "supports",
    attribution: "une chargée de mission de la ville",
    interviewId: "demo-int-01",
    createdBy: "demo-peer",
    createdAt: visit(1, 9, 40),
  },
  {
    kind: "interview-quote",
    text: "Nous sommes deux pour 34 actions. Nous animons, nous alertons, mais nous ne pouvons rien imposer à une direction qui n'a pas envie.",
    factors: ["kf-03"],
    questions: ["kf-03-q2", "kf-03-q3"],
    polarity: "contradicts",
    attribution: "une chargée de mission de la ville",
    interviewId: "demo-int-01",
    createdBy: "demo-peer",
    createdAt: visit(1, 9, 52),
  },
  {
    kind: "interview-quote",
    text: "Le réseau des référents marche bien dans les directions qui ont choisi quelqu'un de motivé ; ailleurs, c'est une ligne de plus dans une fiche de poste.",
    factors: ["kf-03", "kf-07"],
    questions: ["kf-03-q4"],
    polarity: "mixed",
    attribution: "une chargée de mission de la ville",
    interviewId: "demo-int-01",
    createdBy: "demo-lead",
    createdAt: visit(1, 10, 3),
  },
  {
    kind: "interview-quote",
    text: "Le bilan semestriel passe en comité de direction, mais on y parle surtout des actions qui avancent. Les indicateurs de l'axe emploi ne sont toujours pas renseignés.",
    factors: ["kf-02", "kf-11"],
    questions: ["kf-02-q4", "kf-11-q4"],
    polarity: "mixed",
    attribution: "une chargée de mission de la ville",
    interviewId: "demo-int-01",
    createdBy: "demo-peer",
    createdAt: visit(1, 10, 15),
  },
  {
    kind: "interview-quote",
    text: "Depuis l'avis du CCRE en 2025, les courriers de la mairie de quartier sont traduits en arabe, en dari et en ukrainien. C'était leur première demande.",
    factors: ["kf-04", "kf-07"],
    questions: ["kf-04-q3"],
    polarity: "supports",
    attribution: "une chargée de mission de la ville",
    interviewId: "demo-int-01",
    createdBy: "demo-lead",
    createdAt: visit(1, 10, 26),
  },
  {
    kind: "observation",
    text: "The equality declaration is displayed in the town hall lobby in French only; no translation or easy-read version was visible at the reception desk.",
    language: "en",
    factors: ["kf-01", "kf-09"],
    questions: ["kf-01-q1"],
    polarity: "mixed",
    attribution: "",
    createdBy: "demo-peer",
    createdAt: visit(1, 11, 5),
  },

  // Focus group with associations (16 March, afternoon).
  {
    kind: "focus-group-note",
    text: "On nous invite à la Semaine de l'égalité pour la photo. Le reste de l'année, nos courriers au cabinet du maire restent sans réponse.",
    factors: ["kf-01", "kf-05"],
    questions: ["kf-01-q2"],
    polarity: "contradicts",
    attribution: "une représentante d'association",
    interviewId: "demo-int-02",
    createdBy: "demo-peer",
    createdAt: visit(1, 14, 20),
  },
  {
    kind: "focus-group-note",
    text: "Le CCRE est tiré au sort, c'est bien, mais ses membres découvrent le bilan le jour de la séance. On ne peut pas contester un document qu'on n'a pas eu le temps de lire.",
    factors: ["kf-04"],
    questions: ["kf-04-q2"],
    polarity: "mixed",
    attribution: "un représentant d'une association de travailleurs immigrés",
    interviewId: "demo-int-02",
    createdBy: "demo-peer2",
    createdAt: visit(1, 14, 31),
  },
  {
    kind: "focus-group-note",
    text: "À la permanence, un tiers des situations de discrimination concernent le logement social. La ville renvoie vers les bailleurs, les bailleurs renvoient vers la ville.",
    factors: ["kf-07", "kf-05"],
    questions: ["kf-07-q5"],
    polarity: "contradicts",
    attribution: "une juriste associative",
    interviewId: "demo-int-02",
    createdBy: "demo-peer",
    createdAt: visit(1, 14, 44),
  },
  {
    kind: "focus-group-note",
    text: "Le guide « Vos droits à Belleforge » existe en six langues. Mais il est à l'accueil de l'hôtel de ville, là où les personnes qui en ont besoin ne vont pas.",
    factors: ["kf-09"],
    questions: ["kf-09-q1"],
    polarity: "mixed",
    attribution: "une bénévole d'une association d'accueil des réfugiés",
    interviewId: "demo-int-02",
    createdBy: "demo-peer2",
    createdAt: visit(1, 14, 58),
  },
  {
    kind: "focus-group-note",
    text: "La subvention pluriannuelle de la permanence juridique nous a sauvés : on peut enfin garder une juriste plus d'un an.",
    factors: ["kf-09", "kf-05"],
    questions: ["kf-09-q3", "kf-05-q2"],
    polarity: "supports",
    attribution: "une juriste associative",
    interviewId: "demo-int-02",
    createdBy: "demo-peer",
    createdAt: visit(1, 15, 10),
  },
  {
    kind: "focus-group-note",
    text: "Quand on signale un refus de guichet, on ne sait jamais ce qu'il devient. Personne ne nous dit si la ville a fait quelque chose.",
    factors: ["kf-07", "kf-11"],
    questions: ["kf-11-q6"],
    polarity: "contradicts",
    attribution: "une représentante d'association",
    interviewId: "demo-int-02",
    createdBy: "demo-peer2",
    createdAt: visit(1, 15, 24),
  },
  {
    kind: "focus-group-note",
    text: "Le prix « Entreprendre pour l'égalité » a donné de la visibilité à deux entreprises du quartier. Les associations aimeraient un équivalent pour les clubs sportifs.",
    factors: ["kf-05"],
    questions: ["kf-05-q4"],
    polarity: "supports",
    attribution: "un représentant d'une association de travailleurs immigrés",
    interviewId: "demo-int-02",
    createdBy: "demo-peer",
    createdAt: visit(1, 15, 37),
  },
  {
    kind: "focus-group-note",
    text: "Les journalistes locaux nous appellent quand il y a un incident, jamais pour parler de ce qui marche. La ville pourrait faire le lien.",
    factors: ["kf-05"],
    questions: ["kf-05-q3"],
    polarity: "contradicts",
    attribution: "une représentante d'association",
    interviewId: "demo-int-02",
    createdBy: "demo-peer2",
    createdAt: visit(1, 15, 49),
  },
  {
    kind: "observation",
    text: "Several participants knew the local plan (PLLCD) by name and referred to specific actions, which suggests the strategy is known outside the administration.",
    factors: ["kf-02"],
    questions: ["kf-02-q5"],
    polarity: "supports",
    attribution: "",
    interviewId: "demo-int-02",
    createdBy: "demo-peer2",
    createdAt: visit(1, 16, 30),
  },

  // Human resources (17 March, morning).
  {
    kind: "interview-quote",
    text: "Tous nos jurys de recrutement sont mixtes et formés depuis 2024. Nous avons aussi retiré la photo et l'adresse des candidatures.",
    factors: ["kf-06"],
    questions: ["kf-06-q3", "kf-06-q4"],
    polarity: "supports",
    attribution: "une responsable des ressources humaines",
    interviewId: "demo-int-03",
    createdBy: "demo-peer2",
    createdAt: visit(2, 9, 25),
  },
  {
    kind: "interview-quote",
    text: "Les postes de titulaires restent fermés aux non-Européens, c'est la loi. Nous recrutons en contrat, mais les contractuels n'ont pas les mêmes perspectives.",
    factors: ["kf-06"],
    questions: ["kf-06-q5"],
    polarity: "mixed",
    attribution: "une responsable des ressources humaines",
    interviewId: "demo-int-03",
    createdBy: "demo-lead",
    createdAt: visit(2, 9, 38),
  },
  {
    kind: "interview-quote",
    text: "Il n'existe pas de procédure écrite pour un agent qui s'estime discriminé. Il passe par son chef, ou par le syndicat.",
    factors: ["kf-06"],
    questions: ["kf-06-q2"],
    polarity: "contradicts",
    attribution: "un responsable du recrutement",
    interviewId: "demo-int-03",
    createdBy: "demo-peer2",
    createdAt: visit(2, 9, 51),
  },
  {
    kind: "interview-quote",
    text: "La formation « accueil sans discrimination » est obligatoire pour les nouveaux agents d'accueil ; pour les autres métiers, elle reste au choix du chef de service.",
    factors: ["kf-08"],
    questions: ["kf-08-q1"],
    polarity: "mixed",
    attribution: "une responsable des ressources humaines",
    interviewId: "demo-int-03",
    createdBy: "demo-peer2",
    createdAt: visit(2, 10, 4),
  },
  {
    kind: "data",
    text: "Enquête interne 2024 : 41 % des encadrants intermédiaires déclarent n'avoir jamais entendu parler du plan local de lutte contre les discriminations.",
    factors: ["kf-02", "kf-08"],
    questions: ["kf-02-q5"],
    polarity: "contradicts",
    attribution: "",
    interviewId: "demo-int-03",
    createdBy: "demo-lead",
    createdAt: visit(2, 10, 16),
  },
  {
    kind: "interview-quote",
    text: "On ne sait pas mesurer l'effet des formations. On compte les présents, c'est tout.",
    factors: ["kf-08", "kf-11"],
    questions: ["kf-08-q5"],
    polarity: "contradicts",
    attribution: "un responsable du recrutement",
    interviewId: "demo-int-03",
    createdBy: "demo-peer2",
    createdAt: visit(2, 10, 29),
  },
  {
    kind: "interview-quote",
    text: "Deux autres communes de l'agglomération nous ont demandé notre grille d'entretien anonymisée. Nous la leur avons donnée.",
    factors: ["kf-06"],
    questions: ["kf-06-q7"],
    polarity: "supports",
    attribution: "une responsable des ressources humaines",
    interviewId: "demo-int-03",
    createdBy: "demo-lead",
    createdAt: visit(2, 10, 41),
  },

  // Deputy mayor for equality (17 March, afternoon).
  {
    kind: "interview-quote",
    text: "L'égalité n'est pas un supplément d'âme : c'est une condition pour que le service public soit vraiment public.",
    factors: ["kf-01"],
    questions: ["kf-01-q2"],
    polarity: "supports",
    attribution: "l'adjointe au maire chargée de l'égalité",
    interviewId: "demo-int-04",
    createdBy: "demo-lead",
    createdAt: visit(2, 14, 20),
  },
  {
    kind: "interview-quote",
    text: "Je préside le comité local avec la préfecture et le Défenseur des droits. C'est là que les bailleurs et France Travail rendent des comptes.",
    factors: ["kf-03", "kf-05"],
    questions: ["kf-03-q4", "kf-05-q1"],
    polarity: "supports",
    attribution: "l'adjointe au maire chargée de l'égalité",
    interviewId: "demo-int-04",
    createdBy: "demo-peer",
    createdAt: visit(2, 14, 34),
  },
  {
    kind: "interview-quote",
    text: "Je reconnais que le budget de la mission n'a pas bougé depuis trois ans, alors que le plan a doublé de volume.",
    factors: ["kf-03"],
    questions: ["kf-03-q3"],
    polarity: "contradicts",
    attribution: "l'adjointe au maire chargée de l'égalité",
    interviewId: "demo-int-04",
    createdBy: "demo-peer2",
    createdAt: visit(2, 14, 47),
  },
  {
    kind: "interview-quote",
    text: "Nous voulons une enquête de victimation tous les trois ans. La première sera lancée à l'automne, avec l'université.",
    factors: ["kf-11"],
    questions: ["kf-11-q1"],
    polarity: "mixed",
    attribution: "l'adjointe au maire chargée de l'égalité",
    interviewId: "demo-int-04",
    createdBy: "demo-lead",
    createdAt: visit(2, 15, 0),
  },
  {
    kind: "interview-quote",
    text: "Le plan a été écrit avec les services, pas seulement pour eux : chaque direction a choisi ses propres actions.",
    factors: ["kf-02"],
    questions: ["kf-02-q2", "kf-02-q4"],
    polarity: "supports",
    attribution: "l'adjointe au maire chargée de l'égalité",
    interviewId: "demo-int-04",
    createdBy: "demo-peer",
    createdAt: visit(2, 15, 12),
  },

  // Residents and front-line workers (18 March, morning).
  {
    kind: "focus-group-note",
    text: "À la CAF on m'a dit de revenir avec quelqu'un qui parle français. Je suis revenue avec ma fille de douze ans.",
    factors: ["kf-07"],
    questions: ["kf-07-q6"],
    polarity: "contradicts",
    attribution: "une habitante",
    interviewId: "demo-int-05",
    createdBy: "demo-peer",
    createdAt: visit(3, 9, 55),
  },
  {
    kind: "focus-group-note",
    text: "La médiatrice du centre social, c'est la seule personne qui m'a expliqué que j'avais le droit de contester un refus.",
    factors: ["kf-09"],
    questions: ["kf-09-q2"],
    polarity: "supports",
    attribution: "une habitante",
    interviewId: "demo-int-05",
    createdBy: "demo-peer2",
    createdAt: visit(3, 10, 8),
  },
  {
    kind: "focus-group-note",
    text: "Nous avons accès à l'interprétariat par téléphone depuis l'an dernier, mais il faut le réserver 48 heures à l'avance. Au guichet, ce n'est pas possible.",
    factors: ["kf-07", "kf-08"],
    questions: ["kf-07-q4", "kf-08-q4"],
    polarity: "mixed",
    attribution: "une agente d'accueil d'un organisme partenaire",
    interviewId: "demo-int-05",
    createdBy: "demo-peer",
    createdAt: visit(3, 10, 21),
  },
  {
    kind: "focus-group-note",
    text: "Les ateliers de 2024 dans les mairies de quartier, on y est allées. On ne sait pas ce qui a changé après.",
    factors: ["kf-04", "kf-11"],
    questions: ["kf-04-q3"],
    polarity: "contradicts",
    attribution: "une habitante",
    interviewId: "demo-int-05",
    createdBy: "demo-peer2",
    createdAt: visit(3, 10, 33),
  },
  {
    kind: "focus-group-note",
    text: "Quand la mairie de quartier a ouvert le samedi matin, tout a changé pour les mères qui travaillent. C'est venu des ateliers.",
    factors: ["kf-04", "kf-07"],
    questions: ["kf-04-q3", "kf-07-q2"],
    polarity: "supports",
    attribution: "une médiatrice sociale",
    interviewId: "demo-int-05",
    createdBy: "demo-peer",
    createdAt: visit(3, 10, 46),
  },
  {
    kind: "focus-group-note",
    text: "On ne connaît pas le Défenseur des droits. Ici, on connaît le centre social.",
    factors: ["kf-09"],
    questions: ["kf-09-q4"],
    polarity: "contradicts",
    attribution: "une habitante",
    interviewId: "demo-int-05",
    createdBy: "demo-peer2",
    createdAt: visit(3, 10, 58),
  },
  {
    kind: "observation",
    text: "At the social centre, the rights guide was on display in Arabic and Dari, and the mediator used it during the meeting — a practical channel the town hall leaflets do not reach.",
    factors: ["kf-09", "kf-07"],
    questions: ["kf-09-q1"],
    polarity: "supports",
    attribution: "",
    interviewId: "demo-int-05",
    createdBy: "demo-peer2",
    createdAt: visit(3, 11, 40),
  },

  // Team observations and data gathered between meetings.
  {
    kind: "data",
    text: "Rapport d'activité 2024 de la permanence juridique : 212 situations suivies, dont 71 liées au logement social et 38 à l'accès aux services municipaux.",
    factors: ["kf-09", "kf-11"],
    questions: ["kf-11-q3"],
    polarity: "mixed",
    attribution: "",
    createdBy: "demo-peer",
    createdAt: visit(2, 17, 10),
  },
  {
    kind: "observation",
    text: "The city cannot record ethnic origin, and it does not yet use the proxies it is allowed to use (nationality, country of birth) in its own service statistics.",
    language: "en",
    factors: ["kf-11"],
    questions: ["kf-11-q3", "kf-11-q5"],
    polarity: "contradicts",
    attribution: "",
    createdBy: "demo-lead",
    createdAt: visit(2, 17, 40),
  },
  {
    kind: "observation",
    text: "Staff at the reception of the district town hall explained the complaint procedure clearly when asked, in French and English, and pointed to the equality officer's contact.",
    language: "en",
    factors: ["kf-08", "kf-07"],
    questions: ["kf-08-q4"],
    polarity: "supports",
    attribution: "",
    createdBy: "demo-peer",
    createdAt: visit(3, 12, 30),
  },
  {
    kind: "observation",
    text: "Equality referents meet four times a year, but the minutes we were shown list attendance only for about half of the 22 directorates.",
    factors: ["kf-03"],
    questions: ["kf-03-q4"],
    polarity: "mixed",
    attribution: "",
    createdBy: "demo-lead",
    createdAt: visit(3, 12, 50),
  },
];

/** Items whose source is one of the host city's documents, logged only if that document is seeded. */
const DOCUMENT_EVIDENCE: SeedEvidence[] = [
  {
    kind: "document",
    text: "Le plan 2023-2027 fixe pour chaque action un pilote, un calendrier et un indicateur, et cible explicitement les personnes étrangères ou perçues comme telles.",
    factors: ["kf-02"],
    questions: ["kf-02-q2", "kf-02-q3"],
    polarity: "supports",
    attribution: "",
    documentId: "demo-doc-02",
    createdBy: "demo-lead",
    createdAt: visit(1, 8, 30),
  },
  {
    kind: "document",
    text: "Le bilan 2024 rend compte de 19 actions sur 34 ; les actions sans indicateur renseigné ne sont pas mentionnées.",
    factors: ["kf-11", "kf-02"],
    questions: ["kf-11-q4"],
    polarity: "mixed",
    attribution: "",
    documentId: "demo-doc-03",
    createdBy: "demo-peer2",
    createdAt: visit(1, 8, 45),
  },
];

export async function seedEvidence(db: AsyncDb) {
  for (const interview of DEMO_INTERVIEWS) {
    await db
      .insert(interviews)
      .values({
        id: interview.id,
        reviewId: DEMO_REVIEW_ID,
        date: interview.date,
        place: interview.place,
        format: interview.format,
        consentNotes: interview.consentNotes,
        createdBy: interview.createdBy,
        createdAt: interview.createdAt,
      })
      .run();
    for (const participant of interview.participants) {
      await db
        .insert(interviewParticipants)
        .values({ interviewId: interview.id, ...participant, name: participant.name ?? null })
        .run();
    }
    for (const userId of interview.reviewers) await db.insert(interviewReviewers).values({ interviewId: interview.id, userId }).run();
  }

  // The self-assessment seed runs first in the same transaction; without its documents, their items are left out.
  const wanted = [...new Set(DOCUMENT_EVIDENCE.map((item) => item.documentId!))];
  const present = new Set(
    (
      await db
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.reviewId, DEMO_REVIEW_ID), inArray(documents.id, wanted)))
        .all()
    ).map((row) => row.id),
  );
  // Ids are fixed by position in the lists above, whether or not the document items are kept.
  const items = [
    ...EVIDENCE.map((item, index) => ({ ...item, id: evidenceId(index) })),
    ...DOCUMENT_EVIDENCE.map((item, index) => ({ ...item, id: evidenceId(EVIDENCE.length + index) })).filter((item) => present.has(item.documentId!)),
  ];
  for (const item of items) {
    await db
      .insert(evidence)
      .values({
        id: item.id,
        reviewId: DEMO_REVIEW_ID,
        kind: item.kind,
        text: item.text,
        searchText: foldText(`${item.text}\n${item.attribution}`),
        polarity: item.polarity,
        attribution: item.attribution,
        interviewId: item.interviewId ?? null,
        documentId: item.documentId ?? null,
        language: item.language ?? null,
        createdBy: item.createdBy,
        createdAt: item.createdAt,
      })
      .run();
    for (const factorId of item.factors) await db.insert(evidenceFactors).values({ evidenceId: item.id, factorId }).run();
    for (const questionId of item.questions ?? []) await db.insert(evidenceQuestions).values({ evidenceId: item.id, questionId }).run();
  }
}

const evidenceId = (index: number) => `demo-ev-${String(index + 1).padStart(3, "0")}`;
