import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as notes from "#app/routes/reviews.$reviewId.team-notes";
import * as report from "#app/routes/reviews.$reviewId.report";
import { readResult, type FormResult } from "#app/utils/forms";
import { asyncDb } from "#app/utils/db.server";
import { teamNotes } from "#db/schema";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/* Team notes per factor: the peer team's own, never the host city's, never in the report. */

beforeEach(async () => {
  await loadDemoReview();
  await asyncDb.delete(teamNotes).where(eq(teamNotes.reviewId, DEMO_REVIEW_ID)).run();
});

const params = { reviewId: DEMO_REVIEW_ID };
const url = `/reviews/${DEMO_REVIEW_ID}/team-notes`;
const NOTE = "Ask the equality office how complaints are counted — TEAM-NOTE-z4";

async function post(email: DemoEmail, form: Record<string, string>) {
  return run(notes.action, makeRequest(url, { cookie: await cookieFor(email), form }), params);
}

function stored() {
  return asyncDb.select().from(teamNotes).where(eq(teamNotes.reviewId, DEMO_REVIEW_ID)).all();
}

describe("a team note", () => {
  it("is written by a peer on a factor and read by the peer team", async () => {
    const outcome = await post("peer@demo.test", { intent: "add", factorId: "kf-04", text: NOTE });
    expect(outcome.status).toBe(302);
    expect(await stored()).toMatchObject([{ factorId: "kf-04", text: NOTE, authorId: "demo-peer" }]);
    const lead = await run(notes.loader, makeRequest(url, { cookie: await cookieFor("lead@demo.test") }), params);
    expect((lead.data as { notes: unknown[] }).notes).toMatchObject([{ factorId: "kf-04", text: NOTE, authorName: "Piet de Vries", mine: false }]);
  });

  it("is refused on a factor not in the framework, or empty, beside the field, and the text is kept", async () => {
    const unknown = await post("peer@demo.test", { intent: "add", factorId: "kf-42", text: NOTE });
    expect(unknown.status).toBe(400);
    expect(readResult(unknown.data as FormResult).errors.factorId).toEqual(["agenda:errors.unknownFactor"]);
    expect(readResult(unknown.data as FormResult).values.text).toBe(NOTE);
    const empty = await post("peer@demo.test", { intent: "add", factorId: "kf-04", text: "   " });
    expect(empty.status).toBe(400);
    expect(readResult(empty.data as FormResult).errors.text).toEqual(["errors.required"]);
    expect(await stored()).toEqual([]);
  });

  it("is deleted by its author only", async () => {
    await post("peer@demo.test", { intent: "add", factorId: "kf-04", text: NOTE });
    const [note] = await stored();
    const other = await post("peer2@demo.test", { intent: "delete", noteId: note!.id });
    expect(other.status).toBe(403);
    expect(await stored()).toHaveLength(1);
    expect((await post("peer@demo.test", { intent: "delete", noteId: note!.id })).status).toBe(302);
    expect(await stored()).toEqual([]);
  });

  it("is never the host city's: the host team cannot read or write one", async () => {
    await post("peer@demo.test", { intent: "add", factorId: "kf-04", text: NOTE });
    for (const email of ["host@demo.test", "reader@demo.test"] as const) {
      expect((await run(notes.loader, makeRequest(url, { cookie: await cookieFor(email) }), params)).status, email).toBe(403);
    }
    expect((await post("host@demo.test", { intent: "add", factorId: "kf-04", text: "host text" })).status).toBe(403);
    expect(await stored()).toHaveLength(1);
  });

  it("never goes into the report, even the peer team's preview of it", async () => {
    await post("peer@demo.test", { intent: "add", factorId: "kf-01", text: NOTE });
    await setPhase("factual-check");
    const preview = await run(report.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report`, { cookie: await cookieFor("lead@demo.test") }), params);
    expect(preview.status).toBe(200);
    expect(JSON.stringify(preview.data)).not.toContain("TEAM-NOTE-z4");
  });
});
