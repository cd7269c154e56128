import { and, asc, eq } from "drizzle-orm";
import { isKeyFactorId, requireFramework } from "#benchmark/index";
import { teamNotes, users } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { refuse } from "#app/utils/refusal";
import { writeAudit } from "./audit.server";
import { newId } from "./user.server";

/*
 * The peer team's internal notes per key factor (issue 19, item 7): working material like the
 * evidence log, read only with team:read, never put in the report or shown to the host city.
 */

/** The review's team notes, oldest first, with who wrote them. */
export async function listTeamNotes({ reviewId }: { reviewId: string }) {
  return db
    .select({
      id: teamNotes.id,
      factorId: teamNotes.factorId,
      text: teamNotes.text,
      authorId: teamNotes.authorId,
      authorName: users.name,
      createdAt: teamNotes.createdAt,
    })
    .from(teamNotes)
    .innerJoin(users, eq(users.id, teamNotes.authorId))
    .where(eq(teamNotes.reviewId, reviewId))
    .orderBy(asc(teamNotes.createdAt), asc(teamNotes.id));
}

export async function addTeamNote({
  review,
  authorId,
  factorId,
  text,
}: {
  review: { id: string; frameworkId: string };
  authorId: string;
  factorId: string;
  text: string;
}) {
  if (!isKeyFactorId(requireFramework(review.frameworkId), factorId)) refuse(400, "agenda:errors.unknownFactor", { field: "factorId" });
  const id = newId();
  await transaction(db, async (tx) => {
    await tx.insert(teamNotes).values({ id, reviewId: review.id, factorId, text, authorId }).run();
    await writeAudit(tx, { reviewId: review.id, userId: authorId, action: "create", entity: "team-note", entityId: id, after: { factorId, text } });
  });
  return id;
}

/** A note is taken back by the one who wrote it. */
export async function deleteTeamNote({ reviewId, userId, noteId }: { reviewId: string; userId: string; noteId: string }) {
  const note = await db
    .select()
    .from(teamNotes)
    .where(and(eq(teamNotes.id, noteId), eq(teamNotes.reviewId, reviewId)))
    .get();
  if (!note) refuse(404, "agenda:errors.noteNotFound");
  if (note.authorId !== userId) refuse(403, "agenda:errors.noteNotYours");
  await transaction(db, async (tx) => {
    await tx.delete(teamNotes).where(eq(teamNotes.id, noteId)).run();
    await writeAudit(tx, { reviewId, userId, action: "delete", entity: "team-note", entityId: noteId, before: { factorId: note.factorId, text: note.text } });
  });
}
