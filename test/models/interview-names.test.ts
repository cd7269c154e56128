import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createInterview, participantsToStore, type InterviewInput } from "#app/models/interview.server";
import { interviewParticipants } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { DEMO_REVIEW_ID, loadDemoReview } from "../utils";

const input = (recordNames: boolean): InterviewInput => ({
  date: "2026-03-16",
  place: "",
  format: "interview",
  consentNotes: "",
  organisationsWithheld: false,
  participants: [{ role: "Coordinator", organisation: "Réseau Égalité", category: "ngo", name: "Nadia Benali" }],
  recordNames,
  reviewerIds: [],
});

beforeEach(loadDemoReview);

describe("interviewees' names (the interview model's privacy rule)", () => {
  it("are dropped unless the team chose to record names, whatever the caller sent", async () => {
    expect(participantsToStore(input(false)).map((p) => p.name)).toEqual([null]);
    const outcome = await createInterview({ reviewId: DEMO_REVIEW_ID, userId: "demo-peer", input: input(false) });
    expect(outcome.ok).toBe(true);
    const stored = await asyncDb
      .select()
      .from(interviewParticipants)
      .where(eq(interviewParticipants.interviewId, (outcome as { id: string }).id))
      .all();
    expect(stored.map((row) => row.name)).toEqual([null]);
  });

  it("are kept when the team chose to record them", async () => {
    const outcome = await createInterview({ reviewId: DEMO_REVIEW_ID, userId: "demo-peer", input: input(true) });
    const stored = await asyncDb
      .select()
      .from(interviewParticipants)
      .where(eq(interviewParticipants.interviewId, (outcome as { id: string }).id))
      .all();
    expect(stored.map((row) => row.name)).toEqual(["Nadia Benali"]);
  });
});
