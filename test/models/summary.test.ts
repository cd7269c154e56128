import { desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { action as summaryAction, loader as summaryLoader } from "#app/routes/reviews.$reviewId.summary";
import { readResult, type FormResult } from "#app/utils/forms";
import { auditLog, reviews } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

async function lastAudit() {
  return asyncDb.select().from(auditLog).where(eq(auditLog.reviewId, DEMO_REVIEW_ID)).orderBy(desc(auditLog.id)).limit(1).get();
}

describe("the executive summary", () => {
  async function postSummary(email: DemoEmail, form: Record<string, string>) {
    const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/summary`, { cookie: await cookieFor(email), form });
    return run(summaryAction, request, { reviewId: DEMO_REVIEW_ID });
  }

  it("is written by the lead expert, with the same conflict rule", async () => {
    const loaded = await run(summaryLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/summary`, { cookie: await cookieFor("lead@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    const { summary } = loaded.data as { summary: { version: number; executiveSummary: string } };
    expect(summary.executiveSummary).toContain("Belleforge");
    expect((await postSummary("peer@demo.test", { version: String(summary.version), executiveSummary: "x", crossCuttingConclusions: "" })).status).toBe(403);

    const saved = await postSummary("lead@demo.test", {
      version: String(summary.version),
      executiveSummary: "Nouveau résumé",
      crossCuttingConclusions: "Transversal",
    });
    expect(saved.status).toBe(302);
    expect(await lastAudit()).toMatchObject({ action: "update", entity: "summary", userId: "demo-lead" });
    const stale = await postSummary("lead@demo.test", { version: String(summary.version), executiveSummary: "Ancienne base", crossCuttingConclusions: "" });
    expect(stale.status).toBe(409);
    expect(readResult(stale.data as FormResult)).toMatchObject({
      values: { executiveSummary: "Ancienne base" },
      conflict: { executiveSummary: "Nouveau résumé", version: summary.version + 1 },
    });

    await setPhase("issued");
    const late = await postSummary("lead@demo.test", {
      version: String(summary.version + 1),
      executiveSummary: "Après publication",
      crossCuttingConclusions: "",
    });
    expect(late.status).toBe(409);
    expect(readResult(late.data as FormResult)).toMatchObject({ formError: "conclusions:errors.issued", values: { executiveSummary: "Après publication" } });
    expect((await asyncDb.select({ text: reviews.executiveSummary }).from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!.text).toBe("Nouveau résumé");
  });
});
