import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { action as homeAction, loader as homeLoader } from "#app/routes/reviews.$reviewId._index";
import { loader as layoutLoader } from "#app/routes/reviews.$reviewId";
import { action as settingsAction, loader as settingsLoader } from "#app/routes/reviews.$reviewId_.settings";
import { loader as auditLoader } from "#app/routes/reviews.$reviewId.audit";
import { loader as csvLoader } from "#app/routes/reviews.$reviewId.evidence[.csv]";
import { action as newReviewAction } from "#app/routes/reviews.new";
import { readResult, type FormResult } from "#app/utils/forms";
import { invitationMail } from "#app/utils/mail.server";
import { buildFeedbackReport } from "#reports/feedback-report";
import { auditLog, evidence, reviews } from "#db/schema";
import { definitionText } from "../reports/text";
import { fullSnapshot } from "../reports/fixtures";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase } from "../utils";

/**
 * Each review has its own time zone (seeded Europe/Paris for the demo, Europe/Brussels by default),
 * set by the lead expert, and every date of the review — page, CSV, PDF, mail — is read in it.
 */
const params = { reviewId: DEMO_REVIEW_ID };
const home = `/reviews/${DEMO_REVIEW_ID}`;

async function storedZone(reviewId = DEMO_REVIEW_ID) {
  return (await asyncDb.select({ timeZone: reviews.timeZone }).from(reviews).where(eq(reviews.id, reviewId)).get())?.timeZone;
}

async function setZone(timeZone: string) {
  await asyncDb.update(reviews).set({ timeZone }).where(eq(reviews.id, DEMO_REVIEW_ID)).run();
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("the lead expert sets the review's time zone", () => {
  // The review's settings page is the one place the zone changes (the home links to it).
  const settingsPath = `/reviews/${DEMO_REVIEW_ID}/settings`;
  const settingsForm = (timeZone: string) => ({
    intent: "update",
    hostCity: "Belleforge",
    country: "France",
    visitStart: "2026-03-16",
    visitEnd: "2026-03-18",
    timeZone,
    reportLocales: ["fr", "en"],
    reportLocale: "fr",
  });
  const matchSeed = async () => {
    const row = (await asyncDb.select().from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!;
    return {
      ...settingsForm(""),
      hostCity: row.hostCity,
      country: row.country,
      visitStart: row.visitStart ?? "",
      visitEnd: row.visitEnd ?? "",
      reportLocale: row.reportLocale,
      reportLocales: row.reportLocales,
    };
  };

  it("from the review's settings: stored in its canonical spelling, audited, and read by every page of the review", async () => {
    await setZone("Europe/Paris");
    const lead = await cookieFor("lead@demo.test");
    const saved = await run(settingsAction, makeRequest(settingsPath, { cookie: lead, form: { ...(await matchSeed()), timeZone: "europe/lisbon" } }), params);
    expect(saved.status).toBe(302);
    expect(await storedZone()).toBe("Europe/Lisbon");
    const entry = await asyncDb.select().from(auditLog).where(eq(auditLog.action, "update-settings")).get();
    expect(entry).toMatchObject({ entity: "review", userId: "demo-lead", before: { timeZone: "Europe/Paris" }, after: { timeZone: "Europe/Lisbon" } });

    const layout = await run(layoutLoader, makeRequest(home, { cookie: lead }), params);
    expect((layout.data as { review: { timeZone: string } }).review.timeZone).toBe("Europe/Lisbon");
    const page = await run(homeLoader, makeRequest(home, { cookie: lead }), params);
    const data = page.data as { review: { timeZone: string }; canOpenSettings: boolean };
    expect(data.review.timeZone).toBe("Europe/Lisbon");
    const settingsPage = await run(settingsLoader, makeRequest(settingsPath, { cookie: lead }), params);
    expect((settingsPage.data as { timeZones: string[] | null }).timeZones).toContain("Europe/Brussels");
  });

  it("refuses a name that is no zone, beside the field, keeping what was typed", async () => {
    await setZone("Europe/Paris");
    const lead = await cookieFor("lead@demo.test");
    const refused = await run(settingsAction, makeRequest(settingsPath, { cookie: lead, form: { ...(await matchSeed()), timeZone: "Paris time" } }), params);
    expect(refused.status).toBe(400);
    expect(readResult(refused.data as FormResult)).toMatchObject({
      errors: { timeZone: ["errors.invalidTimeZone"] },
      values: { intent: "update", timeZone: "Paris time" },
    });
    expect(await storedZone()).toBe("Europe/Paris");
  });

  it("is not open to the rest of the team, nor after the report is issued", async () => {
    await setZone("Europe/Paris");
    const peer = await run(
      settingsAction,
      makeRequest(settingsPath, { cookie: await cookieFor("peer@demo.test"), form: { ...(await matchSeed()), timeZone: "UTC" } }),
      params,
    );
    expect(peer.status).toBe(403);
    await setPhase("issued");
    const late = await run(
      settingsAction,
      makeRequest(settingsPath, { cookie: await cookieFor("lead@demo.test"), form: { ...(await matchSeed()), timeZone: "UTC" } }),
      params,
    );
    expect(late.status).toBe(409);
    await setPhase("peer-visit");
    expect(await storedZone()).toBe("Europe/Paris");
  });

  it("is no longer a form of the review home, which links the lead to the settings instead", async () => {
    await setZone("Europe/Paris");
    const lead = await run(homeLoader, makeRequest(home, { cookie: await cookieFor("lead@demo.test") }), params);
    expect(lead.data).toMatchObject({ canOpenSettings: true });
    expect(lead.data).not.toHaveProperty("timeZones");
    const peer = await run(homeLoader, makeRequest(home, { cookie: await cookieFor("peer@demo.test") }), params);
    expect(peer.data).toMatchObject({ canOpenSettings: false });
    const posted = await run(
      homeAction,
      makeRequest(home, { cookie: await cookieFor("lead@demo.test"), form: { intent: "time-zone", timeZone: "UTC" } }),
      params,
    );
    expect(posted.status).toBe(400);
    expect(await storedZone()).toBe("Europe/Paris");
  });
});

describe("the administrator creating a review", () => {
  const form = {
    hostCity: "Valmer",
    country: "Belgique",
    frameworkId: "eurocities-anti-discrimination",
    kind: "peer-review",
    reportLocale: "fr",
    leadEmail: "lead@demo.test",
    visitStart: "",
    visitEnd: "",
  };

  it("sets its zone, Europe/Brussels unless told otherwise", async () => {
    const admin = await cookieFor("admin@demo.test");
    const chosen = await run(newReviewAction, makeRequest("/reviews/new", { cookie: admin, form: { ...form, timeZone: "Europe/Madrid" } }));
    expect(await storedZone((chosen.data as { reviewId: string }).reviewId)).toBe("Europe/Madrid");
    const plain = await run(newReviewAction, makeRequest("/reviews/new", { cookie: admin, form }));
    expect(await storedZone((plain.data as { reviewId: string }).reviewId)).toBe("Europe/Brussels");
  });

  it("is told beside the field when the zone is unknown, the rest of the form kept", async () => {
    const admin = await cookieFor("admin@demo.test");
    const refused = await run(newReviewAction, makeRequest("/reviews/new", { cookie: admin, form: { ...form, timeZone: "Belgium" } }));
    expect(refused.status).toBe(400);
    expect(readResult(refused.data as FormResult)).toMatchObject({
      errors: { timeZone: ["errors.invalidTimeZone"] },
      values: { hostCity: "Valmer", timeZone: "Belgium" },
    });
  });
});

describe("dates read in the review's zone", () => {
  it("the audit log's day filter takes whole days of the review's zone", async () => {
    await setZone("Europe/Paris");
    // 00:30 in Paris on 18 March is still 17 March in UTC.
    const at = new Date("2026-03-17T23:30:00Z");
    await asyncDb
      .insert(auditLog)
      .values({ reviewId: DEMO_REVIEW_ID, userId: "demo-lead", action: "update", entity: "summary", entityId: "tz-probe", at })
      .run();
    const lead = await cookieFor("lead@demo.test");
    const ids = async (query: string) => {
      const outcome = await run(auditLoader, makeRequest(`${home}/audit?entity=summary&${query}`, { cookie: lead }), params);
      return (outcome.data as { entries: { entityId: string }[] }).entries.map((entry) => entry.entityId);
    };
    expect(await ids("from=2026-03-18&to=2026-03-18")).toContain("tz-probe");
    expect(await ids("from=2026-03-17&to=2026-03-17")).not.toContain("tz-probe");
  });

  it("the evidence CSV writes when each item was logged in the review's zone, and says which", async () => {
    const item = (await asyncDb
      .select({ id: evidence.id, createdAt: evidence.createdAt })
      .from(evidence)
      .where(eq(evidence.reviewId, DEMO_REVIEW_ID))
      .limit(1)
      .get())!;
    await asyncDb
      .update(evidence)
      .set({ createdAt: new Date("2026-03-17T23:30:00Z") })
      .where(eq(evidence.id, item.id))
      .run();
    const read = async (timeZone: string) => {
      await setZone(timeZone);
      const response = (await csvLoader({
        request: makeRequest(`${home}/evidence.csv?lang=en`, { cookie: await cookieFor("peer@demo.test") }),
        params,
        context: {},
      })) as Response;
      const [header, ...rows] = parse((await response.text()).replace(/^\uFEFF/, ""), { record_delimiter: "\r\n" }) as string[][];
      return { header: header![1], date: rows.find((row) => row[0] === item.id)![1] };
    };
    expect(await read("Europe/Paris")).toEqual({ header: "Date (Europe/Paris)", date: "2026-03-18 00:30" });
    expect(await read("America/New_York")).toEqual({ header: "Date (America/New_York)", date: "2026-03-17 19:30" });
    await setZone("Europe/Paris");
  });

  it("the report's date of issue is the day in the review's zone", () => {
    const lateEvening = "2026-05-03T22:30:00Z";
    const inZone = (timeZone: string) => {
      const snapshot = fullSnapshot();
      snapshot.review.timeZone = timeZone;
      return definitionText(buildFeedbackReport(snapshot, { locale: "en", issuedAt: lateEvening }));
    };
    expect(inZone("Europe/Brussels")).toContain("DATE OF ISSUE 4 May 2026");
    expect(inZone("UTC")).toContain("DATE OF ISSUE 3 May 2026");
  });

  it("the invitation mail says until when its link works, with the zone", () => {
    const mail = invitationMail({
      link: "https://example.org/invitations/x",
      hostCity: "Belleforge",
      expiresAt: new Date("2026-03-29T01:00:00Z"),
      timeZone: "Europe/Brussels",
    });
    expect(mail.text).toContain("within 14 days (until 29 Mar 2026, 03:00 CEST)");
    expect(mail.text).toContain("https://example.org/invitations/x");
  });
});
