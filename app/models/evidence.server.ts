import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { foldText } from "#db/search-text";
import type { Framework } from "#benchmark/index";
import {
  documents,
  evidence,
  evidenceFactors,
  evidenceQuestions,
  EVIDENCE_KINDS,
  POLARITIES,
  users,
  type EvidenceKind,
  type Polarity,
} from "#db/schema";
import { db } from "#app/utils/db.server";
import { canEditEvidence, type EvidenceEditor } from "#app/utils/permissions";
import { choice, fieldErrors, formValues, msg, optionalText, requiredText, type FieldErrors } from "#app/utils/validation";
import { writeAudit } from "./audit.server";
import { interviewBelongsToReview } from "./interview.server";
import { newId } from "./user.server";

export const MAX_EVIDENCE_TEXT = 10_000;

/** Kinds whose source is an interview or focus group, and the kind whose source is a document. */
export const INTERVIEW_KINDS = ["interview-quote", "focus-group-note"] as const satisfies readonly EvidenceKind[];

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

export type Actor = EvidenceEditor;

/**
 * Finds an item the actor may change: 404 for an id that is not this review's (a forged id
 * learns nothing), 403 for a peer touching someone else's item.
 */
async function requireOwnItem(reviewId: string, evidenceId: string, actor: Actor, deleted: boolean) {
  const stored = await loadStored(reviewId, evidenceId);
  if (!stored || Boolean(stored.row.deletedAt) !== deleted) {
    return { ok: false as const, status: 404 as const, errors: { _form: ["evidence:errors.notFound"] } };
  }
  if (!canEditEvidence(actor, stored.row)) {
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
