import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { errorsOf, submittedValue, type FormResult } from "#app/utils/forms";
import { action as logAction } from "#app/routes/reviews.$reviewId.evidence/route";
import { action as interviewAction, loader as interviewLoader } from "#app/routes/reviews.$reviewId.interviews/route";
import { getReportSnapshot } from "#app/models/report.server";
import { auditLog, interviewParticipants, interviews } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../utils";

const LOG = `/reviews/${DEMO_REVIEW_ID}/evidence`;
const params = { reviewId: DEMO_REVIEW_ID };

async function post(
  email: Parameters<typeof cookieFor>[0],
  form: Record<string, string | string[]>,
  path = LOG,
  fn: Parameters<typeof run>[0] = logAction,
  extra: Record<string, string> = {},
) {
  return run(fn, makeRequest(path, { cookie: await cookieFor(email), form }), { ...params, ...extra });
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("interviews", () => {
  const page = `/reviews/${DEMO_REVIEW_ID}/interviews`;
  const form = (fields: Record<string, string | string[]> = {}) => ({
    intent: "create",
    date: "2026-03-18",
    place: "Maison des associations",
    format: "interview",
    consentNotes: "Citation anonyme acceptée.",
    participantRole: ["Directeur", "", ""],
    participantOrganisation: ["Régie de quartier", "", ""],
    participantCategory: ["service-provider", "", ""],
    participantName: ["Paul Martin", "", ""],
    reviewerIds: ["demo-peer"],
    ...fields,
  });

  it("records an interview, dropping names unless asked to keep them, and audits it without names", async () => {
    const outcome = await post("peer@demo.test", form(), page, interviewAction);
    expect(outcome.status).toBe(302);
    const id = new URL(outcome.location!, "http://x").searchParams.get("saved")!;
    const people = await asyncDb.select().from(interviewParticipants).where(eq(interviewParticipants.interviewId, id)).all();
    expect(people).toMatchObject([{ role: "Directeur", organisation: "Régie de quartier", category: "service-provider", name: null }]);
    const named = await post("peer@demo.test", form({ recordNames: "on" }), page, interviewAction);
    const namedId = new URL(named.location!, "http://x").searchParams.get("saved")!;
    expect(
      (await asyncDb.select({ name: interviewParticipants.name }).from(interviewParticipants).where(eq(interviewParticipants.interviewId, namedId)).get())!
        .name,
    ).toBe("Paul Martin");
    const entry = (await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "interview"), eq(auditLog.entityId, namedId)))
      .get())!;
    expect(JSON.stringify(entry.after)).not.toContain("Paul Martin");
    const list = await run(interviewLoader, makeRequest(page, { cookie: await cookieFor("peer@demo.test") }), params);
    const listed = (list.data as { interviews: { id: string; quoteCount: number }[] }).interviews;
    expect(listed.find((row) => row.id === "demo-int-01")!.quoteCount).toBeGreaterThan(3);
  });

  it("refuses an interview with nobody described, or a half-described person, keeping what was typed", async () => {
    const none = await post(
      "peer@demo.test",
      form({ participantRole: [""], participantOrganisation: [""], participantCategory: [""], participantName: [""] }),
      page,
      interviewAction,
    );
    expect(none.status).toBe(400);
    expect(errorsOf(none.data as FormResult, "participants")).toEqual(["evidence:errors.noParticipant"]);
    const half = await post("peer@demo.test", form({ participantCategory: ["", "", ""] }), page, interviewAction);
    expect(errorsOf(half.data as FormResult, "participants")).toEqual(['evidence:errors.participantIncomplete|{"number":1}']);
    expect(submittedValue(half.data as FormResult, "place")).toBe("Maison des associations");
    const stranger = await post("peer@demo.test", form({ reviewerIds: ["demo-host"] }), page, interviewAction);
    expect(errorsOf(stranger.data as FormResult, "reviewerIds")).toEqual(["evidence:errors.unknownReviewer"]);
    const badDate = await post("peer@demo.test", form({ date: "2026-02-30" }), page, interviewAction);
    expect(errorsOf(badDate.data as FormResult, "date")).toEqual(["errors.invalidDate"]);
  });

  it("lets the author or the lead correct an interview, not another peer", async () => {
    const refused = await post("peer2@demo.test", form({ intent: "update", interviewId: "demo-int-01" }), page, interviewAction);
    expect(refused.status).toBe(403);
    const done = await post("lead@demo.test", form({ intent: "update", interviewId: "demo-int-02", place: "Mairie des Tilleuls" }), page, interviewAction);
    expect(done.status).toBe(302);
    expect((await asyncDb.select({ place: interviews.place }).from(interviews).where(eq(interviews.id, "demo-int-02")).get())!.place).toBe(
      "Mairie des Tilleuls",
    );
    const forged = await post("lead@demo.test", form({ intent: "update", interviewId: "other-int" }), page, interviewAction);
    expect(forged.status).toBe(404);
  });

  it("keeps the organisations of people who asked not to be named out of the report, and still counts them", async () => {
    const organisation = "Collectif des parents du Haut-Quartier";
    const before = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!.visit;
    const outcome = await post(
      "peer@demo.test",
      form({ withholdOrganisations: "on", participantOrganisation: [organisation, "", ""], participantCategory: ["ngo", "", ""] }),
      page,
      interviewAction,
    );
    expect(outcome.status).toBe(302);
    const id = new URL(outcome.location!, "http://x").searchParams.get("saved")!;
    expect((await asyncDb.select({ withheld: interviews.organisationsWithheld }).from(interviews).where(eq(interviews.id, id)).get())!.withheld).toBe(true);
    // The team still sees who it met; the report does not name them.
    expect((await asyncDb.select().from(interviewParticipants).where(eq(interviewParticipants.interviewId, id)).get())!.organisation).toBe(organisation);
    const after = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!.visit;
    expect(after.organisations).not.toContain(organisation);
    expect(JSON.stringify(after)).not.toContain(organisation);
    expect(after.peopleMet).toBe(before.peopleMet + 1);

    // Ticked off again by the lead, the organisation is named like any other.
    const named = await post(
      "lead@demo.test",
      form({ intent: "update", interviewId: id, participantOrganisation: [organisation, "", ""], participantCategory: ["ngo", "", ""] }),
      page,
      interviewAction,
    );
    expect(named.status).toBe(302);
    expect((await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!.visit.organisations).toContain(organisation);
  });
});
