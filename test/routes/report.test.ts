import crypto from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull, notInArray } from "drizzle-orm";
import { asyncDb } from "#app/utils/db.server";
import { auditLog, conclusionCitations, evidence, interviewParticipants, issuedReports, reviews } from "#db/schema";
import { getIssuedReport, getReportSnapshot, storeIssuedReports } from "#app/models/report.server";
import { loader as previewLoader } from "#app/routes/reviews.$reviewId.report";
import { loader as pdfLoader } from "#app/routes/reviews.$reviewId.report[.pdf]";
import { buildFeedbackReport } from "#reports/feedback-report";
import { renderPdf } from "#reports/render";
import { renderedOffThread } from "#reports/render-pool";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

const params = { reviewId: DEMO_REVIEW_ID };
const sha256 = (bytes: ArrayBuffer | Buffer) =>
  crypto
    .createHash("sha256")
    .update(Buffer.from(bytes as ArrayBuffer))
    .digest("hex");

async function download(email: DemoEmail | null, query = "") {
  const cookie = email ? await cookieFor(email) : undefined;
  return run(pdfLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report.pdf${query}`, { cookie }), params);
}

async function preview(email: DemoEmail) {
  return run(previewLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report`, { cookie: await cookieFor(email) }), params);
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("drafting");
});

describe("building a report off the request thread", () => {
  it("renders drafts in the worker pool, byte for byte what rendering in the request thread gives", async () => {
    const before = renderedOffThread();
    // A change to the data misses the draft cache, so this download is built afresh.
    await asyncDb.update(reviews).set({ executiveSummary: "Synthèse construite hors du fil des requêtes." }).where(eq(reviews.id, DEMO_REVIEW_ID)).run();
    const outcome = await download("peer@demo.test", "?lang=en");
    expect(outcome.status).toBe(200);
    expect(renderedOffThread()).toBe(before + 1);
    const snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
    const inThread = await renderPdf(buildFeedbackReport(snapshot, { locale: "en", issuedAt: null }));
    expect(sha256(outcome.data as ArrayBuffer)).toBe(sha256(inThread.buffer));
  }, 60_000);
});

describe("the report download, before issue", () => {
  it("refuses an unknown language with 400 and the allowed values", async () => {
    const outcome = await download("peer@demo.test", "?lang=de");
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ allowed: ["fr", "en"] });
    expect((outcome.data as { message: string }).message).toContain("fr, en");
  });

  it("answers 404 to a non-member and 401 to a signed-out client", async () => {
    expect((await download("outsider@demo.test")).status).toBe(404);
    expect((await download("admin@demo.test")).status).toBe(404);
    expect((await download(null)).status).toBe(401);
  });

  it("answers 403 to a host reader, and to the host team before the factual check", async () => {
    expect((await download("reader@demo.test")).status).toBe(403);
    expect((await download("host@demo.test")).status).toBe(403);
    expect((await preview("reader@demo.test")).status).toBe(403);
  });

  it("gives the peer team a draft PDF to download, in the review's report language by default", async () => {
    const outcome = await download("peer@demo.test");
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Type")).toBe("application/pdf");
    expect(outcome.headers.get("Content-Disposition")).toBe('attachment; filename="belleforge-peer-review-report-draft-fr.pdf"');
    expect(outcome.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = Buffer.from(outcome.data as ArrayBuffer);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(outcome.headers.get("X-Report-SHA256")).toBe(sha256(bytes));

    const english = await download("lead@demo.test", "?lang=en");
    expect(english.headers.get("Content-Disposition")).toContain("belleforge-peer-review-report-draft-en.pdf");
    expect(sha256(english.data as ArrayBuffer)).not.toBe(sha256(bytes));
  }, 60_000);

  it("lets the host team read the draft during the factual check", async () => {
    await setPhase("factual-check");
    try {
      expect((await download("host@demo.test")).status).toBe(200);
      expect((await preview("host@demo.test")).status).toBe(200);
      expect((await download("reader@demo.test")).status).toBe(403);
    } finally {
      await setPhase("drafting");
    }
  }, 60_000);

  it("previews the same content as the PDF, without any interviewee's name", async () => {
    const outcome = await preview("lead@demo.test");
    expect(outcome.status).toBe(200);
    const data = outcome.data as { reviewId: string; issuedAt: string | null; files: unknown[] };
    expect(data.reviewId).toBe(DEMO_REVIEW_ID);
    expect(data.issuedAt).toBeNull();
    expect(data.files).toEqual([]);
    const names = (await asyncDb.select({ name: interviewParticipants.name }).from(interviewParticipants).all()).flatMap((row) => (row.name ? [row.name] : []));
    const body = JSON.stringify(outcome.data);
    for (const name of names) expect(body).not.toContain(name);
  });

  it("previews no resident's neighbourhood: residents are counted, not placed", async () => {
    const outcome = await preview("lead@demo.test");
    expect(outcome.status).toBe(200);
    const residents = (
      await asyncDb
        .select({ organisation: interviewParticipants.organisation })
        .from(interviewParticipants)
        .where(eq(interviewParticipants.category, "resident"))
        .all()
    ).map((row) => row.organisation);
    // The demo's focus group with residents was agreed "sans mention du quartier précis".
    expect(residents).toContain("Quartier Jean-Jaurès");
    const body = JSON.stringify(outcome.data);
    for (const place of residents) expect(body).not.toContain(place);
    expect(body).toContain("Caisse d'allocations familiales");
  });
});

describe("the preview for the host team during the factual check", () => {
  it("carries the report's cited findings only, never the rest of the evidence log", async () => {
    await setPhase("factual-check");
    const outcome = await preview("host@demo.test");
    expect(outcome.status).toBe(200);
    const body = JSON.stringify(outcome.data);
    const cited = asyncDb.select({ id: conclusionCitations.evidenceId }).from(conclusionCitations).where(eq(conclusionCitations.reviewId, DEMO_REVIEW_ID));
    const uncited = (
      await asyncDb
        .select({ text: evidence.text })
        .from(evidence)
        .where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), isNull(evidence.deletedAt), notInArray(evidence.id, cited)))
        .all()
    ).map((row) => row.text);
    expect(uncited.length).toBeGreaterThan(0);
    for (const text of uncited) expect(body.includes(JSON.stringify(text).slice(1, -1)), `uncited evidence leaked: ${text.slice(0, 60)}`).toBe(false);
    await setPhase("peer-visit");
  });
});

describe("the issued report", () => {
  const issuedAt = new Date("2026-04-20T09:30:00.000Z");

  beforeEach(async () => {
    await storeIssuedReports({ reviewId: DEMO_REVIEW_ID, issuedAt });
    await asyncDb.update(reviews).set({ phase: "issued", issuedAt }).where(eq(reviews.id, DEMO_REVIEW_ID)).run();
  }, 60_000);

  it("is stored in both languages with its SHA-256, page count and an audit entry", async () => {
    const rows = await asyncDb.select().from(issuedReports).where(eq(issuedReports.reviewId, DEMO_REVIEW_ID)).all();
    expect(rows.map((row) => row.locale).sort()).toEqual(["en", "fr"]);
    for (const row of rows) {
      expect(row.sha256).toBe(sha256(row.pdf));
      expect(row.pages).toBeGreaterThan(10);
      expect(row.issuedAt).toEqual(issuedAt);
    }
    const audit = await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.reviewId, DEMO_REVIEW_ID), eq(auditLog.entity, "issued-report")))
      .all();
    expect(audit.map((entry) => entry.entityId).sort()).toEqual([`${DEMO_REVIEW_ID}:en`, `${DEMO_REVIEW_ID}:fr`]);
  });

  it("is served to every member as stored, byte for byte, with the stored SHA-256", async () => {
    const stored = (await getIssuedReport({ reviewId: DEMO_REVIEW_ID, locale: "en" }))!;
    for (const email of ["reader@demo.test", "host@demo.test", "peer@demo.test", "lead@demo.test"] as const) {
      const outcome = await download(email, "?lang=en");
      expect(outcome.status, email).toBe(200);
      expect(sha256(outcome.data as ArrayBuffer), email).toBe(stored.sha256);
      expect(outcome.headers.get("X-Report-SHA256")).toBe(stored.sha256);
      expect(outcome.headers.get("ETag")).toBe(`"${stored.sha256}"`);
      expect(outcome.headers.get("Content-Disposition")).toBe('attachment; filename="belleforge-peer-review-report-en.pdf"');
    }
    expect((await download("outsider@demo.test", "?lang=en")).status).toBe(404);
  });

  it("is never rebuilt: a later change to the data does not change the file served", async () => {
    const before = await download("reader@demo.test", "?lang=fr");
    await asyncDb.update(reviews).set({ executiveSummary: "Changed after issue." }).where(eq(reviews.id, DEMO_REVIEW_ID)).run();
    const after = await download("reader@demo.test", "?lang=fr");
    expect(sha256(after.data as ArrayBuffer)).toBe(sha256(before.data as ArrayBuffer));
    const stored = (await asyncDb
      .select({ sha256: issuedReports.sha256 })
      .from(issuedReports)
      .where(and(eq(issuedReports.reviewId, DEMO_REVIEW_ID), eq(issuedReports.locale, "fr")))
      .get())!;
    expect(sha256(after.data as ArrayBuffer)).toBe(stored.sha256);
  });

  it("lists the stored files on the preview page for a host reader", async () => {
    const outcome = await preview("reader@demo.test");
    expect(outcome.status).toBe(200);
    const data = outcome.data as { issuedAt: string; files: { locale: string; sha256: string }[] };
    expect(data.issuedAt).toBe(issuedAt.toISOString());
    expect(data.files.map((file) => file.locale)).toEqual(["en", "fr"]);
  });
});
