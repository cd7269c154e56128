import { and, asc, eq } from "drizzle-orm";
import { conclusions, partners, planActions, planActionUpdates, recommendations, reviews, users, type PlanStatus } from "#db/schema";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { isoDay } from "#app/utils/dates";
import type { FieldErrors } from "#app/utils/validation";
import { canUpdatePlanAction, type Reader } from "#app/utils/permissions";
import { writeAudit } from "./audit.server";
import { CLOSED_STATUSES, type PlanActionInput, type PlanUpdateInput } from "./plan-action-schema";
import { newId } from "./user.server";

/*
 * The living development plan: each recommendation of a review is carried out as a plan action
 * (its owner, axis, dates, indicator, status and a dated log of progress). The plan stays open
 * after the review is issued; every change is audited with the transaction that makes it.
 */

export type PlanOutcome = { ok: true } | { ok: false; status: 400 | 403 | 404; errors: FieldErrors };

const refuse = (status: 400 | 403 | 404, message: string, field = "_form"): PlanOutcome => ({ ok: false, status, errors: { [field]: [message] } });

/** What a recommendation without a planning row stands at: its service owns it, nothing started. */
export const UNPLANNED = {
  ownerPartnerId: null,
  ownerPartnerName: null,
  axis: "",
  startDate: null,
  dueDate: null,
  indicator: "",
  baseline: "",
  target: "",
  status: "not-started" as PlanStatus,
  updates: 0,
  lastUpdateAt: null,
};

/** Whether an action is past its due day (in the review's calendar) and not finished. */
export function isOverdue(action: { dueDate: string | null; status: PlanStatus }, today: string) {
  return action.dueDate !== null && action.dueDate < today && !(CLOSED_STATUSES as readonly string[]).includes(action.status);
}

/** Today in the review's time zone (YYYY-MM-DD), the day due dates are compared with. */
export async function reviewToday(reviewId: string, now = new Date()) {
  const review = await db.select({ timeZone: reviews.timeZone }).from(reviews).where(eq(reviews.id, reviewId)).get();
  return isoDay(now, review?.timeZone ?? "Europe/Brussels");
}

/** Every planning row of a review, by recommendation, with its owner's name and its updates' count. */
export async function planActionsByRecommendation(reviewId: string) {
  const rows = await db
    .select({
      recommendationId: planActions.recommendationId,
      ownerService: planActions.ownerService,
      ownerPartnerId: planActions.ownerPartnerId,
      ownerPartnerName: partners.name,
      axis: planActions.axis,
      startDate: planActions.startDate,
      dueDate: planActions.dueDate,
      indicator: planActions.indicator,
      baseline: planActions.baseline,
      target: planActions.target,
      status: planActions.status,
    })
    .from(planActions)
    .leftJoin(partners, eq(partners.id, planActions.ownerPartnerId))
    .where(eq(planActions.reviewId, reviewId));
  const updates = await db
    .select({ recommendationId: planActionUpdates.recommendationId, createdAt: planActionUpdates.createdAt })
    .from(planActionUpdates)
    .where(eq(planActionUpdates.reviewId, reviewId));
  const counts = new Map<string, { updates: number; lastUpdateAt: Date | null }>();
  for (const update of updates) {
    const entry = counts.get(update.recommendationId) ?? { updates: 0, lastUpdateAt: null };
    entry.updates += 1;
    if (!entry.lastUpdateAt || update.createdAt > entry.lastUpdateAt) entry.lastUpdateAt = update.createdAt;
    counts.set(update.recommendationId, entry);
  }
  return new Map(rows.map((row) => [row.recommendationId, { ...row, ...(counts.get(row.recommendationId) ?? { updates: 0, lastUpdateAt: null }) }]));
}

/** The progress log of one action, oldest first, with who wrote each entry. */
export async function listPlanUpdates({ reviewId, recommendationId }: { reviewId: string; recommendationId: string }) {
  return db
    .select({
      id: planActionUpdates.id,
      note: planActionUpdates.note,
      value: planActionUpdates.value,
      status: planActionUpdates.status,
      createdAt: planActionUpdates.createdAt,
      authorName: users.name,
    })
    .from(planActionUpdates)
    .leftJoin(users, eq(users.id, planActionUpdates.authorId))
    .where(and(eq(planActionUpdates.reviewId, reviewId), eq(planActionUpdates.recommendationId, recommendationId)))
    .orderBy(asc(planActionUpdates.createdAt), asc(planActionUpdates.id));
}

type Tx = AsyncDb;

/** A recommendation of this review with its conclusion's state and its planning row (if any); a forged id is not found. */
async function actionRow(tx: Tx, reviewId: string, recommendationId: string) {
  const recommendation = await tx
    .select({ id: recommendations.id, factorId: recommendations.factorId, responsibleService: recommendations.responsibleService, state: conclusions.state })
    .from(recommendations)
    .leftJoin(conclusions, and(eq(conclusions.reviewId, recommendations.reviewId), eq(conclusions.factorId, recommendations.factorId)))
    .where(and(eq(recommendations.id, recommendationId), eq(recommendations.reviewId, reviewId)))
    .get();
  if (!recommendation) return null;
  const plan = await tx.select().from(planActions).where(eq(planActions.recommendationId, recommendationId)).get();
  return { recommendation: { ...recommendation, state: recommendation.state ?? ("draft" as const) }, plan };
}

/** The planning fields as the audit log keeps them. */
function planned(plan: typeof planActions.$inferSelect) {
  const { ownerService, ownerPartnerId, axis, startDate, dueDate, indicator, baseline, target, status } = plan;
  return { ownerService, ownerPartnerId, axis, startDate, dueDate, indicator, baseline, target, status };
}

/** A partner of the review's city, or null. */
async function cityPartner(tx: Tx, reviewId: string, partnerId: string) {
  const review = await tx.select({ cityId: reviews.cityId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review?.cityId) return null;
  return tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.id, partnerId), eq(partners.cityId, review.cityId)))
    .get();
}

/** Plans an action (the lead or the host team): every field at once, in one transaction with its audit entry. */
export async function savePlanAction({
  reviewId,
  recommendationId,
  userId,
  input,
}: {
  reviewId: string;
  recommendationId: string;
  userId: string;
  input: PlanActionInput;
}): Promise<PlanOutcome> {
  return transaction(db, async (tx): Promise<PlanOutcome> => {
    const row = await actionRow(tx, reviewId, recommendationId);
    if (!row) return refuse(404, "plan:errors.unknownAction");
    if (input.ownerPartnerId && !(await cityPartner(tx, reviewId, input.ownerPartnerId))) return refuse(400, "plan:errors.unknownPartner", "ownerPartnerId");
    const next = {
      ownerService: input.ownerPartnerId ? "" : input.ownerService,
      ownerPartnerId: input.ownerPartnerId || null,
      axis: input.axis,
      startDate: input.startDate,
      dueDate: input.dueDate,
      indicator: input.indicator,
      baseline: input.baseline,
      target: input.target,
      status: input.status,
    };
    const updatedAt = new Date();
    if (row.plan) {
      await tx
        .update(planActions)
        .set({ ...next, updatedBy: userId, updatedAt })
        .where(eq(planActions.recommendationId, recommendationId))
        .run();
    } else {
      await tx
        .insert(planActions)
        .values({ recommendationId, reviewId, ...next, updatedBy: userId, updatedAt })
        .run();
    }
    await writeAudit(tx, {
      reviewId,
      userId,
      action: row.plan ? "update" : "create",
      entity: "plan-action",
      entityId: recommendationId,
      before: row.plan ? planned(row.plan) : null,
      after: next,
    });
    return { ok: true };
  });
}

/**
 * Records progress on an action: a dated note, the indicator's value, the status it leaves the
 * action in. Whoever may update the plan, on an action they may read: a plan partner only on one
 * its organisation owns (refused with a message otherwise, nothing written).
 */
export async function addPlanUpdate({
  reader,
  recommendationId,
  input,
}: {
  reader: Reader & { partnerId: string | null; user: { id: string }; review: { id: string } };
  recommendationId: string;
  input: PlanUpdateInput;
}): Promise<PlanOutcome> {
  const reviewId = reader.review.id;
  const userId = reader.user.id;
  return transaction(db, async (tx): Promise<PlanOutcome> => {
    const row = await actionRow(tx, reviewId, recommendationId);
    if (!row) return refuse(404, "plan:errors.unknownAction");
    const ownerPartnerId = row.plan?.ownerPartnerId ?? null;
    if (!canUpdatePlanAction(reader, { state: row.recommendation.state, ownerPartnerId })) return refuse(403, "plan:errors.notYourAction");
    const id = newId();
    const entry = { note: input.note, value: input.value, status: input.status };
    await tx
      .insert(planActionUpdates)
      .values({ id, reviewId, recommendationId, ...entry, authorId: userId })
      .run();
    const before = row.plan?.status ?? "not-started";
    if (row.plan) {
      await tx
        .update(planActions)
        .set({ status: input.status, updatedBy: userId, updatedAt: new Date() })
        .where(eq(planActions.recommendationId, recommendationId))
        .run();
    } else {
      await tx
        .insert(planActions)
        .values({
          recommendationId,
          reviewId,
          ownerService: row.recommendation.responsibleService,
          status: input.status,
          updatedBy: userId,
          updatedAt: new Date(),
        })
        .run();
    }
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "create",
      entity: "plan-action-update",
      entityId: id,
      before: { status: before },
      after: { recommendationId, ...entry },
    });
    return { ok: true };
  });
}
