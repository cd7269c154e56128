import { and, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { getFramework, localize } from "#benchmark/index";
import type { AsyncDb } from "#db/async-db";
import type { Db } from "#db/client";
import { agendaSlots, auditLog, documents, evidence, interviews, invitations, recommendations, users } from "#db/schema";
import { dayBounds, formatCalendarDate } from "#app/utils/dates";
import type { Locale } from "#app/utils/i18n";
import { asyncDb as db } from "#app/utils/db.server";

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
 * data can never disagree. With an async transaction (`transaction(db, async (tx) => …)`) it
 * returns the statement's promise, to be awaited; with a synchronous one (the model files not
 * yet moved, docs/decisions/0029) it writes at once.
 */
export function writeAudit(tx: AsyncDb, entry: AuditEntry): Promise<void>;
export function writeAudit(tx: Tx, entry: AuditEntry): void;
export function writeAudit(tx: Tx | AsyncDb, entry: AuditEntry): Promise<void> | void {
  const written: unknown = (tx as Tx)
    .insert(auditLog)
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
  if (written instanceof Promise) return written.then(() => undefined);
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

const SNIPPET = 80;
const snippet = (text: string) => (text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1)}…` : text);

/**
 * What each audit entry is about, in words: a person's name, a document's title, a key factor's
 * number and title (through the framework, in the reader's language), the review's city, the
 * start of an item's text. An entry whose thing is gone, or of an unknown kind, keeps its id.
 */
export async function describeAuditSubjects({
  review,
  entries,
  locale,
}: {
  review: { id: string; hostCity: string; country: string; frameworkId: string };
  entries: { id: number; entity: string; entityId: string }[];
  locale: Locale;
}): Promise<Record<number, string>> {
  const framework = getFramework(review.frameworkId);
  const ids = (...entities: string[]) => [...new Set(entries.filter((entry) => entities.includes(entry.entity)).map((entry) => entry.entityId))];
  const lookup = async <T extends { id: string }>(wanted: string[], read: (wanted: string[]) => Promise<T[]>) => (wanted.length ? read(wanted) : []);
  const [people, invited, docs, items, recs, meetings, slots] = await Promise.all([
    lookup(ids("member", "account"), (wanted) => db.select({ id: users.id, label: users.name }).from(users).where(inArray(users.id, wanted))),
    lookup(ids("invitation"), (wanted) => db.select({ id: invitations.id, label: invitations.email }).from(invitations).where(inArray(invitations.id, wanted))),
    lookup(ids("document"), (wanted) => db.select({ id: documents.id, label: documents.title }).from(documents).where(inArray(documents.id, wanted))),
    lookup(ids("evidence"), (wanted) => db.select({ id: evidence.id, label: evidence.text }).from(evidence).where(inArray(evidence.id, wanted))),
    lookup(ids("recommendation"), (wanted) =>
      db.select({ id: recommendations.id, label: recommendations.text }).from(recommendations).where(inArray(recommendations.id, wanted)),
    ),
    lookup(ids("interview"), (wanted) =>
      db.select({ id: interviews.id, date: interviews.date, place: interviews.place }).from(interviews).where(inArray(interviews.id, wanted)),
    ),
    lookup(ids("agenda-slot"), (wanted) =>
      db.select({ id: agendaSlots.id, label: agendaSlots.meeting }).from(agendaSlots).where(inArray(agendaSlots.id, wanted)),
    ),
  ]);
  const byId = new Map<string, string>();
  for (const row of [...people, ...invited, ...docs, ...slots]) byId.set(row.id, row.label);
  for (const row of [...items, ...recs]) byId.set(row.id, `« ${snippet(row.label)} »`);
  for (const row of meetings) byId.set(row.id, [formatCalendarDate(row.date, { locale }), row.place].filter(Boolean).join(" · "));
  const factorTitle = (entityId: string) => {
    // Factor-keyed entries: "kf-03", or "kf-03:…" (an answer to one of its questions).
    const factor = framework?.keyFactors.find((candidate) => entityId === candidate.id || entityId.startsWith(`${candidate.id}:`));
    return factor ? `${factor.number}. ${localize(factor.title, locale)}` : undefined;
  };
  const contextTitle = (entityId: string) => {
    const factor = framework?.contextualFactors.find((candidate) => candidate.id === entityId);
    return factor ? localize(factor.title, locale) : undefined;
  };
  const labels: Record<number, string> = {};
  for (const entry of entries) {
    const label =
      entry.entity === "review" || entry.entity === "summary"
        ? `${review.hostCity} (${review.country})`
        : entry.entity === "context-note"
          ? contextTitle(entry.entityId)
          : (byId.get(entry.entityId) ?? factorTitle(entry.entityId));
    labels[entry.id] = label ?? entry.entityId;
  }
  return labels;
}
