import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { PHASES } from "#app/utils/permissions";
import * as coverage from "#app/routes/reviews.$reviewId.coverage";
import * as log from "#app/routes/reviews.$reviewId.evidence/route";
import * as item from "#app/routes/reviews.$reviewId.evidence.$evidenceId";
import * as csv from "#app/routes/reviews.$reviewId.evidence[.csv]";
import * as interviews from "#app/routes/reviews.$reviewId.interviews/route";
import { evidence, interviewParticipants } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/**
 * The host city's team and readers never receive what people said to the peer team: every
 * loader and action of the evidence pages refuses them in every phase, and nothing the pages
 * send carries a quote or an interviewee's name.
 */

const base = `/reviews/${DEMO_REVIEW_ID}`;
const LOADERS = [
  { name: "evidence log", fn: log.loader, path: `${base}/evidence`, params: {} },
  { name: "evidence CSV", fn: csv.loader, path: `${base}/evidence.csv`, params: {} },
  { name: "coverage", fn: coverage.loader, path: `${base}/coverage`, params: {} },
  { name: "interviews", fn: interviews.loader, path: `${base}/interviews`, params: {} },
  { name: "evidence item", fn: item.loader, path: `${base}/evidence/demo-ev-001`, params: { evidenceId: "demo-ev-001" } },
] as const;
const ACTIONS: {
  name: string;
  fn: Parameters<typeof run>[0];
  path: string;
  params: Record<string, string>;
  form: Record<string, string | string[]>;
}[] = [
  {
    name: "log a quote",
    fn: log.action,
    path: `${base}/evidence`,
    params: {},
    form: { intent: "create", text: "x", factorIds: ["kf-01"], kind: "observation", polarity: "supports" },
  },
  { name: "delete an item", fn: log.action, path: `${base}/evidence`, params: {}, form: { intent: "delete", evidenceId: "demo-ev-001" } },
  {
    name: "edit an item",
    fn: item.action,
    path: `${base}/evidence/demo-ev-001`,
    params: { evidenceId: "demo-ev-001" },
    form: { intent: "update", text: "x" },
  },
  {
    name: "record an interview",
    fn: interviews.action,
    path: `${base}/interviews`,
    params: {},
    form: { intent: "create", date: "2026-03-18" },
  },
];

let quotes: string[] = [];
let names: string[] = [];

beforeEach(async () => {
  await loadDemoReview();
  quotes = (await asyncDb.select({ text: evidence.text }).from(evidence).where(eq(evidence.reviewId, DEMO_REVIEW_ID)).all()).map((row) => row.text);
  names = (await asyncDb.select({ name: interviewParticipants.name }).from(interviewParticipants).all()).flatMap((row) => (row.name ? [row.name] : []));
  expect(quotes.length).toBeGreaterThan(30);
  expect(names.length).toBeGreaterThan(0);
});

function leaks(body: string) {
  return [...quotes.filter((quote) => body.includes(quote.slice(0, 60))), ...names.filter((name) => body.includes(name))];
}

async function bodyOf(outcome: Awaited<ReturnType<typeof run>>) {
  return outcome.data instanceof ArrayBuffer ? new TextDecoder().decode(outcome.data) : JSON.stringify(outcome.data ?? null);
}

describe.each(PHASES)("in the %s phase", (phase) => {
  beforeEach(() => setPhase(phase));

  it.each(["host@demo.test", "reader@demo.test"] as DemoEmail[])("%s gets 403 and no quote from every evidence page", async (email) => {
    const cookie = await cookieFor(email);
    for (const page of LOADERS) {
      const outcome = await run(page.fn, makeRequest(page.path, { cookie }), { reviewId: DEMO_REVIEW_ID, ...page.params });
      expect(outcome.status, `${page.name} as ${email}`).toBe(403);
      expect(leaks(await bodyOf(outcome)), `${page.name} as ${email}`).toEqual([]);
    }
    for (const change of ACTIONS) {
      const outcome = await run(change.fn, makeRequest(change.path, { cookie, form: change.form }), {
        reviewId: DEMO_REVIEW_ID,
        ...change.params,
      });
      expect(outcome.status, `${change.name} as ${email}`).toBe(403);
      expect(leaks(await bodyOf(outcome)), `${change.name} as ${email}`).toEqual([]);
    }
  });

  it("a stranger gets 404, as for a review that does not exist", async () => {
    const cookie = await cookieFor("outsider@demo.test");
    for (const page of LOADERS) {
      const outcome = await run(page.fn, makeRequest(page.path, { cookie }), { reviewId: DEMO_REVIEW_ID, ...page.params });
      expect(outcome.status, page.name).toBe(404);
    }
  });
});

describe("what the peer team's pages send", () => {
  beforeEach(() => setPhase("peer-visit"));

  it("never puts an interviewee's name in the log, the item page, the coverage or the export", async () => {
    const cookie = await cookieFor("peer@demo.test");
    for (const page of LOADERS.filter((candidate) => candidate.name !== "interviews")) {
      const outcome = await run(page.fn, makeRequest(page.path, { cookie }), { reviewId: DEMO_REVIEW_ID, ...page.params });
      expect(outcome.status, page.name).toBe(200);
      const body = await bodyOf(outcome);
      for (const name of names) expect(body.includes(name), `${page.name} shows ${name}`).toBe(false);
    }
  });

  it("shows recorded names on the interviews page only, to the peer team", async () => {
    const outcome = await run(interviews.loader, makeRequest(`${base}/interviews`, { cookie: await cookieFor("peer2@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    expect(outcome.status).toBe(200);
    expect(names.every((name) => JSON.stringify(outcome.data).includes(name))).toBe(true);
  });
});
