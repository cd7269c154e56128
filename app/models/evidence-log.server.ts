// Over 400 lines for now: the log page reads its rows, facets and sources with one set of filters; the source-documents half is the seam to split next.
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  documentLinks,
  documents,
  evidence,
  evidenceFactors,
  evidenceQuestions,
  reviewMembers,
  users,
  type EvidenceKind,
  type ParticipantCategory,
  type Polarity,
  type Role,
} from "#db/schema";
import { matchesSearch, searchTerms, type TableState } from "#app/utils/table-state";
import { categoryOrder, LOG_PAGE_SIZE, type LogCopy, type LogCopyRow } from "./evidence-log-view";

export { EVIDENCE_LOG_TABLE, LOG_COLUMNS, LOG_PAGE_SIZE, parseEvidenceView, type LogColumn } from "./evidence-log-view";
import { foldText } from "#db/search-text";
import { nextBackgroundTurn } from "#app/utils/background.server";
import { dayStartMs } from "#db/portable-sql";
import { asyncDb as db } from "#app/utils/db.server";
import { canEditEvidence } from "#app/utils/permissions";
import { databaseVersion, whileUnchanged } from "#app/utils/while-unchanged.server";
import { countLog, list, LOG_SQL_DIALECT, logKeys, logOrder, logWhere, type Lookups } from "./evidence-log-sql.server";
import { listInterviewOptions, type InterviewOption } from "./interview.server";
import type { Actor } from "./evidence.server";

/** The table shows the start of long quotes; the item page and the export carry them whole. */
const EXCERPT_LENGTH = 600;

export type LogDocument = {
  id: string;
  title: string;
  origin: "host-city" | "peer-team";
  type: string;
  date: string | null;
  href: string | null;
};

/** Documents a reviewer can cite as a source, with a link to read them. */
export async function listSourceDocuments({ reviewId }: { reviewId: string }): Promise<LogDocument[]> {
  const rows = await db
    .select({
      id: documents.id,
      title: documents.title,
      origin: documents.origin,
      type: documents.type,
      date: documents.date,
      url: documents.url,
      fileSha256: documents.fileSha256,
    })
    .from(documents)
    .where(and(eq(documents.reviewId, reviewId), isNull(documents.deletedAt)))
    .orderBy(asc(documents.title));
  return rows.map(({ url, fileSha256, ...row }) => ({
    ...row,
    href: url ?? (fileSha256 ? `/reviews/${reviewId}/documents/${row.id}/file` : null),
  }));
}

export type EvidenceLogRow = {
  /** Unique per table row: an item grouped under two factors appears twice. */
  key: string;
  id: string;
  source: "evidence" | "document";
  kind: EvidenceKind;
  text: string;
  truncated: boolean;
  factors: string[];
  groupFactor: string | null;
  polarity: Polarity | null;
  reviewerName: string | null;
  interview: { id: string; date: string; format: InterviewOption["format"]; place: string } | null;
  categories: ParticipantCategory[];
  document: { id: string; title: string; href: string | null } | null;
  /** Epoch milliseconds: when it was logged, or the document's date. */
  date: number;
  origin: "peer-team" | "host-city";
  /** Shown through describeAttribution, in the reader's language. */
  attribution: string;
  attributionCategory: ParticipantCategory | null;
  attributionRole: string | null;
  /** The text's language when it is not the review's. */
  language: "fr" | "en" | null;
  canEdit: boolean;
};

/** The few people, interviews and documents the log's rows refer to; loaded once per page. */
export type LogContext = {
  members: { id: string; name: string; role: Role }[];
  interviews: InterviewOption[];
  documents: LogDocument[];
};

export function loadLogContext({ reviewId }: { reviewId: string }): Promise<LogContext> {
  return whileUnchanged(`context:${reviewId}`, () => readLogContext(reviewId));
}

async function readLogContext(reviewId: string): Promise<LogContext> {
  const [interviews, docs, members] = await Promise.all([
    listInterviewOptions({ reviewId }),
    listSourceDocuments({ reviewId }),
    db
      .select({ id: users.id, name: users.name, role: reviewMembers.role })
      .from(reviewMembers)
      .innerJoin(users, eq(users.id, reviewMembers.userId))
      .where(eq(reviewMembers.reviewId, reviewId))
      .orderBy(asc(users.name)),
  ]);
  return { members, interviews, documents: docs };
}

function lookupsOf(context: LogContext): Lookups {
  return {
    names: new Map(context.members.map((person) => [person.id, person.name])),
    interviews: context.interviews,
    documents: new Map(context.documents.map((doc) => [doc.id, doc])),
  };
}

const needsText = (view: TableState) => Boolean(searchTerms(view.q).length) || view.sort[0]?.id === "text";

type Detail = {
  id: string;
  kind: EvidenceKind;
  polarity: Polarity | null;
  created_by: string | null;
  interview_id: string | null;
  document_id: string | null;
  date: number;
  attribution: string;
  attribution_category: ParticipantCategory | null;
  attribution_role: string | null;
  language: "fr" | "en" | null;
  text: string;
  text_length: number;
};

/** The columns the table shows, for the rows on screen only (or every row, for the export). */
async function loadDetails(reviewId: string, keys: { id: string; source: "evidence" | "document" }[], fullText: boolean) {
  const text = fullText ? sql`e.text` : sql`substr(e.text, 1, ${EXCERPT_LENGTH})`;
  const evidenceIds = keys.filter((key) => key.source === "evidence").map((key) => key.id);
  const documentIds = keys.filter((key) => key.source === "document").map((key) => key.id);
  const details = new Map<string, Detail>();
  // SQLite's `+` keeps its planner off the review_id index (the ids find the rows); PostgreSQL has no `+text`.
  const reviewIdOf = (alias: "e" | "d") => sql.raw(LOG_SQL_DIALECT === "sqlite" ? `+${alias}.review_id` : `${alias}.review_id`);
  const chunk = 500;
  for (let index = 0; index < evidenceIds.length; index += chunk) {
    const ids = evidenceIds.slice(index, index + chunk);
    for (const row of await db.all<Detail>(sql`
      SELECT e.id, e.kind, e.polarity, e.created_by, e.interview_id, e.document_id, e.created_at AS date, e.attribution,
        e.attribution_category, e.attribution_role, e.language,
        ${text} AS text, length(e.text) AS text_length
      FROM evidence e WHERE e.id IN (${list(ids)}) AND ${reviewIdOf("e")} = ${reviewId}`)) {
      details.set(row.id, row);
    }
  }
  if (documentIds.length) {
    for (const row of await db.all<Detail>(sql`
      SELECT d.id, 'document' AS kind, NULL AS polarity, NULL AS created_by, NULL AS interview_id, d.id AS document_id,
        COALESCE(${dayStartMs(sql`d.date`, LOG_SQL_DIALECT)}, d.created_at) AS date, '' AS attribution,
        NULL AS attribution_category, NULL AS attribution_role, NULL AS language, d.title AS text, length(d.title) AS text_length
      FROM documents d WHERE d.id IN (${list(documentIds)}) AND ${reviewIdOf("d")} = ${reviewId}`)) {
      details.set(row.id, row);
    }
  }
  return details;
}

async function tagsOf(reviewId: string, ids: string[] | "all") {
  const factorRows =
    ids === "all"
      ? await db
          .select({ id: evidenceFactors.evidenceId, factorId: evidenceFactors.factorId })
          .from(evidenceFactors)
          .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
          .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      : ids.length
        ? await db
            .select({ id: evidenceFactors.evidenceId, factorId: evidenceFactors.factorId })
            .from(evidenceFactors)
            .where(inArray(evidenceFactors.evidenceId, ids))
        : [];
  const linkRows = await db
    .selectDistinct({ id: documentLinks.documentId, factorId: documentLinks.factorId })
    .from(documentLinks)
    .innerJoin(documents, eq(documents.id, documentLinks.documentId))
    .where(and(eq(documents.reviewId, reviewId), ids === "all" ? undefined : inArray(documentLinks.documentId, ids.length ? ids : [""])));
  const factors = new Map<string, string[]>();
  for (const row of [...factorRows, ...linkRows]) {
    const current = factors.get(row.id);
    if (current) current.push(row.factorId);
    else factors.set(row.id, [row.factorId]);
  }
  for (const tags of factors.values()) tags.sort();
  return factors;
}

export type LogActor = Actor;

type Key = { id: string; source: "evidence" | "document"; group_factor: string | null };

function toLogRow(key: Key, detail: Detail, factors: Map<string, string[]>, lookups: Lookups, actor: LogActor): EvidenceLogRow {
  const interview = detail.interview_id ? lookups.interviews.find((candidate) => candidate.id === detail.interview_id) : undefined;
  const doc = detail.document_id ? lookups.documents.get(detail.document_id) : undefined;
  return {
    key: key.group_factor ? `${key.id}:${key.group_factor}` : key.id,
    id: key.id,
    source: key.source,
    kind: detail.kind,
    text: detail.text,
    truncated: detail.text_length > detail.text.length,
    factors: factors.get(key.id) ?? [],
    groupFactor: key.group_factor,
    polarity: detail.polarity,
    reviewerName: detail.created_by ? (lookups.names.get(detail.created_by) ?? null) : null,
    interview: interview ? { id: interview.id, date: interview.date, format: interview.format, place: interview.place } : null,
    categories: interview ? [...new Set(interview.participants.map((participant) => participant.category))] : [],
    document: doc ? { id: doc.id, title: doc.title, href: doc.href } : null,
    date: detail.date,
    origin: key.source === "document" ? "host-city" : "peer-team",
    attribution: detail.attribution,
    attributionCategory: detail.attribution_category,
    attributionRole: detail.attribution_role,
    language: detail.language,
    canEdit: key.source === "evidence" && canEditEvidence(actor, { createdBy: detail.created_by }),
  };
}

/**
 * One page of the log for a view (search, filters, sort, grouping): the server does the work
 * so a 5,000-item log sends one page of rows (LOG_PAGE_SIZE), not 5,000.
 */
export async function listEvidenceLog({
  reviewId,
  view,
  actor,
  pageSize = LOG_PAGE_SIZE,
  context,
}: {
  reviewId: string;
  view: TableState;
  actor: LogActor;
  pageSize?: number;
  context?: LogContext;
}) {
  const grouped = view.group === "factor";
  const [where, lookups] = await Promise.all([logWhere(reviewId, view, grouped), context ?? loadLogContext({ reviewId })]).then(
    ([clause, loaded]) => [clause, lookupsOf(loaded)] as const,
  );
  const shape = { grouped, withText: needsText(view) };
  // The same view's totals stay the same until the database changes: paging through a view counts it once.
  const totals = await whileUnchanged(`count:${reviewId}:${JSON.stringify([view.q, view.filters, grouped])}`, () => countLog(reviewId, shape, where));
  const pages = Math.max(1, Math.ceil(totals.rows / pageSize));
  const page = Math.min(view.page, pages);
  // A flat view selects every column, not only the key: SQLite turns the UNION ALL into a merge of
  // its two halves only when the sort columns are among those selected, and then reads the newest
  // items straight from evidence_log_idx and stops after one page instead of sorting the whole log.
  // A grouped view sorts every row by factor first anyway, and sorts narrow rows faster.
  const columns = grouped ? sql`log.id, log.source, log.group_factor` : sql`log.*`;
  const shown = await db.all<Key>(
    sql`WITH log AS (${logKeys(reviewId, shape)}) SELECT ${columns} FROM log ${where}
      ORDER BY ${logOrder(view, grouped, lookups)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const ids = [...new Set(shown.map((key) => key.id))];
  const details = await loadDetails(reviewId, shown, false);
  const factors = await tagsOf(reviewId, ids);
  return {
    rows: shown.flatMap((key) => {
      const detail = details.get(key.id);
      return detail ? [toLogRow(key, detail, factors, lookups, actor)] : [];
    }),
    rowCount: totals.rows,
    itemCount: totals.items,
    page,
    pageSize,
    groupCounts: totals.groupCounts,
  };
}

/**
 * Every row of the log (flat, newest first), excerpts as on the page: the browser's copy, which
 * filters and sorts without asking the server again (evidence-log-view.ts). Read in batches, each
 * after its background turn, so a long log never holds the server; read again if the database
 * changed meanwhile, and marked as of no version (never used) if it keeps changing.
 */
export async function listLogCopy({
  reviewId,
  actor,
  describe,
  batchSize = 1000,
}: {
  reviewId: string;
  actor: LogActor;
  /** The attribution in the reader's language (describeAttribution). */
  describe: (row: EvidenceLogRow) => string;
  batchSize?: number;
}): Promise<LogCopy> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const version = await databaseVersion();
    const context = await loadLogContext({ reviewId });
    const lookups = lookupsOf(context);
    const keys = await db.all<Key>(
      sql`WITH log AS (${logKeys(reviewId, { grouped: false, withText: false })}) SELECT log.id, log.source, log.group_factor FROM log ORDER BY log.date DESC, log.id ASC`,
    );
    const rows: LogCopyRow[] = [];
    for (let start = 0; start < keys.length; start += batchSize) {
      if (start > 0) await nextBackgroundTurn();
      const batch = keys.slice(start, start + batchSize);
      const details = await loadDetails(reviewId, batch, false);
      const factors = await tagsOf(
        reviewId,
        batch.map((key) => key.id),
      );
      for (const key of batch) {
        const detail = details.get(key.id);
        if (!detail) continue;
        const row = toLogRow(key, detail, factors, lookups, actor);
        rows.push({ ...row, attribution: describe(row), createdBy: detail.created_by });
      }
    }
    if ((await databaseVersion()) !== version) continue;
    const order = {
      reviewers: [...lookups.names.keys()],
      interviews: context.interviews.map((interview) => interview.id),
      categories: [...context.interviews].sort((a, b) => categoryOrder(a) - categoryOrder(b)).map((interview) => interview.id),
    };
    return { reviewId, version, rows, order };
  }
  return { reviewId, version: "", rows: [], order: { reviewers: [], interviews: [], categories: [] } };
}

export type ExportRow = EvidenceLogRow & { questions: string[] };

/** The guiding questions each item answers (its own, or its document links'), sorted. */
async function questionsOf(reviewId: string, ids: string[]) {
  const [questionRows, linkQuestions] = await Promise.all([
    db
      .select({ id: evidenceQuestions.evidenceId, questionId: evidenceQuestions.questionId })
      .from(evidenceQuestions)
      .where(inArray(evidenceQuestions.evidenceId, ids)),
    db
      .select({ id: documentLinks.documentId, questionId: documentLinks.questionId })
      .from(documentLinks)
      .innerJoin(documents, eq(documents.id, documentLinks.documentId))
      .where(and(eq(documents.reviewId, reviewId), inArray(documentLinks.documentId, ids))),
  ]);
  const questions = new Map<string, string[]>();
  for (const row of [...questionRows, ...linkQuestions]) {
    if (!row.questionId) continue;
    questions.set(row.id, [...(questions.get(row.id) ?? []), row.questionId].sort());
  }
  return questions;
}

/**
 * Every item of a view, whole texts and guiding questions included, in batches: what the CSV
 * export writes. One query finds the view's ids in order; each batch then reads its own items,
 * and each waits for its background turn (nextBackgroundTurn), so a log of thousands of items
 * never holds the server for long. An item deleted while the export runs is left out.
 */
export async function* listEvidenceForExport({
  reviewId,
  view,
  batchSize = 500,
}: {
  reviewId: string;
  view: TableState;
  batchSize?: number;
}): AsyncGenerator<ExportRow[]> {
  const flat = { ...view, group: null };
  const [where, lookups] = await Promise.all([logWhere(reviewId, flat, false), loadLogContext({ reviewId })]).then(
    ([clause, loaded]) => [clause, lookupsOf(loaded)] as const,
  );
  const keys = logKeys(reviewId, { grouped: false, withText: needsText(flat) });
  await nextBackgroundTurn();
  const shown = await db.all<Key>(
    sql`WITH log AS (${keys}) SELECT log.id, log.source, log.group_factor FROM log ${where} ORDER BY ${logOrder(flat, false, lookups)}`,
  );
  const noActor: LogActor = { userId: "", canEditAny: false, canWrite: false };
  for (let start = 0; start < shown.length; start += batchSize) {
    if (start > 0) await nextBackgroundTurn();
    const batch = shown.slice(start, start + batchSize);
    const ids = batch.map((key) => key.id);
    const details = await loadDetails(reviewId, batch, true);
    const [factors, questions] = await Promise.all([tagsOf(reviewId, ids), questionsOf(reviewId, ids)]);
    yield batch.flatMap((key) => {
      const detail = details.get(key.id);
      return detail ? [{ ...toLogRow(key, detail, factors, lookups, noActor), questions: questions.get(key.id) ?? [] }] : [];
    });
  }
}

/** Filter choices and tag counts for the log page. Names of interviewees are never part of it. */
export async function getLogFacets({ reviewId, context }: { reviewId: string; context?: LogContext }) {
  const loaded = context ?? (await loadLogContext({ reviewId }));
  // Counting every tag of the review is the one read that grows with the log: kept until a write.
  const factorCounts = await whileUnchanged(`factor-counts:${reviewId}`, async () => {
    const rows = await db
      .select({ factorId: evidenceFactors.factorId, n: count() })
      .from(evidenceFactors)
      .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
      .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .groupBy(evidenceFactors.factorId);
    return Object.fromEntries(rows.map((row) => [row.factorId, row.n])) as Record<string, number>;
  });
  return {
    reviewers: loaded.members.filter((member) => member.role === "peer-reviewer" || member.role === "lead-expert"),
    interviews: loaded.interviews,
    documents: loaded.documents,
    factorCounts,
  };
}

/**
 * Above this many interviews, the log page's two interview lists (the quick-log form's and the
 * filter's) hold the most recent ones, those the page names (the remembered one, the filtered
 * ones) and those an interview search finds (by place, organisation or role): a review of 400 interviews would otherwise send 400
 * choices twice, with their data, on every page of the log (docs/decisions/0008).
 */
export const INTERVIEW_CHOICES = 30;

/** The interviews the log page lists, in the review's order, and how many there are in all. */
export function chooseInterviews(all: InterviewOption[], { keep, query }: { keep: readonly string[]; query: string }) {
  const terms = searchTerms(query);
  if (all.length <= INTERVIEW_CHOICES && !terms.length) return { interviews: all, total: all.length, found: null };
  const kept = new Set(keep);
  const recent = new Set(all.slice(-INTERVIEW_CHOICES).map((interview) => interview.id));
  const found = terms.length
    ? all.filter((interview) =>
        matchesSearch(foldText([interview.place, ...interview.participants.flatMap((person) => [person.organisation, person.role])].join(" ")), terms),
      )
    : null;
  const wanted = new Set(found?.map((interview) => interview.id));
  return {
    interviews: all.filter((interview) => recent.has(interview.id) || kept.has(interview.id) || wanted.has(interview.id)),
    total: all.length,
    found: found ? found.length : null,
  };
}
