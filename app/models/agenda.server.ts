import { and, asc, eq, isNull } from "drizzle-orm";
import { isKeyFactorId, requireFramework } from "#benchmark/index";
import { agendaSlots, users, type ParticipantCategory, type SlotState } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { refuse } from "#app/utils/refusal";
import { writeAudit } from "./audit.server";
import { createInterview, listVisitReviewers, type InterviewFormat } from "./interview.server";
import { newId } from "./user.server";

/*
 * The visit's programme (issue 19, item 7): slots proposed by the host team and confirmed by the
 * lead expert, each a meeting on a calendar day at wall-clock times of the review's time zone. An
 * interview record is made from a slot in one step and stays linked to it.
 */

export type SlotInput = {
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  meeting: string;
  factorIds: string[];
  leadReviewerId: string | null;
};

/** The programme in time order, with the name of the reviewer leading each meeting. */
export async function listAgenda({ reviewId }: { reviewId: string }) {
  return db
    .select({
      id: agendaSlots.id,
      date: agendaSlots.date,
      startTime: agendaSlots.startTime,
      endTime: agendaSlots.endTime,
      place: agendaSlots.place,
      meeting: agendaSlots.meeting,
      factorIds: agendaSlots.factorIds,
      leadReviewerId: agendaSlots.leadReviewerId,
      leadReviewerName: users.name,
      state: agendaSlots.state,
      interviewId: agendaSlots.interviewId,
    })
    .from(agendaSlots)
    .leftJoin(users, eq(users.id, agendaSlots.leadReviewerId))
    .where(eq(agendaSlots.reviewId, reviewId))
    .orderBy(asc(agendaSlots.date), asc(agendaSlots.startTime), asc(agendaSlots.createdAt));
}

export type AgendaSlot = Awaited<ReturnType<typeof listAgenda>>[number];

/** The checks the form's schema cannot make: the factors of this review's framework, a reviewer on this review. */
async function checkSlot(review: { id: string; frameworkId: string }, input: SlotInput) {
  const framework = requireFramework(review.frameworkId);
  if (input.factorIds.some((factorId) => !isKeyFactorId(framework, factorId))) refuse(400, "agenda:errors.unknownFactor", { field: "factorIds" });
  if (input.leadReviewerId) {
    const reviewers = await listVisitReviewers({ reviewId: review.id });
    if (!reviewers.some((reviewer) => reviewer.id === input.leadReviewerId)) refuse(400, "agenda:errors.unknownReviewer", { field: "leadReviewerId" });
  }
}

async function requireSlot(reviewId: string, slotId: string) {
  const slot = (await listAgenda({ reviewId })).find((candidate) => candidate.id === slotId);
  if (!slot) refuse(404, "agenda:errors.slotNotFound");
  return slot;
}

/** A new slot: "proposed" when the host team suggests it, "confirmed" when the lead adds it. */
export async function addSlot({
  review,
  userId,
  input,
  state,
}: {
  review: { id: string; frameworkId: string };
  userId: string;
  input: SlotInput;
  state: SlotState;
}) {
  await checkSlot(review, input);
  const id = newId();
  await transaction(db, async (tx) => {
    await tx
      .insert(agendaSlots)
      .values({ id, reviewId: review.id, ...input, state, createdBy: userId })
      .run();
    await writeAudit(tx, {
      reviewId: review.id,
      userId,
      action: state === "proposed" ? "propose" : "create",
      entity: "agenda-slot",
      entityId: id,
      after: { ...input, state },
    });
  });
  return id;
}

/** The lead's correction of a slot; a proposed slot stays proposed until confirmed. */
export async function updateSlot({
  review,
  userId,
  slotId,
  input,
}: {
  review: { id: string; frameworkId: string };
  userId: string;
  slotId: string;
  input: SlotInput;
}) {
  const before = await requireSlot(review.id, slotId);
  await checkSlot(review, input);
  await transaction(db, async (tx) => {
    await tx
      .update(agendaSlots)
      .set(input)
      .where(and(eq(agendaSlots.id, slotId), eq(agendaSlots.reviewId, review.id)))
      .run();
    await writeAudit(tx, { reviewId: review.id, userId, action: "update", entity: "agenda-slot", entityId: slotId, before: auditView(before), after: input });
  });
}

export async function confirmSlot({ reviewId, userId, slotId }: { reviewId: string; userId: string; slotId: string }) {
  const before = await requireSlot(reviewId, slotId);
  if (before.state === "confirmed") return;
  await transaction(db, async (tx) => {
    await tx.update(agendaSlots).set({ state: "confirmed" }).where(eq(agendaSlots.id, slotId)).run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "confirm",
      entity: "agenda-slot",
      entityId: slotId,
      before: { state: before.state },
      after: { state: "confirmed" },
    });
  });
}

/** Takes a slot off the programme; an interview made from it stays, as the record of what was said. */
export async function removeSlot({ reviewId, userId, slotId }: { reviewId: string; userId: string; slotId: string }) {
  const before = await requireSlot(reviewId, slotId);
  await transaction(db, async (tx) => {
    await tx.delete(agendaSlots).where(eq(agendaSlots.id, slotId)).run();
    await writeAudit(tx, { reviewId, userId, action: "delete", entity: "agenda-slot", entityId: slotId, before: auditView(before) });
  });
}

/**
 * The interview record of a slot, in one step: its day and place, who is met (as one participant
 * of the chosen category) and the reviewer leading it; then edited on the interviews page like any
 * other. The record and the link are written together, and a slot gets one record only.
 */
export async function createInterviewFromSlot({
  reviewId,
  userId,
  slotId,
  format,
  category,
}: {
  reviewId: string;
  userId: string;
  slotId: string;
  format: InterviewFormat;
  category: ParticipantCategory;
}) {
  const slot = await requireSlot(reviewId, slotId);
  if (slot.interviewId) refuse(409, "agenda:errors.interviewExists");
  const outcome = await createInterview({
    reviewId,
    userId,
    input: {
      date: slot.date,
      place: slot.place,
      format,
      consentNotes: "",
      organisationsWithheld: false,
      participants: [{ role: slot.meeting.slice(0, 200), organisation: "", category, name: null }],
      recordNames: false,
      reviewerIds: slot.leadReviewerId ? [slot.leadReviewerId] : [],
    },
    // Inside the interview's transaction: a second click finds the slot taken and writes nothing.
    onCreated: async (tx, interviewId) => {
      const linked = await tx
        .update(agendaSlots)
        .set({ interviewId })
        .where(and(eq(agendaSlots.id, slotId), isNull(agendaSlots.interviewId)))
        .run();
      if (linked.changes !== 1) refuse(409, "agenda:errors.interviewExists");
    },
  });
  if (!outcome.ok) refuse(outcome.status, outcome.errors._form?.[0] ?? "agenda:errors.interviewNotCreated");
  return outcome.id;
}

function auditView(slot: AgendaSlot) {
  const { leadReviewerName: _name, id: _id, ...rest } = slot;
  return rest;
}
