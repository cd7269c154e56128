import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { contextNotes, evidence, sessions } from "#db/schema";
import { action as contextAction } from "#app/routes/reviews.$reviewId.context";
import { action as logAction } from "#app/routes/reviews.$reviewId.evidence/route";
import { action as loginAction } from "#app/routes/login";
import { loader as reviewHome } from "#app/routes/reviews.$reviewId._index";
import { loader as healthz } from "#app/routes/healthz";
import { formErrorsOf, submittedValue, type FormResult } from "#app/utils/forms";
import { CANNOT_SAVE } from "#app/utils/storage.server";
import { cookieFor, db, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase } from "../../utils";

/*
 * Disk full while writing, simulated by capping the database at the pages it has
 * (PRAGMA max_page_count): SQLite refuses any write that needs one more page with SQLITE_FULL,
 * as it does when the disk is full. The user gets "the server cannot save right now" with the
 * text they typed, the log one line, /healthz "cannot be written"; nothing half-saved.
 */
const params = { reviewId: DEMO_REVIEW_ID };
const LONG = "Observation notée pendant la visite du guichet unique. ".repeat(120).trim();

function diskFull() {
  const sqlite = db.$client;
  const limit = sqlite.pragma("max_page_count", { simple: true }) as number;
  // Free pages would take a write or two first: fold them away, then cap the file where it is.
  sqlite.exec("VACUUM");
  sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true }) as number}`);
  return () => sqlite.pragma(`max_page_count = ${limit}`);
}

/** A disk that has turned read-only under the app: every write, however small, is refused. */
function readOnlyDisk() {
  db.$client.pragma("query_only = ON");
  return () => db.$client.pragma("query_only = OFF");
}

let restore: (() => unknown) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** console.error is where the server's log goes; during these tests it is expected, once per refused save. */
function captureLog() {
  return vi.spyOn(console, "error").mockImplementation(() => {});
}

beforeEach(loadDemoReview);

describe("a save when the disk is full", () => {
  it("gives the evidence quick-log its text back with the message, and logs one line", async () => {
    await setPhase("peer-visit");
    const log = captureLog();
    restore = diskFull();
    const outcome = await run(
      logAction,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/evidence`, {
        cookie: await cookieFor("peer@demo.test"),
        form: { intent: "create", via: "fetcher", kind: "observation", text: LONG, factorIds: ["kf-05"], polarity: "mixed", attribution: "" },
      }),
      params,
    );
    expect(outcome.status).toBe(503);
    expect(outcome.thrown).toBe(false);
    const result = outcome.data as FormResult & { cannotSave: boolean; formError: string };
    expect(result.cannotSave).toBe(true);
    expect(formErrorsOf(result)).toEqual([CANNOT_SAVE]);
    expect(result.formError).toBe(CANNOT_SAVE);
    expect(submittedValue(result, "text")).toBe(LONG);
    expect(db.select().from(evidence).where(eq(evidence.text, LONG)).all()).toEqual([]);
    expect(log).toHaveBeenCalledTimes(1);
    const line = log.mock.calls[0]!.map(String).join(" ");
    expect(line).toMatch(/^cannot save: SQLITE_FULL \(database or disk is full\) on POST \/reviews\/demo\/evidence$/);
    expect(line).not.toContain("\n");

    const health = await healthz();
    expect(health.status).toBe(503);
    expect(await health.text()).toMatch(/^database cannot be written: /);

    // Room again: the same text saves, and /healthz is back to ok once the size limit is gone.
    restore();
    restore = undefined;
    const retry = await run(
      logAction,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/evidence`, {
        cookie: await cookieFor("peer@demo.test"),
        form: { intent: "create", via: "fetcher", kind: "observation", text: LONG, factorIds: ["kf-05"], polarity: "mixed", attribution: "" },
      }),
      params,
    );
    expect(retry.status).toBe(200);
    expect(db.select().from(evidence).where(eq(evidence.text, LONG)).all()).toHaveLength(1);
  });

  it("gives a page form (the context notes) its text back with the message, not an error page", async () => {
    await setPhase("self-assessment");
    const log = captureLog();
    restore = diskFull();
    const before = db
      .select()
      .from(contextNotes)
      .where(and(eq(contextNotes.reviewId, DEMO_REVIEW_ID), eq(contextNotes.contextualFactorId, "cf-political-situation")))
      .get();
    const outcome = await run(
      contextAction,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/context`, {
        cookie: await cookieFor("host@demo.test"),
        form: { "note.cf-political-situation": LONG, "effect.cf-political-situation": "helps", "version.cf-political-situation": String(before?.version ?? 0) },
      }),
      params,
    );
    expect(outcome.status).toBe(503);
    const result = outcome.data as FormResult;
    expect(formErrorsOf(result)).toEqual([CANNOT_SAVE]);
    expect(submittedValue(result, "note.cf-political-situation")).toBe(LONG);
    expect(
      db
        .select()
        .from(contextNotes)
        .where(and(eq(contextNotes.reviewId, DEMO_REVIEW_ID), eq(contextNotes.contextualFactorId, "cf-political-situation")))
        .get(),
    ).toEqual(before);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("on a read-only disk too, and never sends a password back to the sign-in form", async () => {
    const log = captureLog();
    restore = readOnlyDisk();
    const outcome = await run(
      loginAction,
      makeRequest("/login", { form: { email: "peer@demo.test", password: "workbench-demo", redirectTo: "/reviews" } }),
      {},
    );
    expect(outcome.status).toBe(503);
    const result = outcome.data as FormResult & { values: Record<string, string> };
    expect(formErrorsOf(result)).toEqual([CANNOT_SAVE]);
    expect(submittedValue(result, "email")).toBe("peer@demo.test");
    expect(JSON.stringify(result)).not.toContain("workbench-demo");
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(/^cannot save: SQLITE_READONLY \(attempt to write a readonly database\) on POST \/login$/);
  });
});

describe("reading when the disk cannot be written", () => {
  it("still shows pages to a signed-in user whose session is due to be extended", async () => {
    const cookie = await cookieFor("lead@demo.test");
    // A session last extended long ago: this request would extend it.
    db.update(sessions)
      .set({ expiresAt: new Date(Date.now() + 60 * 60_000) })
      .where(eq(sessions.userId, "demo-lead"))
      .run();
    const log = captureLog();
    restore = readOnlyDisk();
    const outcome = await run(reviewHome, makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie }), params);
    expect(outcome.status).toBe(200);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(/^cannot save: SQLITE_READONLY .* on GET \/reviews\/demo$/);
  });
});
