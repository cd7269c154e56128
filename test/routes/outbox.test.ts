import { beforeEach, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import * as outbox from "#app/routes/reviews.$reviewId.outbox";
import * as log from "#app/routes/reviews.$reviewId.evidence/route";
import * as interviewsPage from "#app/routes/reviews.$reviewId.interviews/route";
import { evidence, interviews, reviewMembers } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_ACCOUNTS, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase } from "../utils";

/*
 * The outbox route: items logged offline arrive with the id the browser gave them. A second send
 * of the same id saves nothing new and answers "saved"; a refusal says why; an ended session
 * answers "signed out" (never a redirect that would swallow the item).
 */

const base = `/reviews/${DEMO_REVIEW_ID}`;
const peerId = () => DEMO_ACCOUNTS.find((account) => account.email === "peer@demo.test")!.id;

function quote(clientId: string, text = "The helpline answers within two days, they said.") {
  return { item: "evidence", clientId, intent: "create", text, factorIds: ["kf-03"], kind: "observation", polarity: "mixed", interviewId: "", attribution: "" };
}

async function send(form: Record<string, string | string[]>, email: "peer@demo.test" | "peer2@demo.test" | "lead@demo.test" | null = "peer@demo.test") {
  const cookie = email ? await cookieFor(email) : undefined;
  return run(outbox.action, makeRequest(`${base}/outbox`, { cookie, form }), { reviewId: DEMO_REVIEW_ID });
}

const evidenceCount = async () => (await asyncDb.select({ n: count() }).from(evidence).where(eq(evidence.reviewId, DEMO_REVIEW_ID)).get())!.n;

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("an evidence item sent from the outbox", () => {
  it("is saved once under its client id, and a second send answers saved without a new row", async () => {
    const id = crypto.randomUUID();
    const before = await evidenceCount();
    const first = await send(quote(id));
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ status: "saved", id, alreadySaved: false });
    const again = await send(quote(id));
    expect(again.status).toBe(200);
    expect(again.data).toEqual({ status: "saved", id, alreadySaved: true });
    expect(await evidenceCount()).toBe(before + 1);
    const row = (await asyncDb.select().from(evidence).where(eq(evidence.id, id)).get())!;
    expect(row).toMatchObject({ createdBy: peerId(), polarity: "mixed", kind: "observation" });
  });

  it("is saved once when the page's own action receives the same id twice", async () => {
    const id = crypto.randomUUID();
    const before = await evidenceCount();
    const cookie = await cookieFor("peer@demo.test");
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const outcome = await run(log.action, makeRequest(`${base}/evidence`, { cookie, form: { ...quote(id), via: "fetcher" } }), { reviewId: DEMO_REVIEW_ID });
      expect(outcome.data).toEqual({ ok: true, intent: "create", id });
    }
    expect(await evidenceCount()).toBe(before + 1);
  });

  it("refuses an id that another member's item holds, and changes nothing", async () => {
    const id = crypto.randomUUID();
    await send(quote(id, "Peer two's words."), "peer2@demo.test");
    const outcome = await send(quote(id, "Someone else's words."));
    expect(outcome.status).toBe(409);
    expect(outcome.data).toEqual({ status: "refused", messages: ["evidence:errors.idTaken"] });
    expect((await asyncDb.select({ text: evidence.text }).from(evidence).where(eq(evidence.id, id)).get())!.text).toBe("Peer two's words.");
  });

  it("refuses a client id that is not a uuid", async () => {
    const outcome = await send(quote("not-a-uuid"));
    expect(outcome.status).toBe(400);
    expect(outcome.data).toEqual({ status: "refused", messages: ["evidence:errors.idTaken"] });
  });

  it("is refused with the reason when the visit's phase has closed", async () => {
    await setPhase("issued");
    const before = await evidenceCount();
    const outcome = await send(quote(crypto.randomUUID()));
    expect(outcome.status).toBe(409);
    expect(outcome.data).toEqual({ status: "refused", messages: ['errors.phaseClosedForm|{"phase":"issued"}'] });
    expect(await evidenceCount()).toBe(before);
  });

  it("is refused with the reason when its author was removed from the review", async () => {
    await asyncDb
      .delete(reviewMembers)
      .where(and(eq(reviewMembers.reviewId, DEMO_REVIEW_ID), eq(reviewMembers.userId, peerId())))
      .run();
    const outcome = await send(quote(crypto.randomUUID()));
    expect(outcome.status).toBe(404);
    expect(outcome.data).toEqual({ status: "refused", messages: ["evidence:offline.notMember"] });
  });

  it("is refused with the schema's messages when it is invalid", async () => {
    const outcome = await send({ ...quote(crypto.randomUUID()), factorIds: [], text: "" });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toEqual({ status: "refused", messages: expect.arrayContaining(["evidence:errors.noFactor"]) });
  });

  it("answers signed-out, not a redirect, when the session has ended", async () => {
    const before = await evidenceCount();
    const outcome = await send(quote(crypto.randomUUID()), null);
    expect(outcome.status).toBe(401);
    expect(outcome.location).toBeNull();
    expect(outcome.data).toEqual({ status: "signed-out" });
    expect(await evidenceCount()).toBe(before);
  });
});

describe("an interview sent from the outbox", () => {
  const interview = (clientId: string) => ({
    item: "interview",
    intent: "create",
    clientId,
    date: "2026-03-18",
    format: "interview",
    place: "Town hall",
    participantRole: ["Equality officer"],
    participantCategory: ["city-official"],
    reviewerIds: [peerId()],
  });

  it("is saved once under its client id", async () => {
    const id = crypto.randomUUID();
    const interviewCount = async () => (await asyncDb.select({ n: count() }).from(interviews).where(eq(interviews.reviewId, DEMO_REVIEW_ID)).get())!.n;
    const before = await interviewCount();
    expect((await send(interview(id))).data).toEqual({ status: "saved", id, alreadySaved: false });
    expect((await send(interview(id))).data).toEqual({ status: "saved", id, alreadySaved: true });
    expect(await interviewCount()).toBe(before + 1);
    // The interviews page's own form, with the same id: still one.
    const cookie = await cookieFor("peer@demo.test");
    const page = await run(interviewsPage.action, makeRequest(`${base}/interviews`, { cookie, form: interview(id) }), { reviewId: DEMO_REVIEW_ID });
    expect(page.location).toBe(`${base}/interviews?saved=${id}#interview-${id}`);
    expect(await interviewCount()).toBe(before + 1);
  });
});

describe("the logging form's first Enter", () => {
  it("saves with the defaults the page starts with (no interview chosen)", async () => {
    const cookie = await cookieFor("peer@demo.test");
    const page = await run(log.loader, makeRequest(`${base}/evidence`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    const { remembered } = page.data as Awaited<ReturnType<typeof log.loader>>;
    expect(remembered.interviewId).toBe("");
    const before = await evidenceCount();
    const form = {
      intent: "create",
      via: "fetcher",
      interviewId: remembered.interviewId,
      kind: remembered.kind,
      polarity: remembered.polarity,
      attribution: remembered.attribution ?? "",
      text: "Tagged with Alt+3 and saved with the first Enter.",
      factorIds: ["kf-03"],
    };
    const outcome = await run(log.action, makeRequest(`${base}/evidence`, { cookie, form }), { reviewId: DEMO_REVIEW_ID });
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({ ok: true, intent: "create" });
    expect(await evidenceCount()).toBe(before + 1);
  });
});
