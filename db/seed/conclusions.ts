// Over 400 lines on purpose: it is seed data, the demo review's conclusions and recommendations for every key factor.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { AsyncDb } from "../async-db";
import {
  conclusionCitations,
  conclusions,
  documents,
  evidence,
  evidenceFactors,
  recommendations,
  reviews,
  type Horizon,
  type Priority,
  type Rating,
} from "../schema";
import { at, DEMO_REVIEW_ID } from "./accounts";

/*
 * The peer team's conclusions on Belleforge, written in French as the team would for a French
 * host city: every key factor has one (some agreed by the lead expert, the rest still drafts),
 * two recommendations each, and citations of the evidence the visit logged for the factor.
 */

type SeedRecommendation = {
  text: string;
  priority: Priority;
  horizon: Horizon;
  service: string;
  exampleIndex?: number;
};

type SeedConclusion = {
  factor: number;
  rating: Rating;
  agreed: boolean;
  strengths: string;
  improvements: string;
  recommendations: [SeedRecommendation, SeedRecommendation];
};

const MISSION = "Mission égalité et lutte contre les discriminations";
const HR = "Direction des ressources humaines";

const CONCLUSIONS: SeedConclusion[] = [
  {
    factor: 1,
    rating: "partly-in-place",
    agreed: true,
    strengths:
      "Le maire s'est engagé publiquement contre les discriminations à plusieurs reprises depuis 2023, notamment lors de la signature de la charte municipale pour l'égalité. Les élus rencontrés citent spontanément cet engagement et le conseil municipal a adopté une délibération de principe.",
    improvements:
      "L'engagement reste peu visible pour les habitants : les associations de migrants rencontrées ne le connaissent pas, et il n'est pas repris dans la communication courante de la ville. Aucun message public ne s'adresse directement aux victimes de discrimination.",
    recommendations: [
      {
        text: "Publier sur le site de la ville et dans le magazine municipal une déclaration du maire rappelant l'engagement de Belleforge contre les discriminations et indiquant où signaler une discrimination.",
        priority: "high",
        horizon: "quick-win",
        service: "Direction de la communication",
        exampleIndex: 0,
      },
      {
        text: "Inscrire la lutte contre les discriminations dans le projet de mandature, avec un rapport annuel présenté en conseil municipal.",
        priority: "medium",
        horizon: "long-term",
        service: "Cabinet du maire",
      },
    ],
  },
  {
    factor: 2,
    rating: "partly-in-place",
    agreed: true,
    strengths:
      "Un plan municipal de lutte contre les discriminations 2023-2027 existe ; il a été élaboré avec des associations et couvre l'emploi, le logement social et l'accès aux services.",
    improvements:
      "Le plan ne comporte ni objectifs chiffrés ni calendrier ; ses actions ne sont pas budgétées et plusieurs directions rencontrées ignorent ce qui relève d'elles.",
    recommendations: [
      {
        text: "Doter chaque action du plan d'un pilote, d'un calendrier et d'un indicateur de résultat, et le diffuser à toutes les directions.",
        priority: "high",
        horizon: "quick-win",
        service: MISSION,
        exampleIndex: 1,
      },
      {
        text: "Réviser le plan à mi-parcours en 2026 avec un budget propre voté en conseil municipal.",
        priority: "high",
        horizon: "long-term",
        service: "Direction générale des services",
      },
    ],
  },
  {
    factor: 3,
    rating: "not-in-place",
    agreed: true,
    strengths: "La mission égalité est rattachée à la direction générale des services, ce qui lui donne un accès direct aux directeurs.",
    improvements:
      "Il n'existe aucune instance de coordination entre les directions sur ces questions ; la mission égalité compte un seul agent, sans relais dans les services. Les responsabilités ne sont écrites nulle part.",
    recommendations: [
      {
        text: "Désigner un référent égalité dans chaque direction et les réunir chaque trimestre autour de la mission égalité.",
        priority: "high",
        horizon: "quick-win",
        service: MISSION,
        exampleIndex: 0,
      },
      {
        text: "Créer un comité de pilotage présidé par l'adjointe à l'égalité, associant les directions et les partenaires, avec un mandat écrit.",
        priority: "medium",
        horizon: "long-term",
        service: "Direction générale des services",
      },
    ],
  },
  {
    factor: 4,
    rating: "partly-in-place",
    agreed: true,
    strengths:
      "Le conseil consultatif des résidents étrangers se réunit trois fois par an et a été consulté sur le plan municipal. Ses membres se disent écoutés par l'adjointe.",
    improvements:
      "Les avis du conseil ne reçoivent pas de réponse écrite ; les jeunes et les femmes migrantes y sont peu représentés, et la consultation se limite au plan, sans toucher les services.",
    recommendations: [
      {
        text: "Répondre par écrit à chaque avis du conseil consultatif dans un délai de trois mois.",
        priority: "medium",
        horizon: "quick-win",
        service: "Direction de la citoyenneté",
      },
      {
        text: "Élargir la consultation aux directions opérationnelles (logement, action sociale) et diversifier la composition du conseil, en s'inspirant de la démarche nantaise.",
        priority: "medium",
        horizon: "long-term",
        service: "Direction de la citoyenneté",
        exampleIndex: 0,
      },
    ],
  },
  {
    factor: 5,
    rating: "partly-in-place",
    agreed: true,
    strengths:
      "La ville finance un point d'accès au droit animé par une association de juristes et participe au réseau départemental contre les discriminations.",
    improvements:
      "Les bailleurs sociaux et les employeurs privés ne sont pas associés ; la convention avec l'association n'a pas d'objectifs sur les discriminations.",
    recommendations: [
      {
        text: "Ajouter à la convention du point d'accès au droit un volet discriminations avec un bilan annuel partagé.",
        priority: "medium",
        horizon: "quick-win",
        service: MISSION,
      },
      {
        text: "Proposer aux bailleurs sociaux et aux principaux employeurs du territoire une charte d'engagement commune, suivie chaque année.",
        priority: "low",
        horizon: "long-term",
        service: "Direction du développement économique",
        exampleIndex: 1,
      },
    ],
  },
  {
    factor: 6,
    rating: "not-in-place",
    agreed: false,
    strengths: "La direction des ressources humaines a anonymisé les candidatures pour une partie des recrutements de catégorie C depuis 2024.",
    improvements:
      "La ville ne connaît pas la diversité de son personnel et ne suit pas l'effet de l'anonymisation. Les jurys ne sont pas formés et les agents rencontrés décrivent des obstacles à la promotion.",
    recommendations: [
      {
        text: "Former tous les membres de jurys de recrutement à la non-discrimination avant la prochaine campagne.",
        priority: "high",
        horizon: "quick-win",
        service: HR,
        exampleIndex: 1,
      },
      {
        text: "Mettre en place un suivi anonyme de la diversité du personnel et des parcours de promotion, publié dans le bilan social.",
        priority: "medium",
        horizon: "long-term",
        service: HR,
      },
    ],
  },
  {
    factor: 7,
    rating: "partly-in-place",
    agreed: false,
    strengths: "Les agents d'accueil du CCAS disposent d'un service d'interprétariat par téléphone, apprécié des usagers rencontrés.",
    improvements:
      "Aucun service n'a vérifié si ses règles d'accès produisent des effets discriminatoires ; les réclamations pour discrimination ne sont pas enregistrées comme telles.",
    recommendations: [
      {
        text: "Créer une catégorie « discrimination » dans l'outil de gestion des réclamations de la ville.",
        priority: "high",
        horizon: "quick-win",
        service: "Direction de la relation aux usagers",
      },
      {
        text: "Conduire chaque année l'examen d'un service essentiel (logement social, petite enfance…) pour repérer les règles aux effets discriminatoires.",
        priority: "high",
        horizon: "long-term",
        service: "Centre communal d'action sociale (CCAS)",
        exampleIndex: 0,
      },
    ],
  },
  {
    factor: 8,
    rating: "partly-in-place",
    agreed: true,
    strengths: "Une formation d'une journée sur les discriminations est proposée aux encadrants depuis 2022 ; les participants rencontrés la jugent utile.",
    improvements: "La formation est facultative et n'a touché qu'environ un encadrant sur cinq ; les agents d'accueil, les plus exposés, n'en bénéficient pas.",
    recommendations: [
      {
        text: "Ouvrir dès cette année la formation aux agents d'accueil du public, en commençant par l'état civil et le CCAS.",
        priority: "high",
        horizon: "quick-win",
        service: "Service formation",
      },
      {
        text: "Rendre la formation obligatoire pour tout nouvel encadrant et l'intégrer au plan de formation pluriannuel.",
        priority: "medium",
        horizon: "long-term",
        service: HR,
        exampleIndex: 0,
      },
    ],
  },
  {
    factor: 9,
    rating: "not-in-place",
    agreed: false,
    strengths: "Le point d'accès au droit informe les personnes qui s'y présentent de leurs droits.",
    improvements:
      "La ville ne mène aucune action d'information des migrants sur leurs droits face aux discriminations ; les documents existants ne sont qu'en français.",
    recommendations: [
      {
        text: "Traduire en anglais, en arabe et en turc le dépliant « Victime de discrimination ? » et le diffuser dans les accueils municipaux.",
        priority: "medium",
        horizon: "quick-win",
        service: "Direction de la communication",
        exampleIndex: 1,
      },
      {
        text: "Organiser avec les associations de migrants des permanences d'information sur les droits dans les quartiers prioritaires.",
        priority: "medium",
        horizon: "long-term",
        service: MISSION,
      },
    ],
  },
  {
    factor: 10,
    rating: "not-assessed",
    agreed: false,
    strengths: "",
    improvements:
      "L'équipe n'a pas pu rencontrer la direction de la commande publique et aucun document n'a été fourni : ce facteur n'a pas pu être évalué. La question est à reprendre avec la ville.",
    recommendations: [
      {
        text: "Transmettre à l'équipe de pairs les clauses types des marchés publics et la liste des marchés comportant des clauses sociales.",
        priority: "low",
        horizon: "quick-win",
        service: "Direction de la commande publique",
      },
      {
        text: "Introduire une clause de non-discrimination dans les cahiers des charges des marchés de services au public.",
        priority: "medium",
        horizon: "long-term",
        service: "Direction de la commande publique",
        exampleIndex: 0,
      },
    ],
  },
  {
    factor: 11,
    rating: "not-in-place",
    agreed: false,
    strengths: "La ville publie chaque année un rapport d'activité de la mission égalité.",
    improvements:
      "Le rapport décrit les actions menées sans en mesurer les effets ; aucune donnée sur les discriminations vécues par les habitants n'est collectée.",
    recommendations: [
      {
        text: "Ajouter au rapport annuel cinq indicateurs de résultat tirés du plan municipal.",
        priority: "medium",
        horizon: "quick-win",
        service: "Direction de l'évaluation des politiques publiques",
      },
      {
        text: "Mener tous les trois ans une enquête sur les discriminations vécues à Belleforge, avec une université partenaire.",
        priority: "low",
        horizon: "long-term",
        service: "Direction de l'évaluation des politiques publiques",
        exampleIndex: 0,
      },
    ],
  },
];

const EXECUTIVE_SUMMARY = `Belleforge a pris un engagement public clair contre les discriminations et s'est dotée d'un plan municipal 2023-2027 élaboré avec les associations. L'équipe de pairs salue la volonté politique et la qualité du dialogue avec le conseil consultatif des résidents étrangers.

La mise en œuvre reste cependant fragile : le plan n'a ni objectifs chiffrés ni budget propre, la coordination entre directions repose sur un seul agent, et la ville ne dispose d'aucune donnée pour mesurer les effets de son action. Les services essentiels et l'emploi municipal n'ont pas encore été examinés sous l'angle des discriminations.

L'équipe recommande en priorité de donner au plan des pilotes, des échéances et des indicateurs, de désigner des référents dans chaque direction, et d'ouvrir la formation aux agents d'accueil.`;

const CROSS_CUTTING = `Trois constats traversent l'ensemble des facteurs clés :
- la connaissance : sans données sur le personnel, les usagers et les réclamations, la ville ne peut ni cibler ni évaluer son action ;
- la coordination : les bonnes pratiques existent (anonymisation des candidatures, interprétariat au CCAS) mais restent isolées et dépendent de quelques personnes ;
- la visibilité : l'engagement de la ville est peu connu des habitants migrants, qui ne savent pas où s'adresser en cas de discrimination.`;

const factorId = (number: number) => `kf-${String(number).padStart(2, "0")}`;

// Minutes after SEED_TIME: the evening of the visit's last day (18 March 2026) and the days after.
const DRAFTED_AT = 16 * 24 * 60 + 10 * 60;
const AGREED_AT = 17 * 24 * 60 + 9 * 60;

type Candidate = { id: string; kind: string; origin: string | null };

// The same classification as the conclusions model (sourceKindOf), which db/ cannot import.
function sourceOf(item: Candidate) {
  if (item.origin === "host-city") return "host-city-document";
  if (item.kind === "interview-quote" || item.kind === "focus-group-note") return "interview";
  if (item.kind === "document") return "peer-document";
  return item.kind;
}

/**
 * Up to three live items logged for the factor, preferring different kinds of source so the
 * conclusions are triangulated, except factor 9, kept on one source to show the warning.
 */
async function pickCitations(db: AsyncDb, factor: number) {
  const candidates: Candidate[] = await db
    .select({ id: evidence.id, kind: evidence.kind, origin: documents.origin })
    .from(evidence)
    .innerJoin(evidenceFactors, eq(evidenceFactors.evidenceId, evidence.id))
    .leftJoin(documents, eq(documents.id, evidence.documentId))
    .where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), eq(evidenceFactors.factorId, factorId(factor)), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.id))
    .all();
  if (!candidates.length) return [];
  if (factor === 9) {
    const source = sourceOf(candidates[0]!);
    return candidates
      .filter((item) => sourceOf(item) === source)
      .slice(0, 2)
      .map((item) => item.id);
  }
  const picked: Candidate[] = [];
  for (const item of candidates) {
    if (picked.length < 3 && !picked.some((chosen) => sourceOf(chosen) === sourceOf(item))) picked.push(item);
  }
  for (const item of candidates) {
    if (picked.length < 2 && !picked.includes(item)) picked.push(item);
  }
  return picked.map((item) => item.id);
}

export async function seedConclusions(db: AsyncDb) {
  for (const [index, seed] of CONCLUSIONS.entries()) {
    const id = factorId(seed.factor);
    const draftedAt = at(DRAFTED_AT + index * 11);
    const author = index % 2 === 0 ? "demo-peer" : "demo-peer2";
    await db
      .insert(conclusions)
      .values({
        reviewId: DEMO_REVIEW_ID,
        factorId: id,
        rating: seed.rating,
        strengths: seed.strengths,
        improvements: seed.improvements,
        state: seed.agreed ? "agreed" : "draft",
        version: seed.agreed ? 2 : 1,
        updatedBy: author,
        updatedAt: draftedAt,
        agreedBy: seed.agreed ? "demo-lead" : null,
        agreedAt: seed.agreed ? at(AGREED_AT + index * 5) : null,
      })
      .run();
    for (const evidenceId of await pickCitations(db, seed.factor)) {
      await db.insert(conclusionCitations).values({ reviewId: DEMO_REVIEW_ID, factorId: id, evidenceId }).run();
    }
    for (const [position, recommendation] of seed.recommendations.entries()) {
      await db
        .insert(recommendations)
        .values({
          id: `demo-rec-${id.slice(3)}-${position + 1}`,
          reviewId: DEMO_REVIEW_ID,
          factorId: id,
          text: recommendation.text,
          priority: recommendation.priority,
          horizon: recommendation.horizon,
          responsibleService: recommendation.service,
          exampleIndex: recommendation.exampleIndex ?? null,
          position: position + 1,
          createdBy: author,
          createdAt: at(DRAFTED_AT + index * 11 + position + 1),
        })
        .run();
    }
  }
  await db
    .update(reviews)
    .set({ executiveSummary: EXECUTIVE_SUMMARY, crossCuttingConclusions: CROSS_CUTTING, summaryVersion: 1 })
    .where(eq(reviews.id, DEMO_REVIEW_ID))
    .run();
}
