import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { loader } from "#app/routes/reviews.$reviewId.search";
import { conclusions, documents, evidence, recommendations, selfAssessmentAnswers } from "#db/schema";
import { foldText } from "#db/search-text";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";
import type { Phase } from "#db/enums";

/*
 * The review's search returns only what each reader may read: the rows below all carry the same
 * made-up word, once in each source, and each role in each phase finds exactly the sources the
 * permission matrix lets it read.
 */

const WORD = "Zörblax";

beforeEach(async () => {
  await loadDemoReview();
  const item = (await asyncDb
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), isNull(evidence.deletedAt)))
    .get())!;
  const quote = `Le dispositif ${WORD} touche 50% des agents.`;
  await asyncDb
    .update(evidence)
    .set({ text: quote, searchText: foldText(quote) })
    .where(eq(evidence.id, item.id))
    .run();
  const answer = (await asyncDb.select().from(selfAssessmentAnswers).where(eq(selfAssessmentAnswers.reviewId, DEMO_REVIEW_ID)).get())!;
  await asyncDb
    .update(selfAssessmentAnswers)
    .set({ text: `Notre réponse cite le programme ${WORD}.` })
    .where(and(eq(selfAssessmentAnswers.reviewId, DEMO_REVIEW_ID), eq(selfAssessmentAnswers.questionId, answer.questionId)))
    .run();
  const document = (await asyncDb.select().from(documents).where(eq(documents.reviewId, DEMO_REVIEW_ID)).get())!;
  await asyncDb
    .update(documents)
    .set({ title: `Rapport ${WORD} 2024`, deletedAt: null })
    .where(eq(documents.id, document.id))
    .run();
  // A draft conclusion on kf-01 and one of its recommendations carry the word.
  await asyncDb
    .update(conclusions)
    .set({ strengths: `La démarche ${WORD} est solide.`, state: "draft" })
    .where(and(eq(conclusions.reviewId, DEMO_REVIEW_ID), eq(conclusions.factorId, "kf-01")))
    .run();
  const recommendation = (await asyncDb
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(and(eq(recommendations.reviewId, DEMO_REVIEW_ID), eq(recommendations.factorId, "kf-01")))
    .get())!;
  await asyncDb
    .update(recommendations)
    .set({ text: `Étendre ${WORD} à tous les services.` })
    .where(eq(recommendations.id, recommendation.id))
    .run();
});

async function search(email: DemoEmail, q: string) {
  const outcome = await run(loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/search?q=${encodeURIComponent(q)}`, { cookie: await cookieFor(email) }), {
    reviewId: DEMO_REVIEW_ID,
  });
  expect(outcome.status).toBe(200);
  return outcome.data as { hits: { kind: string; excerpt: string; href: string }[]; tooShort: boolean };
}

const kinds = async (email: DemoEmail, q = "zorblax") => [...new Set((await search(email, q)).hits.map((hit) => hit.kind))].sort();

describe("the review's search", () => {
  it.each<[Phase, DemoEmail, string[]]>([
    ["drafting", "lead@demo.test", ["answer", "conclusion", "document", "evidence", "recommendation"]],
    ["drafting", "peer@demo.test", ["answer", "conclusion", "document", "evidence", "recommendation"]],
    // The host team never reads the evidence log; drafts only during the factual check.
    ["drafting", "host@demo.test", ["answer", "document"]],
    ["factual-check", "host@demo.test", ["answer", "conclusion", "document", "recommendation"]],
    // A host reader reads the issued report only: agreed conclusions, nothing of a draft.
    ["factual-check", "reader@demo.test", []],
    ["issued", "reader@demo.test", []],
  ])("in %s, %s finds only what the role may read", async (phase, email, expected) => {
    await setPhase(phase);
    expect(await kinds(email)).toEqual(expected);
  });

  it("gives a host reader an agreed conclusion and its recommendations once issued, never a quote", async () => {
    await asyncDb
      .update(conclusions)
      .set({ state: "agreed" })
      .where(and(eq(conclusions.reviewId, DEMO_REVIEW_ID), eq(conclusions.factorId, "kf-01")))
      .run();
    await setPhase("issued");
    const { hits } = await search("reader@demo.test", WORD.toUpperCase());
    expect(hits.map((hit) => hit.kind).sort()).toEqual(["conclusion", "recommendation"]);
    expect(hits.find((hit) => hit.kind === "conclusion")).toMatchObject({
      href: `/reviews/${DEMO_REVIEW_ID}/conclusions/kf-01`,
      excerpt: expect.stringContaining(WORD),
    });
    expect(JSON.stringify(hits)).not.toContain("50%");
  });

  it("ignores accents and case, takes % and _ literally, and asks for two characters", async () => {
    await setPhase("drafting");
    expect((await search("lead@demo.test", "ZORBLÀX")).hits.length).toBeGreaterThan(0);
    expect((await search("lead@demo.test", "0% des")).hits.map((hit) => hit.kind)).toEqual(["evidence"]);
    // Unescaped, "%d" and "5_%" would match any text with a "d", or "50%".
    expect((await search("lead@demo.test", "%d")).hits.filter((hit) => hit.kind === "evidence")).toEqual([]);
    expect((await search("lead@demo.test", "5_%")).hits).toEqual([]);
    expect(await search("lead@demo.test", "z")).toMatchObject({ hits: [], tooShort: true });
  });
});

describe("an evidence hit", () => {
  it("is named by its own first words, not by its kind, and only for a reader of the evidence", async () => {
    await setPhase("drafting");
    const long = `Le dispositif ${WORD} touche la moitié des agents municipaux de la ville, selon le rapport annuel de la direction des ressources humaines.`;
    const item = (await asyncDb
      .select({ id: evidence.id })
      .from(evidence)
      .where(eq(evidence.searchText, foldText(`Le dispositif ${WORD} touche 50% des agents.`)))
      .get())!;
    await asyncDb
      .update(evidence)
      .set({ text: long, searchText: foldText(long) })
      .where(eq(evidence.id, item.id))
      .run();
    const { hits } = await search("lead@demo.test", WORD);
    const hit = hits.find((candidate) => candidate.kind === "evidence") as { where: string; href: string } | undefined;
    expect(hit).toMatchObject({ href: `/reviews/${DEMO_REVIEW_ID}/evidence/${item.id}` });
    // Cut at a word near 90 characters, with an ellipsis: the words of the item, not "Evidence".
    expect(hit!.where).toBe(`Le dispositif ${WORD} touche la moitié des agents municipaux de la ville, selon le rapport…`);
    expect(JSON.stringify((await search("host@demo.test", WORD)).hits)).not.toContain("moitié des agents");
  });
});
