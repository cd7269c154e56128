import { and, eq } from "drizzle-orm";
import { requireFramework } from "#benchmark/index";
import { contextNotes, reviews, users } from "#db/schema";
import { CONTEXT_EFFECTS, type ContextEffect } from "#db/enums";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { msg, type FieldErrors } from "#app/utils/validation";
import { writeAudit } from "./audit.server";

import { CONTEXT_NOTE_MAX_LENGTH, effectField, noteField } from "./self-assessment-fields";

export type SavedContextNote = {
  note: string;
  effect: ContextEffect | null;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  changedSinceSubmission: boolean;
};

/** The host city's notes on the contextual factors, by contextual factor id. */
export async function listContextNotes({ reviewId }: { reviewId: string }) {
  const review = await db.select({ submittedAt: reviews.selfAssessmentSubmittedAt }).from(reviews).where(eq(reviews.id, reviewId)).get();
  const rows = await db
    .select({
      contextualFactorId: contextNotes.contextualFactorId,
      note: contextNotes.note,
      effect: contextNotes.effect,
      version: contextNotes.version,
      updatedAt: contextNotes.updatedAt,
      updatedByName: users.name,
    })
    .from(contextNotes)
    .leftJoin(users, eq(users.id, contextNotes.updatedBy))
    .where(eq(contextNotes.reviewId, reviewId));
  const submittedAt = review?.submittedAt ?? null;
  const notes: Record<string, SavedContextNote> = {};
  for (const { contextualFactorId, ...row } of rows) {
    notes[contextualFactorId] = {
      ...row,
      changedSinceSubmission: submittedAt !== null && row.updatedAt.getTime() > submittedAt.getTime(),
    };
  }
  return notes;
}

export type ContextNoteInput = { contextualFactorId: string; note: string; effect: string | null; version: number };
export type TheirContextNote = { note: string; effect: ContextEffect | null; version: number; updatedAt: Date; updatedByName: string | null };

export type ContextSaveResult =
  { status: "saved"; changes: number } | { status: "invalid"; errors: FieldErrors } | { status: "conflict"; notes: Record<string, TheirContextNote> };

/**
 * Saves the notes in one transaction. Like answers, each note carries the version it was
 * written from: a note someone else changed meanwhile is not overwritten, nothing is written,
 * and their version comes back to be shown beside this user's.
 */
export async function saveContextNotes({
  reviewId,
  userId,
  notes,
  now = new Date(),
}: {
  reviewId: string;
  userId: string;
  notes: ContextNoteInput[];
  now?: Date;
}): Promise<ContextSaveResult> {
  const review = await db.select({ frameworkId: reviews.frameworkId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) return { status: "invalid", errors: { _form: ["errors.notFound"] } };
  const framework = requireFramework(review.frameworkId);
  const known = new Set(framework.contextualFactors.map((factor) => factor.id));
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const input of notes) {
    if (!known.has(input.contextualFactorId)) {
      add("_form", msg("selfAssessment:errors.unknownContextualFactor", { id: input.contextualFactorId.slice(0, 60) }));
      continue;
    }
    const note = input.note.trim();
    if (note.length > CONTEXT_NOTE_MAX_LENGTH) add(noteField(input.contextualFactorId), msg("errors.tooLong", { max: CONTEXT_NOTE_MAX_LENGTH }));
    if (input.effect !== null && !(CONTEXT_EFFECTS as readonly string[]).includes(input.effect)) {
      add(effectField(input.contextualFactorId), "errors.invalidChoice");
    }
    // An effect without a word of explanation tells the peer team nothing.
    if (input.effect !== null && note === "") add(noteField(input.contextualFactorId), "selfAssessment:context.errors.noteForEffect");
    if (!Number.isInteger(input.version) || input.version < 0) add("_form", "selfAssessment:errors.badVersion");
  }
  if (Object.keys(errors).length) return { status: "invalid", errors };

  return transaction(db, async (tx): Promise<ContextSaveResult> => {
    const conflicts: Record<string, TheirContextNote> = {};
    const writes: {
      input: ContextNoteInput;
      note: string;
      effect: ContextEffect | null;
      current: { note: string; effect: ContextEffect | null; version: number } | null;
    }[] = [];
    for (const input of notes) {
      const note = input.note.trim();
      const effect = input.effect as ContextEffect | null;
      const current = await tx
        .select({
          note: contextNotes.note,
          effect: contextNotes.effect,
          version: contextNotes.version,
          updatedAt: contextNotes.updatedAt,
          updatedByName: users.name,
        })
        .from(contextNotes)
        .leftJoin(users, eq(users.id, contextNotes.updatedBy))
        .where(and(eq(contextNotes.reviewId, reviewId), eq(contextNotes.contextualFactorId, input.contextualFactorId)))
        .get();
      if ((current?.note ?? "") === note && (current?.effect ?? null) === effect) continue;
      if (current && current.version !== input.version) {
        conflicts[input.contextualFactorId] = current;
        continue;
      }
      writes.push({ input, note, effect, current: current ? { note: current.note, effect: current.effect, version: current.version } : null });
    }
    if (Object.keys(conflicts).length) return { status: "conflict", notes: conflicts };
    for (const { input, note, effect, current } of writes) {
      const version = (current?.version ?? 0) + 1;
      await tx
        .insert(contextNotes)
        .values({ reviewId, contextualFactorId: input.contextualFactorId, note, effect, version, updatedBy: userId, updatedAt: now })
        .onConflictDoUpdate({
          target: [contextNotes.reviewId, contextNotes.contextualFactorId],
          set: { note, effect, version, updatedBy: userId, updatedAt: now },
        })
        .run();
      await writeAudit(tx, {
        reviewId,
        userId,
        action: current ? "update" : "create",
        entity: "context-note",
        entityId: input.contextualFactorId,
        before: current,
        after: { note, effect, version },
      });
    }
    return { status: "saved", changes: writes.length };
  });
}
