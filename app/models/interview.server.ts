import { and, asc, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { evidence, interviewParticipants, interviewReviewers, interviews, reviewMembers, users, type ParticipantCategory } from "#db/schema";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { canEditEvidence, type EvidenceEditor } from "#app/utils/permissions";
import { msg, type FieldErrors } from "#app/utils/validation";
import { writeAudit } from "./audit.server";
import { newId } from "./user.server";

export type InterviewFormat = (typeof interviews.$inferSelect)["format"];

export type ParticipantInput = { role: string; organisation: string; category: ParticipantCategory; name: string | null };

export type InterviewInput = {
  date: string;
  place: string;
  format: InterviewFormat;
  consentNotes: string;
  /** The people met asked that their organisations not be named in the report. */
  organisationsWithheld: boolean;
  participants: ParticipantInput[];
  /** The team chose to record the names of the people met (off by default). */
  recordNames: boolean;
  reviewerIds: string[];
};

/**
 * The privacy rule for names: a participant's name is stored only when the team chose to record
 * names; otherwise every name is dropped here, whatever the form sent. Reports never read it.
 */
export function participantsToStore(input: Pick<InterviewInput, "participants" | "recordNames">): ParticipantInput[] {
  return input.participants.map((participant) => ({ ...participant, name: input.recordNames ? participant.name?.trim() || null : null }));
}

export type InterviewOutcome = { ok: true; id: string; alreadySaved?: boolean } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors };

/** Members who take part in the visit (peer reviewers and lead experts): who can be present at an interview. */
export async function listVisitReviewers({ reviewId }: { reviewId: string }) {
  return db
    .select({ id: users.id, name: users.name, role: reviewMembers.role })
    .from(reviewMembers)
    .innerJoin(users, eq(users.id, reviewMembers.userId))
    .where(and(eq(reviewMembers.reviewId, reviewId), inArray(reviewMembers.role, ["peer-reviewer", "lead-expert"])))
    .orderBy(asc(users.name));
}

/**
 * The interviews of a review as the logging form needs them: who was met, by role,
 * organisation and category, never by name.
 */
export async function listInterviewOptions({ reviewId }: { reviewId: string }) {
  const rows = await db
    .select({ id: interviews.id, date: interviews.date, place: interviews.place, format: interviews.format })
    .from(interviews)
    .where(eq(interviews.reviewId, reviewId))
    .orderBy(asc(interviews.date), asc(interviews.createdAt));
  const participants = rows.length
    ? await db
        .select({
          interviewId: interviewParticipants.interviewId,
          role: interviewParticipants.role,
          organisation: interviewParticipants.organisation,
          category: interviewParticipants.category,
        })
        .from(interviewParticipants)
        .where(
          inArray(
            interviewParticipants.interviewId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(interviewParticipants.id))
    : [];
  return rows.map((row) => ({
    ...row,
    participants: participants.filter((participant) => participant.interviewId === row.id).map(({ interviewId: _id, ...participant }) => participant),
  }));
}

export type InterviewOption = Awaited<ReturnType<typeof listInterviewOptions>>[number];

/** The interviews page: everything recorded, names included where the team chose to record them. */
export async function listInterviews({ reviewId }: { reviewId: string }) {
  const rows = await db
    .select({
      id: interviews.id,
      date: interviews.date,
      place: interviews.place,
      format: interviews.format,
      consentNotes: interviews.consentNotes,
      organisationsWithheld: interviews.organisationsWithheld,
      createdBy: interviews.createdBy,
      createdAt: interviews.createdAt,
    })
    .from(interviews)
    .where(eq(interviews.reviewId, reviewId))
    .orderBy(asc(interviews.date), asc(interviews.createdAt));
  const ids = rows.map((row) => row.id);
  if (!ids.length) return [];
  const [participants, reviewers, counts] = await Promise.all([
    db
      .select({
        interviewId: interviewParticipants.interviewId,
        role: interviewParticipants.role,
        organisation: interviewParticipants.organisation,
        category: interviewParticipants.category,
        name: interviewParticipants.name,
      })
      .from(interviewParticipants)
      .where(inArray(interviewParticipants.interviewId, ids))
      .orderBy(asc(interviewParticipants.id)),
    db
      .select({ interviewId: interviewReviewers.interviewId, id: users.id, name: users.name })
      .from(interviewReviewers)
      .innerJoin(users, eq(users.id, interviewReviewers.userId))
      .where(inArray(interviewReviewers.interviewId, ids))
      .orderBy(asc(users.name)),
    db
      .select({ interviewId: evidence.interviewId, n: count() })
      .from(evidence)
      .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt), isNotNull(evidence.interviewId)))
      .groupBy(evidence.interviewId),
  ]);
  return rows.map((row) => ({
    ...row,
    participants: participants.filter((p) => p.interviewId === row.id).map(({ interviewId: _id, ...p }) => p),
    reviewers: reviewers.filter((r) => r.interviewId === row.id).map(({ interviewId: _id, ...r }) => r),
    quoteCount: counts.find((c) => c.interviewId === row.id)?.n ?? 0,
  }));
}

export type InterviewListItem = Awaited<ReturnType<typeof listInterviews>>[number];

async function checkReviewers(reviewId: string, reviewerIds: string[]): Promise<FieldErrors | null> {
  if (!reviewerIds.length) return null;
  const allowed = new Set((await listVisitReviewers({ reviewId })).map((reviewer) => reviewer.id));
  return reviewerIds.every((id) => allowed.has(id)) ? null : { reviewerIds: ["evidence:errors.unknownReviewer"] };
}

// Names stay out of the audit trail: it records that names were kept, not whose they are.
function auditView(input: Omit<InterviewInput, "recordNames">) {
  return {
    date: input.date,
    place: input.place,
    format: input.format,
    consentNotes: input.consentNotes,
    organisationsWithheld: input.organisationsWithheld,
    participants: input.participants.map(({ name, ...participant }) => ({ ...participant, nameRecorded: Boolean(name) })),
    reviewerIds: input.reviewerIds,
  };
}

export async function createInterview({
  reviewId,
  userId,
  input,
  id = newId(),
  onCreated,
}: {
  reviewId: string;
  userId: string;
  input: InterviewInput;
  /** The id the browser gave an interview recorded offline (app/offline/): a second send saves nothing. */
  id?: string;
  /** Written in the same transaction (an agenda slot's link to its interview); a throw undoes the record. */
  onCreated?: (tx: AsyncDb, interviewId: string) => Promise<void>;
}): Promise<InterviewOutcome> {
  const earlier = await findSentBefore(id, reviewId, userId);
  if (earlier) return earlier;
  const invalid = await checkReviewers(reviewId, input.reviewerIds);
  if (invalid) return { ok: false, status: 400, errors: invalid };
  const saved = await transaction(db, async (tx) => {
    if (await tx.select({ id: interviews.id }).from(interviews).where(eq(interviews.id, id)).get()) return false;
    await tx
      .insert(interviews)
      .values({
        id,
        reviewId,
        date: input.date,
        place: input.place,
        format: input.format,
        consentNotes: input.consentNotes,
        organisationsWithheld: input.organisationsWithheld,
        createdBy: userId,
      })
      .run();
    for (const participant of participantsToStore(input)) {
      await tx
        .insert(interviewParticipants)
        .values({ interviewId: id, ...participant })
        .run();
    }
    for (const reviewerId of input.reviewerIds) await tx.insert(interviewReviewers).values({ interviewId: id, userId: reviewerId }).run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "create",
      entity: "interview",
      entityId: id,
      after: auditView({ ...input, participants: participantsToStore(input) }),
    });
    await onCreated?.(tx, id);
    return true;
  });
  return saved ? { ok: true, id } : ((await findSentBefore(id, reviewId, userId)) ?? ID_TAKEN);
}

const ID_TAKEN = { ok: false, status: 409, errors: { _form: ["evidence:errors.idTaken"] } } as const satisfies InterviewOutcome;

/** The same member's interview with this id in this review: already saved. Any other holder of the id: refused. */
async function findSentBefore(id: string, reviewId: string, userId: string): Promise<InterviewOutcome | null> {
  const row = await db.select({ reviewId: interviews.reviewId, createdBy: interviews.createdBy }).from(interviews).where(eq(interviews.id, id)).get();
  if (!row) return null;
  return row.reviewId === reviewId && row.createdBy === userId ? { ok: true, id, alreadySaved: true } : ID_TAKEN;
}

/** Whoever logged it or, with evidence:edit-any (the lead expert), anyone may correct an interview's record (canEditEvidence). */
export async function updateInterview({
  reviewId,
  interviewId,
  editor,
  input,
}: {
  reviewId: string;
  interviewId: string;
  editor: EvidenceEditor;
  input: InterviewInput;
}): Promise<InterviewOutcome> {
  const existing = await db
    .select({ id: interviews.id, createdBy: interviews.createdBy })
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), eq(interviews.reviewId, reviewId)))
    .get();
  if (!existing) return { ok: false, status: 404, errors: { _form: ["evidence:errors.interviewNotFound"] } };
  if (!canEditEvidence(editor, existing)) {
    return { ok: false, status: 403, errors: { _form: ["evidence:errors.interviewNotYours"] } };
  }
  const invalid = await checkReviewers(reviewId, input.reviewerIds);
  if (invalid) return { ok: false, status: 400, errors: invalid };
  const before = (await listInterviews({ reviewId })).find((row) => row.id === interviewId);
  await transaction(db, async (tx) => {
    await tx
      .update(interviews)
      .set({
        date: input.date,
        place: input.place,
        format: input.format,
        consentNotes: input.consentNotes,
        organisationsWithheld: input.organisationsWithheld,
      })
      .where(eq(interviews.id, interviewId))
      .run();
    await tx.delete(interviewParticipants).where(eq(interviewParticipants.interviewId, interviewId)).run();
    for (const participant of participantsToStore(input)) {
      await tx
        .insert(interviewParticipants)
        .values({ interviewId, ...participant })
        .run();
    }
    await tx.delete(interviewReviewers).where(eq(interviewReviewers.interviewId, interviewId)).run();
    for (const reviewerId of input.reviewerIds) await tx.insert(interviewReviewers).values({ interviewId, userId: reviewerId }).run();
    await writeAudit(tx, {
      reviewId,
      userId: editor.userId,
      action: "update",
      entity: "interview",
      entityId: interviewId,
      before: before
        ? auditView({
            ...before,
            participants: before.participants,
            reviewerIds: before.reviewers.map((reviewer) => reviewer.id),
          })
        : null,
      after: auditView({ ...input, participants: participantsToStore(input) }),
    });
  });
  return { ok: true, id: interviewId };
}

/** Whether an interview belongs to the review (a forged id from another review does not). */
export async function interviewBelongsToReview({ reviewId, interviewId }: { reviewId: string; interviewId: string }) {
  const row = await db
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), eq(interviews.reviewId, reviewId)))
    .get();
  return Boolean(row);
}

export type InterviewDeletion = { ok: true } | { ok: false; status: 403 | 404 | 409; message: string };

/**
 * Deletes an interview logged by mistake: by whoever logged it or the lead (canEditEvidence), and
 * only while no evidence item cites it (a quote keeps its interview). Items already deleted that
 * cited it let go of it, so a restored one is simply no longer tied to an interview. Audited with
 * the record as it was, names left out as everywhere in the audit trail.
 */
export async function deleteInterview({
  reviewId,
  interviewId,
  editor,
}: {
  reviewId: string;
  interviewId: string;
  editor: EvidenceEditor;
}): Promise<InterviewDeletion> {
  const before = (await listInterviews({ reviewId })).find((row) => row.id === interviewId);
  if (!before) return { ok: false, status: 404, message: "evidence:errors.interviewNotFound" };
  if (!canEditEvidence(editor, before)) return { ok: false, status: 403, message: "evidence:errors.interviewNotYours" };
  if (before.quoteCount > 0) return { ok: false, status: 409, message: msg("evidence:errors.interviewHasEvidence", { count: before.quoteCount }) };
  const deleted = await transaction(db, async (tx) => {
    // Checked again inside the write: an item logged from this interview a moment ago keeps it.
    const live = await tx
      .select({ n: count() })
      .from(evidence)
      .where(and(eq(evidence.interviewId, interviewId), isNull(evidence.deletedAt)))
      .get();
    if (live && live.n > 0) return false;
    const detached = await tx
      .update(evidence)
      .set({ interviewId: null })
      .where(and(eq(evidence.interviewId, interviewId), isNotNull(evidence.deletedAt)))
      .returning({ id: evidence.id })
      .all();
    await tx
      .delete(interviews)
      .where(and(eq(interviews.id, interviewId), eq(interviews.reviewId, reviewId)))
      .run();
    await writeAudit(tx, {
      reviewId,
      userId: editor.userId,
      action: "delete",
      entity: "interview",
      entityId: interviewId,
      before: {
        ...auditView({ ...before, participants: before.participants, reviewerIds: before.reviewers.map((reviewer) => reviewer.id) }),
        ...(detached.length ? { detachedDeletedEvidence: detached.map((row) => row.id) } : {}),
      },
    });
    return true;
  });
  return deleted ? { ok: true } : { ok: false, status: 409, message: msg("evidence:errors.interviewHasEvidence", { count: 1 }) };
}
