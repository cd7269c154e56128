/**
 * The evidence log's view (filters, sort, grouping, page) as the server's SQL reads it
 * (evidence-log-sql.server.ts), and the same view worked out in the browser over the page's
 * copy of the whole log (`/reviews/:id/evidence.json`): a filter or a sort then needs no round
 * trip. Both must give the same rows in the same order; test/models/evidence-log-view.test.ts
 * compares them view by view. A search, or a sort by text, reads the whole texts, which the copy
 * does not hold: those views stay with the server. See docs/decisions/0008-evidence-log-speed.md.
 */
import { PARTICIPANT_CATEGORIES } from "#db/enums";
import { parseTableState, type TableConfig, type TableState } from "#app/utils/table-state";
import type { EvidenceLogRow } from "./evidence-log.server";

export const LOG_PAGE_SIZE = 25;

/**
 * The evidence log as a table view in the URL. Sent to the page by the loader, so the
 * browser's table and the server's query (and the CSV export) read the same parameters.
 */
export const EVIDENCE_LOG_TABLE = {
  filterKeys: ["factor", "kind", "polarity", "reviewer", "interview", "category", "origin", "from", "to"],
  defaultSort: [{ id: "date", desc: true }],
  transientKeys: ["deleted", "restored", "saved"],
} as const satisfies TableConfig;

export const LOG_COLUMNS = ["text", "factors", "kind", "polarity", "reviewer", "interview", "category", "date", "origin"] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

export function parseEvidenceView(params: URLSearchParams): TableState {
  const view = parseTableState(params, EVIDENCE_LOG_TABLE);
  return {
    ...view,
    sort: view.sort.filter((entry) => (LOG_COLUMNS as readonly string[]).includes(entry.id)).slice(0, 1),
    columns: view.columns?.filter((column) => (LOG_COLUMNS as readonly string[]).includes(column)) ?? null,
    group: view.group === "factor" ? "factor" : null,
  };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of a `from`/`to` filter's day (the day as typed, read as UTC, as the server's SQL reads it). */
export function isoDayStart(value: string | undefined) {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : time;
}

/** Polarity's order when the log is sorted by it. */
export const POLARITY_RANK: Record<string, number> = { supports: 1, mixed: 2, contradicts: 3 };

/** How interviews sort by participant category: by the first category among their participants. */
export function categoryOrder(interview: { participants: readonly { category: (typeof PARTICIPANT_CATEGORIES)[number] }[] }) {
  return Math.min(...interview.participants.map((participant) => PARTICIPANT_CATEGORIES.indexOf(participant.category)), PARTICIPANT_CATEGORIES.length);
}

// ---- The copy of the whole log, in the browser ------------------------------------------

export type LogCopyRow = EvidenceLogRow & { createdBy: string | null };

/**
 * Every row of the log a reader may see (flat, newest first), with the orders the server sorts
 * names and interviews by. `version` is the database's version when it was read: the page uses
 * the copy only while its own loader data carries the same one.
 */
export type LogCopy = {
  reviewId: string;
  version: string;
  rows: LogCopyRow[];
  /** Member ids by name, interview ids in the review's order, and by participant category. */
  order: { reviewers: string[]; interviews: string[]; categories: string[] };
};

/** What a page of the log holds, from the server or from the copy: the same shape. */
export type LogPage<Row extends EvidenceLogRow = EvidenceLogRow> = {
  rows: Row[];
  rowCount: number;
  itemCount: number;
  page: number;
  pageSize: number;
  groupCounts: Record<string, number>;
};

/**
 * Whether a copy read at version `copy` holds at least what a page read at `page` showed: both
 * counters (another connection's commits, this connection's changed rows) only move forward.
 */
export function versionAtLeast(copy: string, page: string) {
  const [copyData, copyChanges] = copy.split(":").map(Number);
  const [pageData, pageChanges] = page.split(":").map(Number);
  if (!copy || !page || [copyData, copyChanges, pageData, pageChanges].some((value) => !Number.isFinite(value))) return false;
  return copyData! >= pageData! && copyChanges! >= pageChanges!;
}

/** Whether the copy holds what this view needs: everything but a search and a sort by text. */
export function copyCanShow(view: TableState) {
  return !view.q && view.sort[0]?.id !== "text";
}

type Sortable = string | number | null;

const rankOf = (ids: readonly string[]) => new Map(ids.map((id, index) => [id, index + 1]));

/**
 * One page of a view worked out from the copy: the same filters, order (nulls last, then newest,
 * then by id), grouping and paging as `listEvidenceLog` in SQL.
 */
export function viewOfCopy(copy: LogCopy, view: TableState, pageSize = LOG_PAGE_SIZE): LogPage<LogCopyRow> {
  const grouped = view.group === "factor";
  const { filters } = view;
  const any = (key: string) => (filters[key]?.length ? new Set(filters[key]) : null);
  const factor = any("factor");
  const kind = any("kind");
  const polarity = any("polarity");
  const reviewer = any("reviewer");
  const interview = any("interview");
  const category = any("category");
  const origin = any("origin");
  const from = isoDayStart(filters.from?.[0]);
  const to = isoDayStart(filters.to?.[0]);

  const kept = copy.rows.filter(
    (row) =>
      (!kind || kind.has(row.kind)) &&
      (!polarity || (row.polarity !== null && polarity.has(row.polarity))) &&
      (!reviewer || (row.createdBy !== null && reviewer.has(row.createdBy))) &&
      (!interview || (row.interview !== null && interview.has(row.interview.id))) &&
      (!category || row.categories.some((value) => category.has(value))) &&
      (!origin || origin.has(row.origin)) &&
      (from === null || row.date >= from) &&
      (to === null || row.date < to + DAY_MS) &&
      (grouped || !factor || row.factors.some((value) => factor.has(value))),
  );
  // Grouped by factor, an item appears under each of its factors; a document with none, once at the end.
  const rows: LogCopyRow[] = grouped
    ? kept.flatMap((row) => {
        const groups: (string | null)[] = row.factors.length ? row.factors : row.source === "document" ? [null] : [];
        return groups
          .filter((group) => !factor || (group !== null && factor.has(group)))
          .map((group) => ({ ...row, key: group ? `${row.id}:${group}` : row.id, groupFactor: group }));
      })
    : kept;

  const entry = view.sort[0] ?? { id: "date", desc: true };
  const reviewers = rankOf(copy.order.reviewers);
  const interviews = rankOf(copy.order.interviews);
  const categories = rankOf(copy.order.categories);
  const keyOf: Record<string, (row: LogCopyRow) => Sortable> = {
    date: (row) => row.date,
    kind: (row) => row.kind,
    polarity: (row) => (row.polarity ? (POLARITY_RANK[row.polarity] ?? null) : null),
    reviewer: (row) => (row.createdBy ? (reviewers.get(row.createdBy) ?? null) : null),
    interview: (row) => (row.interview ? (interviews.get(row.interview.id) ?? null) : null),
    category: (row) => (row.interview ? (categories.get(row.interview.id) ?? null) : null),
    factors: (row) => row.factors[0] ?? null,
    origin: (row) => row.origin,
  };
  const key = keyOf[entry.id] ?? keyOf.date!;
  const direction = entry.desc ? -1 : 1;
  const compare = (a: Sortable, b: Sortable) => (a === b ? 0 : a! < b! ? -1 : 1);
  const sorted = rows
    .map((row) => ({ row, value: key(row) }))
    .sort(
      (a, b) =>
        (grouped ? nullsLast(a.row.groupFactor, b.row.groupFactor, compare) : 0) ||
        (a.value === null || b.value === null ? nullsLast(a.value, b.value, compare) : direction * compare(a.value, b.value)) ||
        b.row.date - a.row.date ||
        compare(a.row.id, b.row.id),
    )
    .map((entry) => entry.row);

  const groupCounts: Record<string, number> = {};
  if (grouped) for (const row of sorted) groupCounts[row.groupFactor ?? ""] = (groupCounts[row.groupFactor ?? ""] ?? 0) + 1;
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(view.page, pages);
  return {
    rows: sorted.slice((page - 1) * pageSize, page * pageSize),
    rowCount: sorted.length,
    itemCount: grouped ? new Set(sorted.map((row) => row.id)).size : sorted.length,
    page,
    pageSize,
    groupCounts,
  };
}

function nullsLast(a: Sortable, b: Sortable, compare: (a: Sortable, b: Sortable) => number) {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compare(a, b);
}
