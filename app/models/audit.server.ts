import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "#db/client";
import { auditLog, users } from "#db/schema";
import { dayBounds } from "#app/utils/dates";
import { db } from "#app/utils/db.server";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type AuditEntry = {
  reviewId: string | null;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Records a change. Call it with the transaction that makes the change, so the log and the
 * data can never disagree. Synchronous on purpose: better-sqlite3 transactions cannot span an
 * await (see docs/decisions/0003-async-models-sync-transactions.md).
 */
export function writeAudit(tx: Tx, entry: AuditEntry) {
  tx.insert(auditLog)
    .values({
      reviewId: entry.reviewId,
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

export type AuditFilter = {
  reviewId: string;
  userId?: string;
  entity?: string;
  action?: string;
  /** Calendar days (YYYY-MM-DD), from the start of `from` to the end of `to` in `timeZone`. */
  from?: string;
  to?: string;
  timeZone: string;
  limit?: number;
};

export async function listAudit({ reviewId, userId, entity, action, from, to, timeZone, limit = 200 }: AuditFilter) {
  const where: SQL[] = [eq(auditLog.reviewId, reviewId)];
  if (userId) where.push(eq(auditLog.userId, userId));
  if (entity) where.push(eq(auditLog.entity, entity));
  if (action) where.push(eq(auditLog.action, action));
  if (from) where.push(gte(auditLog.at, dayBounds(from, timeZone).start));
  if (to) where.push(lt(auditLog.at, dayBounds(to, timeZone).end));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      userName: users.name,
      userId: auditLog.userId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** Distinct entities and actions recorded for a review, to offer as filter choices. */
export async function listAuditFacets({ reviewId }: { reviewId: string }) {
  const rows = await db.selectDistinct({ entity: auditLog.entity, action: auditLog.action }).from(auditLog).where(eq(auditLog.reviewId, reviewId));
  return {
    entities: [...new Set(rows.map((row) => row.entity))].sort(),
    actions: [...new Set(rows.map((row) => row.action))].sort(),
  };
}
