import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { saveConclusion } from "#app/models/conclusion.server";
import { ROUTE_ACCESS } from "#app/utils/permissions";
import { asyncDb } from "#app/utils/db.server";
import { conclusions, evidence, evidenceFactors, recommendations, reviewMembers, reviews, selfAssessmentFactors, type Phase } from "#db/schema";
import { pdfPages } from "../reports/text";
import { loadRoute, routeFiles } from "./route-modules";
import { cookieFor, loadDemoReview, makeRequest, run, setPhase, type DemoEmail, type Outcome } from "../utils";

/**
 * A review on the ECCAR 10-point plan, created by the administrator, read by every role: no
 * page, export or report may name EUROCITIES's parts ("key factor", "guiding question") or its
 * scale, and each names commitments instead.
 */

const EUROCITIES_PARTS = /key factor|guiding question|facteur clé|facteurs clés|question guide|partly in place|partiellement en place/i;
// Pages must not even mention contextual factors; the report says, once, that there are none.
const EUROCITIES_WORDS = new RegExp(`${EUROCITIES_PARTS.source}|contextual factor|facteur contextuel`, "i");
const READERS: Record<string, DemoEmail> = { "lead-expert": "lead@demo.test", "peer-reviewer": "peer@demo.test", "host-team": "host@demo.test" };

let reviewId = "";

async function createEccarReview(): Promise<string> {
  const { action } = await loadRoute("reviews.new");
  const form = {
    hostCity: "Villeneuve",
    country: "France",
    frameworkId: "eccar-10-point-plan",
    kind: "peer-review",
    visitStart: "2026-03-16",
    visitEnd: "2026-03-18",
    reportLocale: "fr",
    timeZone: "Europe/Paris",
    leadEmail: "lead@demo.test",
  };
  const outcome = await run(action!, makeRequest("/reviews/new", { cookie: await cookieFor("admin@demo.test"), form }));
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(200);
  return (outcome.data as { reviewId: string }).reviewId;
}

beforeEach(async () => {
  await loadDemoReview();
  reviewId = await createEccarReview();
  await asyncDb
    .insert(reviewMembers)
    .values([
      { reviewId, userId: "demo-peer", role: "peer-reviewer" },
      { reviewId, userId: "demo-host", role: "host-team" },
    ])
    .run();
  const now = new Date("2026-03-20T10:00:00Z");
  await asyncDb
    .insert(selfAssessmentFactors)
    .values({ reviewId, factorId: "c-03", rating: "in-progress", summary: "Une permanence d'accueil des victimes.", updatedAt: now })
    .run();
  await asyncDb
    .insert(conclusions)
    .values({ reviewId, factorId: "c-03", rating: "implemented", strengths: "Permanence ouverte.", improvements: "Mesurer.", state: "agreed", updatedAt: now })
    .run();
  await asyncDb
    .insert(recommendations)
    .values({
      id: "eccar-rec-1",
      reviewId,
      factorId: "c-03",
      position: 1,
      text: "Publier le bilan annuel.",
      priority: "high",
      horizon: "quick-win",
      createdBy: "demo-lead",
    })
    .run();
  await asyncDb
    .insert(evidence)
    .values({
      id: "eccar-ev-1",
      reviewId,
      kind: "observation",
      polarity: "supports",
      text: "Vu la permanence.",
      searchText: "vu la permanence.",
      createdBy: "demo-peer",
      createdAt: now,
      updatedAt: now,
    })
    .run();
  await asyncDb.insert(evidenceFactors).values({ evidenceId: "eccar-ev-1", factorId: "c-03" }).run();
});

function received(outcome: Outcome): string {
  const { data } = outcome;
  if (data instanceof ArrayBuffer) {
    const bytes = Buffer.from(data);
    return bytes.subarray(0, 5).toString("latin1") === "%PDF-" ? pdfPages(bytes).join("\n") : bytes.toString("utf8");
  }
  return typeof data === "string" ? data : JSON.stringify(data ?? null);
}

async function load(name: string, reader: DemoEmail, params: Record<string, string>, query = "") {
  const module = await loadRoute(name);
  const path = `/${name
    .replace(/^reviews\.\$reviewId/, `reviews/${reviewId}`)
    .replace(/\.\$factorId/, `/${params.factorId ?? ""}`)
    .replace(/\.(?![^[]*\])/g, "/")
    .replace(/\/_index$/, "")
    .replace(/\[\.(\w+)\]/, ".$1")}${query}`;
  return run(module.loader!, makeRequest(path, { cookie: await cookieFor(reader) }), { reviewId, ...params });
}

describe("an ECCAR review", () => {
  it("is created by the administrator on the ECCAR plan, its version pinned", async () => {
    const row = (await asyncDb.select().from(reviews).where(eq(reviews.id, reviewId)).get())!;
    expect([row.frameworkId, row.frameworkVersion]).toEqual(["eccar-10-point-plan", "2004.1"]);
  });

  it.each(["self-assessment", "drafting", "issued"] as Phase[])(
    "in the %s phase, no page loader names EUROCITIES's parts, for any role",
    async (phase) => {
      await setPhase(phase, reviewId);
      const pages = routeFiles.filter((name) => name.startsWith("reviews.$reviewId") && ROUTE_ACCESS[name]?.loader && !/\$documentId|\$evidenceId/.test(name));
      expect(pages.length).toBeGreaterThan(15);
      let opened = 0;
      for (const [role, reader] of Object.entries(READERS)) {
        for (const name of pages) {
          const outcome = await load(name, reader, { factorId: "c-03" });
          expect(outcome.status, `${name} as ${role}`).toBeLessThan(500);
          if (outcome.status !== 200) continue;
          opened += 1;
          expect(received(outcome), `${name} as ${role} in ${phase}`).not.toMatch(EUROCITIES_WORDS);
        }
      }
      expect(opened).toBeGreaterThan(20);
      // Every page loader, as every role: two minutes of room on a busy machine (not a speed check).
    },
    120_000,
  );

  it("tells every page its parts are commitments and example actions", async () => {
    await setPhase("drafting", reviewId);
    const layout = await load("reviews.$reviewId", "host@demo.test", {});
    expect(layout.data).toMatchObject({ framework: { id: "eccar-10-point-plan", parts: { item: { id: "commitment" }, question: { id: "example-action" } } } });
    // A framework without contextual factors has no context tab.
    expect((layout.data as { sections: { key: string }[] }).sections.map((s) => s.key)).not.toContain("context");
    const overview = await load("reviews.$reviewId.conclusions._index", "lead@demo.test", {});
    expect((overview.data as { scale: { id: string }[] }).scale.map((level) => level.id)).toEqual([
      "not-started",
      "planned",
      "in-progress",
      "implemented",
      "embedded-in-policy",
    ]);
    expect(received(overview)).toContain("Greater vigilance against racism");
  });

  it("has no context page: it says why, and refuses a post", async () => {
    const page = await load("reviews.$reviewId.context", "host@demo.test", {});
    expect(page.data).toMatchObject({ noContextualFactors: true, factors: [], benchmark: "ECCAR – 10-Point Plan of Action" });
    const { action } = await loadRoute("reviews.$reviewId.context");
    const post = await run(action!, makeRequest(`/reviews/${reviewId}/context`, { cookie: await cookieFor("host@demo.test"), form: { stamp: "" } }), {
      reviewId,
    });
    expect(post.status).toBe(404);
    expect(post.data).toMatchObject({ message: "selfAssessment:context.noContextualFactors" });
  });

  it("rates on the implementation scale only", async () => {
    await setPhase("drafting", reviewId);
    const input = { rating: "in-place" as const, strengths: "", improvements: "", citations: [] };
    await expect(saveConclusion({ reviewId, factorId: "c-05", userId: "demo-lead", version: 0, input })).rejects.toMatchObject({ init: { status: 400 } });
    const saved = await saveConclusion({ reviewId, factorId: "c-05", userId: "demo-lead", version: 0, input: { ...input, rating: "in-progress" } });
    expect(saved).toBeTruthy();
  });

  it("exports CSVs whose columns say commitment", async () => {
    await setPhase("drafting", reviewId);
    const evidenceCsv = received(await load("reviews.$reviewId.evidence[.csv]", "lead@demo.test", {}, "?lang=en"));
    expect(evidenceCsv.split("\n")[0]).toContain("Commitments");
    expect(evidenceCsv).not.toMatch(EUROCITIES_WORDS);
    const planCsv = received(await load("reviews.$reviewId.plan[.csv]", "lead@demo.test", {}, "?lang=fr"));
    expect(planCsv.split("\n")[0]).toMatch(/^\uFEFF?Engagement;Intitulé de l'engagement/);
    expect(planCsv).toContain("Publier le bilan annuel.");
  });

  it("builds a report PDF that speaks of commitments, rates on the ECCAR scale, and explains the missing context annex", async () => {
    await setPhase("drafting", reviewId);
    for (const [lang, words] of [
      [
        "en",
        [
          "Commitment 3: Better support for the victims of racism and discrimination",
          "Implemented",
          "has no contextual factors, so this report has no annex on them",
        ],
      ],
      ["fr", ["Engagement 3 : Pour un meilleur soutien aux victimes du racisme et de la discrimination", "Réalisé", "ne comporte pas de facteurs contextuels"]],
    ] as const) {
      const text = received(await load("reviews.$reviewId.report[.pdf]", "lead@demo.test", {}, `?lang=${lang}`)).replace(/\s+/g, " ");
      for (const word of words) expect(text, lang).toContain(word);
      expect(text.match(new RegExp(`.{0,80}(${EUROCITIES_PARTS.source}).{0,40}`, "i"))?.[0] ?? null, lang).toBeNull();
      // No annex on contextual factors, and the annexes that remain are lettered from A.
      expect(text, lang).not.toMatch(/Annex A: The contextual factors|Annexe A : Les facteurs contextuels/);
      expect(text, lang).toMatch(lang === "en" ? /Annex A: Documents reviewed/ : /Annexe A : Documents examinés/);
      expect(text, lang).toMatch(
        lang === "en" ? /Annex B: The plan's commitments and example actions/ : /Annexe B : Les engagements et exemples d'actions du plan/,
      );
      expect(text, lang).not.toMatch(/Annexe? C/);
    }
  });
});
