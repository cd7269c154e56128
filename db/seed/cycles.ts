import { eq } from "drizzle-orm";
import type { AsyncDb } from "../async-db";
import type { FollowUpVerdict, Rating } from "../enums";
import { conclusions, followUps, recommendations, reviewMembers, reviews, selfAssessmentAnswers, selfAssessmentFactors } from "../schema";
import { DEMO_ACCOUNTS, DEMO_CITY_ID, DEMO_REVIEW_ID } from "./accounts";

/*
 * Belleforge's previous cycle: the peer review of 2023, issued, whose recommendations the current
 * demo review follows up (what the host team says was done, the peers' first verdicts).
 */
export const DEMO_PREVIOUS_REVIEW_ID = "demo-2023";

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

const factorId = (number: number) => `kf-${String(number).padStart(2, "0")}`;

// [self-rating, agreed peer rating] of each key factor in 2023.
const RATINGS_2023: [Rating, Rating][] = [
  ["partly-in-place", "not-in-place"],
  ["partly-in-place", "partly-in-place"],
  ["not-in-place", "not-in-place"],
  ["partly-in-place", "not-in-place"],
  ["partly-in-place", "partly-in-place"],
  ["not-in-place", "not-in-place"],
  ["partly-in-place", "not-in-place"],
  ["not-in-place", "not-in-place"],
  ["not-in-place", "not-in-place"],
  ["not-assessed", "not-assessed"],
  ["not-in-place", "not-in-place"],
];

const RECOMMENDATIONS_2023: { factor: number; text: string; priority: "high" | "medium" | "low"; horizon: "quick-win" | "long-term"; service: string }[] = [
  {
    factor: 1,
    text: "Adopter un plan municipal de lutte contre les discriminations, voté en conseil, avec un élu référent.",
    priority: "high",
    horizon: "quick-win",
    service: "Cabinet du maire",
  },
  {
    factor: 3,
    text: "Recueillir chaque année des données anonymes sur le personnel municipal et les réclamations des usagers.",
    priority: "high",
    horizon: "long-term",
    service: "Direction des ressources humaines",
  },
  {
    factor: 4,
    text: "Former les agents d'accueil à l'accueil sans discrimination et à l'orientation des victimes.",
    priority: "medium",
    horizon: "quick-win",
    service: "Direction des ressources humaines",
  },
  {
    factor: 7,
    text: "Anonymiser les candidatures aux emplois municipaux et publier les résultats du recrutement.",
    priority: "medium",
    horizon: "long-term",
    service: "Direction des ressources humaines",
  },
  {
    factor: 9,
    text: "Ouvrir un guichet d'accueil des victimes de discrimination avec les associations du territoire.",
    priority: "high",
    horizon: "quick-win",
    service: "Mission égalité-diversité",
  },
];

// What the host team says it did about four of them, and the peers' verdicts so far on two, each on an item of the log.
const FOLLOW_UPS: { index: number; hostAccount: string; verdict?: FollowUpVerdict; evidence?: string }[] = [
  {
    index: 0,
    hostAccount: "Le plan municipal 2023-2027 a été voté en conseil en novembre 2023 ; l'adjointe à l'égalité en est l'élue référente.",
    verdict: "implemented",
    evidence: "demo-ev-001",
  },
  {
    index: 1,
    hostAccount: "Un premier bilan des réclamations a été fait en 2025 ; les données sur le personnel ne sont pas encore recueillies.",
    verdict: "partly-implemented",
    evidence: "demo-ev-002",
  },
  { index: 2, hostAccount: "Deux sessions de formation ont eu lieu en 2024 pour quarante agents d'accueil." },
  { index: 4, hostAccount: "La Maison des droits reçoit les victimes depuis 2024, avec Droit au Toit Belleforge." },
];

export async function seedPreviousCycle(db: AsyncDb) {
  const created = day("2022-11-07");
  const issuedAt = day("2023-06-15");
  await db
    .insert(reviews)
    .values({
      id: DEMO_PREVIOUS_REVIEW_ID,
      cityId: DEMO_CITY_ID,
      hostCity: "Belleforge",
      country: "France",
      frameworkId: "eurocities-anti-discrimination",
      frameworkVersion: "2012.1",
      kind: "peer-review",
      phase: "issued",
      visitStart: "2023-03-14",
      visitEnd: "2023-03-16",
      reportLocale: "fr",
      timeZone: "Europe/Paris",
      selfAssessmentSubmittedAt: day("2023-02-20"),
      selfAssessmentSubmittedBy: "demo-host",
      executiveSummary:
        "Belleforge affiche une volonté claire mais n'a pas encore de plan, de données ni de lieu où les victimes de discrimination sont reçues. L'équipe de pairs recommande de commencer par là.",
      issuedAt,
      // Put away once the next cycle started: out of the review lists, still on the city's page.
      archivedAt: day("2025-09-01"),
      createdBy: "demo-admin",
      createdAt: created,
    })
    .run();
  // The peer team and the city's readers of 2023; the host team of today joined the city since.
  for (const account of DEMO_ACCOUNTS) {
    if (account.role !== "lead-expert" && account.role !== "peer-reviewer" && account.role !== "host-reader") continue;
    await db
      .insert(reviewMembers)
      .values({ reviewId: DEMO_PREVIOUS_REVIEW_ID, userId: account.id, role: account.role, affiliation: account.organisation, createdAt: created })
      .run();
  }
  for (const [i, [self, peer]] of RATINGS_2023.entries()) {
    const id = factorId(i + 1);
    await db
      .insert(selfAssessmentFactors)
      .values({ reviewId: DEMO_PREVIOUS_REVIEW_ID, factorId: id, rating: self, summary: "", updatedBy: "demo-host", updatedAt: day("2023-02-18") })
      .run();
    await db
      .insert(conclusions)
      .values({
        reviewId: DEMO_PREVIOUS_REVIEW_ID,
        factorId: id,
        rating: peer,
        strengths: "",
        improvements: "",
        state: "agreed",
        updatedBy: "demo-lead",
        updatedAt: day("2023-04-20"),
        agreedBy: "demo-lead",
        agreedAt: day("2023-04-21"),
      })
      .run();
  }
  await db
    .insert(selfAssessmentAnswers)
    .values({
      reviewId: DEMO_PREVIOUS_REVIEW_ID,
      factorId: "kf-01",
      questionId: "kf-01-q1",
      text: "Le maire a signé la charte de la Coalition européenne des villes contre le racisme en 2022.",
      updatedBy: "demo-host",
      updatedAt: day("2023-02-18"),
    })
    .run();
  const ids: string[] = [];
  for (const [i, rec] of RECOMMENDATIONS_2023.entries()) {
    const id = `demo-2023-rec-${i + 1}`;
    await db
      .insert(recommendations)
      .values({
        id,
        reviewId: DEMO_PREVIOUS_REVIEW_ID,
        factorId: factorId(rec.factor),
        text: rec.text,
        priority: rec.priority,
        horizon: rec.horizon,
        responsibleService: rec.service,
        position: 0,
        createdBy: "demo-lead",
        createdAt: day("2023-04-19"),
      })
      .run();
    ids.push(id);
  }
  await db.update(reviews).set({ previousReviewId: DEMO_PREVIOUS_REVIEW_ID }).where(eq(reviews.id, DEMO_REVIEW_ID)).run();
  // Two of this cycle's recommendations say which earlier one they continue: the training of the
  // reception staff (2023, key factor 4; now key factor 8) and the welcome of victims (key factor 9).
  for (const [recommendationId, earlier] of [
    ["demo-rec-08-1", 2],
    ["demo-rec-09-1", 4],
  ] as const) {
    await db.update(recommendations).set({ continuesId: ids[earlier]! }).where(eq(recommendations.id, recommendationId)).run();
  }
  for (const followUp of FOLLOW_UPS) {
    await db
      .insert(followUps)
      .values({
        reviewId: DEMO_REVIEW_ID,
        recommendationId: ids[followUp.index]!,
        hostAccount: followUp.hostAccount,
        hostUpdatedBy: "demo-host",
        hostUpdatedAt: day("2026-02-25"),
        verdict: followUp.verdict ?? null,
        evidenceId: followUp.evidence ?? null,
        verdictBy: followUp.verdict ? "demo-peer" : null,
        verdictAt: followUp.verdict ? day("2026-03-17") : null,
      })
      .run();
  }
}
