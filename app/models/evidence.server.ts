import { and, eq, isNull } from "drizzle-orm";
import { foldText } from "#db/search-text";
import type { Framework } from "#benchmark/index";
import { documents, evidence, evidenceFactors, evidenceQuestions, interviewParticipants, users } from "#db/schema";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { canEditEvidence, type EvidenceEditor } from "#app/utils/permissions";
import type { FieldErrors } from "#app/utils/validation";
import { attributionSearchWords, resolveAttribution, type StoredAttribution } from "./attribution";
import { writeAudit } from "./audit.server";
import { evidenceSchema, type EvidenceInput } from "./evidence-schema";
import { interviewBelongsToReview } from "./interview.server";
import { newId } from "./user.server";

/** What the search column stores: the quote and its attribution (a category in every language), folded. */
export function evidenceSearchText(text: string, attribution: StoredAttribution) {
  return foldText(`${text}\n${attributionSearchWords(attribution)}`);
}

/** The attribution to store: a default or a suggested one as the speaker's category, typed words as typed. */
async function storedAttribution(input: EvidenceInput): Promise<StoredAttribution> {
  const speakers = input.interviewId
    ? await db
        .select({ category: interviewParticipants.category, role: interviewParticipants.role })
        .from(interviewParticipants)
        .where(eq(interviewParticipants.interviewId, input.interviewId))
        .orderBy(interviewParticipants.id)
    : [];
  return resolveAttribution(input.attribution, speakers);
}

const formSchemas = new WeakMap<Framework, ReturnType<typeof evidenceSchema>>();

/**
 * The evidence form's schema, built from the factors an item may be tagged with: once per
 * framework, as building a zod schema (and conform's coercing copy of it) costs more than a save's queries.
 */
export function evidenceFormSchema(framework: Framework) {
  let schema = formSchemas.get(framework);
  if (!schema) {
    schema = evidenceSchema(
      framework.keyFactors
        .filter((factor) => !factor.retired)
        .map((factor) => ({ id: factor.id, number: factor.number, questions: factor.guidingQuestions.filter((question) => !question.retired) })),
    );
    formSchemas.set(framework, schema);
  }
  return schema;
}

// ---- Writes -------------------------------------------------------------------

export type EvidenceOutcome = { ok: true; id: string; alreadySaved?: boolean } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors };

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

type Tx = AsyncDb;

async function writeTags(tx: Tx, evidenceId: string, input: EvidenceInput) {
  for (const factorId of input.factorIds) await tx.insert(evidenceFactors).values({ evidenceId, factorId }).run();
  for (const questionId of input.questionIds) await tx.insert(evidenceQuestions).values({ evidenceId, questionId }).run();
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
  // A retried send of an item made offline carries the id the browser gave it (app/offline/):
  // the item is already here, so this send saves nothing and answers as the first one did.
  const earlier = await findSentBefore(id, reviewId, userId);
  if (earlier) return earlier;
  const invalid = await checkSources(reviewId, input);
  if (invalid) return { ok: false, status: 400, errors: invalid };
  const attribution = await storedAttribution(input);
  const saved = await transaction(db, async (tx) => {
    // Checked again inside the write: two sends of one item racing each other save it once.
    if (await tx.select({ id: evidence.id }).from(evidence).where(eq(evidence.id, id)).get()) return false;
    await tx
      .insert(evidence)
      .values({
        id,
        reviewId,
        kind: input.kind,
        text: input.text,
        searchText: evidenceSearchText(input.text, attribution),
        polarity: input.polarity,
        ...attribution,
        interviewId: input.interviewId,
        documentId: input.documentId,
        language: input.language,
        createdBy: userId,
      })
      .run();
    await writeTags(tx, id, input);
    await writeAudit(tx, { reviewId, userId, action: "create", entity: "evidence", entityId: id, after: auditView(input) });
    return true;
  });
  return saved ? { ok: true, id } : ((await findSentBefore(id, reviewId, userId)) ?? ID_TAKEN);
}

const ID_TAKEN = { ok: false, status: 409, errors: { _form: ["evidence:errors.idTaken"] } } as const satisfies EvidenceOutcome;

/**
 * An item with this id that the same member logged in the same review answers "already saved";
 * an id held by anything else is refused (a forged or colliding id learns nothing and changes nothing).
 */
async function findSentBefore(id: string, reviewId: string, userId: string): Promise<EvidenceOutcome | null> {
  const row = await db.select({ reviewId: evidence.reviewId, createdBy: evidence.createdBy }).from(evidence).where(eq(evidence.id, id)).get();
  if (!row) return null;
  return row.reviewId === reviewId && row.createdBy === userId ? { ok: true, id, alreadySaved: true } : ID_TAKEN;
}

async function loadStored(reviewId: string, evidenceId: string) {
  const row = await db
    .select({
      id: evidence.id,
      kind: evidence.kind,
      text: evidence.text,
      polarity: evidence.polarity,
      attribution: evidence.attribution,
      attributionCategory: evidence.attributionCategory,
      attributionRole: evidence.attributionRole,
      language: evidence.language,
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
    language: row.language,
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
  if (version !== null && version !== row.version) return { ok: false, status: 409, errors: { _form: ["evidence:errors.changedMeanwhile"] } };
  const invalid = await checkSources(reviewId, input);
  if (invalid) return { ok: false, status: 400, errors: invalid };
  const attribution = await storedAttribution(input);
  const changedMeanwhile = Symbol("changed meanwhile");
  const saved = await transaction(db, async (tx) => {
    // Written only over the version read: of two saves from the same version, on whichever
    // instance, the second updates nothing and is told the item changed meanwhile.
    const updated = await tx
      .update(evidence)
      .set({
        kind: input.kind,
        text: input.text,
        searchText: evidenceSearchText(input.text, attribution),
        polarity: input.polarity,
        ...attribution,
        interviewId: input.interviewId,
        documentId: input.documentId,
        language: input.language,
        updatedAt: new Date(),
        version: row.version + 1,
      })
      .where(and(eq(evidence.id, evidenceId), eq(evidence.version, row.version)))
      .run();
    if (updated.changes === 0) return changedMeanwhile;
    await tx.delete(evidenceFactors).where(eq(evidenceFactors.evidenceId, evidenceId)).run();
    await tx.delete(evidenceQuestions).where(eq(evidenceQuestions.evidenceId, evidenceId)).run();
    await writeTags(tx, evidenceId, input);
    await writeAudit(tx, {
      reviewId,
      userId: actor.userId,
      action: "update",
      entity: "evidence",
      entityId: evidenceId,
      before: auditView(before),
      after: auditView(input),
    });
    return null;
  });
  if (saved === changedMeanwhile) return { ok: false, status: 409, errors: { _form: ["evidence:errors.changedMeanwhile"] } };
  return { ok: true, id: evidenceId };
}

/** Soft delete: the item leaves the log, the coverage and the reports, and can be brought back. */
export async function deleteEvidence({ reviewId, evidenceId, actor }: { reviewId: string; evidenceId: string; actor: Actor }): Promise<EvidenceOutcome> {
  const found = await requireOwnItem(reviewId, evidenceId, actor, false);
  if (!found.ok) return found;
  await transaction(db, async (tx) => {
    await tx.update(evidence).set({ deletedAt: new Date() }).where(eq(evidence.id, evidenceId)).run();
    await writeAudit(tx, {
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

export async function restoreEvidence({ reviewId, evidenceId, actor }: { reviewId: string; evidenceId: string; actor: Actor }): Promise<EvidenceOutcome> {
  const found = await requireOwnItem(reviewId, evidenceId, actor, true);
  if (!found.ok) return found;
  await transaction(db, async (tx) => {
    await tx.update(evidence).set({ deletedAt: null }).where(eq(evidence.id, evidenceId)).run();
    await writeAudit(tx, {
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
    attributionCategory: stored.row.attributionCategory,
    attributionRole: stored.row.attributionRole,
    createdBy: stored.row.createdBy,
    creatorName: extra?.creatorName ?? "",
    createdAt: extra?.createdAt ?? null,
    updatedAt: extra?.updatedAt ?? null,
    deletedAt: stored.row.deletedAt,
    version: stored.row.version,
  };
}
