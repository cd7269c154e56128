import { and, eq } from "drizzle-orm";
import { getKeyFactor, requireFramework, type Framework, type KeyFactor } from "#benchmark/index";
import { reviews, selfAssessmentAnswers, selfAssessmentFactors, users } from "#db/schema";
import type { AsyncDb } from "#db/async-db";
import { type Rating } from "#db/enums";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { msg, type FieldErrors } from "#app/utils/validation";
import { writeAudit } from "./audit.server";
import { ANSWER_MAX_LENGTH, SUMMARY_MAX_LENGTH, answerField } from "./self-assessment-fields";

type ReviewFrame = { framework: Framework; submittedAt: Date | null; submittedBy: string | null; submittedByName: string | null };

export async function getReviewFrame(reviewId: string): Promise<ReviewFrame | null> {
  const row = await db
    .select({
      frameworkId: reviews.frameworkId,
      submittedAt: reviews.selfAssessmentSubmittedAt,
      submittedBy: reviews.selfAssessmentSubmittedBy,
      submittedByName: users.name,
    })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.selfAssessmentSubmittedBy))
    .where(eq(reviews.id, reviewId))
    .get();
  if (!row) return null;
  return {
    framework: requireFramework(row.frameworkId),
    submittedAt: row.submittedAt,
    submittedBy: row.submittedBy,
    submittedByName: row.submittedByName,
  };
}

export const activeFactors = (framework: Framework) => framework.keyFactors.filter((factor) => !factor.retired);
export const activeQuestions = (factor: KeyFactor) => factor.guidingQuestions.filter((question) => !question.retired);

/** Later than the submission: what the peer team has not seen in the submitted version. */
export function changedSince(submittedAt: Date | null, ...moments: (Date | null | undefined)[]) {
  if (!submittedAt) return false;
  return moments.some((moment) => moment != null && moment.getTime() > submittedAt.getTime());
}

export type SavedAnswer = {
  text: string;
  version: number;
  /** Carried over from the previous cycle and neither edited nor confirmed since: when it was written there. */
  carriedOverFrom: Date | null;
  updatedAt: Date;
  updatedByName: string | null;
  changedSinceSubmission: boolean;
};

export type SavedAssessment = {
  rating: Rating | null;
  summary: string;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  changedSinceSubmission: boolean;
};

/** One factor's saved rating and summary with who saved them last; read alike outside and inside a save. */
export async function readSavedFactor(executor: Pick<AsyncDb, "select">, reviewId: string, factorId: string) {
  return executor
    .select({
      rating: selfAssessmentFactors.rating,
      summary: selfAssessmentFactors.summary,
      version: selfAssessmentFactors.version,
      updatedAt: selfAssessmentFactors.updatedAt,
      updatedByName: users.name,
    })
    .from(selfAssessmentFactors)
    .leftJoin(users, eq(users.id, selfAssessmentFactors.updatedBy))
    .where(and(eq(selfAssessmentFactors.reviewId, reviewId), eq(selfAssessmentFactors.factorId, factorId)))
    .get();
}

/** One factor's answers (by question id) and its rating and summary, as saved. */
export async function getFactorAssessment({ reviewId, factorId }: { reviewId: string; factorId: string }) {
  const frame = await getReviewFrame(reviewId);
  const submittedAt = frame?.submittedAt ?? null;
  const answerRows = await db
    .select({
      questionId: selfAssessmentAnswers.questionId,
      text: selfAssessmentAnswers.text,
      version: selfAssessmentAnswers.version,
      carriedOverFrom: selfAssessmentAnswers.carriedOverFrom,
      updatedAt: selfAssessmentAnswers.updatedAt,
      updatedByName: users.name,
    })
    .from(selfAssessmentAnswers)
    .leftJoin(users, eq(users.id, selfAssessmentAnswers.updatedBy))
    .where(and(eq(selfAssessmentAnswers.reviewId, reviewId), eq(selfAssessmentAnswers.factorId, factorId)));
  const factorRow = await readSavedFactor(db, reviewId, factorId);
  const answers: Record<string, SavedAnswer> = {};
  for (const { questionId, ...row } of answerRows) {
    answers[questionId] = { ...row, changedSinceSubmission: changedSince(submittedAt, row.updatedAt) };
  }
  const assessment: SavedAssessment | null = factorRow ? { ...factorRow, changedSinceSubmission: changedSince(submittedAt, factorRow.updatedAt) } : null;
  return {
    answers,
    assessment,
    submission: submittedAt ? { at: submittedAt, byName: frame?.submittedByName ?? null } : null,
  };
}

export type AnswerInput = { questionId: string; text: string; version: number };
export type AssessmentInput = { rating: string | null; summary: string; version: number };

/** What the other person saved, shown beside what this user typed when their versions collide. */
export type TheirAnswer = { text: string; version: number; updatedAt: Date; updatedByName: string | null };
export type TheirAssessment = { rating: Rating | null; summary: string; version: number; updatedAt: Date; updatedByName: string | null };

export type SaveResult =
  | {
      status: "saved";
      answers: Record<string, { text: string; version: number }>;
      assessment: { rating: Rating | null; summary: string; version: number } | null;
      changes: number;
    }
  | { status: "unknown-factor" }
  | { status: "invalid"; errors: FieldErrors }
  | { status: "conflict"; answers: Record<string, TheirAnswer>; assessment: TheirAssessment | null };

function isVersion(value: number) {
  return Number.isInteger(value) && value >= 0;
}

function validate(framework: Framework, factor: KeyFactor, answers: AnswerInput[], assessment: AssessmentInput | null) {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const questionIds = new Set(activeQuestions(factor).map((question) => question.id));
  const seen = new Set<string>();
  for (const answer of answers) {
    if (!questionIds.has(answer.questionId)) {
      add("_form", msg("selfAssessment:errors.unknownQuestion", { id: answer.questionId.slice(0, 40) }));
      continue;
    }
    if (seen.has(answer.questionId)) add("_form", msg("selfAssessment:errors.duplicateQuestion", { id: answer.questionId }));
    seen.add(answer.questionId);
    if (answer.text.trim().length > ANSWER_MAX_LENGTH) add(answerField(answer.questionId), msg("errors.tooLong", { max: ANSWER_MAX_LENGTH }));
    if (!isVersion(answer.version)) add("_form", "selfAssessment:errors.badVersion");
  }
  if (assessment) {
    const scale = framework.ratingScale.map((rating) => rating.id as string);
    if (assessment.rating !== null && !scale.includes(assessment.rating)) add("rating", "selfAssessment:errors.ratingNotOnScale");
    if (assessment.summary.trim().length > SUMMARY_MAX_LENGTH) add("summary", msg("errors.tooLong", { max: SUMMARY_MAX_LENGTH }));
    if (!isVersion(assessment.version)) add("_form", "selfAssessment:errors.badVersion");
  }
  return errors;
}

/**
 * Saves answers of one factor and, optionally, its rating and summary, in one transaction.
 *
 * Each item carries the version the user started from (0 when nothing was saved yet). An item
 * whose text is unchanged is skipped. If any changed item was saved by someone else in the
 * meantime, nothing is written and the other person's versions come back, so the page can show
 * both and the user decides: no one's text is overwritten silently.
 */
export async function saveFactorAssessment({
  reviewId,
  factorId,
  userId,
  answers,
  assessment = null,
  now = new Date(),
}: {
  reviewId: string;
  factorId: string;
  userId: string;
  answers: AnswerInput[];
  assessment?: AssessmentInput | null;
  now?: Date;
}): Promise<SaveResult> {
  const frame = await getReviewFrame(reviewId);
  if (!frame) return { status: "unknown-factor" };
  const factor = getKeyFactor(frame.framework, factorId);
  if (!factor || factor.retired) return { status: "unknown-factor" };
  const errors = validate(frame.framework, factor, answers, assessment);
  if (Object.keys(errors).length) return { status: "invalid", errors };

  return transaction(db, async (tx): Promise<SaveResult> => {
    const conflicts: Record<string, TheirAnswer> = {};
    let assessmentConflict: TheirAssessment | null = null;
    const answerWrites: { input: AnswerInput; text: string; current: { text: string; version: number } | null }[] = [];
    const saved: Record<string, { text: string; version: number }> = {};

    for (const input of answers) {
      const text = plainLines(input.text);
      const current = await tx
        .select({
          text: selfAssessmentAnswers.text,
          version: selfAssessmentAnswers.version,
          updatedAt: selfAssessmentAnswers.updatedAt,
          updatedByName: users.name,
        })
        .from(selfAssessmentAnswers)
        .leftJoin(users, eq(users.id, selfAssessmentAnswers.updatedBy))
        .where(and(eq(selfAssessmentAnswers.reviewId, reviewId), eq(selfAssessmentAnswers.questionId, input.questionId)))
        .get();
      const currentText = current?.text ?? "";
      const currentVersion = current?.version ?? 0;
      if (text === currentText) {
        saved[input.questionId] = { text: currentText, version: currentVersion };
        continue;
      }
      if (current && input.version !== currentVersion) {
        conflicts[input.questionId] = {
          text: current.text,
          version: current.version,
          updatedAt: current.updatedAt,
          updatedByName: current.updatedByName,
        };
        continue;
      }
      answerWrites.push({ input, text, current: current ? { text: current.text, version: current.version } : null });
    }

    let assessmentWrite: { rating: Rating | null; summary: string; current: { rating: Rating | null; summary: string; version: number } | null } | null = null;
    let savedAssessment: { rating: Rating | null; summary: string; version: number } | null = null;
    if (assessment) {
      const rating = assessment.rating as Rating | null;
      const summary = plainLines(assessment.summary);
      const current = await readSavedFactor(tx, reviewId, factorId);
      const unchanged = (current?.rating ?? null) === rating && (current?.summary ?? "") === summary;
      if (unchanged) {
        savedAssessment = { rating, summary, version: current?.version ?? 0 };
      } else if (current && assessment.version !== current.version) {
        assessmentConflict = {
          rating: current.rating,
          summary: current.summary,
          version: current.version,
          updatedAt: current.updatedAt,
          updatedByName: current.updatedByName,
        };
      } else {
        assessmentWrite = {
          rating,
          summary,
          current: current ? { rating: current.rating, summary: current.summary, version: current.version } : null,
        };
      }
    }

    if (Object.keys(conflicts).length || assessmentConflict) {
      return { status: "conflict", answers: conflicts, assessment: assessmentConflict };
    }

    for (const { input, text, current } of answerWrites) {
      const version = (current?.version ?? 0) + 1;
      await tx
        .insert(selfAssessmentAnswers)
        .values({ reviewId, factorId, questionId: input.questionId, text, version, updatedBy: userId, updatedAt: now })
        .onConflictDoUpdate({
          target: [selfAssessmentAnswers.reviewId, selfAssessmentAnswers.questionId],
          set: { text, version, updatedBy: userId, updatedAt: now, carriedOverFrom: null },
        })
        .run();
      await writeAudit(tx, {
        reviewId,
        userId,
        action: current ? "update" : "create",
        entity: "self-assessment-answer",
        entityId: input.questionId,
        before: current,
        after: { text, version },
      });
      saved[input.questionId] = { text, version };
    }
    if (assessmentWrite) savedAssessment = await writeFactorAssessment(tx, { reviewId, factorId, userId, now, ...assessmentWrite });
    return {
      status: "saved",
      answers: saved,
      assessment: savedAssessment,
      changes: answerWrites.length + (assessmentWrite ? 1 : 0),
    };
  });
}

type Tx = AsyncDb;

/**
 * Stores a factor's (commitment's) rating and summary as the next version over `current`, with
 * its audit entry: the one write of a self-assessment summary, for the form and for an accepted
 * prefill suggestion alike.
 */
export async function writeFactorAssessment(
  tx: Tx,
  {
    reviewId,
    factorId,
    userId,
    now,
    rating,
    summary,
    current,
  }: {
    reviewId: string;
    factorId: string;
    userId: string;
    now: Date;
    rating: Rating | null;
    summary: string;
    current: { rating: Rating | null; summary: string; version: number } | null;
  },
) {
  const version = (current?.version ?? 0) + 1;
  await tx
    .insert(selfAssessmentFactors)
    .values({ reviewId, factorId, rating, summary, version, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: [selfAssessmentFactors.reviewId, selfAssessmentFactors.factorId],
      set: { rating, summary, version, updatedBy: userId, updatedAt: now },
    })
    .run();
  await writeAudit(tx, {
    reviewId,
    userId,
    action: current ? "update" : "create",
    entity: "self-assessment-factor",
    entityId: factorId,
    before: current,
    after: { rating, summary, version },
  });
  return { rating, summary, version };
}

/** A form post turns each line break into CRLF: kept as typed (LF), so an unchanged answer compares equal. */
function plainLines(text: string) {
  return text.replace(/\r\n?/g, "\n").trim();
}
