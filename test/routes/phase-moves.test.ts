import { and, count, desc, eq, ne } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as home from "#app/routes/reviews.$reviewId._index";
import * as pdf from "#app/routes/reviews.$reviewId.report[.pdf]";
import * as reportPage from "#app/routes/reviews.$reviewId.report";
import { getIssuedReport, getReportSnapshot, sha256 } from "#app/models/report.server";
import { readResult, type FormResult } from "#app/utils/forms";
import { splitMessage } from "#app/utils/validation";
import { getI18n } from "#app/utils/i18n";
import { asyncDb } from "#app/utils/db.server";
import { auditLog, conclusions, issuedReports, notifications, reviews } from "#db/schema";
import { buildReportModel } from "#reports/model";
import { issueNotes } from "#reports/wording";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/*
 * Phase moves with care: every move is confirmed first (what is incomplete, who is told), an issue
 * with a key factor lacking an agreed conclusion needs the lead's reason, and an issued report is
 * corrected by a new version, never edited.
 */

const params = { reviewId: DEMO_REVIEW_ID };

beforeEach(loadDemoReview);

async function homeAs(email: DemoEmail, query = "") {
  return run(home.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}${query}`, { cookie: await cookieFor(email) }), params);
}

async function move(form: Record<string, string>, email: DemoEmail = "lead@demo.test") {
  return run(home.action, makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie: await cookieFor(email), form: { intent: "move-phase", ...form } }), params);
}

type Confirmation = {
  to: string;
  backwards: boolean;
  incomplete: { key: string }[];
  missingConclusions: string[];
  openComments: unknown[];
  recipients: { name: string; role: string; byMail: boolean }[];
};

const phase = async () => (await asyncDb.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!.phase;
const unagreed = async () =>
  (await asyncDb
    .select({ n: count() })
    .from(conclusions)
    .where(and(eq(conclusions.reviewId, DEMO_REVIEW_ID), ne(conclusions.state, "agreed")))
    .get())!.n;

describe("the confirmation of a move", () => {
  it("lists what is incomplete for the step and who will be told, for the lead only", async () => {
    await setPhase("peer-visit");
    const lead = await homeAs("lead@demo.test", "?move=drafting");
    const confirmation = (lead.data as { confirmation: Confirmation }).confirmation;
    expect(confirmation).toMatchObject({ to: "drafting", backwards: false });
    expect(confirmation.incomplete.map((gap) => gap.key)).toContain("gaps.noEvidence");
    // Drafting work is the next phase's: not listed as incomplete for entering it.
    expect(confirmation.incomplete.map((gap) => gap.key)).not.toContain("gaps.conclusionsAgreed");
    const told = confirmation.recipients.map((recipient) => recipient.role).sort();
    expect(told).toEqual(["host-reader", "host-team", "peer-reviewer", "peer-reviewer"]);
    expect(confirmation.recipients.every((recipient) => recipient.byMail === false)).toBe(true);

    expect(((await homeAs("peer@demo.test", "?move=drafting")).data as { confirmation: unknown }).confirmation).toBeNull();
    // A skip has no confirmation: the move is refused anyway.
    expect(((await homeAs("lead@demo.test", "?move=factual-check")).data as { confirmation: unknown }).confirmation).toBeNull();
  });

  it("before an issue, names the factors without an agreed conclusion and the open comments", async () => {
    await setPhase("factual-check");
    const data = (await homeAs("lead@demo.test", "?move=issued")).data as { confirmation: Confirmation };
    // The demo review has a conclusion on every key factor, some still drafts.
    expect(data.confirmation.missingConclusions).toHaveLength(await unagreed());
    expect(await unagreed()).toBeGreaterThan(0);
    expect(data.confirmation.missingConclusions[0]).toMatch(/^\d+\. /);
  });
});

describe("moving a phase", () => {
  it("tells the host team and the peers, not the lead who moved it", async () => {
    await setPhase("peer-visit");
    const before = new Set((await asyncDb.select({ id: notifications.id }).from(notifications).all()).map((row) => row.id));
    expect((await move({ to: "drafting" })).status).toBe(302);
    const told = (
      await asyncDb
        .select({ id: notifications.id, userId: notifications.userId, params: notifications.params })
        .from(notifications)
        .where(eq(notifications.kind, "phase-changed"))
        .all()
    ).filter((row) => !before.has(row.id));
    expect(told.map((row) => row.userId).sort()).toEqual(["demo-host", "demo-peer", "demo-peer2", "demo-reader"]);
    expect(told[0]!.params).toMatchObject({ from: "peer-visit", to: "drafting" });
  });

  it("refuses a skip with a message in the reader's language", async () => {
    await setPhase("peer-visit");
    const skip = await move({ to: "factual-check" });
    expect(skip.status).toBe(409);
    const { key, params: values } = splitMessage(readResult(skip.data as FormResult).formError!);
    expect(key).toBe("reviews:phaseErrors.oneAtATime");
    expect(getI18n("fr").t(key, values)).toBe("Un examen avance d'une phase à la fois : après « Visite des pairs » vient « Rédaction ».");
    expect(getI18n("en").t(key, values)).toBe("A review moves one phase at a time: from “Peer visit” the next is “Drafting”.");
    expect(await phase()).toBe("peer-visit");
  });
});

describe("issuing", () => {
  it("is refused while a key factor has no agreed conclusion, then allowed with a reason that reaches the audit log and the report", async () => {
    await setPhase("factual-check");
    expect(await unagreed()).toBeGreaterThan(0);
    const refused = await move({ to: "issued", issueReason: "  " });
    expect(refused.status).toBe(400);
    const result = readResult(refused.data as FormResult);
    expect(splitMessage(result.errors.issueReason![0]!).key).toBe("reviews:phaseErrors.conclusionsMissing");
    expect(await phase()).toBe("factual-check");
    expect(await asyncDb.select().from(issuedReports).all()).toEqual([]);

    const reason = "The city council votes the plan next week; the team agreed to issue now.";
    const issued = await move({ to: "issued", issueReason: reason });
    expect(issued.status).toBe(302);
    expect(await phase()).toBe("issued");
    const entry = (await asyncDb.select().from(auditLog).where(eq(auditLog.action, "phase-forward")).orderBy(desc(auditLog.id)).get())!;
    expect(entry.after).toMatchObject({ phase: "issued", issueReason: reason });
    const files = await asyncDb.select().from(issuedReports).all();
    expect(files.map((file) => [file.locale, file.version, file.issueReason]).sort()).toEqual([
      ["en", 1, reason],
      ["fr", 1, reason],
    ]);
    const snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
    const model = buildReportModel(snapshot, { locale: "en", issuedAt: snapshot.review.issuedAt });
    expect(issueNotes(model)).toEqual([`The report was issued before every key factor had an agreed conclusion. The lead expert's reason: ${reason}`]);
  }, 60_000);

  it("needs no reason once every key factor has an agreed conclusion", async () => {
    await setPhase("factual-check");
    await asyncDb.update(conclusions).set({ state: "agreed" }).where(eq(conclusions.reviewId, DEMO_REVIEW_ID)).run();
    expect((await move({ to: "issued" })).status).toBe(302);
    expect((await asyncDb.select({ reason: issuedReports.issueReason }).from(issuedReports).all()).every((row) => row.reason === null)).toBe(true);
  }, 60_000);
});

describe("a correction", () => {
  it("is issued as version 2 with its own SHA-256; version 1 stays downloadable, marked superseded", async () => {
    await setPhase("factual-check");
    expect((await move({ to: "issued", issueReason: "Issued for the council meeting." })).status).toBe(302);
    const v1 = (await getIssuedReport({ reviewId: DEMO_REVIEW_ID, locale: "en" }))!;
    expect(v1.version).toBe(1);

    // The lead reopens the issued review for a correction: a reason is needed.
    expect((await move({ to: "factual-check", reason: "" })).status).toBe(400);
    expect((await move({ to: "factual-check", reason: "The budget figure in factor 2 is wrong." })).status).toBe(302);
    expect(await phase()).toBe("factual-check");
    // While the correction is under way, the issued version is still served as stored.
    const during = await run(
      pdf.loader,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/report.pdf?lang=en&version=1`, { cookie: await cookieFor("host@demo.test") }),
      params,
    );
    expect(during.status).toBe(200);
    expect(sha256(Buffer.from(during.data as ArrayBuffer))).toBe(v1.sha256);

    await asyncDb.update(reviews).set({ executiveSummary: "Corrected summary: the 2025 budget is 120 000 €." }).where(eq(reviews.id, DEMO_REVIEW_ID)).run();
    expect((await move({ to: "issued", issueReason: "Issued for the council meeting." })).status).toBe(302);

    const rows = await asyncDb
      .select({ locale: issuedReports.locale, version: issuedReports.version, sha256: issuedReports.sha256, supersededAt: issuedReports.supersededAt })
      .from(issuedReports)
      .where(and(eq(issuedReports.reviewId, DEMO_REVIEW_ID), eq(issuedReports.locale, "en")))
      .all();
    const [first, second] = [rows.find((row) => row.version === 1)!, rows.find((row) => row.version === 2)!];
    expect(first.sha256).toBe(v1.sha256);
    expect(first.supersededAt).toBeInstanceOf(Date);
    expect(second.supersededAt).toBeNull();
    expect(second.sha256).not.toBe(first.sha256);

    const reader = await cookieFor("reader@demo.test");
    const current = await run(pdf.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report.pdf?lang=en`, { cookie: reader }), params);
    expect(sha256(Buffer.from(current.data as ArrayBuffer))).toBe(second.sha256);
    expect(current.headers.get("Content-Disposition")).toBe('attachment; filename="belleforge-peer-review-report-v2-en.pdf"');
    const old = await run(pdf.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report.pdf?lang=en&version=1`, { cookie: reader }), params);
    expect(sha256(Buffer.from(old.data as ArrayBuffer))).toBe(first.sha256);

    const page = (await run(reportPage.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report`, { cookie: reader }), params)).data as {
      model: { snapshot: { review: { issue: { version: number; previousIssuedAt: string } } } };
    };
    expect(page.model.snapshot.review.issue).toMatchObject({ version: 2 });
    const homeData = (await homeAs("reader@demo.test")).data as { issued: { version: number; supersededAt: unknown }[]; gaps: unknown[] };
    expect(homeData.issued.filter((file) => file.supersededAt).map((file) => file.version)).toEqual([1, 1]);
    expect(homeData.gaps).toEqual([]);
  }, 120_000);
});
