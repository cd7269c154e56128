import { beforeEach, describe, expect, it } from "vitest";
import { INTERVIEW_CHOICES } from "#app/models/evidence-log.server";
import * as log from "#app/routes/reviews.$reviewId.evidence/route";
import { interviewParticipants, interviews } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase } from "../utils";

/**
 * A review with many interviews: the log page lists the most recent ones, those it names and
 * those an interview search finds, in both its interview lists; a short review lists them all.
 */

const path = `/reviews/${DEMO_REVIEW_ID}/evidence`;
const EXTRA = 60;

type LogData = Awaited<ReturnType<typeof log.loader>>;

async function open(query = "") {
  const outcome = await run(log.loader, makeRequest(`${path}${query}`, { cookie: await cookieFor("peer@demo.test") }), { reviewId: DEMO_REVIEW_ID });
  expect(outcome.status).toBe(200);
  return outcome.data as LogData;
}

async function addInterviews() {
  await asyncDb
    .insert(interviews)
    .values(
      Array.from({ length: EXTRA }, (_, index) => ({
        id: `many-int-${String(index + 1).padStart(2, "0")}`,
        reviewId: DEMO_REVIEW_ID,
        date: `2026-04-${String((index % 28) + 1).padStart(2, "0")}`,
        place: `Antenne de quartier ${index + 1}`,
        format: "interview" as const,
        createdBy: "demo-peer",
      })),
    )
    .run();
  await asyncDb
    .insert(interviewParticipants)
    .values({ interviewId: "many-int-05", role: "Coordinatrice", organisation: "Maison des Lilas", category: "ngo" })
    .run();
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("the log's interview choices", () => {
  it("lists every interview of a short review and offers no search", async () => {
    const data = await open();
    const all = await asyncDb.select({ id: interviews.id }).from(interviews).all();
    expect(data.facets.interviews.map((interview) => interview.id).sort()).toEqual(all.map((interview) => interview.id).sort());
    expect(data.interviewChoice).toMatchObject({ total: all.length, listed: all.length, found: null, search: "" });
  });

  it("lists the most recent interviews of a long review, with those the page names", async () => {
    await addInterviews();
    const data = await open();
    const ids = data.facets.interviews.map((interview) => interview.id);
    expect(ids).toHaveLength(INTERVIEW_CHOICES);
    expect(data.interviewChoice.total).toBeGreaterThan(EXTRA);
    // The demo's own interviews, in March, are the oldest: none is listed unless named.
    expect(ids.some((id) => id.startsWith("demo-int-"))).toBe(false);
    // The interview the form remembers (after a save without script) and those the filter shows stay listed.
    const named = await open("?form-interview=demo-int-01&interview=demo-int-02");
    expect(named.facets.interviews.map((interview) => interview.id)).toEqual(expect.arrayContaining(["demo-int-01", "demo-int-02"]));
    expect(named.remembered.interviewId).toBe("demo-int-01");
  });

  it("finds an older interview by its organisation or place, accents and case aside, not by its date", async () => {
    await addInterviews();
    const found = await open("?interview-search=maison+des+LILAS");
    expect(found.interviewChoice).toMatchObject({ found: 1, search: "maison des LILAS" });
    expect(found.facets.interviews.map((interview) => interview.id)).toContain("many-int-05");
    const byPlace = await open(`?interview-search=${encodeURIComponent("antenne de quartier 3")}`);
    // "3" is looked for in the place, not in the date: quartiers 3, 13, 23, 30 to 39, 43 and 53, not every April 3rd.
    expect(byPlace.interviewChoice.found).toBe(15);
    expect(byPlace.facets.interviews.map((interview) => interview.id)).toEqual(expect.arrayContaining(["many-int-03", "many-int-30", "many-int-39"]));
    const none = await open("?interview-search=introuvable");
    expect(none.interviewChoice.found).toBe(0);
    expect(none.facets.interviews).toHaveLength(INTERVIEW_CHOICES);
  });
});
