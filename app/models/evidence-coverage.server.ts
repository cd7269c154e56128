import { and, count, eq, isNull } from "drizzle-orm";
import type { Framework } from "#benchmark/index";
import { documentLinks, documents, evidence, evidenceFactors, evidenceQuestions, type Polarity } from "#db/schema";
import { asyncDb as db } from "#app/utils/db.server";

export type Balance = { total: number; supports: number; mixed: number; contradicts: number; documents: number };

const emptyBalance = (): Balance => ({ total: 0, supports: 0, mixed: 0, contradicts: 0, documents: 0 });

/**
 * Key factors × guiding questions: how much evidence each has and which way it points, and how
 * many host-city documents answer it — what the team still lacks while the visit goes on.
 */
export async function getCoverage({ reviewId, framework }: { reviewId: string; framework: Framework }) {
  const [byFactor, byQuestion, docLinks] = await Promise.all([
    db
      .select({ key: evidenceFactors.factorId, polarity: evidence.polarity, n: count() })
      .from(evidenceFactors)
      .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
      .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .groupBy(evidenceFactors.factorId, evidence.polarity),
    db
      .select({ key: evidenceQuestions.questionId, polarity: evidence.polarity, n: count() })
      .from(evidenceQuestions)
      .innerJoin(evidence, eq(evidence.id, evidenceQuestions.evidenceId))
      .where(and(eq(evidence.reviewId, reviewId), isNull(evidence.deletedAt)))
      .groupBy(evidenceQuestions.questionId, evidence.polarity),
    db
      .selectDistinct({ documentId: documentLinks.documentId, factorId: documentLinks.factorId, questionId: documentLinks.questionId })
      .from(documentLinks)
      .innerJoin(documents, eq(documents.id, documentLinks.documentId))
      .where(and(eq(documents.reviewId, reviewId), eq(documents.origin, "host-city"), isNull(documents.deletedAt))),
  ]);
  const tally = (rows: { key: string; polarity: Polarity; n: number }[]) => {
    const balances = new Map<string, Balance>();
    for (const row of rows) {
      const balance = balances.get(row.key) ?? emptyBalance();
      balance[row.polarity] += row.n;
      balance.total += row.n;
      balances.set(row.key, balance);
    }
    return balances;
  };
  const factorBalances = tally(byFactor);
  const questionBalances = tally(byQuestion);
  const docsPerFactor = new Map<string, Set<string>>();
  const docsPerQuestion = new Map<string, Set<string>>();
  for (const link of docLinks) {
    docsPerFactor.set(link.factorId, (docsPerFactor.get(link.factorId) ?? new Set()).add(link.documentId));
    if (link.questionId) docsPerQuestion.set(link.questionId, (docsPerQuestion.get(link.questionId) ?? new Set()).add(link.documentId));
  }
  return framework.keyFactors
    .filter((factor) => !factor.retired)
    .map((factor) => ({
      id: factor.id,
      number: factor.number,
      title: factor.title,
      balance: { ...(factorBalances.get(factor.id) ?? emptyBalance()), documents: docsPerFactor.get(factor.id)?.size ?? 0 },
      questions: factor.guidingQuestions
        .filter((question) => !question.retired)
        .map((question, index) => ({
          id: question.id,
          number: index + 1,
          text: question.text,
          balance: { ...(questionBalances.get(question.id) ?? emptyBalance()), documents: docsPerQuestion.get(question.id)?.size ?? 0 },
        })),
    }));
}
