import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, reviews } from "#db/schema";
import { isoDay } from "#app/utils/dates";
import { loader as pdfLoader } from "#app/routes/reviews.$reviewId.eccar-report[.pdf]";
import { action as pageAction, loader as pageLoader } from "#app/routes/reviews.$reviewId.eccar-report";
import { pdfPages, normalize } from "../reports/text";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, type DemoEmail } from "../utils";

const params = { reviewId: DEMO_ECCAR_REVIEW_ID };

async function download(email: DemoEmail | null, query: string, reviewId = DEMO_ECCAR_REVIEW_ID) {
  const cookie = email ? await cookieFor(email) : undefined;
  return run(pdfLoader, makeRequest(`/reviews/${reviewId}/eccar-report.pdf${query}`, { cookie }), { reviewId });
}

beforeEach(async () => {
  await loadDemoReview();
});

describe("the annual report download", () => {
  it("gives the lead the year's report as a PDF in the language asked", async () => {
    const outcome = await download("lead@demo.test", "?year=2026&lang=en");
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Type")).toBe("application/pdf");
    expect(outcome.headers.get("Content-Disposition")).toBe('attachment; filename="belleforge-eccar-report-2026-en.pdf"');
    const text = normalize(pdfPages(Buffer.from(outcome.data as ArrayBuffer)).join("\n"));
    expect(text).toContain("Annual city report 2026");
    expect(text).toContain("Observatoire local des discriminations");
    expect(text).toContain("Mission égalité-diversité, direction générale des services de la Ville de Belleforge");
    // Ended in 2025: not carried out in 2026.
    expect(text).not.toContain("Charte de la diversité pour les associations subventionnées");
    expect(text).toContain("Clause de non-discrimination dans les marchés publics");
    expect(text).toContain("No action was carried out under this commitment in 2026.");
  }, 60_000);

  it.each([
    ["?year=abc&lang=fr", 'Unknown year "abc"'],
    ["?year=1850&lang=fr", 'Unknown year "1850"'],
    ["?lang=fr", "Say which year"],
    ["?year=2026&lang=de", 'Unknown language "de"'],
  ])("answers %s with 400 and the allowed values", async (query, message) => {
    const outcome = await download("lead@demo.test", query);
    expect(outcome.status).toBe(400);
    const body = outcome.data as { message: string; allowed: { year: { from: number; to: number }; lang: string[] } };
    expect(body.message).toContain(message);
    expect(body.allowed.lang).toEqual(["fr", "en"]);
    expect(body.allowed.year.from).toBe(2004);
    expect(body.allowed.year.to).toBeGreaterThanOrEqual(2027);
    expect(body.message).toMatch(body.message.includes("language") ? /fr, en/ : /from 2004 to \d{4}/);
  });

  it("has no report for a review whose framework has no city actions", async () => {
    expect((await download("lead@demo.test", "?year=2026&lang=fr", DEMO_REVIEW_ID)).status).toBe(404);
  });

  it("is refused to a host reader before issue, as the feedback report is, and to strangers", async () => {
    expect((await download("reader@demo.test", "?year=2026&lang=fr")).status).toBe(403);
    expect((await download("outsider@demo.test", "?year=2026&lang=fr")).status).toBe(404);
    expect((await download(null, "?year=2026&lang=fr")).status).toBe(401);
  });
});

describe("the annual report page", () => {
  it("previews the year asked for, and falls back to this year when the year is not one", async () => {
    const cookie = await cookieFor("host@demo.test");
    const outcome = await run(pageLoader, makeRequest(`/reviews/${DEMO_ECCAR_REVIEW_ID}/eccar-report?year=2025`, { cookie }), params);
    const data = outcome.data as { year: number; actionCount: number; commitments: { id: string; actions: { title: string }[] }[]; canEdit: boolean };
    expect(data.year).toBe(2025);
    expect(data.canEdit).toBe(true);
    expect(data.commitments.find((commitment) => commitment.id === "c-05")!.actions.map((action) => action.title)).toEqual([
      "Charte de la diversité pour les associations subventionnées",
    ]);
    expect(data.commitments.find((commitment) => commitment.id === "c-09")!.actions).toEqual([]);
    const odd = await run(pageLoader, makeRequest(`/reviews/${DEMO_ECCAR_REVIEW_ID}/eccar-report?year=nope`, { cookie }), params);
    expect(odd.data).toMatchObject({ unknownYear: "nope", year: Number(isoDay(new Date(), "Europe/Paris").slice(0, 4)) });
  });

  it("lets the host team name the coordinating entity, and keeps what was typed when it is too long", async () => {
    const cookie = await cookieFor("host@demo.test");
    const saved = await run(
      pageAction,
      makeRequest(`/reviews/${DEMO_ECCAR_REVIEW_ID}/eccar-report?year=2026`, {
        cookie,
        form: { intent: "coordinating-entity", coordinatingEntity: "Délégation à l'égalité" },
      }),
      params,
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/reviews/${DEMO_ECCAR_REVIEW_ID}/eccar-report?year=2026&saved=1`);
    expect((await asyncDb.select({ entity: reviews.coordinatingEntity }).from(reviews).where(eq(reviews.id, DEMO_ECCAR_REVIEW_ID)).get())!.entity).toBe(
      "Délégation à l'égalité",
    );
    expect(await asyncDb.select().from(auditLog).where(eq(auditLog.action, "change-coordinating-entity")).all()).toHaveLength(1);

    const long = "x".repeat(301);
    const refused = await run(
      pageAction,
      makeRequest(`/reviews/${DEMO_ECCAR_REVIEW_ID}/eccar-report`, { cookie, form: { intent: "coordinating-entity", coordinatingEntity: long } }),
      params,
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      error: { coordinatingEntity: [expect.stringContaining("errors.tooLong")] },
      initialValue: { coordinatingEntity: long },
    });
  });

  it("is not offered on a review whose framework has no city actions", async () => {
    const cookie = await cookieFor("lead@demo.test");
    const outcome = await run(pageLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/eccar-report`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    expect(outcome.status).toBe(404);
  });
});
