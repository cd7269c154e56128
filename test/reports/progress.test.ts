import { beforeEach, describe, expect, it } from "vitest";
import { getReportSnapshot } from "#app/models/report.server";
import { recordVerdict } from "#app/models/cycle.server";
import { buildFeedbackReport } from "#reports/feedback-report";
import { renderPdf } from "#reports/render";
import { DEMO_PREVIOUS_REVIEW_ID } from "#db/seed/index";
import { DEMO_REVIEW_ID, loadDemoReview } from "../utils";
import { definitionText, headings, normalize, pdfPages } from "./text";

/*
 * The feedback report's chapter "Progress since <previous review>" (issue 20): ratings per factor
 * across cycles as a chart and a table, the share of the earlier recommendations implemented, and
 * a line per recommendation with its verdict. The demo review follows Belleforge's 2023 review.
 */
beforeEach(async () => {
  await loadDemoReview();
});

describe("the progress chapter", () => {
  it("names the previous review, counts the verdicts and gives each recommendation its verdict, in English and French", async () => {
    recordVerdict({
      reviewId: DEMO_REVIEW_ID,
      recommendationId: "demo-2023-rec-5",
      verdict: "not-implemented",
      evidenceId: "demo-ev-004",
      userId: "demo-peer",
    });
    const snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
    expect(snapshot.progress?.followUp?.previousReviewId).toBe(DEMO_PREVIOUS_REVIEW_ID);
    const en = buildFeedbackReport(snapshot, { locale: "en", issuedAt: null });
    expect(headings(en)).toContain("Progress since the review of 15 June 2023");
    const text = definitionText(en);
    expect(text).toContain(
      "1 of 5 recommendations of the previous review implemented (20 %); 1 partly implemented, 1 not implemented, 0 no longer relevant, 2 without a verdict yet.",
    );
    expect(text).toContain("2023 peers");
    const fr = buildFeedbackReport(snapshot, { locale: "fr", issuedAt: null });
    expect(headings(fr)).toContain("Progrès depuis l'examen du 15 juin 2023");
    expect(definitionText(fr)).toContain("En partie mise en œuvre");
  });

  it("is in the rendered PDF with a line per recommendation and its verdict", async () => {
    const snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
    const { buffer: pdf } = await renderPdf(buildFeedbackReport(snapshot, { locale: "en", issuedAt: null }));
    const pages = pdfPages(pdf).map(normalize);
    const chapter = pages.find((page) => page.includes("Progress since the review of 15 June 2023") && page.includes("Ratings per key factor across cycles"));
    expect(chapter).toBeDefined();
    const all = pages.join("\n");
    expect(all).toMatch(/Adopter un plan municipal de lutte contre les discriminations[\s\S]*?Implemented/);
    expect(all).toMatch(/Recueillir chaque année des données anonymes[\s\S]*?Partly implemented/);
    expect(all).toContain("No verdict yet");
  });

  it("is left out of a first review's report", async () => {
    const snapshot = (await getReportSnapshot({ reviewId: DEMO_PREVIOUS_REVIEW_ID }))!;
    expect(snapshot.progress).toBeNull();
    expect(headings(buildFeedbackReport(snapshot, { locale: "en", issuedAt: null })).some((heading) => heading.startsWith("Progress since"))).toBe(false);
  });
});
