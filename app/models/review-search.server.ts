import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { conclusions, documents, evidence, recommendations, selfAssessmentAnswers, selfAssessmentFactors } from "#db/schema";
import { foldText } from "#db/search-text";
import { localize, requireFramework } from "#benchmark/index";
import type { ReviewAccess } from "#app/utils/auth.server";
import { asyncDb as db } from "#app/utils/db.server";
import type { Locale } from "#app/utils/i18n";
import { canReadConclusion, can } from "#app/utils/permissions";

/*
 * The review's search box: one query across the evidence, the self-assessment's answers and
 * summaries, the conclusions and their recommendations, and the documents' titles, returning only
 * what the reader may read — each source is asked only when the reader's role has its permission in
 * the review's phase (evidence:read, self-assessment:read, conclusions:read) and a conclusion only
 * when canReadConclusion allows it (a host reader: agreed ones, once issued). Accent-insensitive:
 * the evidence log, the one large source, is matched in SQL on its folded column with LIKE (the
 * query's % and _ escaped); the other sources hold at most a few hundred short rows per review and
 * are folded and matched here.
 */

import { HITS_PER_KIND, MIN_QUERY, SEARCH_KINDS, type SearchKind } from "./review-search";

export type SearchHit = {
  kind: SearchKind;
  id: string;
  /** Where it is or what it is: "3. …" (the factor), a document's author, an evidence item's first words. */
  where: string;
  /** The matching text around the first match. */
  excerpt: string;
  href: string;
};

/** LIKE's wildcards and the escape character itself, taken literally. */
export function likePattern(folded: string) {
  return `%${folded.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The text around the first match, on one line, about `width` characters long. */
export function excerptAround(text: string, folded: string, width = 160) {
  const flat = text.replace(/\s+/g, " ").trim();
  // foldText keeps the length of most texts, so the folded index points into the original.
  const at = Math.max(0, foldText(flat).indexOf(folded));
  const start = Math.max(0, at - Math.floor((width - folded.length) / 2));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end).trim()}${end < flat.length ? "…" : ""}`;
}

/** A text's first words, on one line, cut at a word boundary near `width` characters. */
export function openingWords(text: string, width = 90) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= width) return flat;
  const cut = flat.slice(0, width + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > width / 2 ? cut.slice(0, space) : flat.slice(0, width)).trim()}…`;
}

export async function searchReview({ access, query, locale }: { access: ReviewAccess; query: string; locale: Locale }) {
  const folded = foldText(query.replace(/\s+/g, " ").trim());
  const empty = { query: folded, hits: [] as SearchHit[], counts: {} as Partial<Record<SearchKind, number>> };
  if (folded.length < MIN_QUERY) return empty;
  const { review, role } = access;
  const may = (permission: Parameters<typeof can>[1]) => can(role, permission, review.phase);
  const framework = requireFramework(review.frameworkId);
  const factorLabel = (factorId: string) => {
    const factor = framework.keyFactors.find((candidate) => candidate.id === factorId);
    return factor ? `${factor.number}. ${localize(factor.title, locale)}` : factorId;
  };
  const base = `/reviews/${review.id}`;
  const matches = (text: string) => foldText(text).includes(folded);
  const hits: SearchHit[] = [];

  if (may("evidence:read")) {
    const rows = await db
      .select({ id: evidence.id, text: evidence.text })
      .from(evidence)
      .where(and(eq(evidence.reviewId, review.id), isNull(evidence.deletedAt), sql`${evidence.searchText} LIKE ${likePattern(folded)} ESCAPE '\\'`))
      .orderBy(asc(evidence.createdAt), asc(evidence.id));
    hits.push(
      ...rows.map((row) => ({
        kind: "evidence" as const,
        id: row.id,
        // An evidence item has no title: its link reads its own first words.
        where: openingWords(row.text),
        excerpt: excerptAround(row.text, folded),
        href: `${base}/evidence/${row.id}`,
      })),
    );
  }

  if (may("self-assessment:read")) {
    const summaries = await db
      .select({ factorId: selfAssessmentFactors.factorId, text: selfAssessmentFactors.summary })
      .from(selfAssessmentFactors)
      .where(eq(selfAssessmentFactors.reviewId, review.id));
    const answers = await db
      .select({ factorId: selfAssessmentAnswers.factorId, questionId: selfAssessmentAnswers.questionId, text: selfAssessmentAnswers.text })
      .from(selfAssessmentAnswers)
      .where(eq(selfAssessmentAnswers.reviewId, review.id));
    for (const row of [...summaries.map((summary) => ({ ...summary, questionId: null })), ...answers].sort((a, b) => a.factorId.localeCompare(b.factorId))) {
      if (!row.text || !matches(row.text)) continue;
      hits.push({
        kind: "answer",
        id: row.questionId ?? `${row.factorId}-summary`,
        where: factorLabel(row.factorId),
        excerpt: excerptAround(row.text, folded),
        href: `${base}/self-assessment/${row.factorId}`,
      });
    }
    const titles = await db
      .select({ id: documents.id, title: documents.title, author: documents.author })
      .from(documents)
      .where(and(eq(documents.reviewId, review.id), isNull(documents.deletedAt)))
      .orderBy(asc(documents.title));
    for (const row of titles) {
      if (matches(row.title)) hits.push({ kind: "document", id: row.id, where: row.author, excerpt: row.title, href: `${base}/documents` });
    }
  }

  if (may("conclusions:read")) {
    const rows = await db
      .select({ factorId: conclusions.factorId, state: conclusions.state, strengths: conclusions.strengths, improvements: conclusions.improvements })
      .from(conclusions)
      .where(eq(conclusions.reviewId, review.id))
      .orderBy(asc(conclusions.factorId));
    const readable = new Set<string>();
    for (const row of rows) {
      if (!canReadConclusion(access, row)) continue;
      readable.add(row.factorId);
      const text = [row.strengths, row.improvements].find((part) => part && matches(part));
      if (text)
        hits.push({
          kind: "conclusion",
          id: row.factorId,
          where: factorLabel(row.factorId),
          excerpt: excerptAround(text, folded),
          href: `${base}/conclusions/${row.factorId}`,
        });
    }
    const recs = await db
      .select({ id: recommendations.id, factorId: recommendations.factorId, text: recommendations.text })
      .from(recommendations)
      .where(eq(recommendations.reviewId, review.id))
      .orderBy(asc(recommendations.factorId), asc(recommendations.position));
    for (const row of recs) {
      // A recommendation is read with its conclusion: a draft's only by who may read drafts.
      const seen =
        readable.has(row.factorId) || (!rows.some((conclusion) => conclusion.factorId === row.factorId) && canReadConclusion(access, { state: "draft" }));
      if (!seen || !matches(row.text)) continue;
      hits.push({
        kind: "recommendation",
        id: row.id,
        where: factorLabel(row.factorId),
        excerpt: excerptAround(row.text, folded),
        href: `${base}/conclusions/${row.factorId}#recommendations`,
      });
    }
  }

  const counts: Partial<Record<SearchKind, number>> = {};
  for (const hit of hits) counts[hit.kind] = (counts[hit.kind] ?? 0) + 1;
  return { query: folded, counts, hits: SEARCH_KINDS.flatMap((kind) => hits.filter((hit) => hit.kind === kind).slice(0, HITS_PER_KIND)) };
}
