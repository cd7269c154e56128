import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getKeyFactor, requireFramework, type Framework } from "#benchmark/index";
import { documentLinks, documents, reviews, users } from "#db/schema";
import type { DocumentType } from "#db/enums";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { keepUpload, removeStoredFile, type AcceptedUpload, type StoredFile } from "#app/utils/uploads.server";
import { msg, type FieldErrors } from "#app/utils/validation";
import { writeAudit } from "./audit.server";

/*
 * The host city's documentary sources. They are stored with origin "host-city" so the peer
 * team's evidence log can cite them; a deleted document is only marked deleted, because evidence
 * may already point at it.
 */

export type DocumentInput = {
  title: string;
  type: DocumentType;
  date: string | null;
  author: string;
  url: string | null;
  factorIds: string[];
  questionIds: string[];
};

export type DocumentLink = { factorId: string; questionId: string };

/**
 * Where a document can be read: a document needs a link or a file (a new upload, or the stored one
 * it keeps). Returns the error for the link field, or none.
 */
export function documentSourceErrors({ url, hasFile }: { url: string | null; hasFile: boolean }): FieldErrors {
  return url || hasFile ? {} : { url: ["selfAssessment:documents.errors.linkOrFile"] };
}

/**
 * Which factors and questions a document answers, checked against the review's framework. A
 * ticked question counts for its factor, so ticking the factor too is not needed.
 */
export function documentLinkErrors(framework: Framework, factorIds: string[], questionIds: string[]): FieldErrors {
  const problems: string[] = [];
  for (const factorId of factorIds) {
    const factor = getKeyFactor(framework, factorId);
    if (!factor || factor.retired) problems.push(msg("selfAssessment:errors.unknownFactor", { id: factorId.slice(0, 40) }));
  }
  for (const questionId of questionIds) {
    const factor = framework.keyFactors.find((candidate) => candidate.guidingQuestions.some((question) => question.id === questionId));
    const question = factor?.guidingQuestions.find((candidate) => candidate.id === questionId);
    if (!factor || factor.retired || !question || question.retired) {
      problems.push(msg("selfAssessment:errors.unknownQuestion", { id: questionId.slice(0, 40) }));
    }
  }
  if (!problems.length && !factorIds.length && !questionIds.length) problems.push("selfAssessment:documents.errors.noFactor");
  return problems.length ? { links: problems } : {};
}

/** The rows of document_links for a set of ticked factors and questions. */
function linkRows(framework: Framework, documentId: string, factorIds: string[], questionIds: string[]) {
  const rows = new Map<string, { documentId: string; factorId: string; questionId: string }>();
  const add = (factorId: string, questionId: string) => rows.set(`${factorId}/${questionId}`, { documentId, factorId, questionId });
  for (const factorId of factorIds) add(factorId, "");
  for (const questionId of questionIds) {
    const factor = framework.keyFactors.find((candidate) => candidate.guidingQuestions.some((question) => question.id === questionId));
    if (!factor) continue;
    add(factor.id, "");
    add(factor.id, questionId);
  }
  return [...rows.values()];
}

async function frameworkOf(reviewId: string) {
  const review = await db.select({ frameworkId: reviews.frameworkId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) throw new Error(`Unknown review ${reviewId}`);
  return requireFramework(review.frameworkId);
}

const documentColumns = {
  id: documents.id,
  title: documents.title,
  type: documents.type,
  date: documents.date,
  author: documents.author,
  url: documents.url,
  fileName: documents.fileName,
  fileMime: documents.fileMime,
  fileSize: documents.fileSize,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
  createdByName: users.name,
};

async function linksOf(documentIds: string[]) {
  if (!documentIds.length) return new Map<string, DocumentLink[]>();
  const rows = await db
    .select({ documentId: documentLinks.documentId, factorId: documentLinks.factorId, questionId: documentLinks.questionId })
    .from(documentLinks)
    .where(inArray(documentLinks.documentId, documentIds))
    .orderBy(asc(documentLinks.factorId), asc(documentLinks.questionId));
  const byDocument = new Map<string, DocumentLink[]>();
  for (const row of rows) {
    const list = byDocument.get(row.documentId) ?? [];
    list.push({ factorId: row.factorId, questionId: row.questionId });
    byDocument.set(row.documentId, list);
  }
  return byDocument;
}

/** The host city's documents, newest first (undated last), each with what it answers. */
export async function listDocuments({ reviewId }: { reviewId: string }) {
  const rows = await db
    .select(documentColumns)
    .from(documents)
    .leftJoin(users, eq(users.id, documents.createdBy))
    .where(and(eq(documents.reviewId, reviewId), eq(documents.origin, "host-city"), isNull(documents.deletedAt)))
    .orderBy(sql`${documents.date} is null`, desc(documents.date), asc(documents.title));
  const links = await linksOf(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, hasFile: row.fileName !== null, links: links.get(row.id) ?? [] }));
}

export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];

/** Documents that answer a factor (ticked for the factor itself or for one of its questions). */
export async function listDocumentsForFactor({ reviewId, factorId }: { reviewId: string; factorId: string }) {
  const all = await listDocuments({ reviewId });
  return all
    .filter((document) => document.links.some((link) => link.factorId === factorId))
    .map((document) => ({
      ...document,
      questionIds: document.links.filter((link) => link.factorId === factorId && link.questionId).map((link) => link.questionId),
    }));
}

export async function getDocument({ reviewId, documentId }: { reviewId: string; documentId: string }) {
  const row = await db
    .select({ ...documentColumns, deletedAt: documents.deletedAt })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.createdBy))
    .where(and(eq(documents.id, documentId), eq(documents.reviewId, reviewId), eq(documents.origin, "host-city")))
    .get();
  if (!row) return null;
  const links = await linksOf([row.id]);
  return { ...row, hasFile: row.fileName !== null, links: links.get(row.id) ?? [] };
}

/** The stored file of a document that is not deleted, for download. */
export async function getDocumentFile({ reviewId, documentId }: { reviewId: string; documentId: string }) {
  const row = await db
    .select({ sha256: documents.fileSha256, name: documents.fileName, mime: documents.fileMime, size: documents.fileSize })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.reviewId, reviewId), isNull(documents.deletedAt), isNotNull(documents.fileSha256)))
    .get();
  if (!row?.sha256 || !row.name || !row.mime) return null;
  return { sha256: row.sha256, name: row.name, mime: row.mime, size: row.size ?? 0 };
}

/** Removes a stored file unless a document (deleted ones included, they can be restored) still uses it. */
export async function removeFileIfUnreferenced(sha256: string) {
  const used = await db.select({ id: documents.id }).from(documents).where(eq(documents.fileSha256, sha256)).get();
  if (!used) await removeStoredFile(sha256);
}

/** Keeps the upload, then writes; if the write fails the file goes too (unless another document has it). */
async function withStoredFile<T>(upload: AcceptedUpload | null, write: (file: StoredFile | null) => Promise<T>): Promise<T> {
  const file = upload ? await keepUpload(upload) : null;
  try {
    return await write(file);
  } catch (error) {
    if (file) await removeFileIfUnreferenced(file.sha256);
    throw error;
  }
}

function fileColumns(file: StoredFile | null) {
  return file
    ? { fileSha256: file.sha256, fileName: file.name, fileMime: file.mime, fileSize: file.size }
    : { fileSha256: null, fileName: null, fileMime: null, fileSize: null };
}

function auditView(input: DocumentInput, file: { fileName: string | null; fileSha256: string | null }) {
  return {
    title: input.title,
    type: input.type,
    date: input.date,
    author: input.author,
    url: input.url,
    file: file.fileName,
    sha256: file.fileSha256,
    factors: input.factorIds,
    questions: input.questionIds,
  };
}

export async function createDocument({
  reviewId,
  userId,
  input,
  upload,
  now = new Date(),
}: {
  reviewId: string;
  userId: string;
  input: DocumentInput;
  upload: AcceptedUpload | null;
  now?: Date;
}) {
  const framework = await frameworkOf(reviewId);
  const id = crypto.randomUUID();
  await withStoredFile(upload, (file) =>
    transaction(db, async (tx) => {
      const columns = fileColumns(file);
      await tx
        .insert(documents)
        .values({
          id,
          reviewId,
          origin: "host-city",
          title: input.title,
          type: input.type,
          date: input.date,
          author: input.author,
          url: input.url,
          ...columns,
          createdBy: userId,
          createdAt: now,
        })
        .run();
      const links = linkRows(framework, id, input.factorIds, input.questionIds);
      if (links.length) await tx.insert(documentLinks).values(links).run();
      await writeAudit(tx, { reviewId, userId, action: "create", entity: "document", entityId: id, after: auditView(input, columns) });
    }),
  );
  return { id };
}

/**
 * Updates a document's description and links; a new upload replaces its file and `removeFile`
 * drops it. A replaced file is deleted from disk when no other document uses it.
 */
export async function updateDocument({
  reviewId,
  documentId,
  userId,
  input,
  upload,
  removeFile = false,
  now = new Date(),
}: {
  reviewId: string;
  documentId: string;
  userId: string;
  input: DocumentInput;
  upload: AcceptedUpload | null;
  removeFile?: boolean;
  now?: Date;
}) {
  const framework = await frameworkOf(reviewId);
  const current = await getDocument({ reviewId, documentId });
  if (!current || current.deletedAt) return { status: "not-found" as const };
  const previous = await db.select({ sha256: documents.fileSha256 }).from(documents).where(eq(documents.id, documentId)).get();
  await withStoredFile(upload, (file) =>
    transaction(db, async (tx) => {
      const columns = file
        ? fileColumns(file)
        : removeFile
          ? fileColumns(null)
          : { fileSha256: previous?.sha256 ?? null, fileName: current.fileName, fileMime: current.fileMime, fileSize: current.fileSize };
      await tx
        .update(documents)
        .set({ title: input.title, type: input.type, date: input.date, author: input.author, url: input.url, ...columns, updatedAt: now })
        .where(and(eq(documents.id, documentId), eq(documents.reviewId, reviewId)))
        .run();
      await tx.delete(documentLinks).where(eq(documentLinks.documentId, documentId)).run();
      const links = linkRows(framework, documentId, input.factorIds, input.questionIds);
      if (links.length) await tx.insert(documentLinks).values(links).run();
      const before = {
        title: current.title,
        type: current.type,
        date: current.date,
        author: current.author,
        url: current.url,
        file: current.fileName,
        sha256: previous?.sha256 ?? null,
        factors: [...new Set(current.links.filter((link) => !link.questionId).map((link) => link.factorId))],
        questions: current.links.filter((link) => link.questionId).map((link) => link.questionId),
      };
      await writeAudit(tx, { reviewId, userId, action: "update", entity: "document", entityId: documentId, before, after: auditView(input, columns) });
    }),
  );
  const replaced = previous?.sha256 && (upload || removeFile) ? previous.sha256 : null;
  if (replaced) await removeFileIfUnreferenced(replaced);
  return { status: "updated" as const };
}

/** Marks a document deleted (evidence may cite it, and it can be restored). */
export async function deleteDocument({ reviewId, documentId, userId, now = new Date() }: { reviewId: string; documentId: string; userId: string; now?: Date }) {
  const current = await getDocument({ reviewId, documentId });
  if (!current || current.deletedAt) return { status: "not-found" as const };
  await transaction(db, async (tx) => {
    await tx.update(documents).set({ deletedAt: now, updatedAt: now }).where(eq(documents.id, documentId)).run();
    await writeAudit(tx, { reviewId, userId, action: "delete", entity: "document", entityId: documentId, before: { title: current.title } });
  });
  return { status: "deleted" as const, title: current.title };
}

export async function restoreDocument({
  reviewId,
  documentId,
  userId,
  now = new Date(),
}: {
  reviewId: string;
  documentId: string;
  userId: string;
  now?: Date;
}) {
  const current = await getDocument({ reviewId, documentId });
  if (!current?.deletedAt) return { status: "not-found" as const };
  await transaction(db, async (tx) => {
    await tx.update(documents).set({ deletedAt: null, updatedAt: now }).where(eq(documents.id, documentId)).run();
    await writeAudit(tx, { reviewId, userId, action: "restore", entity: "document", entityId: documentId, after: { title: current.title } });
  });
  return { status: "restored" as const };
}
