import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as settings from "#app/routes/reviews.$reviewId_.settings";
import * as list from "#app/routes/reviews._index";
import * as layout from "#app/routes/reviews.$reviewId";
import * as factor from "#app/routes/reviews.$reviewId.conclusions.$factorId/route";
import { errorsOf, formErrorsOf, submittedValue, submittedValues, type FormResult } from "#app/utils/forms";
import { getReportSnapshot } from "#app/models/report.server";
import { auditLog, reviewMembers, reviews } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase, type DemoEmail } from "../utils";

/*
 * The review's settings page: the lead corrects the review (city, visit dates, time zone, report
 * languages), the administrator hands the lead role on, either archives and unarchives. Bad input
 * is answered beside its field with nothing written and what was typed kept.
 */

const params = { reviewId: DEMO_REVIEW_ID };
const path = `/reviews/${DEMO_REVIEW_ID}/settings`;

const VALID = {
  intent: "update",
  hostCity: "Belleforge-sur-Mer",
  country: "France",
  visitStart: "2026-04-20",
  visitEnd: "2026-04-22",
  timeZone: "europe/brussels",
  reportLocales: ["fr", "en"],
  reportLocale: "fr",
};

const stored = async () => (await asyncDb.select().from(reviews).where(eq(reviews.id, DEMO_REVIEW_ID)).get())!;
const auditOf = (action: string) =>
  asyncDb
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.reviewId, DEMO_REVIEW_ID), eq(auditLog.action, action)))
    .all();
const roleOf = async (userId: string) =>
  (
    await asyncDb
      .select({ role: reviewMembers.role })
      .from(reviewMembers)
      .where(and(eq(reviewMembers.reviewId, DEMO_REVIEW_ID), eq(reviewMembers.userId, userId)))
      .get()
  )?.role;

async function post(email: DemoEmail, form: Record<string, string | string[]>) {
  return run(settings.action, makeRequest(path, { cookie: await cookieFor(email), form }), params);
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("the lead edits the review's settings", () => {
  it("saves the city, the postponed visit, the zone and the report languages, audited with what changed, and the report reads the new dates", async () => {
    const before = await stored();
    const saved = await post("lead@demo.test", VALID);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`${path}?saved=settings`);
    expect(await stored()).toMatchObject({
      hostCity: "Belleforge-sur-Mer",
      visitStart: "2026-04-20",
      visitEnd: "2026-04-22",
      timeZone: "Europe/Brussels",
      reportLocale: "fr",
      reportLocales: ["fr", "en"],
    });
    const [entry] = await auditOf("update-settings");
    expect(entry).toMatchObject({
      userId: "demo-lead",
      entity: "review",
      before: { hostCity: before.hostCity, visitStart: before.visitStart, visitEnd: before.visitEnd, timeZone: before.timeZone },
      after: { hostCity: "Belleforge-sur-Mer", visitStart: "2026-04-20", visitEnd: "2026-04-22", timeZone: "Europe/Brussels" },
    });
    // Only what changed is recorded.
    expect(entry!.after).not.toHaveProperty("country");
    const snapshot = await getReportSnapshot({ reviewId: DEMO_REVIEW_ID });
    expect(snapshot!.review).toMatchObject({ hostCity: "Belleforge-sur-Mer", visitStart: "2026-04-20", visitEnd: "2026-04-22" });

    const page = await run(settings.loader, makeRequest(path, { cookie: await cookieFor("lead@demo.test") }), params);
    expect(page.data).toMatchObject({ canEdit: true, members: null, review: { hostCity: "Belleforge-sur-Mer" } });
  });

  it.each([
    ["an end before the start", { visitStart: "2026-04-22", visitEnd: "2026-04-20" }, "visitEnd", "reviews:new.visitOrder"],
    ["an end without a start", { visitStart: "", visitEnd: "2026-04-20" }, "visitStart", "reviews:settings.startMissing"],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone", "errors.invalidTimeZone"],
    ["no report language", { reportLocales: [] }, "reportLocales", "reviews:settings.pickLanguage"],
    ["a main language the report is not issued in", { reportLocales: ["en"], reportLocale: "fr" }, "reportLocale", "reviews:settings.mainNotIssued"],
    ["an empty city", { hostCity: "  " }, "hostCity", "errors.required"],
  ])("refuses %s beside the field, writes nothing and keeps what was typed", async (_what, change, field, message) => {
    const before = await stored();
    const refused = await post("lead@demo.test", { ...VALID, ...change });
    expect(refused.status).toBe(400);
    const result = refused.data as FormResult;
    expect(errorsOf(result, field)).toEqual([message]);
    expect(submittedValue(result, "hostCity")).toBe("hostCity" in change ? change.hostCity : VALID.hostCity);
    expect(submittedValue(result, "timeZone")).toBe("timeZone" in change ? change.timeZone : VALID.timeZone);
    expect(await stored()).toEqual(before);
    expect(await auditOf("update-settings")).toEqual([]);
  });

  it("is not the other members' to change, nor the lead's once the report is issued", async () => {
    const peer = await post("peer@demo.test", VALID);
    expect(peer.status).toBe(403);
    await setPhase("issued");
    const before = await stored();
    const lead = await post("lead@demo.test", VALID);
    expect(lead.status).toBe(409);
    expect(submittedValues(lead.data as FormResult)).toMatchObject({ hostCity: VALID.hostCity });
    expect(await stored()).toEqual(before);
    const page = await run(settings.loader, makeRequest(path, { cookie: await cookieFor("lead@demo.test") }), params);
    expect(page.data).toMatchObject({ canEdit: false, closed: "phase", timeZones: null });
  });
});

describe("archiving", () => {
  it("makes the review read-only and takes it out of the lists until it is unarchived, both audited", async () => {
    const lead = await cookieFor("lead@demo.test");
    const listed = async (url = "/reviews") => {
      const page = await run(list.loader, makeRequest(url, { cookie: lead }));
      return (page.data as { mine: { id: string }[] }).mine.map((review) => review.id);
    };
    expect(await listed()).toContain(DEMO_REVIEW_ID);

    const archived = await post("lead@demo.test", { intent: "archive", archived: "yes" });
    expect(archived.location).toBe(`${path}?saved=archived`);
    expect((await stored()).archivedAt).toBeInstanceOf(Date);
    expect(await listed()).not.toContain(DEMO_REVIEW_ID);
    expect(await listed("/reviews?archived=1")).toContain(DEMO_REVIEW_ID);
    // Read-only everywhere: a conclusion is refused, the settings too, while the page still opens.
    const conclusion = await run(
      factor.action,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/conclusions/kf-01`, {
        cookie: await cookieFor("peer@demo.test"),
        form: { intent: "save-conclusion", version: "1" },
      }),
      { reviewId: DEMO_REVIEW_ID, factorId: "kf-01" },
    );
    expect(conclusion.status).toBe(409);
    const edit = await post("lead@demo.test", VALID);
    expect(edit.status).toBe(409);
    expect(formErrorsOf(edit.data as FormResult)).toEqual(["reviews:archive.readOnly"]);
    expect((await stored()).hostCity).toBe("Belleforge");
    const page = await run(settings.loader, makeRequest(path, { cookie: lead }), params);
    expect(page.data).toMatchObject({ canEdit: false, closed: "archived" });
    const nav = await run(layout.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie: lead }), params);
    expect((nav.data as { sections: { key: string }[] }).sections.map((section) => section.key)).toContain("settings");

    const restored = await post("lead@demo.test", { intent: "archive", archived: "no" });
    expect(restored.location).toBe(`${path}?saved=unarchived`);
    expect((await stored()).archivedAt).toBeNull();
    expect(await listed()).toContain(DEMO_REVIEW_ID);
    expect((await post("lead@demo.test", VALID)).status).toBe(302);
    expect(await auditOf("archive")).toMatchObject([{ userId: "demo-lead", entity: "review", entityId: DEMO_REVIEW_ID }]);
    expect(await auditOf("unarchive")).toMatchObject([
      { userId: "demo-lead", entity: "review", before: { archivedAt: expect.any(String) }, after: { archivedAt: null } },
    ]);
  });

  it("is open to the administrator, who is no member, in any phase; the administrator's list leaves archived reviews out too", async () => {
    await setPhase("issued");
    const admin = await cookieFor("admin@demo.test");
    const page = await run(settings.loader, makeRequest(path, { cookie: admin }), params);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ role: null, canEdit: false, closed: "lead-only", leads: ["Lena Marchetti"] });
    const archived = await post("admin@demo.test", { intent: "archive", archived: "yes" });
    expect(archived.status).toBe(302);
    expect(await auditOf("archive")).toMatchObject([{ userId: "demo-admin" }]);
    const all = await run(list.loader, makeRequest("/reviews", { cookie: admin }));
    expect((all.data as { all: { id: string }[] }).all.map((review) => review.id)).not.toContain(DEMO_REVIEW_ID);
    const shown = await run(list.loader, makeRequest("/reviews?archived=1", { cookie: admin }));
    expect((shown.data as { all: { id: string; archivedAt: unknown }[] }).all.find((review) => review.id === DEMO_REVIEW_ID)?.archivedAt).toBeTruthy();
    // A review that does not exist is not found, for the administrator too.
    const missing = await run(settings.loader, makeRequest("/reviews/no-such-review/settings", { cookie: admin }), { reviewId: "no-such-review" });
    expect(missing.status).toBe(404);
  });
});

describe("the administrator hands the lead role on", () => {
  it("to another member; the former lead becomes a peer reviewer; each change audited", async () => {
    const handed = await post("admin@demo.test", { intent: "hand-lead", userId: "demo-peer", formerLead: "peer-reviewer" });
    expect(handed.location).toBe(`${path}?saved=lead`);
    expect(await roleOf("demo-peer")).toBe("lead-expert");
    expect(await roleOf("demo-lead")).toBe("peer-reviewer");
    const changes = await auditOf("change-role");
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: "demo-admin", entityId: "demo-peer", before: { role: "peer-reviewer" }, after: { role: "lead-expert" } }),
        expect.objectContaining({ userId: "demo-admin", entityId: "demo-lead", before: { role: "lead-expert" }, after: { role: "peer-reviewer" } }),
      ]),
    );
  });

  it("or side by side with the current lead", async () => {
    await post("admin@demo.test", { intent: "hand-lead", userId: "demo-peer2", formerLead: "lead-expert" });
    expect(await roleOf("demo-peer2")).toBe("lead-expert");
    expect(await roleOf("demo-lead")).toBe("lead-expert");
  });

  it("never demotes the last lead: refused beside the field, nothing written, the choice kept", async () => {
    const refused = await post("admin@demo.test", { intent: "hand-lead", userId: "demo-lead", formerLead: "peer-reviewer" });
    expect(refused.status).toBe(409);
    const result = refused.data as FormResult;
    expect(errorsOf(result, "formerLead")).toEqual(["errors.lastLead"]);
    expect(submittedValues(result)).toMatchObject({ userId: "demo-lead", formerLead: "peer-reviewer" });
    expect(await roleOf("demo-lead")).toBe("lead-expert");
    expect(await auditOf("change-role")).toEqual([]);
  });

  it("refuses someone who is not a member beside the field", async () => {
    const refused = await post("admin@demo.test", { intent: "hand-lead", userId: "demo-outsider", formerLead: "peer-reviewer" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.data as FormResult, "userId")).toEqual(["errors.memberNotFound"]);
    expect(await roleOf("demo-lead")).toBe("lead-expert");
  });

  it("is the administrator's alone", async () => {
    const lead = await post("lead@demo.test", { intent: "hand-lead", userId: "demo-peer", formerLead: "peer-reviewer" });
    expect(lead.status).toBe(403);
    expect(await roleOf("demo-peer")).toBe("peer-reviewer");
  });
});
