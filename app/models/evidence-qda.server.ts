import { and, eq, isNull } from "drizzle-orm";
import { evidence } from "#db/schema";
import type { QdaSnapshot } from "#reports/qdpx/project";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { listEvidenceForExport, loadLogContext, parseEvidenceView } from "./evidence-log.server";
import { writeAudit } from "./audit.server";

type Review = { id: string; hostCity: string; frameworkId: string; timeZone: string };

/**
 * What the REFI-QDA export holds (reports/qdpx/project.ts builds the file): every item of the log
 * with its tags, the interviews with the categories of those met (never their names or
 * organisations), the documents with the factors they answer, and the members' roles (the file
 * numbers coders by role). Read in batches, as the CSV export reads the log.
 */
export async function evidenceQdaSnapshot(review: Review): Promise<QdaSnapshot> {
  const context = await loadLogContext({ reviewId: review.id });
  const loggedBy = new Map(
    (
      await db
        .select({ id: evidence.id, createdBy: evidence.createdBy })
        .from(evidence)
        .where(and(eq(evidence.reviewId, review.id), isNull(evidence.deletedAt)))
        .all()
    ).map((row) => [row.id, row.createdBy]),
  );
  const items: QdaSnapshot["items"] = [];
  const documentTags = new Map<string, { factors: string[]; questions: string[] }>();
  for await (const rows of listEvidenceForExport({ reviewId: review.id, view: parseEvidenceView(new URLSearchParams("sort=date.asc")) })) {
    for (const row of rows) {
      if (row.source === "document") {
        documentTags.set(row.id, { factors: row.factors, questions: row.questions });
        continue;
      }
      items.push({
        id: row.id,
        kind: row.kind,
        text: row.text,
        polarity: row.polarity,
        loggedAt: row.date,
        interviewId: row.interview?.id ?? null,
        documentId: row.document?.id ?? null,
        createdBy: loggedBy.get(row.id) ?? null,
        factors: row.factors,
        questions: row.questions,
        attribution: row.attribution,
        attributionCategory: row.attributionCategory,
        attributionRole: row.attributionRole,
      });
    }
  }
  return {
    reviewId: review.id,
    hostCity: review.hostCity,
    frameworkId: review.frameworkId,
    timeZone: review.timeZone,
    roles: Object.fromEntries(context.members.map((member) => [member.id, member.role])),
    interviews: context.interviews.map((interview) => ({
      id: interview.id,
      date: interview.date,
      format: interview.format,
      categories: interview.participants.map((participant) => participant.category),
    })),
    documents: context.documents.map((doc) => ({
      id: doc.id,
      title: doc.title,
      origin: doc.origin,
      type: doc.type,
      date: doc.date,
      factors: documentTags.get(doc.id)?.factors ?? [],
      questions: documentTags.get(doc.id)?.questions ?? [],
    })),
    items,
  };
}

/** The export leaves a line in the audit log: who took the evidence out, when, and how much. */
export async function auditQdaExport({ reviewId, userId, snapshot, sha256 }: { reviewId: string; userId: string; snapshot: QdaSnapshot; sha256: string }) {
  await transaction(db, async (tx) => {
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "export",
      entity: "evidence-export",
      entityId: `${reviewId}:qdpx`,
      after: { format: "qdpx", items: snapshot.items.length, interviews: snapshot.interviews.length, documents: snapshot.documents.length, sha256 },
    });
  });
}
