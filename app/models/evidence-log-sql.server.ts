import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { documents } from "#db/schema";
import { foldText } from "#db/search-text";
import { searchTerms, type TableState } from "#app/utils/table-state";
import { asMilliseconds, containsText, dayStartMs, type Dialect } from "#db/portable-sql";
import { asyncDb as db } from "#app/utils/db.server";
import type { LogDocument } from "./evidence-log.server";
import { categoryOrder, DAY_MS, isoDayStart, POLARITY_RANK, type LogColumn } from "./evidence-log-view";
import type { InterviewOption } from "./interview.server";

// The SQL behind the evidence log: one UNION of logged items and host-city documents, filtered,
// counted and ordered here; evidence-log.server.ts turns the keys it returns into table rows.

/**
 * The store the log's raw SQL is written for: SQLite's expressions or PostgreSQL's, where they
 * differ (db/portable-sql.ts, docs/decisions/0029). One switch for the log, set with the store.
 */
export const LOG_SQL_DIALECT: Dialect = db.store === "pg" ? "postgresql" : "sqlite";

/** The values of an `IN (…)` list; none is `NULL`, which matches nothing (PostgreSQL refuses `IN ()`). */
export const list = (values: readonly string[]) =>
  values.length
    ? sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )
    : sql`NULL`;

/**
 * `CASE column WHEN a THEN 1 WHEN b THEN 2 … END`: sorts by a small, already ordered list (names, labels).
 * The ranks are literals: PostgreSQL would type a parameter there as text and sort "10" before "2".
 */
export function rankBy(column: SQL, orderedIds: readonly string[]) {
  if (!orderedIds.length) return sql`NULL`;
  return sql`CASE ${column} ${sql.join(
    orderedIds.map((id, index) => sql`WHEN ${id} THEN ${sql.raw(String(index + 1))}`),
    sql` `,
  )} END`;
}

export type LogShape = { grouped: boolean; withText: boolean };

/**
 * The log is evidence items plus the host city's own documents (read-only rows), as one SQL
 * source of narrow keys: filtering, sorting and paging read only these, and the texts are
 * fetched afterwards for the rows shown. Grouping by factor repeats an item under each factor.
 *
 * Without the text, the evidence half reads only the covering index evidence_log_idx. The CASTs
 * give each document column the type of its evidence column: SQLite merges the two halves of a
 * UNION ALL, each already in order, only when their columns agree (see the log's page query).
 * They change no value: dates are whole milliseconds.
 */
export function logHalves(reviewId: string, { grouped, withText }: LogShape) {
  const evidenceHalf = sql`
    SELECT e.id AS id, 'evidence' AS source, e.kind AS kind, e.polarity AS polarity, e.created_by AS created_by,
      e.interview_id AS interview_id, e.created_at AS date, 'peer-team' AS origin,
      ${withText ? sql`e.search_text` : sql`NULL`} AS search_text,
      ${grouped ? sql`gf.factor_id` : sql`NULL`} AS group_factor
    FROM evidence e ${grouped ? sql`JOIN evidence_factors gf ON gf.evidence_id = e.id` : sql``}
    WHERE e.review_id = ${reviewId} AND e.deleted_at IS NULL`;
  const documentHalf = sql`
    SELECT d.id AS id, 'document' AS source, CAST('document' AS TEXT) AS kind, CAST(NULL AS TEXT) AS polarity,
      CAST(NULL AS TEXT) AS created_by, CAST(NULL AS TEXT) AS interview_id,
      ${asMilliseconds(sql`COALESCE(${dayStartMs(sql`d.date`, LOG_SQL_DIALECT)}, d.created_at)`)} AS date, 'host-city' AS origin,
      ${withText ? sql`CAST(lower(d.title) AS TEXT)` : sql`NULL`} AS search_text,
      ${grouped ? sql`gf.factor_id` : sql`NULL`} AS group_factor
    FROM documents d ${grouped ? sql`LEFT JOIN (SELECT DISTINCT document_id, factor_id FROM document_links) gf ON gf.document_id = d.id` : sql``}
    WHERE d.review_id = ${reviewId} AND d.origin = 'host-city' AND d.deleted_at IS NULL`;
  return [evidenceHalf, documentHalf] as const;
}

export function logKeys(reviewId: string, shape: LogShape) {
  const [evidenceHalf, documentHalf] = logHalves(reviewId, shape);
  return sql`${evidenceHalf} UNION ALL ${documentHalf}`;
}

export type LogTotals = { rows: number; items: number; groupCounts: Record<string, number> };

/**
 * How many rows and items a view holds, and (grouped) how many rows each factor has.
 * A flat view counts each half on its own: SQLite then counts straight from the index, where a
 * count over the UNION ALL passes every row through a subroutine. A grouped view joins the tags
 * once into a temporary table and counts it twice (rows per factor, distinct items).
 */
export async function countLog(reviewId: string, shape: LogShape, where: SQL): Promise<LogTotals> {
  if (!shape.grouped) {
    const [evidenceHalf, documentHalf] = logHalves(reviewId, shape);
    const { n } = await db.get<{ n: number }>(
      sql`SELECT (SELECT COUNT(*) FROM (${evidenceHalf}) AS log ${where}) + (SELECT COUNT(*) FROM (${documentHalf}) AS log ${where}) AS n`,
    );
    return { rows: n, items: n, groupCounts: {} };
  }
  const groups = await db.all<{ factor: string | null; n: number; items: number }>(
    sql`WITH log AS (${logKeys(reviewId, shape)}), hits AS MATERIALIZED (SELECT log.id, log.group_factor FROM log ${where})
      SELECT group_factor AS factor, COUNT(*) AS n, (SELECT COUNT(DISTINCT id) FROM hits) AS items FROM hits GROUP BY group_factor`,
  );
  return {
    rows: groups.reduce((sum, group) => sum + group.n, 0),
    items: groups[0]?.items ?? 0,
    groupCounts: Object.fromEntries(groups.map((group) => [group.factor ?? "", group.n])),
  };
}

/** Host-city documents whose title or author matches the search (few, so folded here rather than stored). */
async function matchingDocumentIds(reviewId: string, terms: string[]) {
  if (!terms.length) return [];
  const rows = await db
    .select({ id: documents.id, title: documents.title, author: documents.author })
    .from(documents)
    .where(and(eq(documents.reviewId, reviewId), eq(documents.origin, "host-city"), isNull(documents.deletedAt)));
  return rows.filter((row) => terms.every((term) => foldText(`${row.title} ${row.author}`).includes(term))).map((row) => row.id);
}

export async function logWhere(reviewId: string, view: TableState, grouped: boolean): Promise<SQL> {
  const where: SQL[] = [];
  const terms = searchTerms(view.q);
  if (terms.length) {
    const documentIds = await matchingDocumentIds(reviewId, terms);
    const inText = sql.join(
      terms.map((term) => containsText(sql`log.search_text`, term, LOG_SQL_DIALECT)),
      sql` AND `,
    );
    where.push(sql`((log.source = 'evidence' AND ${inText}) OR (log.source = 'document' AND log.id IN (${list(documentIds)})))`);
  }
  const filters = view.filters;
  if (filters.factor?.length) {
    where.push(
      grouped
        ? sql`log.group_factor IN (${list(filters.factor)})`
        : sql`log.id IN (SELECT evidence_id FROM evidence_factors WHERE factor_id IN (${list(filters.factor)})
            UNION ALL SELECT document_id FROM document_links WHERE factor_id IN (${list(filters.factor)}))`,
    );
  }
  if (filters.kind?.length) where.push(sql`log.kind IN (${list(filters.kind)})`);
  if (filters.polarity?.length) where.push(sql`log.polarity IN (${list(filters.polarity)})`);
  if (filters.reviewer?.length) where.push(sql`log.created_by IN (${list(filters.reviewer)})`);
  if (filters.interview?.length) where.push(sql`log.interview_id IN (${list(filters.interview)})`);
  if (filters.category?.length) {
    where.push(sql`log.interview_id IN (SELECT interview_id FROM interview_participants WHERE category IN (${list(filters.category)}))`);
  }
  if (filters.origin?.length) where.push(sql`log.origin IN (${list(filters.origin)})`);
  const from = isoDayStart(filters.from?.[0]);
  if (from !== null) where.push(sql`log.date >= ${from}`);
  const to = isoDayStart(filters.to?.[0]);
  if (to !== null) where.push(sql`log.date < ${to + DAY_MS}`);
  return where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
}

export type Lookups = {
  names: Map<string, string>;
  interviews: InterviewOption[];
  documents: Map<string, LogDocument>;
};

/** Sorting by a name or a label ranks the few people and interviews in JavaScript and lets SQL sort by rank. */
export function logOrder(view: TableState, grouped: boolean, lookups: Lookups) {
  const entry = view.sort[0] ?? { id: "date", desc: true };
  const byColumn: Record<LogColumn, () => SQL> = {
    date: () => sql`log.date`,
    text: () => sql`log.search_text`,
    kind: () => sql`log.kind`,
    polarity: () =>
      rankBy(
        sql`log.polarity`,
        Object.keys(POLARITY_RANK).sort((a, b) => POLARITY_RANK[a]! - POLARITY_RANK[b]!),
      ),
    reviewer: () => rankBy(sql`log.created_by`, [...lookups.names.keys()]),
    interview: () =>
      rankBy(
        sql`log.interview_id`,
        lookups.interviews.map((interview) => interview.id),
      ),
    category: () =>
      rankBy(
        sql`log.interview_id`,
        [...lookups.interviews].sort((a, b) => categoryOrder(a) - categoryOrder(b)).map((interview) => interview.id),
      ),
    factors: () =>
      sql`CASE log.source WHEN 'evidence' THEN (SELECT MIN(factor_id) FROM evidence_factors WHERE evidence_id = log.id)
        ELSE (SELECT MIN(factor_id) FROM document_links WHERE document_id = log.id) END`,
    origin: () => sql`log.origin`,
  };
  const column = (entry.id in byColumn ? entry.id : "date") as LogColumn;
  const parts = [sql`${byColumn[column]()} ${entry.desc ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`}`, sql`log.date DESC`, sql`log.id ASC`];
  if (grouped) parts.unshift(sql`log.group_factor ASC NULLS LAST`);
  return sql.join(parts, sql`, `);
}
