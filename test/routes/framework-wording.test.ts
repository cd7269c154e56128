import { beforeEach, describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "#app/utils/permissions";
import { asyncDb } from "#app/utils/db.server";
import { conclusionCitations, conclusions, evidence, evidenceFactors, recommendations } from "#db/schema";
import { loadRoute, receivedText, routeAddresses, routeFiles } from "./route-modules";
import { cookieFor, DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase, type DemoEmail } from "../utils";

/*
 * Issue 14: an ECCAR review names its parts with the framework's words. Every loader under
 * /reviews/:reviewId — the pages' data and every download: CSV, XLSX, QDPX, PDF, DOCX — is run on
 * the demo's ECCAR review as each member and the administrator, in both languages and both of its
 * phases, with something on commitment 3 so the filled exports show too; what the reader receives
 * (the data as single fetch sends it, a file's text) must not say "key factor" or "guiding
 * question". The EUROCITIES review's exports still do. The browser text of every page is
 * test/e2e/framework-wording.test.ts.
 */

const READERS: DemoEmail[] = ["lead@demo.test", "peer@demo.test", "host@demo.test", "reader@demo.test", "admin@demo.test"];
const FORBIDDEN =
  /\bkey factors?\b|\bguiding questions?\b|\bcontextual factors?\b|\bfacteurs? clés?\b|\bquestions? guides?\b|questions? d'orientation|facteurs? contextuels?/i;

/*
 * Where the ECCAR review may name the other framework's parts: a suggestion from the city's
 * EUROCITIES review says which key factor it comes from (shown beside it, data-other-framework on
 * the page). These fields of the prefill data are left out of the reading, nothing else.
 */
const OTHER_FRAMEWORK_FIELDS = new Set(["sourceItem", "source", "sourceItems"]);

async function fillCommitment() {
  const now = new Date();
  await asyncDb
    .insert(evidence)
    .values({
      id: "wording-evidence",
      reviewId: DEMO_ECCAR_REVIEW_ID,
      kind: "observation",
      text: "Les permanences juridiques reçoivent chaque semaine.",
      searchText: "les permanences juridiques recoivent chaque semaine.",
      polarity: "supports",
      createdBy: "demo-peer",
    })
    .run();
  await asyncDb.insert(evidenceFactors).values({ evidenceId: "wording-evidence", factorId: "c-03" }).run();
  await asyncDb
    .insert(conclusions)
    .values({
      reviewId: DEMO_ECCAR_REVIEW_ID,
      factorId: "c-03",
      rating: "in-progress",
      strengths: "Un réseau d'aide aux victimes.",
      improvements: "Un suivi des plaintes.",
      state: "agreed",
      updatedBy: "demo-lead",
      updatedAt: now,
      agreedBy: "demo-lead",
      agreedAt: now,
    })
    .run();
  await asyncDb.insert(conclusionCitations).values({ reviewId: DEMO_ECCAR_REVIEW_ID, factorId: "c-03", evidenceId: "wording-evidence" }).run();
  await asyncDb
    .insert(recommendations)
    .values({
      id: "wording-recommendation",
      reviewId: DEMO_ECCAR_REVIEW_ID,
      factorId: "c-03",
      text: "Publier le suivi des plaintes.",
      priority: "high",
      horizon: "quick-win",
      position: 0,
      createdBy: "demo-lead",
    })
    .run();
}

const VALUES: Record<string, string[]> = {
  factorId: ["c-03", "c-09"],
  actionId: ["demo-eccar-action-04"],
  evidenceId: ["wording-evidence"],
};

/** The addresses of a review route on the given review (routes with a parameter it has no value for are left out). */
function addressesOf(route: string, reviewId: string) {
  return routeAddresses(route, { ...VALUES, reviewId: [reviewId] });
}

const NO_CONTEXT_ANNEX = /has no contextual factors, so this report has no annex on them|ne comporte pas de facteurs contextuels/g;

const REVIEW_ROUTES = routeFiles.filter((name) => name.startsWith("reviews.$reviewId") && ROUTE_ACCESS[name]?.loader);

/** Every review loader on the review, as each reader, in one language: the lines that name a forbidden part. */
async function sweep(reviewId: string, lang: "en" | "fr") {
  const hits: string[] = [];
  let answered = 0;
  for (const email of READERS) {
    const cookie = await cookieFor(email);
    for (const name of REVIEW_ROUTES) {
      const module = await loadRoute(name);
      if (!module.loader) continue;
      for (const { path, params } of addressesOf(name, reviewId)) {
        const query = name.includes("eccar-report") ? `?year=2026&lang=${lang}` : `?lang=${lang}`;
        const outcome = await run(module.loader, makeRequest(`${path}${query}`, { cookie }), params);
        expect(outcome.status, `${path} as ${email}`).toBeLessThan(500);
        if (outcome.status !== 200) continue;
        answered++;
        // The report says why it has no annex on contextual factors (issue 14): that sentence names them on purpose.
        const text = (await receivedText(outcome, OTHER_FRAMEWORK_FIELDS)).replace(NO_CONTEXT_ANNEX, "");
        for (const match of text.matchAll(new RegExp(`.{0,60}(${FORBIDDEN.source}).{0,60}`, "gi"))) hits.push(`${path} as ${email}: …${match[0]}…`);
      }
    }
  }
  return { hits: [...new Set(hits)], answered };
}

beforeEach(async () => {
  await loadDemoReview();
  await fillCommitment();
});

describe("on an ECCAR review, every page's data and every download", () => {
  for (const phase of ["self-assessment", "issued"] as const) {
    for (const lang of ["en", "fr"] as const) {
      it(`speaks of commitments and example actions, in ${lang}, in the ${phase} phase`, { timeout: 300_000 }, async () => {
        await setPhase(phase, DEMO_ECCAR_REVIEW_ID);
        const { hits, answered } = await sweep(DEMO_ECCAR_REVIEW_ID, lang);
        expect(answered).toBeGreaterThan(40);
        expect(hits).toEqual([]);
      });
    }
  }
});

describe("on the EUROCITIES review", () => {
  it("the downloads still say key factor", async () => {
    await setPhase("drafting");
    const cookie = await cookieFor("lead@demo.test");
    for (const [route, pattern] of [
      ["reviews.$reviewId.evidence[.csv]", /key factor/i],
      ["reviews.$reviewId.plan[.csv]", /key factor/i],
    ] as const) {
      const module = await loadRoute(route);
      const [address] = addressesOf(route, DEMO_REVIEW_ID);
      const outcome = await run(module.loader!, makeRequest(`${address!.path}?lang=en`, { cookie }), address!.params);
      expect(await receivedText(outcome), route).toMatch(pattern);
    }
    const report = await loadRoute("reviews.$reviewId.report[.pdf]");
    const pdf = await run(report.loader!, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report.pdf?lang=fr`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    expect(await receivedText(pdf)).toMatch(/facteur clé/i);
  });
});
