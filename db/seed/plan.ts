import type { AsyncDb } from "../async-db";
import { partners, partnerTrainings, planActions, planActionUpdates, type PlanStatus } from "../schema";
import { at, DEMO_CITY_ID, DEMO_REVIEW_ID } from "./accounts";

/*
 * Belleforge's collective (its charter's partners) and the demo review's development plan as it
 * is carried out: actions in every status, owned by city services and by two partners, one action
 * overdue, a dated progress log. The social centre's account (partner@demo.test) is its plan
 * partner: it sees the agreed actions the centre owns, and not the one on a draft conclusion.
 */

export const DEMO_PARTNER_ID = "demo-partner-tilleuls";
const ASSOCIATION_ID = "demo-partner-droits-devant";

/** The partner organisation a demo account joins the plan for (the plan partner's), or null. */
export function demoPartnerOf(account: { role: string | null }) {
  return account.role === "plan-partner" ? DEMO_PARTNER_ID : null;
}

export async function seedPartners(db: AsyncDb) {
  await db
    .insert(partners)
    .values([
      { id: DEMO_PARTNER_ID, cityId: DEMO_CITY_ID, name: "Centre social des Tilleuls", kind: "social-centre", charterSignedOn: "2024-05-14", createdAt: at(1) },
      { id: ASSOCIATION_ID, cityId: DEMO_CITY_ID, name: "Association Droits devant Belleforge", kind: "association", charterSignedOn: null, createdAt: at(1) },
    ])
    .run();
  await db
    .insert(partnerTrainings)
    .values([
      {
        id: "demo-training-1",
        partnerId: DEMO_PARTNER_ID,
        date: "2025-11-20",
        topic: "Repérer une discrimination et orienter la victime",
        peopleTrained: 12,
        createdAt: at(1),
      },
      {
        id: "demo-training-2",
        partnerId: DEMO_PARTNER_ID,
        date: "2026-02-05",
        topic: "Le droit de la non-discrimination à l'accueil",
        peopleTrained: 8,
        createdAt: at(1),
      },
    ])
    .run();
}

type SeedAction = {
  recommendationId: string;
  ownerService?: string;
  ownerPartnerId?: string;
  axis?: string;
  startDate?: string;
  dueDate?: string;
  indicator?: string;
  baseline?: string;
  target?: string;
  status: PlanStatus;
  updates?: { note: string; value?: string; status: PlanStatus; author: string; minutes: number }[];
};

// Minutes after the seed's start (2 March 2026, 09:00 UTC): the updates come after the visit.
const DAY = 24 * 60;

const ACTIONS: SeedAction[] = [
  {
    recommendationId: "demo-rec-01-1",
    ownerService: "Direction de la communication",
    axis: "Mémoire et communication",
    startDate: "2026-04-01",
    dueDate: "2026-06-30",
    indicator: "Déclaration publiée",
    baseline: "0",
    target: "1",
    status: "done",
    updates: [
      {
        note: "La déclaration du maire est parue dans le magazine de juin et sur le site.",
        value: "1",
        status: "done",
        author: "demo-host",
        minutes: 40 * DAY,
      },
    ],
  },
  { recommendationId: "demo-rec-01-2", ownerService: "Cabinet du maire", startDate: "2026-09-01", dueDate: "2028-06-30", status: "not-started" },
  {
    recommendationId: "demo-rec-02-1",
    ownerPartnerId: DEMO_PARTNER_ID,
    axis: "Observatoire",
    startDate: "2026-04-15",
    dueDate: "2026-10-31",
    indicator: "Actions du plan dotées d'un indicateur",
    baseline: "3 sur 14",
    target: "14 sur 14",
    status: "in-progress",
    updates: [
      {
        note: "Premier atelier avec les directions : six fiches action complétées.",
        value: "9 sur 14",
        status: "in-progress",
        author: "demo-partner",
        minutes: 30 * DAY,
      },
    ],
  },
  {
    recommendationId: "demo-rec-03-1",
    ownerPartnerId: DEMO_PARTNER_ID,
    axis: "Formation des élus et des partenaires",
    startDate: "2026-05-01",
    dueDate: "2027-03-31",
    indicator: "Référents désignés",
    baseline: "2",
    target: "12",
    status: "on-hold",
    updates: [
      {
        note: "En attente de la réorganisation des directions votée à l'automne.",
        status: "on-hold",
        author: "demo-partner",
        minutes: 50 * DAY,
      },
    ],
  },
  {
    recommendationId: "demo-rec-03-2",
    ownerPartnerId: ASSOCIATION_ID,
    axis: "Accompagnement socio-juridique des victimes",
    startDate: "2026-03-01",
    dueDate: "2028-12-31",
    status: "in-progress",
  },
  { recommendationId: "demo-rec-04-1", ownerService: "Direction des ressources humaines", status: "dropped" },
  {
    recommendationId: "demo-rec-05-1",
    ownerPartnerId: DEMO_PARTNER_ID,
    axis: "Observatoire",
    startDate: "2027-01-01",
    dueDate: "2028-12-31",
    status: "not-started",
  },
  // On kf-06, whose conclusion is still a draft: the partner owns it but does not see it until it is agreed.
  { recommendationId: "demo-rec-06-1", ownerPartnerId: DEMO_PARTNER_ID, status: "not-started" },
  { recommendationId: "demo-rec-08-1", ownerPartnerId: ASSOCIATION_ID, axis: "Mémoire et communication", status: "done" },
];

export async function seedPlan(db: AsyncDb) {
  for (const action of ACTIONS) {
    const { updates = [], ...fields } = action;
    await db
      .insert(planActions)
      .values({
        reviewId: DEMO_REVIEW_ID,
        ...fields,
        ownerService: fields.ownerService ?? "",
        ownerPartnerId: fields.ownerPartnerId ?? null,
        updatedBy: "demo-host",
        updatedAt: at(20 * DAY),
      })
      .run();
    for (const [index, update] of updates.entries()) {
      await db
        .insert(planActionUpdates)
        .values({
          id: `${action.recommendationId}-update-${index + 1}`,
          reviewId: DEMO_REVIEW_ID,
          recommendationId: action.recommendationId,
          note: update.note,
          value: update.value ?? "",
          status: update.status,
          authorId: update.author,
          createdAt: at(update.minutes),
        })
        .run();
    }
  }
}
