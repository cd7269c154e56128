import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as agenda from "#app/routes/reviews.$reviewId.agenda/route";
import { readResult, type FormResult } from "#app/utils/forms";
import { asyncDb } from "#app/utils/db.server";
import { agendaSlots, auditLog, interviewParticipants, interviewReviewers, interviews } from "#db/schema";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/* The visit programme: the host team proposes, the lead confirms, an interview is made from a slot in one step. */

beforeEach(async () => {
  await loadDemoReview();
  // Each test starts from an empty programme, whatever the demo seed plans.
  await asyncDb.delete(agendaSlots).where(eq(agendaSlots.reviewId, DEMO_REVIEW_ID)).run();
});

const params = { reviewId: DEMO_REVIEW_ID };
const url = `/reviews/${DEMO_REVIEW_ID}/agenda`;

async function post(email: DemoEmail, form: Record<string, string | string[]>) {
  return run(agenda.action, makeRequest(url, { cookie: await cookieFor(email), form }), params);
}

async function page(email: DemoEmail) {
  const outcome = await run(agenda.loader, makeRequest(url, { cookie: await cookieFor(email) }), params);
  expect(outcome.status).toBe(200);
  return outcome.data as Awaited<ReturnType<typeof agenda.loader>>;
}

const slot = { date: "2026-03-10", startTime: "9:30", endTime: "11:00", place: "City hall, room 2", meeting: "Equality office", factorIds: ["kf-02", "kf-05"] };

function slots() {
  return asyncDb.select().from(agendaSlots).where(eq(agendaSlots.reviewId, DEMO_REVIEW_ID)).all();
}

describe("the host team", () => {
  it("proposes a slot, which waits for the lead and names no reviewer", async () => {
    const outcome = await post("host@demo.test", { intent: "propose", ...slot, leadReviewerId: "demo-peer" });
    expect(outcome.status).toBe(302);
    const [saved] = await slots();
    expect(saved).toMatchObject({
      state: "proposed",
      startTime: "09:30",
      endTime: "11:00",
      meeting: "Equality office",
      factorIds: ["kf-02", "kf-05"],
      leadReviewerId: null,
    });
    expect(outcome.location).toBe(`${url}?done=propose#slot-${saved!.id}`);
    const audit = await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "agenda-slot"), eq(auditLog.entityId, saved!.id)))
      .all();
    expect(audit.map((entry) => entry.action)).toEqual(["propose"]);
    const host = await page("host@demo.test");
    expect(host.slots.map((row) => row.meeting)).toEqual(["Equality office"]);
    expect(host.can).toEqual({ propose: true, manage: false, createInterview: false });
  });

  it("cannot confirm, edit or remove a slot", async () => {
    await post("host@demo.test", { intent: "propose", ...slot });
    const [saved] = await slots();
    for (const intent of ["confirm", "remove"]) {
      const outcome = await post("host@demo.test", { intent, slotId: saved!.id });
      expect(outcome.status, intent).toBe(403);
    }
    expect((await post("host@demo.test", { intent: "update", slotId: saved!.id, ...slot, meeting: "Changed" })).status).toBe(403);
    expect(await slots()).toMatchObject([{ state: "proposed", meeting: "Equality office" }]);
  });
});

describe("bad input", () => {
  it("an end time before the start is refused beside the end time, nothing written, everything typed kept", async () => {
    const outcome = await post("host@demo.test", { intent: "propose", ...slot, startTime: "14:00", endTime: "13:30" });
    expect(outcome.status).toBe(400);
    const result = readResult(outcome.data as FormResult);
    expect(result.errors.endTime).toEqual(["agenda:errors.endBeforeStart"]);
    expect(result.values).toMatchObject({ meeting: "Equality office", place: "City hall, room 2", startTime: "14:00", endTime: "13:30" });
    expect(await slots()).toEqual([]);
  });

  it("a time that is not a time of day and a missing meeting are refused beside their fields", async () => {
    const outcome = await post("lead@demo.test", { intent: "add", ...slot, startTime: "25:00", meeting: "  " });
    expect(outcome.status).toBe(400);
    const result = readResult(outcome.data as FormResult);
    expect(result.errors.startTime).toEqual(["agenda:errors.invalidTime"]);
    expect(result.errors.meeting).toEqual(["errors.required"]);
    expect(await slots()).toEqual([]);
  });

  it("a factor not in the review's framework is refused beside the factors", async () => {
    // c-01 is an ECCAR commitment: the demo review follows the EUROCITIES benchmark.
    const outcome = await post("lead@demo.test", { intent: "add", ...slot, factorIds: ["kf-02", "c-01"] });
    expect(outcome.status).toBe(400);
    const result = readResult(outcome.data as FormResult);
    expect(result.errors.factorIds).toEqual(["agenda:errors.unknownFactor"]);
    expect(result.values.factorIds).toEqual(["kf-02", "c-01"]);
    expect(await slots()).toEqual([]);
  });

  it("a lead reviewer who is not on the visit team is refused", async () => {
    const outcome = await post("lead@demo.test", { intent: "add", ...slot, leadReviewerId: "demo-host" });
    expect(outcome.status).toBe(400);
    expect(readResult(outcome.data as FormResult).errors.leadReviewerId).toEqual(["agenda:errors.unknownReviewer"]);
    expect(await slots()).toEqual([]);
  });
});

describe("the lead expert", () => {
  it("confirms a proposal, corrects it and names who leads it", async () => {
    await post("host@demo.test", { intent: "propose", ...slot });
    const [proposed] = await slots();
    expect((await post("lead@demo.test", { intent: "confirm", slotId: proposed!.id })).status).toBe(302);
    expect((await slots())[0]!.state).toBe("confirmed");
    const updated = await post("lead@demo.test", { intent: "update", slotId: proposed!.id, ...slot, place: "Library", leadReviewerId: "demo-peer" });
    expect(updated.status).toBe(302);
    expect(await slots()).toMatchObject([{ place: "Library", leadReviewerId: "demo-peer", state: "confirmed" }]);
    const lead = await page("lead@demo.test");
    expect(lead.slots[0]).toMatchObject({ leadReviewerName: "Piet de Vries", state: "confirmed" });
  });

  it("adds a confirmed slot and removes one; the programme is in time order", async () => {
    await post("lead@demo.test", { intent: "add", ...slot, date: "2026-03-11", startTime: "08:00", meeting: "Second day" });
    await post("lead@demo.test", { intent: "add", ...slot, startTime: "14:00", endTime: "15:30", meeting: "Afternoon" });
    await post("lead@demo.test", { intent: "add", ...slot, meeting: "Morning" });
    expect((await page("peer@demo.test")).slots.map((row) => row.meeting)).toEqual(["Morning", "Afternoon", "Second day"]);
    const afternoon = (await slots()).find((row) => row.meeting === "Afternoon")!;
    expect((await post("lead@demo.test", { intent: "remove", slotId: afternoon.id })).status).toBe(302);
    expect((await slots()).map((row) => row.meeting)).not.toContain("Afternoon");
  });

  it("a slot of another review is not found", async () => {
    const outcome = await post("lead@demo.test", { intent: "confirm", slotId: "no-such-slot" });
    expect(outcome.status).toBe(404);
  });
});

describe("an interview from a slot", () => {
  it("is created in one step, prefilled from the slot and linked to it", async () => {
    await post("lead@demo.test", { intent: "add", ...slot, leadReviewerId: "demo-peer2" });
    const [planned] = await slots();
    const outcome = await post("lead@demo.test", { intent: "create-interview", slotId: planned!.id, format: "focus-group", category: "ngo" });
    expect(outcome.status).toBe(302);
    const linked = (await slots())[0]!;
    expect(linked.interviewId).toBeTruthy();
    expect(outcome.location).toBe(`/reviews/${DEMO_REVIEW_ID}/interviews?saved=${linked.interviewId}&edit=${linked.interviewId}#interview-form-title`);
    const interview = await asyncDb.select().from(interviews).where(eq(interviews.id, linked.interviewId!)).get();
    expect(interview).toMatchObject({ date: "2026-03-10", place: "City hall, room 2", format: "focus-group", createdBy: "demo-lead" });
    expect(await asyncDb.select().from(interviewParticipants).where(eq(interviewParticipants.interviewId, linked.interviewId!)).all()).toMatchObject([
      { role: "Equality office", category: "ngo", name: null },
    ]);
    expect(await asyncDb.select().from(interviewReviewers).where(eq(interviewReviewers.interviewId, linked.interviewId!)).all()).toMatchObject([
      { userId: "demo-peer2" },
    ]);
  });

  it("is created once: a second click writes nothing", async () => {
    await post("lead@demo.test", { intent: "add", ...slot });
    const [planned] = await slots();
    const before = (await asyncDb.select().from(interviews).all()).length;
    await post("lead@demo.test", { intent: "create-interview", slotId: planned!.id, format: "interview", category: "city-official" });
    const again = await post("lead@demo.test", { intent: "create-interview", slotId: planned!.id, format: "interview", category: "city-official" });
    expect(again.status).toBe(409);
    expect(readResult(again.data as FormResult).formError).toBe("agenda:errors.interviewExists");
    expect((await asyncDb.select().from(interviews).all()).length).toBe(before + 1);
  });

  it("the host team learns that an interview exists, not its record", async () => {
    await post("lead@demo.test", { intent: "add", ...slot });
    await post("lead@demo.test", { intent: "create-interview", slotId: (await slots())[0]!.id, format: "interview", category: "city-official" });
    const host = await page("host@demo.test");
    expect(host.slots[0]).toMatchObject({ interviewed: true, interviewId: null });
    expect((await page("peer@demo.test")).slots[0]!.interviewId).toBe((await slots())[0]!.interviewId);
  });
});

describe("who may read the programme", () => {
  it("host readers are refused (403) and non-members are not told it exists (404)", async () => {
    await setPhase("peer-visit");
    expect((await run(agenda.loader, makeRequest(url, { cookie: await cookieFor("reader@demo.test") }), params)).status).toBe(403);
    expect((await run(agenda.loader, makeRequest(url, { cookie: await cookieFor("outsider@demo.test") }), params)).status).toBe(404);
  });
});
