import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { conclusionCitations, documents, evidence, evidenceFactors, interviewParticipants, interviews, users, type EvidenceKind } from "#db/schema";
import { asyncDb as db } from "#app/utils/db.server";

// The evidence a factor's conclusion can cite, and the kinds of source it rests on (triangulation).

export const SOURCE_KINDS = ["host-city-document", "peer-document", "interview", "observation", "data"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Which kind of source an evidence item comes from: what people said (interviews and focus
 * groups), what the team saw, figures, or documents. Anything resting on a host-city document
 * counts as the city's own word, whatever its kind.
 */
export function sourceKindOf(item: { kind: EvidenceKind; interviewId: string | null; documentOrigin: string | null }): SourceKind {
  if (item.documentOrigin === "host-city") return "host-city-document";
  switch (item.kind) {
    case "interview-quote":
    case "focus-group-note":
      return "interview";
    case "document":
      return "peer-document";
    default:
      return item.kind;
  }
}

export type Triangulation = { status: "none" } | { status: "single-source"; source: SourceKind } | { status: "triangulated"; sources: SourceKind[] };

/** A conclusion that stands on one kind of source only is not triangulated. */
export function triangulation(sources: readonly SourceKind[]): Triangulation {
  const distinct = SOURCE_KINDS.filter((kind) => sources.includes(kind));
  if (distinct.length === 0) return { status: "none" };
  if (distinct.length === 1) return { status: "single-source", source: distinct[0]! };
  return { status: "triangulated", sources: distinct };
}

/**
 * The evidence a conclusion can cite: the live items tagged with the factor, plus any item it
 * already cites from elsewhere in the log. Interviewees' names are never selected.
 */
export async function listFactorEvidence({ reviewId, factorId, alsoIds = [] }: { reviewId: string; factorId: string; alsoIds?: string[] }) {
  const tagged = db.select({ id: evidenceFactors.evidenceId }).from(evidenceFactors).where(eq(evidenceFactors.factorId, factorId));
  const rows = await db
    .select({
      id: evidence.id,
      kind: evidence.kind,
      text: evidence.text,
      // The quote's own language when it is not the review's, for its `lang` on the page.
      language: evidence.language,
      polarity: evidence.polarity,
      attribution: evidence.attribution,
      attributionCategory: evidence.attributionCategory,
      attributionRole: evidence.attributionRole,
      interviewId: evidence.interviewId,
      interviewDate: interviews.date,
      interviewFormat: interviews.format,
      documentTitle: documents.title,
      documentOrigin: documents.origin,
      documentDate: documents.date,
      createdAt: evidence.createdAt,
      createdByName: users.name,
    })
    .from(evidence)
    .leftJoin(interviews, eq(interviews.id, evidence.interviewId))
    .leftJoin(documents, eq(documents.id, evidence.documentId))
    .leftJoin(users, eq(users.id, evidence.createdBy))
    .where(
      and(
        eq(evidence.reviewId, reviewId),
        isNull(evidence.deletedAt),
        alsoIds.length ? or(inArray(evidence.id, tagged), inArray(evidence.id, alsoIds)) : inArray(evidence.id, tagged),
      ),
    )
    .orderBy(asc(evidence.createdAt), asc(evidence.id));
  const interviewIds = [...new Set(rows.map((row) => row.interviewId).filter((id): id is string => Boolean(id)))];
  const participants = interviewIds.length
    ? await db
        .select({ interviewId: interviewParticipants.interviewId, category: interviewParticipants.category, organisation: interviewParticipants.organisation })
        .from(interviewParticipants)
        .where(inArray(interviewParticipants.interviewId, interviewIds))
    : [];
  return rows.map(({ documentOrigin, ...row }) => ({
    ...row,
    documentOrigin,
    source: sourceKindOf({ kind: row.kind, interviewId: row.interviewId, documentOrigin }),
    participants: participants
      .filter((participant) => participant.interviewId === row.interviewId)
      .map(({ category, organisation }) => ({ category, organisation })),
  }));
}

export type FactorEvidence = Awaited<ReturnType<typeof listFactorEvidence>>[number];

/** Source kinds of the items a conclusion cites, for the triangulation flag. */
export async function citedSources({ reviewId, factorId }: { reviewId: string; factorId: string }) {
  const rows = await db
    .select({ kind: evidence.kind, interviewId: evidence.interviewId, documentOrigin: documents.origin })
    .from(conclusionCitations)
    .innerJoin(evidence, eq(evidence.id, conclusionCitations.evidenceId))
    .leftJoin(documents, eq(documents.id, evidence.documentId))
    .where(and(eq(conclusionCitations.reviewId, reviewId), eq(conclusionCitations.factorId, factorId), isNull(evidence.deletedAt)));
  return rows.map(sourceKindOf);
}
