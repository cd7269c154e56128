import { and, asc, eq, inArray, max } from "drizzle-orm";
import { getKeyFactor, requireFramework, type Framework } from "#benchmark/index";
import { cityActions, cityActionYears, reviews, users } from "#db/schema";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import type { FieldErrors } from "#app/utils/validation";
import type { ActionYearInput, CityActionInput } from "./city-action-schema";
import { writeAudit } from "./audit.server";
import { newId } from "./user.server";

/*
 * A city's actions under a plan of action (ECCAR's 10-point plan): per commitment, what the city
 * runs, with its status on the framework's implementation scale and, year by year, where it
 * stood and what it achieved. Every write is audited in the transaction that makes it.
 */

type Tx = AsyncDb;

/**
 * Whether a framework's items are carried out through actions the city runs: a framework rated
 * on an implementation scale (ECCAR's commitments), as opposed to statements a city verifies
 * (EUROCITIES' key factors). Decided by the framework's shape, never by its id.
 */
export function recordsCityActions(framework: Pick<Framework, "ratingScaleId">): boolean {
  return framework.ratingScaleId === "implementation";
}

/** The rating ids an action's status may take: the framework's scale, in its order. */
export function actionStatuses(framework: Pick<Framework, "ratingScale">): string[] {
  return framework.ratingScale.map((rating) => rating.id);
}

export type ActionYear = { year: number; status: string; results: string };

export type CityAction = {
  id: string;
  factorId: string;
  title: string;
  description: string;
  responsibleService: string;
  partners: string;
  startYear: number;
  endYear: number | null;
  budget: string;
  status: string;
  indicators: string;
  source: string;
  position: number;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  /** Newest year first. */
  years: ActionYear[];
};

export type ActionOutcome = { ok: true; id: string } | { ok: false; status: 400 | 404 | 409; errors: FieldErrors; current?: CityAction };

const refuse = (status: 400 | 404 | 409, message: string, field = "_form"): ActionOutcome => ({ ok: false, status, errors: { [field]: [message] } });

/** The review's framework, when it records city actions; null otherwise (or no such review). */
export async function getActionFramework({ reviewId }: { reviewId: string }): Promise<Framework | null> {
  const row = await db.select({ frameworkId: reviews.frameworkId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!row) return null;
  const framework = requireFramework(row.frameworkId);
  return recordsCityActions(framework) ? framework : null;
}

/** What describes a city action, as the pages and the annual report read it. */
export const CITY_ACTION_FIELDS = {
  id: cityActions.id,
  factorId: cityActions.factorId,
  title: cityActions.title,
  description: cityActions.description,
  responsibleService: cityActions.responsibleService,
  partners: cityActions.partners,
  startYear: cityActions.startYear,
  endYear: cityActions.endYear,
  budget: cityActions.budget,
  indicators: cityActions.indicators,
  status: cityActions.status,
};

/** The review's actions (one commitment's, when given), in the order the team set, each with its years. */
export async function listCityActions({ reviewId, factorId }: { reviewId: string; factorId?: string }): Promise<CityAction[]> {
  const where = factorId ? and(eq(cityActions.reviewId, reviewId), eq(cityActions.factorId, factorId)) : eq(cityActions.reviewId, reviewId);
  const rows = await db
    .select({
      ...CITY_ACTION_FIELDS,
      source: cityActions.source,
      position: cityActions.position,
      version: cityActions.version,
      updatedAt: cityActions.updatedAt,
      updatedByName: users.name,
    })
    .from(cityActions)
    .leftJoin(users, eq(users.id, cityActions.updatedBy))
    .where(where)
    .orderBy(asc(cityActions.factorId), asc(cityActions.position), asc(cityActions.id));
  if (!rows.length) return [];
  const years = await db
    .select({ actionId: cityActionYears.actionId, year: cityActionYears.year, status: cityActionYears.status, results: cityActionYears.results })
    .from(cityActionYears)
    .where(
      inArray(
        cityActionYears.actionId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(cityActionYears.actionId), asc(cityActionYears.year));
  return rows.map((row) => ({
    ...row,
    years: years
      .filter((entry) => entry.actionId === row.id)
      .map(({ year, status, results }) => ({ year, status, results }))
      .reverse(),
  }));
}

export async function getCityAction({ reviewId, actionId }: { reviewId: string; actionId: string }): Promise<CityAction | null> {
  const row = await db
    .select({ factorId: cityActions.factorId })
    .from(cityActions)
    .where(and(eq(cityActions.reviewId, reviewId), eq(cityActions.id, actionId)))
    .get();
  if (!row) return null;
  const list = await listCityActions({ reviewId, factorId: row.factorId });
  return list.find((action) => action.id === actionId) ?? null;
}

/** The framework's checks a schema cannot make alone: a commitment that is in force, a status on the scale. */
function checkInput(framework: Framework, factorId: string, status: string): ActionOutcome | null {
  const factor = getKeyFactor(framework, factorId);
  if (!factor || factor.retired) return refuse(404, "cityActions:errors.unknownCommitment");
  if (!actionStatuses(framework).includes(status)) return refuse(400, "cityActions:errors.status", "status");
  return null;
}

function actionRow(input: CityActionInput) {
  return {
    title: input.title,
    description: input.description,
    responsibleService: input.responsibleService,
    partners: input.partners,
    startYear: input.startYear,
    endYear: input.endYear,
    budget: input.budget,
    status: input.status,
    indicators: input.indicators,
  };
}

/**
 * Adds an action under a commitment, last in its list. `source` says where it came from when it
 * was accepted from a suggestion. Called inside the caller's transaction when given one.
 */
export async function insertCityAction(
  tx: Tx,
  {
    reviewId,
    factorId,
    userId,
    input,
    source = "",
    now = new Date(),
  }: { reviewId: string; factorId: string; userId: string; input: CityActionInput; source?: string; now?: Date },
) {
  const id = newId();
  const last = await tx
    .select({ position: max(cityActions.position) })
    .from(cityActions)
    .where(and(eq(cityActions.reviewId, reviewId), eq(cityActions.factorId, factorId)))
    .get();
  const row = {
    id,
    reviewId,
    factorId,
    ...actionRow(input),
    source,
    position: (last?.position ?? 0) + 1,
    createdBy: userId,
    updatedBy: userId,
    updatedAt: now,
  };
  await tx.insert(cityActions).values(row).run();
  await writeAudit(tx, { reviewId, userId, action: "create", entity: "city-action", entityId: id, after: { factorId, ...actionRow(input), source } });
  return id;
}

export async function createCityAction({
  reviewId,
  factorId,
  userId,
  input,
}: {
  reviewId: string;
  factorId: string;
  userId: string;
  input: CityActionInput;
}): Promise<ActionOutcome> {
  const framework = await getActionFramework({ reviewId });
  if (!framework) return refuse(404, "cityActions:errors.noPlan");
  const refused = checkInput(framework, factorId, input.status);
  if (refused) return refused;
  const id = await transaction(db, (tx) => insertCityAction(tx, { reviewId, factorId, userId, input }));
  return { ok: true, id };
}

/**
 * Saves an action's fields. `version` is the one the user started from: if someone saved in the
 * meantime nothing is written and theirs comes back (409), so no one's text is lost silently.
 */
export async function updateCityAction({
  reviewId,
  actionId,
  userId,
  version,
  input,
  now = new Date(),
}: {
  reviewId: string;
  actionId: string;
  userId: string;
  version: number;
  input: CityActionInput;
  now?: Date;
}): Promise<ActionOutcome> {
  const framework = await getActionFramework({ reviewId });
  if (!framework) return refuse(404, "cityActions:errors.noPlan");
  const current = await getCityAction({ reviewId, actionId });
  if (!current) return refuse(404, "cityActions:errors.unknownAction");
  const refused = checkInput(framework, current.factorId, input.status);
  if (refused) return refused;
  return transaction(db, async (tx): Promise<ActionOutcome> => {
    const row = await tx
      .select({ version: cityActions.version })
      .from(cityActions)
      .where(and(eq(cityActions.reviewId, reviewId), eq(cityActions.id, actionId)))
      .get();
    if (!row) return refuse(404, "cityActions:errors.unknownAction");
    if (row.version !== version) return { ...refuse(409, "cityActions:errors.conflict"), current } as ActionOutcome;
    const after = actionRow(input);
    const before = actionRow(current as CityActionInput);
    if (JSON.stringify(after) === JSON.stringify(before)) return { ok: true, id: actionId };
    await tx
      .update(cityActions)
      .set({ ...after, version: row.version + 1, updatedBy: userId, updatedAt: now })
      .where(eq(cityActions.id, actionId))
      .run();
    await writeAudit(tx, { reviewId, userId, action: "update", entity: "city-action", entityId: actionId, before, after });
    return { ok: true, id: actionId };
  });
}

export async function deleteCityAction({ reviewId, actionId, userId }: { reviewId: string; actionId: string; userId: string }): Promise<ActionOutcome> {
  const current = await getCityAction({ reviewId, actionId });
  if (!current) return refuse(404, "cityActions:errors.unknownAction");
  await transaction(db, async (tx) => {
    await tx.delete(cityActions).where(eq(cityActions.id, actionId)).run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "delete",
      entity: "city-action",
      entityId: actionId,
      before: { factorId: current.factorId, ...actionRow(current as CityActionInput), years: current.years },
    });
  });
  return { ok: true, id: actionId };
}

/** Records (or replaces) what an action achieved in a year and where it stood then. */
export async function saveActionYear({
  reviewId,
  actionId,
  userId,
  input,
  now = new Date(),
}: {
  reviewId: string;
  actionId: string;
  userId: string;
  input: ActionYearInput;
  now?: Date;
}): Promise<ActionOutcome> {
  const framework = await getActionFramework({ reviewId });
  if (!framework) return refuse(404, "cityActions:errors.noPlan");
  const current = await getCityAction({ reviewId, actionId });
  if (!current) return refuse(404, "cityActions:errors.unknownAction");
  if (!actionStatuses(framework).includes(input.status)) return refuse(400, "cityActions:errors.status", "status");
  if (input.year < current.startYear) return refuse(400, "cityActions:errors.yearBeforeStart", "year");
  const before = current.years.find((entry) => entry.year === input.year) ?? null;
  const after = { year: input.year, status: input.status, results: input.results };
  if (before && before.status === after.status && before.results === after.results) return { ok: true, id: actionId };
  await transaction(db, async (tx) => {
    await tx
      .insert(cityActionYears)
      .values({ actionId, ...after, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({
        target: [cityActionYears.actionId, cityActionYears.year],
        set: { status: after.status, results: after.results, updatedBy: userId, updatedAt: now },
      })
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: before ? "update" : "create",
      entity: "city-action-year",
      entityId: `${actionId}:${input.year}`,
      before,
      after,
    });
  });
  return { ok: true, id: actionId };
}

export async function deleteActionYear({
  reviewId,
  actionId,
  userId,
  year,
}: {
  reviewId: string;
  actionId: string;
  userId: string;
  year: number;
}): Promise<ActionOutcome> {
  const current = await getCityAction({ reviewId, actionId });
  if (!current) return refuse(404, "cityActions:errors.unknownAction");
  const before = current.years.find((entry) => entry.year === year);
  if (!before) return refuse(404, "cityActions:errors.unknownYear");
  await transaction(db, async (tx) => {
    await tx
      .delete(cityActionYears)
      .where(and(eq(cityActionYears.actionId, actionId), eq(cityActionYears.year, year)))
      .run();
    await writeAudit(tx, { reviewId, userId, action: "delete", entity: "city-action-year", entityId: `${actionId}:${year}`, before });
  });
  return { ok: true, id: actionId };
}

/** How many actions each commitment has, for the overview. */
export async function countCityActions({ reviewId }: { reviewId: string }): Promise<Record<string, number>> {
  const rows = await db.select({ factorId: cityActions.factorId }).from(cityActions).where(eq(cityActions.reviewId, reviewId));
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.factorId] = (counts[row.factorId] ?? 0) + 1;
  return counts;
}

export async function getCoordinatingEntity({ reviewId }: { reviewId: string }): Promise<string> {
  const row = await db.select({ entity: reviews.coordinatingEntity }).from(reviews).where(eq(reviews.id, reviewId)).get();
  return row?.entity ?? "";
}

/** Names the entity the city made responsible for following and coordinating the plan. */
export async function updateCoordinatingEntity({ reviewId, userId, entity }: { reviewId: string; userId: string; entity: string }) {
  const before = await getCoordinatingEntity({ reviewId });
  if (before === entity) return;
  await transaction(db, async (tx) => {
    await tx.update(reviews).set({ coordinatingEntity: entity }).where(eq(reviews.id, reviewId)).run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "change-coordinating-entity",
      entity: "review",
      entityId: reviewId,
      before: { coordinatingEntity: before },
      after: { coordinatingEntity: entity },
    });
  });
}
