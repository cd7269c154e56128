import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as factorPage from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import * as planPage from "#app/routes/reviews.$reviewId.plan";
import * as exportRoute from "#app/routes/reviews.$reviewId.factual-check[.csv]";
import * as reportPage from "#app/routes/reviews.$reviewId.report";
import * as summaryPage from "#app/routes/reviews.$reviewId.summary";
import { readResult, type FormResult } from "#app/utils/forms";
import { getI18n } from "#app/utils/i18n";
import { factualComments, notifications, recommendations, reviews, users } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/*
 * The factual check on the executive summary, the plan and one recommendation: the same thread as
 * on a key factor's page (comment, answers, closing with an outcome), each page acting on its own
 * comments only, and the peer team told as for a factor.
 */

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("factual-check");
});

const PAGES = { summary: summaryPage, plan: planPage } as const;

async function post(page: keyof typeof PAGES, email: DemoEmail, form: Record<string, string>) {
  const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/${page}`, { cookie: await cookieFor(email), form });
  return run(PAGES[page].action, request, { reviewId: DEMO_REVIEW_ID });
}

async function read(page: keyof typeof PAGES, email: DemoEmail) {
  const outcome = await run(PAGES[page].loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/${page}`, { cookie: await cookieFor(email) }), {
    reviewId: DEMO_REVIEW_ID,
  });
  expect(outcome.status).toBe(200);
  return outcome.data as { comments: { id: string; part: string; text: string; outcome: string | null; replies: { text: string }[] }[] | null };
}

function storedComment(text: string) {
  return asyncDb
    .select()
    .from(factualComments)
    .where(and(eq(factualComments.reviewId, DEMO_REVIEW_ID), eq(factualComments.text, text)))
    .get();
}

async function toldAbout(commentId: string, kind: string) {
  return (
    await asyncDb.select({ userId: notifications.userId, params: notifications.params }).from(notifications).where(eq(notifications.kind, kind)).all()
  ).filter((row) => String((row.params as { path?: string }).path).endsWith(`#comment-${commentId}`));
}

const ON_SUMMARY = "Le résumé dit 2023 pour l'adoption du plan ; le conseil l'a voté en février 2024.";
const ON_PLAN = "Le plan oublie la mission égalité, qui porte déjà trois des actions proposées.";

describe("a factual-check comment on the executive summary", () => {
  it("is taken from the host team, read by both teams on the summary page, and told to the peer team", async () => {
    const sent = await post("summary", "host@demo.test", { intent: "comment", text: ON_SUMMARY });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/reviews/${DEMO_REVIEW_ID}/summary?done=comment#comments`);
    const stored = (await storedComment(ON_SUMMARY))!;
    expect(stored).toMatchObject({ part: "summary", factorId: null, recommendationId: null, authorId: "demo-host" });

    for (const email of ["host@demo.test", "peer@demo.test", "lead@demo.test"] as const) {
      expect((await read("summary", email)).comments?.map((comment) => comment.text)).toEqual([ON_SUMMARY]);
    }
    // Not on the plan page, nor on a factor's.
    expect((await read("plan", "lead@demo.test")).comments).toEqual([]);
    // The peer team is told, with a link to the summary's thread; the author and the host reader are not.
    const told = await toldAbout(stored.id, "factual-comment");
    expect(told.map((row) => row.userId).sort()).toEqual(["demo-lead", "demo-peer", "demo-peer2"]);
    expect(told[0]!.params).toMatchObject({ part: "summary", path: `/reviews/${DEMO_REVIEW_ID}/summary#comment-${stored.id}` });
  });

  it("gets answers and is closed by the lead as explained, with a note", async () => {
    await post("summary", "host@demo.test", { intent: "comment", text: ON_SUMMARY });
    const { id } = (await storedComment(ON_SUMMARY))!;
    expect((await post("summary", "peer@demo.test", { intent: "reply", commentId: id, text: "Nous vérifions la délibération." })).status).toBe(302);
    expect((await toldAbout(id, "factual-reply")).map((row) => row.userId).sort()).toEqual(["demo-host", "demo-lead", "demo-peer2"]);

    // Closing is the peer team's (never the host's); "explained" needs a note, and the choice and text are kept when refused.
    expect((await post("summary", "host@demo.test", { intent: "resolve", commentId: id, outcome: "explained", response: "x" })).status).toBe(403);
    const bare = await post("summary", "lead@demo.test", { intent: "resolve", commentId: id, outcome: "explained", response: "" });
    expect(bare.status).toBe(400);
    expect(readResult(bare.data as FormResult)).toMatchObject({ errors: { response: ["conclusions:errors.noteRequired"] }, values: { outcome: "explained" } });
    expect((await storedComment(ON_SUMMARY))!.resolvedAt).toBeNull();

    const closed = await post("summary", "lead@demo.test", {
      intent: "resolve",
      commentId: id,
      outcome: "explained",
      response: "Le texte parle du projet, 2023.",
    });
    expect(closed.status).toBe(302);
    const [listed] = (await read("summary", "host@demo.test")).comments!;
    expect(listed).toMatchObject({ outcome: "explained", replies: [{ text: "Nous vérifions la délibération." }] });
    expect((await toldAbout(id, "factual-closed")).map((row) => row.userId).sort()).toEqual(["demo-host", "demo-peer", "demo-peer2"]);
  });

  it("keeps the summary's own form working beside the threads", async () => {
    await setPhase("drafting");
    const { summary } = (
      await run(summaryPage.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/summary`, { cookie: await cookieFor("lead@demo.test") }), {
        reviewId: DEMO_REVIEW_ID,
      })
    ).data as { summary: { version: number } };
    const saved = await post("summary", "lead@demo.test", {
      intent: "save-summary",
      version: String(summary.version),
      executiveSummary: "Neuf",
      crossCuttingConclusions: "",
    });
    expect(saved.location).toBe(`/reviews/${DEMO_REVIEW_ID}/summary?done=summary`);
    // A comment outside the factual check is refused with the text kept.
    const late = await post("summary", "host@demo.test", { intent: "comment", text: ON_SUMMARY });
    expect(late.status).toBe(409);
    expect(readResult(late.data as FormResult).values.text).toBe(ON_SUMMARY);
    expect(await storedComment(ON_SUMMARY)).toBeUndefined();
  });
});

describe("a factual-check comment on the plan", () => {
  it("is about the plan as a whole, or about one recommendation, which its factor's page shows too", async () => {
    const recommendation = (await asyncDb.select().from(recommendations).where(eq(recommendations.reviewId, DEMO_REVIEW_ID)).get())!;
    expect((await post("plan", "host@demo.test", { intent: "comment", text: ON_PLAN })).status).toBe(302);
    const onOne = "Ce service n'existe plus depuis la réorganisation de 2024.";
    expect((await post("plan", "host@demo.test", { intent: "comment", text: onOne, about: recommendation.id })).status).toBe(302);
    expect(await storedComment(ON_PLAN)).toMatchObject({ part: "plan", factorId: null });
    expect(await storedComment(onOne)).toMatchObject({ part: "recommendation", factorId: recommendation.factorId, recommendationId: recommendation.id });

    expect((await read("plan", "peer@demo.test")).comments?.map((comment) => comment.part)).toEqual(["plan", "recommendation"]);
    const factor = await run(
      factorPage.loader,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/${recommendation.factorId}`, { cookie: await cookieFor("host@demo.test") }),
      { reviewId: DEMO_REVIEW_ID, factorId: recommendation.factorId },
    );
    expect((factor.data as { comments: { text: string }[] }).comments.map((comment) => comment.text)).toEqual([onOne]);
    // A recommendation of another review is not found, and nothing is stored.
    const forged = await post("plan", "host@demo.test", { intent: "comment", text: "Forgé", about: "not-a-recommendation" });
    expect(forged.status).toBe(404);
    expect(await storedComment("Forgé")).toBeUndefined();
  });

  it("acts on its own threads only: the summary's comment is not found from the plan page", async () => {
    await post("summary", "host@demo.test", { intent: "comment", text: ON_SUMMARY });
    const { id } = (await storedComment(ON_SUMMARY))!;
    const elsewhere = await post("plan", "lead@demo.test", { intent: "resolve", commentId: id, outcome: "corrected", response: "" });
    expect(elsewhere.status).toBe(404);
    expect((await storedComment(ON_SUMMARY))!.resolvedAt).toBeNull();
  });

  it("needs a text, answered beside the field", async () => {
    const empty = await post("plan", "host@demo.test", { intent: "comment", text: "   " });
    expect(empty.status).toBe(400);
    expect(readResult(empty.data as FormResult).errors.text).toBeDefined();
    expect((await read("plan", "host@demo.test")).comments).toEqual([]);
  });

  it("is not shown to a host reader once issued (no comments are)", async () => {
    await post("plan", "host@demo.test", { intent: "comment", text: ON_PLAN });
    await setPhase("issued");
    expect((await read("plan", "reader@demo.test")).comments).toBeNull();
    expect((await read("summary", "reader@demo.test")).comments).toBeNull();
    expect((await read("plan", "host@demo.test")).comments?.map((comment) => comment.text)).toEqual([ON_PLAN]);
  });
});

describe("the factual check's export", () => {
  async function exported(email: DemoEmail, lang: "en" | "fr") {
    const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/factual-check.csv?lang=${lang}`, { cookie: await cookieFor(email) });
    return run(exportRoute.loader, request, { reviewId: DEMO_REVIEW_ID });
  }

  it("holds every thread, entry by entry: comment, answers, closing with its outcome, who and when", async () => {
    await post("summary", "host@demo.test", { intent: "comment", text: ON_SUMMARY });
    await post("plan", "host@demo.test", { intent: "comment", text: ON_PLAN });
    const summaryComment = (await storedComment(ON_SUMMARY))!;
    await post("summary", "peer@demo.test", { intent: "reply", commentId: summaryComment.id, text: "Nous vérifions." });
    await post("summary", "lead@demo.test", { intent: "resolve", commentId: summaryComment.id, outcome: "explained", response: "Le texte parle du projet." });

    const outcome = await exported("lead@demo.test", "fr");
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Type")).toContain("text/csv");
    const text = String(outcome.data).replace(/^\uFEFF/, "");
    const zone = (await asyncDb.select({ zone: reviews.timeZone }).from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!.zone;
    // French spreadsheets split on ";".
    const [header, ...rows] = parse(text, { delimiter: ";" }) as string[][];
    expect(header).toEqual(["Commentaire", "Partie", "Objet", "Entrée", "Par", `Date (${zone})`, "Texte", "État", "Issue"]);
    const summaryRows = rows.filter((row) => row[0] === "1");
    expect(summaryRows.map((row) => [row[3], row[6], row[7], row[8]])).toEqual([
      ["Commentaire", ON_SUMMARY, "Résolu", "Expliqué"],
      ["Réponse", "Nous vérifions.", "Résolu", "Expliqué"],
      ["Clôture", "Le texte parle du projet.", "Résolu", "Expliqué"],
    ]);
    expect(summaryRows[0]![1]).toBe(getI18n("fr").t("reviews:confirm.parts.summary"));
    const nameOf = async (id: string) => (await asyncDb.select({ name: users.name }).from(users).where(eq(users.id, id)).get())!.name;
    expect(summaryRows.map((row) => row[4])).toEqual(await Promise.all(["demo-host", "demo-peer", "demo-lead"].map(nameOf)));
    expect(summaryRows[0]![5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(rows.filter((row) => row[0] === "2").map((row) => [row[3], row[6], row[7], row[8]])).toEqual([["Commentaire", ON_PLAN, "Ouvert", ""]]);
  });

  it("is for whoever reads the threads, and listed on the report page for them only", async () => {
    expect((await exported("host@demo.test", "en")).status).toBe(200);
    await setPhase("issued");
    expect((await exported("reader@demo.test", "en")).status).toBe(403);
    const report = async (email: DemoEmail) =>
      (
        (await run(reportPage.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report`, { cookie: await cookieFor(email) }), { reviewId: DEMO_REVIEW_ID }))
          .data as { factualCheckCsv: string | null }
      ).factualCheckCsv;
    expect(await report("lead@demo.test")).toBe(`/reviews/${DEMO_REVIEW_ID}/factual-check.csv`);
    expect(await report("reader@demo.test")).toBeNull();
  });
});
