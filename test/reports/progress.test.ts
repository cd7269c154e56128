import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import mammoth from "mammoth";
import { beforeEach, describe, expect, it } from "vitest";
import { getReportSnapshot } from "#app/models/report.server";
import { loader as docxLoader } from "#app/routes/reviews.$reviewId.report[.docx]";
import { loader as previewLoader } from "#app/routes/reviews.$reviewId.report";
import { buildFeedbackReportDocx } from "#reports/docx/feedback-report-docx";
import { createReportI18n } from "#reports/i18n";
import { type ReportModel } from "#reports/model";
import { ReportPreview } from "#reports/preview";
import { recordVerdict } from "#app/models/cycle.server";
import { buildFeedbackReport } from "#reports/feedback-report";
import { renderPdf } from "#reports/render";
import { DEMO_PREVIOUS_REVIEW_ID } from "#db/seed/index";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase } from "../utils";
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
    await recordVerdict({
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
      "1 of 5 recommendations of the previous review implemented (20%); 1 partly implemented, 1 not implemented, 0 no longer relevant, 2 awaiting a verdict.",
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

const SHARE_EN =
  "1 of 5 recommendations of the previous review implemented (20%); 1 partly implemented, 0 not implemented, 0 no longer relevant, 3 awaiting a verdict.";

async function docxText(bytes: Uint8Array | ArrayBuffer) {
  return normalize((await mammoth.extractRawText({ buffer: Buffer.from(bytes as ArrayBuffer) })).value);
}

describe("the progress chapter in the Word document and the preview", () => {
  it("is in the DOCX with its chart as an image, the ratings table, the share implemented and each verdict, in English and French", async () => {
    const snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
    const bytes = await buildFeedbackReportDocx(snapshot, { locale: "en", issuedAt: null });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ""));
    expect(h1).toContain("Progress since the review of 15 June 2023");
    const chapter = html.slice(html.indexOf("Progress since the review of 15 June 2023</h1>"));
    // The chart, described in words, then the table with a column per cycle.
    const image = /<img alt="([^"]*)" src="data:image\/png;base64,/.exec(chapter);
    expect(image?.[1]).toContain("Chart: Ratings per key factor across cycles.");
    expect(image?.[1]).toContain("1. Public commitment — 15 June 2023 self:");
    expect(chapter).toMatch(/<table>.*2023 peers.*<\/table>/s);
    const text = await docxText(bytes);
    expect(text).toContain(SHARE_EN);
    expect(text).toMatch(/Adopter un plan municipal de lutte contre les discriminations[\s\S]*?Implemented/);
    expect(text).toMatch(/Recueillir chaque année des données anonymes[\s\S]*?Partly implemented/);
    expect(text).toContain("No verdict yet");
    const fr = await docxText(await buildFeedbackReportDocx(snapshot, { locale: "fr", issuedAt: null }));
    expect(fr).toContain("Progrès depuis l'examen du 15 juin 2023");
    expect(fr).toContain("En partie mise en œuvre");
  });

  it("is left out of a first review's DOCX", async () => {
    const snapshot = (await getReportSnapshot({ reviewId: DEMO_PREVIOUS_REVIEW_ID }))!;
    expect(await docxText(await buildFeedbackReportDocx(snapshot, { locale: "en", issuedAt: null }))).not.toContain("Progress since");
  });

  it("reaches a host reader of the issued review in the DOCX it downloads and the preview it opens, without draft conclusions", async () => {
    await setPhase("issued");
    const cookie = await cookieFor("reader@demo.test");
    const docx = await run(docxLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report.docx?lang=en`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    expect(docx.status).toBe(200);
    const text = await docxText(docx.data as ArrayBuffer);
    expect(text).toContain("Progress since the review of 15 June 2023");
    expect(text).toContain(SHARE_EN);

    const preview = await run(previewLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report?lang=en`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    expect(preview.status).toBe(200);
    const data = preview.data as { model: Omit<ReportModel, "i18n"> };
    // The loader's data holds the figures, read as a host reader may read them: no draft conclusion.
    expect(data.model.snapshot.progress?.followUp?.lines).toHaveLength(5);
    expect(data.model.snapshot.conclusions.every((conclusion) => conclusion.state === "agreed")).toBe(true);
    const model = { ...data.model, i18n: createReportI18n(data.model.locale, data.model.snapshot.review.timeZone, data.model.framework.parts) } as ReportModel;
    const html = renderToStaticMarkup(createElement(ReportPreview, { model }));
    const chapter = html.slice(html.indexOf('<section id="report-progress"'));
    expect(chapter).toContain("Progress since the review of 15 June 2023</h2>");
    // The chart (an SVG in a figure) beside the table of the same ratings, then the share and the verdicts.
    expect(chapter).toMatch(/<figure class="report-chart">.*<svg.*<\/figure><div class="table-scroll"[^>]*><table class="progress-table">/s);
    expect(chapter).toContain("2023 peers</th>");
    expect(chapter).toContain(SHARE_EN);
    expect(chapter).toMatch(/Adopter un plan municipal de lutte contre les discriminations.*?<strong>Implemented<\/strong>/s);
    expect(chapter).toContain("<em>No verdict yet</em>");
    // The contents list the chapter.
    expect(html).toContain('<a href="#report-progress">Progress since the review of 15 June 2023</a>');
  });
});
