import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import JSZip from "jszip";
import mammoth from "mammoth";
import { beforeEach, describe, expect, it } from "vitest";
import { conclusions, issuedReports, recommendations, reviews } from "#db/schema";
import { getReportSnapshot, storeIssuedReports } from "#app/models/report.server";
import { loader as docxLoader } from "#app/routes/reviews.$reviewId.report[.docx]";
import { buildFeedbackReportDocx } from "#reports/docx/feedback-report-docx";
import { buildFeedbackReport } from "#reports/feedback-report";
import { buildReportModel } from "#reports/model";
import { renderPdf } from "#reports/render";
import { cookieFor, db, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";
import { normalize, pdfPages } from "./text";

/*
 * The feedback report as a Word document, read by mammoth (a reader no one here wrote): the same
 * content as the PDF, real heading, list and table structure, the chart as an image with its
 * text, the draft mark, and the same bytes for the same data.
 */
const ISSUED_AT = "2026-04-20T09:30:00.000Z";
const params = { reviewId: DEMO_REVIEW_ID };
const sha256 = (bytes: Uint8Array | ArrayBuffer) =>
  crypto
    .createHash("sha256")
    .update(new Uint8Array(bytes as ArrayBuffer))
    .digest("hex");

async function snapshot() {
  return (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
}

async function text(bytes: Uint8Array) {
  return normalize((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
}

async function part(bytes: Uint8Array, name: string) {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

async function download(email: DemoEmail, query = "") {
  return run(docxLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report.docx${query}`, { cookie: await cookieFor(email) }), params);
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("drafting");
});

describe("the report as DOCX", () => {
  it.each(["fr", "en"] as const)(
    "holds the PDF's factor titles, agreed conclusions and recommendations (%s)",
    async (locale) => {
      const data = await snapshot();
      const docx = await text(await buildFeedbackReportDocx(data, { locale, issuedAt: ISSUED_AT }));
      const pdf = normalize(pdfPages((await renderPdf(buildFeedbackReport(data, { locale, issuedAt: ISSUED_AT }))).buffer).join(" "));
      const model = buildReportModel(data, { locale, issuedAt: ISSUED_AT });
      const expected: string[] = [];
      for (const factor of model.factors) {
        expected.push(factor.heading);
        const conclusion = factor.peer?.conclusion;
        if (conclusion) expected.push(conclusion.strengths.split("\n")[0]!, conclusion.improvements.split("\n")[0]!);
        for (const rec of factor.peer?.recommendations ?? []) expected.push(rec.text);
      }
      expect(model.factors.filter((factor) => factor.peer?.conclusion).length).toBeGreaterThan(2);
      expect(model.plan.quickWins.length + model.plan.longTerm.length).toBeGreaterThan(2);
      for (const sentence of expected.map(normalize).filter(Boolean)) {
        expect(docx, sentence).toContain(sentence);
        expect(pdf, sentence).toContain(sentence);
      }
      // A draft conclusion is not in the issued report, in either format.
      const draft = data.conclusions.find((conclusion) => conclusion.state === "draft")!;
      expect(docx).not.toContain(normalize(draft.strengths.split("\n")[0]!));
      expect(pdf).not.toContain(normalize(draft.strengths.split("\n")[0]!));
    },
    60_000,
  );

  it("uses Word's heading, list and table styles, and gives the chart as an image with its words", async () => {
    const data = await snapshot();
    const bytes = await buildFeedbackReportDocx(data, { locale: "en", issuedAt: ISSUED_AT });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const model = buildReportModel(data, { locale: "en", issuedAt: ISSUED_AT });
    // A chapter heading carries the bookmark the table of contents links to: its text is what counts.
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ""));
    for (const factor of model.factors) expect(h1).toContain(factor.heading);
    expect(h1).toEqual(expect.arrayContaining(["Executive summary", "Development plan"]));
    expect(html).toMatch(/<h2>(<a id="[^"]*"><\/a>)?Recommendations<\/h2>/);
    expect(html).toMatch(/<h3>(<a id="[^"]*"><\/a>)?Strengths<\/h3>/);
    expect(html).toMatch(/<ol><li>.*R1\.1/);
    expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(4);
    const document = await part(bytes, "word/document.xml");
    expect(document).toContain('<w:tblStyle w:val="ReportTable"/>');
    expect(await part(bytes, "word/styles.xml")).toMatch(/w:styleId="ReportTable"/);
    expect(await part(bytes, "word/numbering.xml")).toContain('<w:numFmt w:val="decimal"/>');
    // The chart: a PNG, described for a reader who cannot see it, with the table after it.
    const image = /<img alt="([^"]*)" src="data:image\/png;base64,/.exec(html);
    expect(image?.[1]).toContain("1. Public commitment — Self-assessment:");
    expect(html.indexOf("<table>", html.indexOf("<img"))).toBeGreaterThan(0);
    expect(await part(bytes, "word/styles.xml")).toContain('<w:lang w:val="en-GB"/>');
    expect(await part(bytes, "docProps/core.xml")).toContain("<dc:title>Peer review feedback report — Belleforge</dc:title>");
  }, 60_000);

  it("marks a draft on every page and an issued report nowhere", async () => {
    const data = await snapshot();
    const draft = await buildFeedbackReportDocx(data, { locale: "fr", issuedAt: null });
    const issued = await buildFeedbackReportDocx(data, { locale: "fr", issuedAt: ISSUED_AT });
    const headers = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      return Promise.all(zip.file(/^word\/header\d+\.xml$/).map((file) => file.async("string")));
    };
    const draftHeaders = await headers(draft);
    expect(draftHeaders.length).toBeGreaterThanOrEqual(2);
    for (const header of draftHeaders) expect(header).toMatch(/<v:textpath[^>]*string="PROJET"/);
    for (const header of await headers(issued)) expect(header).not.toContain("v:textpath");
    expect(await text(draft)).toContain("Projet — non publié");
  }, 60_000);

  it("gives the same bytes for the same data, and other bytes for other data", async () => {
    const data = await snapshot();
    const first = await buildFeedbackReportDocx(data, { locale: "en", issuedAt: null });
    const second = await buildFeedbackReportDocx(data, { locale: "en", issuedAt: null });
    expect(sha256(second)).toBe(sha256(first));
    const changed = await buildFeedbackReportDocx(
      { ...data, summary: { ...data.summary, executiveSummary: "Autre synthèse." } },
      { locale: "en", issuedAt: null },
    );
    expect(sha256(changed)).not.toBe(sha256(first));
  }, 60_000);

  it("still opens with text XML forbids, a very long text and right-to-left text", async () => {
    const rtl = "المساواة في الحصول على الخدمات العامة";
    const long = "égalité de traitement ".repeat(3000);
    db.update(reviews)
      .set({ executiveSummary: `Avant\u0001\u0008\u000bentre\u0000après.\n\n${rtl}\n\n${long}` })
      .where(eq(reviews.id, DEMO_REVIEW_ID))
      .run();
    db.update(recommendations)
      .set({ text: `\u0002${rtl}` })
      .where(eq(recommendations.reviewId, DEMO_REVIEW_ID))
      .run();
    const bytes = await buildFeedbackReportDocx(await snapshot(), { locale: "fr", issuedAt: null });
    const read = await text(bytes);
    expect(read).toContain("Avantentreaprès.");
    expect(read).toContain(rtl);
    expect(read).toContain(normalize(long));
  }, 60_000);
});

describe("the DOCX download", () => {
  it("refuses an unknown language with 400 and the allowed values", async () => {
    const outcome = await download("lead@demo.test", "?lang=de");
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ allowed: ["fr", "en"] });
  });

  it("answers 404 to a non-member and 403 to a member without the right", async () => {
    expect((await download("outsider@demo.test")).status).toBe(404);
    expect((await download("host@demo.test")).status).toBe(403);
  });

  it("is a draft before issue; once issued, the stored file with its SHA-256, byte for byte", async () => {
    const draft = await download("peer@demo.test", "?lang=en");
    expect(draft.status).toBe(200);
    expect(draft.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(draft.headers.get("Content-Disposition")).toContain("belleforge-peer-review-report-draft-en.docx");
    expect(draft.headers.get("X-Report-SHA256")).toBe(sha256(draft.data as ArrayBuffer));

    db.update(conclusions).set({ state: "agreed" }).where(eq(conclusions.reviewId, DEMO_REVIEW_ID)).run();
    await storeIssuedReports({ reviewId: DEMO_REVIEW_ID, issuedAt: new Date(ISSUED_AT) });
    db.update(reviews)
      .set({ phase: "issued", issuedAt: new Date(ISSUED_AT) })
      .where(eq(reviews.id, DEMO_REVIEW_ID))
      .run();
    const row = db
      .select({ docx: issuedReports.docx, docxSha256: issuedReports.docxSha256, sha256: issuedReports.sha256 })
      .from(issuedReports)
      .where(and(eq(issuedReports.reviewId, DEMO_REVIEW_ID), eq(issuedReports.locale, "fr")))
      .get()!;
    expect(row.docxSha256).toBe(sha256(row.docx!));
    expect(row.docxSha256).not.toBe(row.sha256);
    const issued = await download("reader@demo.test", "?lang=fr");
    expect(issued.status).toBe(200);
    expect(sha256(issued.data as ArrayBuffer)).toBe(row.docxSha256);
    expect(issued.headers.get("X-Report-SHA256")).toBe(row.docxSha256);
    expect(issued.headers.get("Content-Disposition")).toContain("belleforge-peer-review-report-fr.docx");
  }, 120_000);
});
