// Over 400 lines for now: the report snapshot, its reader-filtered variants and issued versions share one set of queries; to split by noun (snapshot / issued versions) next.
import crypto from "node:crypto";
import { data } from "@remix-run/node";
import { and, asc, count, desc, eq, isNull, ne, notInArray, sql } from "drizzle-orm";
import {
  conclusionCitations,
  conclusions,
  contextNotes,
  documents,
  evidence,
  evidenceFactors,
  interviewParticipants,
  interviews,
  issuedReports,
  PARTICIPANT_CATEGORIES,
  recommendations,
  reviewMembers,
  reviews,
  selfAssessmentAnswers,
  selfAssessmentFactors,
  users,
} from "#db/schema";
import type { ReportLocale } from "#reports/i18n";
import { buildExportOffThread, renderReportOffThread } from "#reports/render-pool";
import {
  KEY_FINDINGS_PER_FACTOR,
  organisationsMet,
  type ReviewSnapshot,
  type SnapshotFactorEvidence,
  type SnapshotFinding,
  type SnapshotMember,
  withoutDrafts,
} from "#reports/snapshot";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, read, transaction } from "#app/utils/db.server";
import { buildProgress, cycleChain } from "./cycle.server";
import { canReadDraftConclusions, type Reader } from "#app/utils/permissions";
import { writeAudit } from "./audit.server";
import { nextBackgroundTurn } from "#app/utils/background.server";

export const REPORT_LOCALES = ["fr", "en"] as const satisfies readonly ReportLocale[];

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/**
 * Reads everything the feedback report shows, in one pass. Interviewees are read as
 * organisation and category only: the name column is never selected, so it cannot leak, and
 * the organisation of a resident or private individual is dropped here (organisationsMet), as is
 * every organisation of an interview whose people asked not to be named.
 * Evidence is read as counts per factor plus the items the conclusions cite, not the full log.
 */
export async function getReportSnapshot({ reviewId }: { reviewId: string }): Promise<ReviewSnapshot | null> {
  return read(db, async (tx) => {
    const review = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).get();
    if (!review) return null;

    const team = (
      await tx
        .select({ name: users.name, affiliation: reviewMembers.affiliation, role: reviewMembers.role })
        .from(reviewMembers)
        .innerJoin(users, eq(users.id, reviewMembers.userId))
        // Host readers and plan partners read the review; they are not among those who made it.
        .where(and(eq(reviewMembers.reviewId, reviewId), notInArray(reviewMembers.role, ["host-reader", "plan-partner"])))
        .orderBy(asc(users.name))
        .all()
    ).filter((member): member is SnapshotMember => member.role !== "host-reader" && member.role !== "plan-partner");

    const answers = await tx
      .select({ factorId: selfAssessmentAnswers.factorId, questionId: selfAssessmentAnswers.questionId, text: selfAssessmentAnswers.text })
      .from(selfAssessmentAnswers)
      .where(and(eq(selfAssessmentAnswers.reviewId, reviewId), ne(selfAssessmentAnswers.text, "")))
      .orderBy(asc(selfAssessmentAnswers.questionId))
      .all();
    const rated = await tx
      .select({ factorId: selfAssessmentFactors.factorId, rating: selfAssessmentFactors.rating, summary: selfAssessmentFactors.summary })
      .from(selfAssessmentFactors)
      .where(eq(selfAssessmentFactors.reviewId, reviewId))
      .all();
    const factorIds = [...new Set([...rated.map((row) => row.factorId), ...answers.map((row) => row.factorId)])].sort();
    const selfFactors = factorIds.map((factorId) => {
      const row = rated.find((candidate) => candidate.factorId === factorId);
      return {
        factorId,
        rating: row?.rating ?? null,
        summary: row?.summary ?? "",
        answers: answers.filter((answer) => answer.factorId === factorId).map(({ questionId, text }) => ({ questionId, text })),
      };
    });

    const context = await tx
      .select({ contextualFactorId: contextNotes.contextualFactorId, note: contextNotes.note, effect: contextNotes.effect })
      .from(contextNotes)
      .where(eq(contextNotes.reviewId, reviewId))
      .orderBy(asc(contextNotes.contextualFactorId))
      .all();

    const documentRows = await tx
      .select({ id: documents.id, title: documents.title, type: documents.type, date: documents.date, origin: documents.origin })
      .from(documents)
      .where(and(eq(documents.reviewId, reviewId), isNull(documents.deletedAt)))
      .orderBy(asc(documents.date), asc(documents.title), asc(documents.id))
      .all();

    const formats = await tx
      .select({ format: interviews.format, n: count() })
      .from(interviews)
      .where(eq(interviews.reviewId, reviewId))
      .groupBy(interviews.format)
      .all();
    const participants = await tx
      .select({
        // An organisation that asked not to be named is not even read: the report cannot print it.
        organisation: sql<string>`CASE WHEN ${interviews.organisationsWithheld} THEN '' ELSE ${interviewParticipants.organisation} END`,
        category: interviewParticipants.category,
      })
      .from(interviewParticipants)
      .innerJoin(interviews, eq(interviews.id, interviewParticipants.interviewId))
      .where(eq(interviews.reviewId, reviewId))
      .all();

    const polarityCounts = await tx
      .select({ factorId: evidenceFactors.factorId, polarity: evidence.polarity, n: count() })
      .from(evidenceFactors)
      .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
      .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .groupBy(evidenceFactors.factorId, evidence.polarity)
      .all();
    const cited = await tx
      .select({
        factorId: conclusionCitations.factorId,
        id: evidence.id,
        kind: evidence.kind,
        text: evidence.text,
        polarity: evidence.polarity,
        attribution: evidence.attribution,
        attributionCategory: evidence.attributionCategory,
        attributionRole: evidence.attributionRole,
        language: evidence.language,
        documentTitle: documents.title,
      })
      .from(conclusionCitations)
      .innerJoin(evidence, eq(evidence.id, conclusionCitations.evidenceId))
      .leftJoin(documents, eq(documents.id, evidence.documentId))
      .where(and(eq(conclusionCitations.reviewId, reviewId), eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .orderBy(asc(conclusionCitations.factorId), asc(evidence.createdAt), asc(evidence.id))
      .all();

    const evidenceByFactor = new Map<string, SnapshotFactorEvidence>();
    const entry = (factorId: string) => {
      let value = evidenceByFactor.get(factorId);
      if (!value) {
        value = { factorId, total: 0, supports: 0, mixed: 0, contradicts: 0, cited: 0, findings: [] };
        evidenceByFactor.set(factorId, value);
      }
      return value;
    };
    for (const row of polarityCounts) {
      const value = entry(row.factorId);
      value[row.polarity] += row.n;
      value.total += row.n;
    }
    for (const { factorId, ...item } of cited) {
      const value = entry(factorId);
      value.cited += 1;
      if (value.findings.length < KEY_FINDINGS_PER_FACTOR) value.findings.push(item satisfies SnapshotFinding);
    }

    const conclusionRows = await tx
      .select({
        factorId: conclusions.factorId,
        rating: conclusions.rating,
        strengths: conclusions.strengths,
        improvements: conclusions.improvements,
        state: conclusions.state,
      })
      .from(conclusions)
      .where(eq(conclusions.reviewId, reviewId))
      .orderBy(asc(conclusions.factorId))
      .all();
    const recommendationRows = await tx
      .select({
        id: recommendations.id,
        factorId: recommendations.factorId,
        text: recommendations.text,
        priority: recommendations.priority,
        horizon: recommendations.horizon,
        responsibleService: recommendations.responsibleService,
        exampleIndex: recommendations.exampleIndex,
      })
      .from(recommendations)
      .where(eq(recommendations.reviewId, reviewId))
      .orderBy(asc(recommendations.factorId), asc(recommendations.position), asc(recommendations.id))
      .all();

    const people = (category: string) => participants.filter((p) => p.category === category).length;
    return {
      review: {
        id: review.id,
        hostCity: review.hostCity,
        country: review.country,
        kind: review.kind,
        phase: review.phase,
        issuedAt: iso(review.issuedAt),
        visitStart: review.visitStart,
        visitEnd: review.visitEnd,
        reportLocale: review.reportLocale,
        reportLocales: review.reportLocales,
        // A draft (a correction under way included) speaks of no issue yet.
        issue: review.phase === "issued" ? await currentIssue(tx, reviewId) : null,
        timeZone: review.timeZone,
      },
      framework: { id: review.frameworkId, version: review.frameworkVersion },
      team,
      selfAssessment: { submittedAt: iso(review.selfAssessmentSubmittedAt), factors: selfFactors },
      context,
      documents: documentRows,
      visit: {
        interviews: formats.find((row) => row.format === "interview")?.n ?? 0,
        focusGroups: formats.find((row) => row.format === "focus-group")?.n ?? 0,
        peopleMet: participants.length,
        organisations: organisationsMet(participants),
        categories: PARTICIPANT_CATEGORIES.map((category) => ({ category, people: people(category) })).filter((row) => row.people > 0),
      },
      evidence: [...evidenceByFactor.values()].sort((a, b) => a.factorId.localeCompare(b.factorId)),
      conclusions: conclusionRows,
      recommendations: recommendationRows,
      summary: { executiveSummary: review.executiveSummary, crossCuttingConclusions: review.crossCuttingConclusions },
      progress: await reportProgress(review.id),
    };
  });
}

/**
 * The report's "Progress since …": every cycle of the review's chain, the city's ratings and the
 * peers' agreed ones (what each issued report printed), and the verdicts on the previous cycle's
 * recommendations. Null for a first review.
 */
async function reportProgress(reviewId: string) {
  const chain = await cycleChain(reviewId);
  if (chain.length < 2) return null;
  return buildProgress({ cycles: chain.map((id) => ({ reviewId: id, self: true, peer: true })), locale: "en", followUpOf: reviewId, verdicts: true });
}

/**
 * The snapshot as one reader may receive it: a reader who may not read drafts (a host reader; the
 * host team outside the factual check) gets it withoutDrafts. Every route that hands report content
 * to a member reads it through here.
 */
export async function getReaderReportSnapshot({ reviewId, reader }: { reviewId: string; reader: Reader }): Promise<ReviewSnapshot | null> {
  const snapshot = await getReportSnapshot({ reviewId });
  if (!snapshot) return null;
  return canReadDraftConclusions(reader) ? snapshot : withoutDrafts(snapshot);
}

export type ReportFile = { buffer: Buffer; pages: number; sha256: string; fileName: string; issued: boolean };

export function sha256(buffer: Buffer) {
  return crypto.createHash("sha256").update(buffer).digest("hex");
}

/** "belleforge-peer-review-report-fr.pdf", or "…-draft-fr.pdf" before issue (".docx" for Word): ASCII, safe in a header. */
export function reportFileName({
  hostCity,
  kind,
  locale,
  issued,
  extension = "pdf",
}: {
  hostCity: string;
  kind: string;
  locale: string;
  issued: boolean;
  extension?: "pdf" | "docx";
}) {
  const city = hostCity
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${city || "review"}-${kind}-report${issued ? "" : "-draft"}-${locale}.${extension}`;
}

/** reader null: the whole snapshot, for the issued files (built withoutDrafts) and the operator's CLI. */
async function requireSnapshot(reviewId: string, reader: Reader | null) {
  const snapshot = reader ? await getReaderReportSnapshot({ reviewId, reader }) : await getReportSnapshot({ reviewId });
  if (!snapshot) throw data({ message: "errors.pageNotFound" }, { status: 404 });
  return snapshot;
}

/** Builds and renders one report file from a snapshot; no cache, no storage. */
export async function buildReportFile(snapshot: ReviewSnapshot, locale: ReportLocale, issuedAt: string | null): Promise<ReportFile> {
  // pdfmake holds the CPU for a second or more: built in the render pool, off the request thread.
  const { buffer, pages } = await renderReportOffThread({ snapshot, locale, issuedAt });
  return {
    buffer,
    pages,
    sha256: sha256(buffer),
    fileName: reportFileName({ hostCity: snapshot.review.hostCity, kind: snapshot.review.kind, locale, issued: issuedAt !== null }),
    issued: issuedAt !== null,
  };
}

export type DocxFile = { buffer: Buffer; sha256: string; fileName: string; issued: boolean };

/** The report as a Word document from a snapshot (reports/docx/), built in the render pool; no storage. */
export async function buildReportDocxFile(snapshot: ReviewSnapshot, locale: ReportLocale, issuedAt: string | null): Promise<DocxFile> {
  const buffer = await buildExportOffThread({ kind: "docx", snapshot, locale, issuedAt });
  return {
    buffer,
    sha256: sha256(buffer),
    fileName: reportFileName({ hostCity: snapshot.review.hostCity, kind: snapshot.review.kind, locale, issued: issuedAt !== null, extension: "docx" }),
    issued: issuedAt !== null,
  };
}

/**
 * The report from the current data as a Word document, read as the reader may read it (drafts
 * only for those who may read drafts): the same snapshot the PDF is built from.
 */
export async function renderReportDocx({ reviewId, locale, reader }: { reviewId: string; locale: ReportLocale; reader: Reader | null }): Promise<DocxFile> {
  await nextBackgroundTurn();
  const snapshot = await requireSnapshot(reviewId, reader);
  await nextBackgroundTurn();
  const issuedAt = snapshot.review.phase === "issued" ? snapshot.review.issuedAt : null;
  return buildReportDocxFile(snapshot, locale, issuedAt);
}

/*
 * The same snapshot always gives the same bytes, so a draft rendered once can be served again
 * while the data has not changed (several readers opening the same draft). Keyed by a hash of
 * the snapshot itself, so any change to the data misses the cache.
 */
const DRAFT_CACHE_SIZE = 8;
const draftCache = new Map<string, ReportFile>();

/**
 * Builds the report from the current data. Before issue it is a draft (watermarked); an issued
 * review's file should be read with getIssuedReport, which never rebuilds it. A member's reader
 * decides what the draft may hold; null (the operator's CLI) reads everything.
 */
export async function renderReportPdf({ reviewId, locale, reader }: { reviewId: string; locale: ReportLocale; reader: Reader | null }): Promise<ReportFile> {
  // Reading a large review and hashing it take a while: one report at a time per turn of the loop.
  await nextBackgroundTurn();
  const snapshot = await requireSnapshot(reviewId, reader);
  await nextBackgroundTurn();
  const issuedAt = snapshot.review.phase === "issued" ? snapshot.review.issuedAt : null;
  const key = `${locale}:${issuedAt}:${crypto.createHash("sha256").update(JSON.stringify(snapshot)).digest("hex")}`;
  const cached = draftCache.get(key);
  if (cached) return cached;
  const file = await buildReportFile(snapshot, locale, issuedAt);
  draftCache.set(key, file);
  if (draftCache.size > DRAFT_CACHE_SIZE) draftCache.delete(draftCache.keys().next().value!);
  return file;
}

/**
 * Builds the final report in the review's report languages and stores the bytes with their
 * SHA-256, so the file the city received can be checked later. Runs before the review's phase
 * becomes "issued". An issue after an earlier one (a correction) is a new version: the earlier
 * files stay, marked superseded, never overwritten.
 */
export async function storeIssuedReports({
  reviewId,
  issuedAt,
  reason = null,
}: {
  reviewId: string;
  issuedAt: Date;
  reason?: string | null;
}): Promise<{ version: number }> {
  const snapshot = await requireSnapshot(reviewId, null);
  const previous = await latestIssue(reviewId);
  const version = (previous?.version ?? 0) + 1;
  snapshot.review.issue = { version, reason, previousIssuedAt: iso(previous?.issuedAt) };
  const locales = REPORT_LOCALES.filter((locale) => snapshot.review.reportLocales.includes(locale));
  const files: { locale: ReportLocale; file: ReportFile; docx: DocxFile }[] = [];
  for (const locale of locales.length ? locales : REPORT_LOCALES) {
    files.push({
      locale,
      file: await buildReportFile(snapshot, locale, issuedAt.toISOString()),
      docx: await buildReportDocxFile(snapshot, locale, issuedAt.toISOString()),
    });
  }
  await transaction(db, async (tx) => {
    await tx
      .update(issuedReports)
      .set({ supersededAt: issuedAt })
      .where(and(eq(issuedReports.reviewId, reviewId), isNull(issuedReports.supersededAt)))
      .run();
    for (const { locale, file, docx } of files) {
      await tx
        .insert(issuedReports)
        .values({
          reviewId,
          locale,
          version,
          sha256: file.sha256,
          pdf: file.buffer,
          pages: file.pages,
          docx: docx.buffer,
          docxSha256: docx.sha256,
          issuedAt,
          issueReason: reason,
        })
        .run();
      await writeAudit(tx, {
        reviewId,
        userId: null,
        action: "store",
        entity: "issued-report",
        entityId: version === 1 ? `${reviewId}:${locale}` : `${reviewId}:${locale}:v${version}`,
        after: {
          locale,
          version,
          sha256: file.sha256,
          pages: file.pages,
          docxSha256: docx.sha256,
          issuedAt: issuedAt.toISOString(),
          ...(reason ? { reason } : {}),
        },
      });
    }
  });
  return { version };
}

/** What the method section says of the issue the stored text belongs to (the newest one). */
async function currentIssue(tx: AsyncDb, reviewId: string): Promise<ReviewSnapshot["review"]["issue"]> {
  const rows = await tx
    .select({ version: issuedReports.version, issuedAt: issuedReports.issuedAt, issueReason: issuedReports.issueReason })
    .from(issuedReports)
    .where(eq(issuedReports.reviewId, reviewId))
    .orderBy(desc(issuedReports.version))
    .all();
  const latest = rows[0];
  if (!latest) return null;
  const previous = rows.find((row) => row.version < latest.version);
  return { version: latest.version, reason: latest.issueReason, previousIssuedAt: iso(previous?.issuedAt) };
}

/** The newest issued version of a review, if any. */
async function latestIssue(reviewId: string) {
  return db
    .select({ version: issuedReports.version, issuedAt: issuedReports.issuedAt, issueReason: issuedReports.issueReason })
    .from(issuedReports)
    .where(eq(issuedReports.reviewId, reviewId))
    .orderBy(desc(issuedReports.version))
    .limit(1)
    .get();
}

/** The stored PDF of an issued review, exactly as issued: the newest version unless one is asked for. */
export async function getIssuedReport({ reviewId, locale, version }: { reviewId: string; locale: ReportLocale; version?: number }) {
  const row = await db
    .select({
      pdf: issuedReports.pdf,
      sha256: issuedReports.sha256,
      pages: issuedReports.pages,
      issuedAt: issuedReports.issuedAt,
      version: issuedReports.version,
      supersededAt: issuedReports.supersededAt,
    })
    .from(issuedReports)
    .where(and(eq(issuedReports.reviewId, reviewId), eq(issuedReports.locale, locale), version === undefined ? undefined : eq(issuedReports.version, version)))
    .orderBy(desc(issuedReports.version))
    .limit(1)
    .get();
  if (!row) return null;
  const review = await db.select({ hostCity: reviews.hostCity, kind: reviews.kind }).from(reviews).where(eq(reviews.id, reviewId)).get();
  const name = reportFileName({ hostCity: review?.hostCity ?? "", kind: review?.kind ?? "peer-review", locale, issued: true });
  return { ...row, fileName: row.version > 1 ? name.replace(/-(\w+)\.pdf$/, `-v${row.version}-$1.pdf`) : name };
}

/**
 * The stored Word document of an issued review (the newest version), exactly as issued. A review
 * issued before Word documents were stored gets its document built once, from the same data and
 * issue date as its PDF, and stored beside it.
 */
export async function getIssuedReportDocx({ reviewId, locale }: { reviewId: string; locale: ReportLocale }) {
  const pdf = await getIssuedReport({ reviewId, locale });
  if (!pdf) return null;
  const where = and(eq(issuedReports.reviewId, reviewId), eq(issuedReports.locale, locale), eq(issuedReports.version, pdf.version));
  let row = await db.select({ docx: issuedReports.docx, docxSha256: issuedReports.docxSha256 }).from(issuedReports).where(where).get();
  if (!row?.docx || !row.docxSha256) {
    const snapshot = await requireSnapshot(reviewId, null);
    const built = await buildReportDocxFile(snapshot, locale, pdf.issuedAt.toISOString());
    await db.update(issuedReports).set({ docx: built.buffer, docxSha256: built.sha256 }).where(where).run();
    row = { docx: built.buffer, docxSha256: built.sha256 };
  }
  const fileName = pdf.fileName.replace(/\.pdf$/, ".docx");
  return { docx: row.docx!, sha256: row.docxSha256!, fileName, version: pdf.version, issuedAt: pdf.issuedAt };
}
