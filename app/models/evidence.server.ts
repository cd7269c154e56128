import { and, asc, count, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Framework } from "#benchmark/index";
import {
  documentLinks,
  documents,
  evidence,
  evidenceFactors,
  evidenceQuestions,
  EVIDENCE_KINDS,
  PARTICIPANT_CATEGORIES,
  POLARITIES,
  reviewMembers,
  users,
  type EvidenceKind,
  type ParticipantCategory,
  type Polarity,
  type Role,
} from "#db/schema";
import { foldText, parseTableState, searchTerms, type TableConfig, type TableState } from "#app/components/data-table";
import { db } from "#app/utils/db.server";
import { choice, fieldErrors, formValues, msg, optionalText, requiredText, type FieldErrors } from "#app/utils/validation";
import { writeAudit } from "./audit.server";
import { interviewBelongsToReview, listInterviewOptions, type InterviewOption } from "./interview.server";
import { newId } from "./user.server";

export const MAX_EVIDENCE_TEXT = 10_000;
export const LOG_PAGE_SIZE = 25;
/** The table shows the start of long quotes; the item page and the export carry them whole. */
const EXCERPT_LENGTH = 600;

/** Kinds whose source is an interview or focus group, and the kind whose source is a document. */
export const INTERVIEW_KINDS = ["interview-quote", "focus-group-note"] as const satisfies readonly EvidenceKind[];

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

/** What the search column stores: the quote and its attribution, folded. */
export function evidenceSearchText({ text, attribution }: { text: string; attribution: string }) {
  return foldText(`${text}\n${attribution}`);
}

// ---- Validation ---------------------------------------------------------------

export type EvidenceInput = {
  kind: EvidenceKind;
  text: string;
  polarity: Polarity;
  attribution: string;
  factorIds: string[];
  questionIds: string[];
  interviewId: string | null;
  documentId: string | null;
};

const optionalId = z
  .string()
  .trim()
  .max(100, msg("errors.tooLong", { max: 100 }))
  .optional()
  .transform((value) => value || null);

const EvidenceFieldsSchema = z.object({
  kind: choice(EVIDENCE_KINDS),
  text: requiredText(MAX_EVIDENCE_TEXT),
  polarity: choice(POLARITIES),
  attribution: optionalText(300),
  interviewId: optionalId,
  documentId: optionalId,
});

export const EVIDENCE_ARRAY_FIELDS = ["factorIds", "questionIds"] as const;

type Parsed<T> =
  | { ok: true; data: T; values: Record<string, string | string[]> }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/**
 * Reads the evidence form. Factors come from the tag checkboxes (`factorIds`) and from the
 * typed numbers (`factorNumbers`, "3 7 11"); questions must belong to a tagged factor.
 * Every problem is reported at once, next to its field.
 */
export function parseEvidenceForm(framework: Framework, form: FormData): Parsed<EvidenceInput> {
  const values = formValues(form, EVIDENCE_ARRAY_FIELDS);
  // Form posts turn every line break into CRLF; store plain LF so lengths and exports match what was typed.
  if (typeof values.text === "string") values.text = values.text.replace(/\r\n?/g, "\n");
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    (errors[field] ??= []).push(message);
  };
  const fields = EvidenceFieldsSchema.safeParse(values);
  if (!fields.success) Object.assign(errors, fieldErrors(fields.error));

  const active = framework.keyFactors.filter((factor) => !factor.retired);
  const factorIds = new Set<string>();
  for (const id of values.factorIds as string[]) {
    if (active.some((factor) => factor.id === id)) factorIds.add(id);
    else add("factorIds", msg("evidence:errors.unknownFactor", { id: id.slice(0, 40) }));
  }
  const numbers = typeof values.factorNumbers === "string" ? values.factorNumbers : "";
  if (numbers.length > 100) add("factorNumbers", msg("errors.tooLong", { max: 100 }));
  else {
    for (const token of numbers.split(/[\s,;]+/).filter(Boolean)) {
      const factor = /^\d{1,3}$/.test(token) ? active.find((candidate) => candidate.number === Number(token)) : undefined;
      if (factor) factorIds.add(factor.id);
      else add("factorNumbers", msg("evidence:errors.unknownFactorNumber", { value: token.slice(0, 10) }));
    }
  }
  if (!factorIds.size && !errors.factorIds && !errors.factorNumbers) add("factorIds", "evidence:errors.noFactor");

  const questionIds: string[] = [];
  for (const id of new Set(values.questionIds as string[])) {
    const factor = active.find((candidate) => candidate.guidingQuestions.some((question) => question.id === id && !question.retired));
    if (!factor) add("questionIds", msg("evidence:errors.unknownQuestion", { id: id.slice(0, 40) }));
    else if (!factorIds.has(factor.id)) add("questionIds", msg("evidence:errors.questionOutsideFactors", { number: factor.number }));
    else questionIds.push(id);
  }

  if (fields.success) {
    const { kind, interviewId, documentId } = fields.data;
    if ((INTERVIEW_KINDS as readonly string[]).includes(kind) && !interviewId) add("interviewId", "evidence:errors.interviewRequired");
    if (kind === "document" && !documentId) add("documentId", "evidence:errors.documentRequired");
  }
  if (!fields.success || Object.keys(errors).length) return { ok: false, errors, values };

  const { kind, interviewId, documentId, ...rest } = fields.data;
  // The source follows the kind: a quote points to its interview, a document item to its document.
  const interviewKind = (INTERVIEW_KINDS as readonly string[]).includes(kind);
  return {
    ok: true,
    values,
    data: {
      ...rest,
      kind,
      factorIds: [...factorIds].sort(),
      questionIds: questionIds.sort(),
      interviewId: kind === "document" ? null : interviewId,
      documentId: interviewKind ? null : documentId,
    },
  };
}

// ---- Writes -------------------------------------------------------------------

export type EvidenceOutcome = { ok: true; id: string } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors };

/** The interview and the document must be this review's own; an id from elsewhere is refused. */
async function checkSources(reviewId: string, input: EvidenceInput): Promise<FieldErrors | null> {
  const errors: FieldErrors = {};
  if (input.interviewId && !(await interviewBelongsToReview({ reviewId, interviewId: input.interviewId }))) {
    errors.interviewId = ["evidence:errors.unknownInterview"];
  }
  if (input.documentId) {
    const document = await db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.id, input.documentId), eq(documents.reviewId, reviewId), isNull(documents.deletedAt)))
      .get();
    if (!document) errors.documentId = ["evidence:errors.unknownDocument"];
  }
  return Object.keys(errors).length ? errors : null;
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

function writeTags(tx: Tx, evidenceId: string, input: EvidenceInput) {
  for (const factorId of input.factorIds) tx.insert(evidenceFactors).values({ evidenceId, factorId }).run();
  for (const questionId of input.questionIds) tx.insert(evidenceQuestions).values({ evidenceId, questionId }).run();
}

function auditView(input: EvidenceInput) {
  return { ...input };
}

export async function createEvidence({
  reviewId,
  userId,
  input,
  id = newId(),
}: {
  reviewId: string;
  userId: string;
  input: EvidenceInput;
  id?: string;
}): Promise<EvidenceOutcome> {
  const invalid = await checkSources(reviewId, input);
  if (invalid) return { ok: false, status: 400, errors: invalid };
  db.transaction((tx) => {
    tx.insert(evidence)
      .values({
        id,
        reviewId,
        kind: input.kind,
        text: input.text,
        searchText: evidenceSearchText(input),
        polarity: input.polarity,
        attribution: input.attribution,
        interviewId: input.interviewId,
        documentId: input.documentId,
        createdBy: userId,
      })
      .run();
    writeTags(tx, id, input);
    writeAudit(tx, { reviewId, userId, action: "create", entity: "evidence", entityId: id, after: auditView(input) });
  });
  return { ok: true, id };
}

async function loadStored(reviewId: string, evidenceId: string) {
  const row = await db
    .select({
      id: evidence.id,
      kind: evidence.kind,
      text: evidence.text,
      polarity: evidence.polarity,
      attribution: evidence.attribution,
      interviewId: evidence.interviewId,
      documentId: evidence.documentId,
      createdBy: evidence.createdBy,
      deletedAt: evidence.deletedAt,
      version: evidence.version,
    })
    .from(evidence)
    .where(and(eq(evidence.id, evidenceId), eq(evidence.reviewId, reviewId)))
    .get();
  if (!row) return null;
  const [factors, questions] = await Promise.all([
    db.select({ id: evidenceFactors.factorId }).from(evidenceFactors).where(eq(evidenceFactors.evidenceId, evidenceId)),
    db.select({ id: evidenceQuestions.questionId }).from(evidenceQuestions).where(eq(evidenceQuestions.evidenceId, evidenceId)),
  ]);
  const input: EvidenceInput = {
    kind: row.kind,
    text: row.text,
    polarity: row.polarity,
    attribution: row.attribution,
    interviewId: row.interviewId,
    documentId: row.documentId,
    factorIds: factors.map((factor) => factor.id).sort(),
    questionIds: questions.map((question) => question.id).sort(),
  };
  return { row, input };
}

export type Actor = { userId: string; canEditAny: boolean };

/**
 * Finds an item the actor may change: 404 for an id that is not this review's (a forged id
 * learns nothing), 403 for a peer touching someone else's item.
 */
async function requireOwnItem(reviewId: string, evidenceId: string, actor: Actor, deleted: boolean) {
  const stored = await loadStored(reviewId, evidenceId);
  if (!stored || Boolean(stored.row.deletedAt) !== deleted) {
    return { ok: false as const, status: 404 as const, errors: { _form: ["evidence:errors.notFound"] } };
  }
  if (stored.row.createdBy !== actor.userId && !actor.canEditAny) {
    return { ok: false as const, status: 403 as const, errors: { _form: ["evidence:errors.notYours"] } };
  }
  return { ok: true as const, stored };
}

export async function updateEvidence({
  reviewId,
  evidenceId,
  actor,
  version,
  input,
}: {
  reviewId: string;
  evidenceId: string;
  actor: Actor;
  /** The version the editor started from; a newer stored one means someone else saved meanwhile. */
  version: number | null;
  input: EvidenceInput;
}): Promise<EvidenceOutcome> {
  const found = await requireOwnItem(reviewId, evidenceId, actor, false);
  if (!found.ok) return found;
  const { row, input: before } = found.stored;
  if (version !== null && version !== row.version)
    return { ok: false, status: 409, errors: { _form: ["evidence:errors.changedMeanwhile"] } };
  const invalid = await checkSources(reviewId, input);
  if (invalid) return { ok: false, status: 400, errors: invalid };
  db.transaction((tx) => {
    tx.update(evidence)
      .set({
        kind: input.kind,
        text: input.text,
        searchText: evidenceSearchText(input),
        polarity: input.polarity,
        attribution: input.attribution,
        interviewId: input.interviewId,
        documentId: input.documentId,
        updatedAt: new Date(),
        version: row.version + 1,
      })
      .where(eq(evidence.id, evidenceId))
      .run();
    tx.delete(evidenceFactors).where(eq(evidenceFactors.evidenceId, evidenceId)).run();
    tx.delete(evidenceQuestions).where(eq(evidenceQuestions.evidenceId, evidenceId)).run();
    writeTags(tx, evidenceId, input);
    writeAudit(tx, {
      reviewId,
      userId: actor.userId,
      action: "update",
      entity: "evidence",
      entityId: evidenceId,
      before: auditView(before),
      after: auditView(input),
    });
  });
  return { ok: true, id: evidenceId };
}

/** Soft delete: the item leaves the log, the coverage and the reports, and can be brought back. */
export async function deleteEvidence({
  reviewId,
  evidenceId,
  actor,
}: {
  reviewId: string;
  evidenceId: string;
  actor: Actor;
}): Promise<EvidenceOutcome> {
  const found = await requireOwnItem(reviewId, evidenceId, actor, false);
  if (!found.ok) return found;
  db.transaction((tx) => {
    tx.update(evidence).set({ deletedAt: new Date() }).where(eq(evidence.id, evidenceId)).run();
    writeAudit(tx, {
      reviewId,
      userId: actor.userId,
      action: "delete",
      entity: "evidence",
      entityId: evidenceId,
      before: auditView(found.stored.input),
    });
  });
  return { ok: true, id: evidenceId };
}

export async function restoreEvidence({
  reviewId,
  evidenceId,
  actor,
}: {
  reviewId: string;
  evidenceId: string;
  actor: Actor;
}): Promise<EvidenceOutcome> {
  const found = await requireOwnItem(reviewId, evidenceId, actor, true);
  if (!found.ok) return found;
  db.transaction((tx) => {
    tx.update(evidence).set({ deletedAt: null }).where(eq(evidence.id, evidenceId)).run();
    writeAudit(tx, {
      reviewId,
      userId: actor.userId,
      action: "restore",
      entity: "evidence",
      entityId: evidenceId,
      after: auditView(found.stored.input),
    });
  });
  return { ok: true, id: evidenceId };
}

// ---- Reads ------------------------------------------------------------------

/** One item with everything its page shows; deleted items too, so they can be restored. */
export async function getEvidence({ reviewId, evidenceId }: { reviewId: string; evidenceId: string }) {
  const stored = await loadStored(reviewId, evidenceId);
  if (!stored) return null;
  const extra = await db
    .select({ createdAt: evidence.createdAt, updatedAt: evidence.updatedAt, creatorName: users.name })
    .from(evidence)
    .innerJoin(users, eq(users.id, evidence.createdBy))
    .where(eq(evidence.id, evidenceId))
    .get();
  return {
    id: stored.row.id,
    ...stored.input,
    createdBy: stored.row.createdBy,
    creatorName: extra?.creatorName ?? "",
    createdAt: extra?.createdAt ?? null,
    updatedAt: extra?.updatedAt ?? null,
    deletedAt: stored.row.deletedAt,
    version: stored.row.version,
  };
}

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
  attribution: string;
  canEdit: boolean;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDayStart(value: string | undefined) {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : time;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `
  );

/** `CASE column WHEN a THEN 1 WHEN b THEN 2 … END`: sorts by a small, already ordered list (names, labels). */
function rankBy(column: SQL, orderedIds: readonly string[]) {
  if (!orderedIds.length) return sql`NULL`;
  return sql`CASE ${column} ${sql.join(
    orderedIds.map((id, index) => sql`WHEN ${id} THEN ${index + 1}`),
    sql` `
  )} END`;
}

type LogShape = { grouped: boolean; withText: boolean };

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
function logHalves(reviewId: string, { grouped, withText }: LogShape) {
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
      CAST(COALESCE(unixepoch(d.date) * 1000, d.created_at) AS INTEGER) AS date, 'host-city' AS origin,
      ${withText ? sql`CAST(lower(d.title) AS TEXT)` : sql`NULL`} AS search_text,
      ${grouped ? sql`gf.factor_id` : sql`NULL`} AS group_factor
    FROM documents d ${
      grouped ? sql`LEFT JOIN (SELECT DISTINCT document_id, factor_id FROM document_links) gf ON gf.document_id = d.id` : sql``
    }
    WHERE d.review_id = ${reviewId} AND d.origin = 'host-city' AND d.deleted_at IS NULL`;
  return [evidenceHalf, documentHalf] as const;
}

function logKeys(reviewId: string, shape: LogShape) {
  const [evidenceHalf, documentHalf] = logHalves(reviewId, shape);
  return sql`${evidenceHalf} UNION ALL ${documentHalf}`;
}

type LogTotals = { rows: number; items: number; groupCounts: Record<string, number> };

/**
 * How many rows and items a view holds, and (grouped) how many rows each factor has.
 * A flat view counts each half on its own: SQLite then counts straight from the index, where a
 * count over the UNION ALL passes every row through a subroutine. A grouped view joins the tags
 * once into a temporary table and counts it twice (rows per factor, distinct items).
 */
function countLog(reviewId: string, shape: LogShape, where: SQL): LogTotals {
  if (!shape.grouped) {
    const [evidenceHalf, documentHalf] = logHalves(reviewId, shape);
    const { n } = db.get<{ n: number }>(
      sql`SELECT (SELECT COUNT(*) FROM (${evidenceHalf}) AS log ${where}) + (SELECT COUNT(*) FROM (${documentHalf}) AS log ${where}) AS n`
    );
    return { rows: n, items: n, groupCounts: {} };
  }
  const groups = db.all<{ factor: string | null; n: number; items: number }>(
    sql`WITH log AS (${logKeys(reviewId, shape)}), hits AS MATERIALIZED (SELECT log.id, log.group_factor FROM log ${where})
      SELECT group_factor AS factor, COUNT(*) AS n, (SELECT COUNT(DISTINCT id) FROM hits) AS items FROM hits GROUP BY group_factor`
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

async function logWhere(reviewId: string, view: TableState, grouped: boolean): Promise<SQL> {
  const where: SQL[] = [];
  const terms = searchTerms(view.q);
  if (terms.length) {
    const documentIds = await matchingDocumentIds(reviewId, terms);
    const inText = sql.join(
      terms.map((term) => sql`instr(log.search_text, ${term}) > 0`),
      sql` AND `
    );
    where.push(sql`((log.source = 'evidence' AND ${inText}) OR (log.source = 'document' AND log.id IN (${list(documentIds)})))`);
  }
  const filters = view.filters;
  if (filters.factor?.length) {
    where.push(
      grouped
        ? sql`log.group_factor IN (${list(filters.factor)})`
        : sql`log.id IN (SELECT evidence_id FROM evidence_factors WHERE factor_id IN (${list(filters.factor)})
            UNION ALL SELECT document_id FROM document_links WHERE factor_id IN (${list(filters.factor)}))`
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

/** The few people, interviews and documents the log's rows refer to; loaded once per page. */
export type LogContext = {
  members: { id: string; name: string; role: Role }[];
  interviews: InterviewOption[];
  documents: LogDocument[];
};

export async function loadLogContext({ reviewId }: { reviewId: string }): Promise<LogContext> {
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

type Lookups = {
  names: Map<string, string>;
  interviews: InterviewOption[];
  documents: Map<string, LogDocument>;
};

function lookupsOf(context: LogContext): Lookups {
  return {
    names: new Map(context.members.map((person) => [person.id, person.name])),
    interviews: context.interviews,
    documents: new Map(context.documents.map((doc) => [doc.id, doc])),
  };
}

/** Sorting by a name or a label ranks the few people and interviews in JavaScript and lets SQL sort by rank. */
function logOrder(view: TableState, grouped: boolean, lookups: Lookups) {
  const entry = view.sort[0] ?? { id: "date", desc: true };
  const categoryOrder = (interview: InterviewOption) =>
    Math.min(
      ...interview.participants.map((participant) => PARTICIPANT_CATEGORIES.indexOf(participant.category)),
      PARTICIPANT_CATEGORIES.length
    );
  const byColumn: Record<LogColumn, () => SQL> = {
    date: () => sql`log.date`,
    text: () => sql`log.search_text`,
    kind: () => sql`log.kind`,
    polarity: () => sql`CASE log.polarity WHEN 'supports' THEN 1 WHEN 'mixed' THEN 2 WHEN 'contradicts' THEN 3 END`,
    reviewer: () => rankBy(sql`log.created_by`, [...lookups.names.keys()]),
    interview: () =>
      rankBy(
        sql`log.interview_id`,
        lookups.interviews.map((interview) => interview.id)
      ),
    category: () =>
      rankBy(
        sql`log.interview_id`,
        [...lookups.interviews].sort((a, b) => categoryOrder(a) - categoryOrder(b)).map((interview) => interview.id)
      ),
    factors: () =>
      sql`CASE log.source WHEN 'evidence' THEN (SELECT MIN(factor_id) FROM evidence_factors WHERE evidence_id = log.id)
        ELSE (SELECT MIN(factor_id) FROM document_links WHERE document_id = log.id) END`,
    origin: () => sql`log.origin`,
  };
  const column = (entry.id in byColumn ? entry.id : "date") as LogColumn;
  const parts = [
    sql`${byColumn[column]()} ${entry.desc ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`}`,
    sql`log.date DESC`,
    sql`log.id ASC`,
  ];
  if (grouped) parts.unshift(sql`log.group_factor ASC NULLS LAST`);
  return sql.join(parts, sql`, `);
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
  text: string;
  text_length: number;
};

/** The columns the table shows, for the rows on screen only (or every row, for the export). */
function loadDetails(reviewId: string, keys: { id: string; source: "evidence" | "document" }[], fullText: boolean) {
  const text = fullText ? sql`e.text` : sql`substr(e.text, 1, ${EXCERPT_LENGTH})`;
  const evidenceIds = keys.filter((key) => key.source === "evidence").map((key) => key.id);
  const documentIds = keys.filter((key) => key.source === "document").map((key) => key.id);
  const details = new Map<string, Detail>();
  const chunk = 500;
  for (let index = 0; index < evidenceIds.length; index += chunk) {
    const ids = evidenceIds.slice(index, index + chunk);
    for (const row of db.all<Detail>(sql`
      SELECT e.id, e.kind, e.polarity, e.created_by, e.interview_id, e.document_id, e.created_at AS date, e.attribution,
        ${text} AS text, length(e.text) AS text_length
      FROM evidence e WHERE e.id IN (${list(ids)}) AND +e.review_id = ${reviewId}`)) {
      details.set(row.id, row);
    }
  }
  if (documentIds.length) {
    for (const row of db.all<Detail>(sql`
      SELECT d.id, 'document' AS kind, NULL AS polarity, NULL AS created_by, NULL AS interview_id, d.id AS document_id,
        COALESCE(unixepoch(d.date) * 1000, d.created_at) AS date, '' AS attribution, d.title AS text, length(d.title) AS text_length
      FROM documents d WHERE d.id IN (${list(documentIds)}) AND +d.review_id = ${reviewId}`)) {
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

export type LogActor = Actor & { canWrite: boolean };

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
    reviewerName: detail.created_by ? lookups.names.get(detail.created_by) ?? null : null,
    interview: interview ? { id: interview.id, date: interview.date, format: interview.format, place: interview.place } : null,
    categories: interview ? [...new Set(interview.participants.map((participant) => participant.category))] : [],
    document: doc ? { id: doc.id, title: doc.title, href: doc.href } : null,
    date: detail.date,
    origin: key.source === "document" ? "host-city" : "peer-team",
    attribution: detail.attribution,
    canEdit: key.source === "evidence" && actor.canWrite && (detail.created_by === actor.userId || actor.canEditAny),
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
    ([clause, loaded]) => [clause, lookupsOf(loaded)] as const
  );
  const shape = { grouped, withText: needsText(view) };
  const totals = countLog(reviewId, shape, where);
  const pages = Math.max(1, Math.ceil(totals.rows / pageSize));
  const page = Math.min(view.page, pages);
  // A flat view selects every column, not only the key: SQLite turns the UNION ALL into a merge of
  // its two halves only when the sort columns are among those selected, and then reads the newest
  // items straight from evidence_log_idx and stops after one page instead of sorting the whole log.
  // A grouped view sorts every row by factor first anyway, and sorts narrow rows faster.
  const columns = grouped ? sql`log.id, log.source, log.group_factor` : sql`log.*`;
  const shown = db.all<Key>(
    sql`WITH log AS (${logKeys(reviewId, shape)}) SELECT ${columns} FROM log ${where}
      ORDER BY ${logOrder(view, grouped, lookups)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`
  );
  const ids = [...new Set(shown.map((key) => key.id))];
  const details = loadDetails(reviewId, shown, false);
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

/** Every item of a view, whole texts and guiding questions included: what the CSV export writes. */
export async function listEvidenceForExport({ reviewId, view }: { reviewId: string; view: TableState }) {
  const flat = { ...view, group: null };
  const [where, lookups] = await Promise.all([logWhere(reviewId, flat, false), loadLogContext({ reviewId })]).then(
    ([clause, loaded]) => [clause, lookupsOf(loaded)] as const
  );
  const keys = logKeys(reviewId, { grouped: false, withText: needsText(flat) });
  const shown = db.all<Key>(
    sql`WITH log AS (${keys}) SELECT log.id, log.source, log.group_factor FROM log ${where} ORDER BY ${logOrder(flat, false, lookups)}`
  );
  const details = loadDetails(reviewId, shown, true);
  const [factors, questionRows, linkQuestions] = await Promise.all([
    tagsOf(reviewId, "all"),
    db
      .select({ id: evidenceQuestions.evidenceId, questionId: evidenceQuestions.questionId })
      .from(evidenceQuestions)
      .innerJoin(evidence, eq(evidence.id, evidenceQuestions.evidenceId))
      .where(eq(evidence.reviewId, reviewId)),
    db
      .select({ id: documentLinks.documentId, questionId: documentLinks.questionId })
      .from(documentLinks)
      .innerJoin(documents, eq(documents.id, documentLinks.documentId))
      .where(eq(documents.reviewId, reviewId)),
  ]);
  const questions = new Map<string, string[]>();
  for (const row of [...questionRows, ...linkQuestions]) {
    if (!row.questionId) continue;
    questions.set(row.id, [...(questions.get(row.id) ?? []), row.questionId].sort());
  }
  const noActor: LogActor = { userId: "", canEditAny: false, canWrite: false };
  return shown.flatMap((key) => {
    const detail = details.get(key.id);
    return detail ? [{ ...toLogRow(key, detail, factors, lookups, noActor), questions: questions.get(key.id) ?? [] }] : [];
  });
}

export type ExportRow = Awaited<ReturnType<typeof listEvidenceForExport>>[number];

/** Filter choices and tag counts for the log page. Names of interviewees are never part of it. */
export async function getLogFacets({ reviewId, context }: { reviewId: string; context?: LogContext }) {
  const loaded = context ?? (await loadLogContext({ reviewId }));
  const factorCounts = await db
    .select({ factorId: evidenceFactors.factorId, n: count() })
    .from(evidenceFactors)
    .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
    .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
    .groupBy(evidenceFactors.factorId);
  return {
    reviewers: loaded.members.filter((member) => member.role === "peer-reviewer" || member.role === "lead-expert"),
    interviews: loaded.interviews,
    documents: loaded.documents,
    factorCounts: Object.fromEntries(factorCounts.map((row) => [row.factorId, row.n])) as Record<string, number>,
  };
}

// ---- Coverage -----------------------------------------------------------------

export type Balance = { total: number; supports: number; mixed: number; contradicts: number; documents: number };

const emptyBalance = (): Balance => ({ total: 0, supports: 0, mixed: 0, contradicts: 0, documents: 0 });

/**
 * Key factors × guiding questions: how much evidence each has and which way it points, and how
 * many host-city documents answer it — what the team still lacks while the visit goes on.
 */
export async function getCoverage({ reviewId, framework }: { reviewId: string; framework: Framework }) {
  const [byFactor, byQuestion, docLinks] = await Promise.all([
    db
      .select({ key: evidenceFactors.factorId, polarity: evidence.polarity, n: count() })
      .from(evidenceFactors)
      .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
      .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .groupBy(evidenceFactors.factorId, evidence.polarity),
    db
      .select({ key: evidenceQuestions.questionId, polarity: evidence.polarity, n: count() })
      .from(evidenceQuestions)
      .innerJoin(evidence, eq(evidence.id, evidenceQuestions.evidenceId))
      .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .groupBy(evidenceQuestions.questionId, evidence.polarity),
    db
      .selectDistinct({ documentId: documentLinks.documentId, factorId: documentLinks.factorId, questionId: documentLinks.questionId })
      .from(documentLinks)
      .innerJoin(documents, eq(documents.id, documentLinks.documentId))
      .where(and(eq(documents.reviewId, reviewId), eq(documents.origin, "host-city"), isNull(documents.deletedAt))),
  ]);
  const tally = (rows: { key: string; polarity: Polarity; n: number }[]) => {
    const balances = new Map<string, Balance>();
    for (const row of rows) {
      const balance = balances.get(row.key) ?? emptyBalance();
      balance[row.polarity] += row.n;
      balance.total += row.n;
      balances.set(row.key, balance);
    }
    return balances;
  };
  const factorBalances = tally(byFactor);
  const questionBalances = tally(byQuestion);
  const docsPerFactor = new Map<string, Set<string>>();
  const docsPerQuestion = new Map<string, Set<string>>();
  for (const link of docLinks) {
    docsPerFactor.set(link.factorId, (docsPerFactor.get(link.factorId) ?? new Set()).add(link.documentId));
    if (link.questionId) docsPerQuestion.set(link.questionId, (docsPerQuestion.get(link.questionId) ?? new Set()).add(link.documentId));
  }
  return framework.keyFactors
    .filter((factor) => !factor.retired)
    .map((factor) => ({
      id: factor.id,
      number: factor.number,
      title: factor.title,
      balance: { ...(factorBalances.get(factor.id) ?? emptyBalance()), documents: docsPerFactor.get(factor.id)?.size ?? 0 },
      questions: factor.guidingQuestions
        .filter((question) => !question.retired)
        .map((question, index) => ({
          id: question.id,
          number: index + 1,
          text: question.text,
          balance: { ...(questionBalances.get(question.id) ?? emptyBalance()), documents: docsPerQuestion.get(question.id)?.size ?? 0 },
        })),
    }));
}
