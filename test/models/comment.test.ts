import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { addComment, listComments } from "#app/models/comment.server";
import { listGaps } from "#app/models/progress.server";
import { action, loader } from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import { auditLog, factualComments } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";
import { readResult, type FormResult } from "#app/utils/forms";

beforeEach(loadDemoReview);

async function post(email: DemoEmail, form: Record<string, string>, factorId = "kf-02") {
  const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/${factorId}`, { cookie: await cookieFor(email), form });
  return run(action, request, { reviewId: DEMO_REVIEW_ID, factorId });
}

async function read(email: DemoEmail, factorId = "kf-02") {
  return run(loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/${factorId}`, { cookie: await cookieFor(email) }), {
    reviewId: DEMO_REVIEW_ID,
    factorId,
  });
}

async function commentsOf(factorId = "kf-02") {
  return asyncDb
    .select()
    .from(factualComments)
    .where(and(eq(factualComments.reviewId, DEMO_REVIEW_ID), eq(factualComments.factorId, factorId)))
    .all();
}

const COMMENT = "Le plan municipal a bien un budget : 120 000 € votés en décembre 2024.";

/** The host team's comment on kf-02, made as a host would during the factual check. */
async function hostComment(text = COMMENT) {
  await setPhase("factual-check");
  const outcome = await post("host@demo.test", { intent: "comment", text });
  if (outcome.status !== 302) throw new Error(`The host's comment was refused with ${outcome.status}`);
  return (await commentsOf()).find((comment) => comment.text === text)!;
}

describe("factual comments", () => {
  it("are taken from the host team during the factual check only", async () => {
    for (const phase of ["peer-visit", "drafting", "issued"] as const) {
      await setPhase(phase);
      const outcome = await post("host@demo.test", { intent: "comment", text: COMMENT });
      expect(outcome.status, phase).toBe(409);
      expect(readResult(outcome.data as FormResult).values.text, phase).toBe(COMMENT);
    }
    expect(await commentsOf()).toEqual([]);
    await setPhase("drafting");
    await expect(addComment({ reviewId: DEMO_REVIEW_ID, factorId: "kf-02", authorId: "demo-host", text: COMMENT })).rejects.toMatchObject({
      init: { status: 409 },
      data: { message: "conclusions:errors.notFactualCheck" },
    });
    expect(await commentsOf()).toEqual([]);
  });

  it("cannot be written by the peer team or host readers", async () => {
    await setPhase("factual-check");
    expect((await post("peer@demo.test", { intent: "comment", text: COMMENT })).status).toBe(403);
    expect((await post("lead@demo.test", { intent: "comment", text: COMMENT })).status).toBe(403);
    expect((await post("reader@demo.test", { intent: "comment", text: COMMENT })).status).toBe(403);
    expect(await commentsOf()).toEqual([]);
  });

  it("need a text; the host team's comment is recorded with an audit entry", async () => {
    await setPhase("factual-check");
    const empty = await post("host@demo.test", { intent: "comment", text: "  " });
    expect(empty.status).toBe(400);
    expect(readResult(empty.data as FormResult).errors.text).toEqual(["errors.required"]);

    const outcome = await post("host@demo.test", { intent: "comment", text: COMMENT });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/reviews/${DEMO_REVIEW_ID}/conclusions/kf-02?done=comment#comments`);
    const [comment] = await commentsOf();
    expect(comment).toMatchObject({ text: COMMENT, authorId: "demo-host", resolvedAt: null });
    const audit = await asyncDb.select().from(auditLog).where(eq(auditLog.reviewId, DEMO_REVIEW_ID)).orderBy(desc(auditLog.id)).limit(1).get();
    expect(audit).toMatchObject({ action: "create", entity: "factual-comment", entityId: comment!.id, userId: "demo-host" });
    expect(await listGaps({ reviewId: DEMO_REVIEW_ID, can: () => true })).toContainEqual({
      phase: "factual-check",
      key: "gaps.openComments",
      values: { count: 1 },
    });
  });

  it("are read by the host team and the peer team beside the draft", async () => {
    await hostComment();
    const host = await read("host@demo.test");
    expect((host.data as { comments: { text: string }[] }).comments.map((comment) => comment.text)).toEqual([COMMENT]);
    const peer = await read("peer@demo.test");
    expect((peer.data as { comments: { text: string; authorName: string }[] }).comments[0]).toMatchObject({ text: COMMENT, authorName: "Hélène Rousseau" });
  });

  it("are resolved by the peer team (a peer reviewer or the lead expert), never the host team, once", async () => {
    await hostComment();
    const [comment] = await commentsOf();
    expect((await post("host@demo.test", { intent: "resolve", commentId: comment!.id, response: "" })).status).toBe(403);
    // A peer reviewer may close it: refused here only for the missing outcome, and nothing is written.
    expect((await post("peer@demo.test", { intent: "resolve", commentId: comment!.id, response: "" })).status).toBe(400);
    expect((await commentsOf())[0]!.resolvedAt).toBeNull();
    const elsewhere = await post("lead@demo.test", { intent: "resolve", commentId: comment!.id, outcome: "corrected", response: "" }, "kf-03");
    expect(elsewhere.status).toBe(404);

    const answer = "Corrigé : le budget est mentionné dans les points forts.";
    const outcome = await post("lead@demo.test", { intent: "resolve", commentId: comment!.id, outcome: "corrected", response: answer });
    expect(outcome.status).toBe(302);
    expect((await commentsOf())[0]).toMatchObject({ response: answer, resolvedBy: "demo-lead" });
    expect((await commentsOf())[0]!.resolvedAt).toBeInstanceOf(Date);
    const [listed] = await listComments({ reviewId: DEMO_REVIEW_ID, factorId: "kf-02" });
    expect(listed).toMatchObject({ response: answer, resolvedByName: "Lena Marchetti" });

    const again = await post("lead@demo.test", { intent: "resolve", commentId: comment!.id, outcome: "corrected", response: "encore" });
    expect(again.status).toBe(409);
    expect(readResult(again.data as FormResult).formError).toBe("conclusions:errors.alreadyResolved");
    expect((await commentsOf())[0]!.response).toBe(answer);
    expect((await listGaps({ reviewId: DEMO_REVIEW_ID, can: () => true })).some((gap) => gap.key === "gaps.openComments")).toBe(false);
  });

  it("stay in the record after the factual check, and cannot be resolved any more", async () => {
    const first = await hostComment();
    await post("lead@demo.test", { intent: "resolve", commentId: first.id, outcome: "corrected", response: "Corrigé." });
    await post("host@demo.test", { intent: "comment", text: "Deuxième remarque." });
    await setPhase("issued");
    const open = (await commentsOf()).find((comment) => !comment.resolvedAt)!;
    expect((await post("lead@demo.test", { intent: "resolve", commentId: open.id, outcome: "corrected", response: "" })).status).toBe(409);
    expect(await commentsOf()).toHaveLength(2);
    const host = await read("host@demo.test");
    expect((host.data as { comments: unknown[] }).comments).toHaveLength(2);
    // Host readers have no access to the comments.
    const reader = await read("reader@demo.test");
    expect((reader.data as { comments: unknown }).comments).toBeNull();
  });
});

describe("a factual-check thread", () => {
  it("takes answers from the host team and the peer team while open; the lead closes it with an outcome, a note unless corrected", async () => {
    const comment = await hostComment();
    const peerReply = await post("peer@demo.test", { intent: "reply", commentId: comment.id, text: "Quelle délibération ?" });
    expect(peerReply.status).toBe(302);
    expect(peerReply.location).toContain("done=reply");
    expect((await post("host@demo.test", { intent: "reply", commentId: comment.id, text: "Délibération 2024-118." })).status).toBe(302);
    expect((await post("reader@demo.test", { intent: "reply", commentId: comment.id, text: "x" })).status).toBe(403);

    const noNote = await post("lead@demo.test", { intent: "resolve", commentId: comment.id, outcome: "not-accepted", response: "" });
    expect(noNote.status).toBe(400);
    expect(readResult(noNote.data as FormResult).errors.response).toEqual(["conclusions:errors.noteRequired"]);
    const noOutcome = await post("lead@demo.test", { intent: "resolve", commentId: comment.id, response: "Expliqué." });
    expect(readResult(noOutcome.data as FormResult).errors.outcome).toEqual(["conclusions:errors.outcomeRequired"]);
    expect((await commentsOf())[0]!.resolvedAt).toBeNull();

    expect(
      (await post("lead@demo.test", { intent: "resolve", commentId: comment.id, outcome: "explained", response: "Le chiffre vient du budget primitif." }))
        .status,
    ).toBe(302);
    const [listed] = await listComments({ reviewId: DEMO_REVIEW_ID, factorId: "kf-02" });
    expect(listed).toMatchObject({ outcome: "explained", response: "Le chiffre vient du budget primitif." });
    expect(listed!.replies.map((reply) => [reply.authorName, reply.text])).toEqual([
      ["Piet de Vries", "Quelle délibération ?"],
      ["Hélène Rousseau", "Délibération 2024-118."],
    ]);
    // A closed thread takes no more answers.
    const late = await post("host@demo.test", { intent: "reply", commentId: comment.id, text: "Encore une chose." });
    expect(late.status).toBe(409);
    expect(readResult(late.data as FormResult).values.text).toBe("Encore une chose.");
  });
});

describe("factual-check notifications", () => {
  it("tell the peer team of a comment, and both teams of an answer and of the closing, never the author or a host reader", async () => {
    const { notifications } = await import("#db/schema");
    const before = new Set((await asyncDb.select({ id: notifications.id }).from(notifications).all()).map((row) => row.id));
    const fresh = async (kind: string) =>
      (await asyncDb.select({ id: notifications.id, userId: notifications.userId, kind: notifications.kind }).from(notifications).all())
        .filter((row) => !before.has(row.id) && row.kind === kind)
        .map((row) => row.userId)
        .sort();
    const comment = await hostComment();
    expect(await fresh("factual-comment")).toEqual(["demo-lead", "demo-peer", "demo-peer2"]);
    await post("peer@demo.test", { intent: "reply", commentId: comment.id, text: "Quelle délibération ?" });
    expect(await fresh("factual-reply")).toEqual(["demo-host", "demo-lead", "demo-peer2"]);
    await post("lead@demo.test", { intent: "resolve", commentId: comment.id, outcome: "corrected", response: "" });
    expect(await fresh("factual-closed")).toEqual(["demo-host", "demo-peer", "demo-peer2"]);
  });
});
