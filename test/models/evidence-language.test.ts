import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { errorsOf, type FormResult } from "#app/utils/forms";
import { listEvidenceLog, parseEvidenceView } from "#app/models/evidence-log.server";
import { getReportSnapshot } from "#app/models/report.server";
import { action as logAction } from "#app/routes/reviews.$reviewId.evidence/route";
import { loader as conclusionLoader } from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import { evidence } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase } from "../utils";

/*
 * A quote says which language it is in when that is not the review's (French for the demo), so
 * pages and the report mark it with `lang`; most quotes leave it empty and are in the review's.
 */
const LOG = `/reviews/${DEMO_REVIEW_ID}/evidence`;

const quote = (fields: Record<string, string>) => ({
  intent: "create",
  via: "fetcher",
  kind: "interview-quote",
  interviewId: "demo-int-01",
  text: "We publish the plan's report every year.",
  factorIds: "kf-02",
  polarity: "supports",
  attribution: "a city officer",
  ...fields,
});

async function log(fields: Record<string, string>) {
  return run(logAction, makeRequest(LOG, { cookie: await cookieFor("peer@demo.test"), form: quote(fields) }), { reviewId: DEMO_REVIEW_ID });
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("a quote's language", () => {
  it("is stored when the logger names one, and empty (the review's) otherwise", async () => {
    const english = await log({ language: "en" });
    const french = await log({ text: "Nous publions le bilan chaque année.", language: "" });
    const stored = async (outcome: { data: unknown }) => {
      const id = (outcome.data as { id: string }).id;
      return (await asyncDb.select({ language: evidence.language }).from(evidence).where(eq(evidence.id, id)).get())?.language;
    };
    expect(await stored(english)).toBe("en");
    expect(await stored(french)).toBeNull();
  });

  it("refuses a language the app does not have, next to the field, writing nothing", async () => {
    const before = (await asyncDb.select().from(evidence).all()).length;
    const refused = await log({ language: "de" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.data as FormResult, "language")).toEqual(["errors.invalidChoice"]);
    expect((await asyncDb.select().from(evidence).all()).length).toBe(before);
  });

  it("reaches the evidence log's rows and the report's snapshot", async () => {
    // The demo seed's peers wrote three observations in English.
    const view = parseEvidenceView(new URLSearchParams("q=town hall lobby"));
    const { rows } = await listEvidenceLog({ reviewId: DEMO_REVIEW_ID, view, actor: { userId: "demo-lead", canEditAny: true, canWrite: true } });
    expect(rows.map((row) => row.language)).toContain("en");
    const snapshot = await getReportSnapshot({ reviewId: DEMO_REVIEW_ID });
    const findings = snapshot!.evidence.flatMap((factor) => factor.findings);
    expect(findings.every((finding) => finding.language === null || finding.language === "en")).toBe(true);
  });

  it("reaches the conclusion page's evidence and the quotes its conclusion cites, so they are marked with their own lang", async () => {
    // A peer logs a remark in English on this French review, under key factor 11.
    const english = await log({ text: "The district office keeps no record of refused requests.", language: "en", factorIds: "kf-11" });
    const id = (english.data as { id: string }).id;
    const page = await run(conclusionLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/kf-11`, { cookie: await cookieFor("lead@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
      factorId: "kf-11",
    });
    const items = (page.data as { evidence: { id: string; language: string | null }[] }).evidence;
    expect(items.find((item) => item.id === id)?.language).toBe("en");
    expect(items.filter((item) => item.id !== id).map((item) => item.language)).toContain(null);
  });
});
