import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import { getKeyFactor, localize, requireFramework, type Locale } from "#benchmark/index";
import { conclusions, HORIZONS, PRIORITIES, recommendations, reviews, type Horizon, type Priority } from "#db/schema";
import { foldText } from "#db/search-text";
import { matchesSearch, searchTerms, type TableConfig, type TableState } from "#app/utils/table-state";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { writeAudit } from "./audit.server";
import { assertDraft, assertNotIssued, refuse, type Tx } from "./conclusion.server";
import { newId } from "./user.server";
import { isOverdue, planActionsByRecommendation, reviewToday, UNPLANNED } from "./plan-action.server";

export type RecommendationInput = {
  text: string;
  priority: Priority;
  horizon: Horizon;
  responsibleService: string;
  /** Index into the factor's benchmark city examples, or null. */
  exampleIndex: number | null;
  /** The previous cycle's recommendation (same city) this one continues, or null. */
  continuesId?: string | null;
};

const columns = {
  id: recommendations.id,
  factorId: recommendations.factorId,
  text: recommendations.text,
  priority: recommendations.priority,
  horizon: recommendations.horizon,
  responsibleService: recommendations.responsibleService,
  exampleIndex: recommendations.exampleIndex,
  continuesId: recommendations.continuesId,
  position: recommendations.position,
  createdAt: recommendations.createdAt,
  updatedAt: recommendations.updatedAt,
};

/**
 * Recommendations of a review (or of one factor), in the team's order. `agreedOnly` keeps only
 * those of factors whose conclusion is agreed: host readers see the final plan, never drafts.
 */
export async function listRecommendations({ reviewId, factorId, agreedOnly = false }: { reviewId: string; factorId?: string; agreedOnly?: boolean }) {
  const rows = await db
    .select({ ...columns, state: conclusions.state })
    .from(recommendations)
    .leftJoin(conclusions, and(eq(conclusions.reviewId, recommendations.reviewId), eq(conclusions.factorId, recommendations.factorId)))
    .where(and(eq(recommendations.reviewId, reviewId), factorId ? eq(recommendations.factorId, factorId) : undefined))
    .orderBy(asc(recommendations.factorId), asc(recommendations.position), asc(recommendations.createdAt));
  return rows
    .filter((row) => !agreedOnly || row.state === "agreed")
    .map(({ createdAt, updatedAt, state, ...row }) => ({
      ...row,
      state: state ?? ("draft" as const),
      /** The optimistic-lock token an edit form sends back (there is no version column). */
      token: versionToken({ createdAt, updatedAt }),
    }));
}

export type RecommendationRow = Awaited<ReturnType<typeof listRecommendations>>[number];

function versionToken(row: { createdAt: Date; updatedAt: Date | null }) {
  return (row.updatedAt ?? row.createdAt).getTime();
}

async function checkInput(tx: Tx, reviewId: string, factorId: string, input: RecommendationInput) {
  if (!input.text.trim()) refuse(400, "errors.required", { field: "text" });
  if (!(PRIORITIES as readonly string[]).includes(input.priority)) refuse(400, "conclusions:errors.priorityRequired", { field: "priority" });
  if (!(HORIZONS as readonly string[]).includes(input.horizon)) refuse(400, "conclusions:errors.horizonRequired", { field: "horizon" });
  if (input.exampleIndex !== null) {
    const review = (await tx.select({ frameworkId: reviews.frameworkId }).from(reviews).where(eq(reviews.id, reviewId)).get())!;
    const factor = getKeyFactor(requireFramework(review.frameworkId), factorId);
    if (!factor || !Number.isInteger(input.exampleIndex) || input.exampleIndex < 0 || input.exampleIndex >= factor.examples.length) {
      refuse(400, "conclusions:errors.exampleUnknown", { field: "exampleIndex" });
    }
  }
  if (input.continuesId) await checkContinues(tx, reviewId, input.continuesId);
}

/**
 * A recommendation continues one of the previous cycle of the same city, never another city's
 * (or another of the city's reviews): refused next to the field, nothing written.
 */
async function checkContinues(tx: Tx, reviewId: string, continuesId: string) {
  const review = (await tx.select({ cityId: reviews.cityId, previousReviewId: reviews.previousReviewId }).from(reviews).where(eq(reviews.id, reviewId)).get())!;
  const earlier = await tx
    .select({ reviewId: recommendations.reviewId, cityId: reviews.cityId })
    .from(recommendations)
    .innerJoin(reviews, eq(reviews.id, recommendations.reviewId))
    .where(eq(recommendations.id, continuesId))
    .get();
  if (earlier && earlier.cityId !== review.cityId) refuse(409, "conclusions:errors.continuesOtherCity", { field: "continuesId" });
  if (!earlier || !review.previousReviewId || earlier.reviewId !== review.previousReviewId) {
    refuse(409, "conclusions:errors.continuesNotPrevious", { field: "continuesId" });
  }
}

/** A recommendation of this review and factor; a forged id from elsewhere is simply not found. */
async function getRow(tx: Tx, reviewId: string, factorId: string, recommendationId: string) {
  const row = await tx
    .select(columns)
    .from(recommendations)
    .where(and(eq(recommendations.id, recommendationId), eq(recommendations.reviewId, reviewId), eq(recommendations.factorId, factorId)))
    .get();
  if (!row) refuse(404, "conclusions:errors.noRecommendation");
  return row;
}

function publicRow(row: {
  text: string;
  priority: Priority;
  horizon: Horizon;
  responsibleService: string;
  exampleIndex: number | null;
  continuesId: string | null;
  position: number;
}) {
  const { text, priority, horizon, responsibleService, exampleIndex, continuesId, position } = row;
  return { text, priority, horizon, responsibleService, exampleIndex, continuesId, position };
}

export async function createRecommendation({
  reviewId,
  factorId,
  userId,
  input,
}: {
  reviewId: string;
  factorId: string;
  userId: string;
  input: RecommendationInput;
}) {
  return transaction(db, async (tx) => {
    await assertNotIssued(tx, reviewId);
    await assertDraft(tx, reviewId, factorId);
    await checkInput(tx, reviewId, factorId, input);
    const last = await tx
      .select({ position: recommendations.position })
      .from(recommendations)
      .where(and(eq(recommendations.reviewId, reviewId), eq(recommendations.factorId, factorId)))
      .orderBy(desc(recommendations.position))
      .get();
    const id = newId();
    const row = { ...input, text: input.text.trim(), continuesId: input.continuesId ?? null, position: (last?.position ?? 0) + 1 };
    await tx
      .insert(recommendations)
      .values({ id, reviewId, factorId, ...row, createdBy: userId })
      .run();
    await writeAudit(tx, { reviewId, userId, action: "create", entity: "recommendation", entityId: id, after: { factorId, ...row } });
    return { id };
  });
}

/**
 * Edits a recommendation. `token` is the version the user saw (its last change time): a save
 * made on an older one is refused with the other person's text so that neither is lost.
 */
export async function updateRecommendation({
  reviewId,
  factorId,
  recommendationId,
  userId,
  token,
  input,
}: {
  reviewId: string;
  factorId: string;
  recommendationId: string;
  userId: string;
  token: number;
  input: RecommendationInput;
}) {
  return transaction(db, async (tx) => {
    await assertNotIssued(tx, reviewId);
    const current = await getRow(tx, reviewId, factorId, recommendationId);
    await assertDraft(tx, reviewId, factorId);
    const currentToken = versionToken(current);
    if (currentToken !== token) {
      refuse(409, "conclusions:errors.conflict", { conflict: { ...publicRow(current), token: currentToken } });
    }
    await checkInput(tx, reviewId, factorId, input);
    // Strictly later than the previous token, so two saves within one millisecond still differ.
    const updatedAt = new Date(Math.max(Date.now(), currentToken + 1));
    const next = { ...input, text: input.text.trim(), continuesId: input.continuesId ?? null };
    await tx
      .update(recommendations)
      .set({ ...next, updatedAt })
      .where(eq(recommendations.id, recommendationId))
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "update",
      entity: "recommendation",
      entityId: recommendationId,
      before: publicRow(current),
      after: { ...next, position: current.position },
    });
    return { token: updatedAt.getTime() };
  });
}

/** Swaps a recommendation with its neighbour above or below, within its factor. */
export async function moveRecommendation({
  reviewId,
  factorId,
  recommendationId,
  userId,
  direction,
}: {
  reviewId: string;
  factorId: string;
  recommendationId: string;
  userId: string;
  direction: "up" | "down";
}) {
  return transaction(db, async (tx) => {
    await assertNotIssued(tx, reviewId);
    const current = await getRow(tx, reviewId, factorId, recommendationId);
    await assertDraft(tx, reviewId, factorId);
    const neighbour = await tx
      .select({ id: recommendations.id, position: recommendations.position })
      .from(recommendations)
      .where(
        and(
          eq(recommendations.reviewId, reviewId),
          eq(recommendations.factorId, factorId),
          direction === "up" ? lt(recommendations.position, current.position) : gt(recommendations.position, current.position),
        ),
      )
      .orderBy(direction === "up" ? desc(recommendations.position) : asc(recommendations.position))
      .get();
    // Already first (or last): nothing to do, and nothing to record.
    if (!neighbour) return { moved: false };
    await tx.update(recommendations).set({ position: neighbour.position }).where(eq(recommendations.id, current.id)).run();
    await tx.update(recommendations).set({ position: current.position }).where(eq(recommendations.id, neighbour.id)).run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "move",
      entity: "recommendation",
      entityId: recommendationId,
      before: { position: current.position },
      after: { position: neighbour.position, direction },
    });
    return { moved: true };
  });
}

export async function deleteRecommendation({
  reviewId,
  factorId,
  recommendationId,
  userId,
}: {
  reviewId: string;
  factorId: string;
  recommendationId: string;
  userId: string;
}) {
  await transaction(db, async (tx) => {
    await assertNotIssued(tx, reviewId);
    const current = await getRow(tx, reviewId, factorId, recommendationId);
    await assertDraft(tx, reviewId, factorId);
    await tx.delete(recommendations).where(eq(recommendations.id, recommendationId)).run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "delete",
      entity: "recommendation",
      entityId: recommendationId,
      before: { factorId, ...publicRow(current) },
    });
  });
}

// ---- The development plan -----------------------------------------------------

/** The plan as a table view in the URL, shared by the page and its CSV export. */
export const PLAN_TABLE = {
  filterKeys: ["factor", "priority", "service", "horizon", "owner", "status", "axis", "overdue"],
  defaultSort: [{ id: "factor", desc: false }],
} as const satisfies TableConfig;

const HORIZON_ORDER: Record<Horizon, number> = { "quick-win": 0, "long-term": 1 };
const PRIORITY_ORDER: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/**
 * Every recommendation of the review, quick wins first, then by factor and the team's order,
 * with its factor's title and the benchmark example it draws on, in the reader's language.
 */
export async function listPlan({
  reviewId,
  frameworkId,
  locale,
  agreedOnly = false,
}: {
  reviewId: string;
  frameworkId: string;
  locale: Locale;
  agreedOnly?: boolean;
}) {
  const framework = requireFramework(frameworkId);
  const rows = await listRecommendations({ reviewId, agreedOnly });
  const plans = await planActionsByRecommendation(reviewId);
  const today = await reviewToday(reviewId);
  return rows
    .map((row) => {
      const factor = getKeyFactor(framework, row.factorId);
      const example = row.exampleIndex === null ? undefined : factor?.examples[row.exampleIndex];
      const factorLabel = factor ? `${factor.number}. ${localize(factor.title, locale)}` : row.factorId;
      const plan = plans.get(row.id) ?? { ...UNPLANNED, ownerService: row.responsibleService };
      // The owner: a partner organisation of the city, or a city service (the recommendation's until planned).
      const ownerService = plan.ownerPartnerId ? "" : plan.ownerService || row.responsibleService;
      return {
        ...plan,
        ownerService,
        owner: plan.ownerPartnerName ?? ownerService,
        /** The owner as a filter value: "partner:<id>" or "service:<name>". */
        ownerKey: plan.ownerPartnerId ? `partner:${plan.ownerPartnerId}` : `service:${ownerService}`,
        /** The axis as planned (may be empty). */
        plannedAxis: plan.axis,
        /** The plan's axis, or the action's key factor when none is set. */
        axis: plan.axis || factorLabel,
        overdue: isOverdue(plan, today),
        lastUpdateAt: plan.lastUpdateAt,
        id: row.id,
        factorId: row.factorId,
        factorNumber: factor?.number ?? 0,
        factorTitle: factor ? localize(factor.title, locale) : row.factorId,
        position: row.position,
        text: row.text,
        priority: row.priority,
        horizon: row.horizon,
        responsibleService: row.responsibleService,
        inspiration: example ? localize(example.city, locale) : null,
        state: row.state,
      };
    })
    .sort((a, b) => HORIZON_ORDER[a.horizon] - HORIZON_ORDER[b.horizon] || a.factorNumber - b.factorNumber || a.position - b.position);
}

export type PlanRow = Awaited<ReturnType<typeof listPlan>>[number];

export function comparePriority(a: Priority, b: Priority) {
  return PRIORITY_ORDER[a] - PRIORITY_ORDER[b];
}

/** The rows a plan view shows: its filters and search (accents ignored), in the plan's order. */
export function filterPlan(rows: readonly PlanRow[], view: TableState) {
  const terms = searchTerms(view.q);
  const wanted = (key: string, value: string) => !view.filters[key]?.length || view.filters[key]!.includes(value);
  return rows.filter(
    (row) =>
      wanted("factor", row.factorId) &&
      wanted("priority", row.priority) &&
      wanted("service", row.responsibleService) &&
      wanted("horizon", row.horizon) &&
      wanted("owner", row.ownerKey) &&
      wanted("status", row.status) &&
      wanted("axis", row.axis) &&
      wanted("overdue", row.overdue ? "yes" : "no") &&
      (!terms.length ||
        matchesSearch(
          foldText([row.factorNumber, row.factorTitle, row.text, row.responsibleService, row.inspiration ?? "", row.owner, row.axis, row.indicator].join(" ")),
          terms,
        )),
  );
}
