import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { contextNotes, documentLinks, documents, reviews, selfAssessmentAnswers, selfAssessmentFactors } from "#db/schema";
import { type Rating } from "#db/enums";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { writeAudit } from "./audit.server";
import { activeFactors, activeQuestions, changedSince, getReviewFrame } from "./self-assessment.server";

// The whole self-assessment at once: progress per factor, the printable answers, and its submission.

export type FactorProgress = {
  factorId: string;
  number: number;
  questions: number;
  answered: number;
  rating: Rating | null;
  hasSummary: boolean;
  documents: number;
  changedSinceSubmission: boolean;
};

/**
 * Progress of the whole self-assessment, factor by factor: what the overview page shows and
 * the host team checks before submitting.
 */
export async function getSelfAssessmentProgress({ reviewId }: { reviewId: string }) {
  const frame = await getReviewFrame(reviewId);
  if (!frame) return null;
  const { framework, submittedAt } = frame;
  const answerRows = await db
    .select({
      factorId: selfAssessmentAnswers.factorId,
      questionId: selfAssessmentAnswers.questionId,
      text: selfAssessmentAnswers.text,
      updatedAt: selfAssessmentAnswers.updatedAt,
    })
    .from(selfAssessmentAnswers)
    .where(eq(selfAssessmentAnswers.reviewId, reviewId));
  const factorRows = await db
    .select({
      factorId: selfAssessmentFactors.factorId,
      rating: selfAssessmentFactors.rating,
      summary: selfAssessmentFactors.summary,
      updatedAt: selfAssessmentFactors.updatedAt,
    })
    .from(selfAssessmentFactors)
    .where(eq(selfAssessmentFactors.reviewId, reviewId));
  const linkRows = await db
    .selectDistinct({
      documentId: documents.id,
      factorId: documentLinks.factorId,
      createdAt: documents.createdAt,
      updatedAt: documents.updatedAt,
      deletedAt: documents.deletedAt,
    })
    .from(documentLinks)
    .innerJoin(documents, eq(documents.id, documentLinks.documentId))
    .where(and(eq(documents.reviewId, reviewId), eq(documents.origin, "host-city")));
  const contextRows = await db
    .select({ note: contextNotes.note, updatedAt: contextNotes.updatedAt })
    .from(contextNotes)
    .where(eq(contextNotes.reviewId, reviewId));
  const documentCount = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.reviewId, reviewId), eq(documents.origin, "host-city"), isNull(documents.deletedAt)));

  const factors: FactorProgress[] = activeFactors(framework).map((factor) => {
    const questionIds = new Set(activeQuestions(factor).map((question) => question.id));
    const answers = answerRows.filter((row) => row.factorId === factor.id && questionIds.has(row.questionId));
    const row = factorRows.find((candidate) => candidate.factorId === factor.id);
    const links = linkRows.filter((link) => link.factorId === factor.id);
    const liveDocuments = new Set(links.filter((link) => !link.deletedAt).map((link) => link.documentId));
    return {
      factorId: factor.id,
      number: factor.number,
      questions: questionIds.size,
      answered: answers.filter((answer) => answer.text.trim() !== "").length,
      rating: row?.rating ?? null,
      hasSummary: Boolean(row?.summary.trim()),
      documents: liveDocuments.size,
      changedSinceSubmission:
        changedSince(submittedAt, ...answers.map((answer) => answer.updatedAt), row?.updatedAt) ||
        links.some((link) => changedSince(submittedAt, link.createdAt, link.updatedAt, link.deletedAt)),
    };
  });
  const sum = (pick: (factor: FactorProgress) => number) => factors.reduce((total, factor) => total + pick(factor), 0);
  return {
    factors,
    totals: {
      questions: sum((factor) => factor.questions),
      answered: sum((factor) => factor.answered),
      factors: factors.length,
      rated: factors.filter((factor) => factor.rating !== null).length,
      summaries: factors.filter((factor) => factor.hasSummary).length,
      factorsWithDocuments: factors.filter((factor) => factor.documents > 0).length,
      documents: documentCount.length,
      contextualFactors: framework.contextualFactors.length,
      contextDescribed: contextRows.filter((row) => row.note.trim() !== "").length,
      contextChanged: contextRows.some((row) => changedSince(submittedAt, row.updatedAt)),
    },
    submission: submittedAt ? { at: submittedAt, byName: frame.submittedByName } : null,
  };
}

/** Everything the host team wrote, for the printable whole self-assessment. */
export async function listAllAnswers({ reviewId }: { reviewId: string }) {
  const frame = await getReviewFrame(reviewId);
  const submittedAt = frame?.submittedAt ?? null;
  const answerRows = await db
    .select({
      questionId: selfAssessmentAnswers.questionId,
      text: selfAssessmentAnswers.text,
      updatedAt: selfAssessmentAnswers.updatedAt,
    })
    .from(selfAssessmentAnswers)
    .where(and(eq(selfAssessmentAnswers.reviewId, reviewId), ne(selfAssessmentAnswers.text, "")));
  const factorRows = await db
    .select({
      factorId: selfAssessmentFactors.factorId,
      rating: selfAssessmentFactors.rating,
      summary: selfAssessmentFactors.summary,
      updatedAt: selfAssessmentFactors.updatedAt,
    })
    .from(selfAssessmentFactors)
    .where(eq(selfAssessmentFactors.reviewId, reviewId))
    .orderBy(asc(selfAssessmentFactors.factorId));
  return {
    answers: Object.fromEntries(
      answerRows.map((row) => [row.questionId, { text: row.text, changedSinceSubmission: changedSince(submittedAt, row.updatedAt) }]),
    ),
    factors: Object.fromEntries(
      factorRows.map((row) => [row.factorId, { rating: row.rating, summary: row.summary, changedSinceSubmission: changedSince(submittedAt, row.updatedAt) }]),
    ),
    submission: submittedAt ? { at: submittedAt, byName: frame?.submittedByName ?? null } : null,
  };
}

/** Records who handed the self-assessment to the peer team, and when; later edits show as changes since. */
export async function submitSelfAssessment({ reviewId, userId, now = new Date() }: { reviewId: string; userId: string; now?: Date }) {
  await transaction(db, async (tx) => {
    const before = await tx
      .select({ submittedAt: reviews.selfAssessmentSubmittedAt, submittedBy: reviews.selfAssessmentSubmittedBy })
      .from(reviews)
      .where(eq(reviews.id, reviewId))
      .get();
    await tx.update(reviews).set({ selfAssessmentSubmittedAt: now, selfAssessmentSubmittedBy: userId }).where(eq(reviews.id, reviewId)).run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: before?.submittedAt ? "resubmit" : "submit",
      entity: "self-assessment",
      entityId: reviewId,
      before: before?.submittedAt ? before : null,
      after: { submittedAt: now.toISOString(), submittedBy: userId },
    });
  });
}
