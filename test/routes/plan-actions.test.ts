import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, partners, partnerTrainings, planActions, planActionUpdates } from "#db/schema";
import { action as actionOf, loader as actionLoader } from "#app/routes/reviews.$reviewId.plan_.$recommendationId";
import { loader as planLoader } from "#app/routes/reviews.$reviewId.plan";
import { loader as csvLoader } from "#app/routes/reviews.$reviewId.plan[.csv]";
import { action as partnersAction, loader as partnersLoader } from "#app/routes/reviews.$reviewId.partners";
import { DEMO_CITY_ID, DEMO_PARTNER_ID } from "#db/seed/index";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/*
 * The living development plan (issue 20): an action's plan (owner, axis, dates, indicator,
 * status) and its progress log, the rules on bad input, the plan partner who sees and updates
 * only what its organisation owns, the partner register, and the audit of every change.
 */

const PARTNER_OWN = "demo-rec-02-1";
const OTHER_PARTNERS = "demo-rec-03-2";
/** kf-06's conclusion is a draft: the partner owns this one but may not read it. */
const PARTNER_DRAFT = "demo-rec-06-1";

const PLAN = {
  intent: "save-action",
  ownerPartnerId: "",
  ownerService: "Mission égalité",
  axis: "Observatoire",
  startDate: "2026-05-01",
  dueDate: "2026-12-31",
  indicator: "Plaintes orientées vers le Défenseur des droits",
  baseline: "14",
  target: "40",
  status: "in-progress",
};

function page(recommendationId: string) {
  return `/reviews/${DEMO_REVIEW_ID}/plan/${recommendationId}`;
}

async function post(recommendationId: string, form: Record<string, string>, email: DemoEmail = "lead@demo.test") {
  const request = makeRequest(page(recommendationId), { cookie: await cookieFor(email), form });
  return run(actionOf, request, { reviewId: DEMO_REVIEW_ID, recommendationId });
}

async function planRow(recommendationId: string) {
  return asyncDb.select().from(planActions).where(eq(planActions.recommendationId, recommendationId)).get();
}

async function auditOf(entity: string) {
  return asyncDb
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.reviewId, DEMO_REVIEW_ID), eq(auditLog.entity, entity)))
    .all();
}

beforeEach(async () => {
  await loadDemoReview();
});

describe("planning an action", () => {
  it("saves owner, axis, dates, indicator and status, audited", async () => {
    const outcome = await post("demo-rec-01-2", PLAN);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`${page("demo-rec-01-2")}?done=saved`);
    expect(await planRow("demo-rec-01-2")).toMatchObject({
      ownerService: "Mission égalité",
      axis: "Observatoire",
      dueDate: "2026-12-31",
      baseline: "14",
      target: "40",
    });
    const [entry] = (await auditOf("plan-action")).filter((row) => row.entityId === "demo-rec-01-2");
    expect(entry).toMatchObject({ userId: "demo-lead", action: "update", after: { status: "in-progress", target: "40" } });
  });

  it("refuses a due date before the start, beside the field, keeping what was typed and writing nothing", async () => {
    const before = await planRow("demo-rec-01-2");
    const outcome = await post("demo-rec-01-2", { ...PLAN, startDate: "2026-09-01", dueDate: "2026-03-01" });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({
      error: { dueDate: ["plan:errors.dueBeforeStart"] },
      initialValue: { indicator: PLAN.indicator, dueDate: "2026-03-01" },
    });
    expect(await planRow("demo-rec-01-2")).toEqual(before);
    expect(await auditOf("plan-action")).toEqual([]);
  });

  it("refuses a target without a baseline, beside the baseline", async () => {
    const outcome = await post("demo-rec-01-2", { ...PLAN, baseline: "" });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ error: { baseline: ["plan:errors.targetWithoutBaseline"] }, initialValue: { target: "40" } });
    expect((await planRow("demo-rec-01-2"))?.target).toBe("");
  });

  it("gives an action to a partner of the city only", async () => {
    expect((await post("demo-rec-01-2", { ...PLAN, ownerPartnerId: DEMO_PARTNER_ID })).status).toBe(302);
    expect(await planRow("demo-rec-01-2")).toMatchObject({ ownerPartnerId: DEMO_PARTNER_ID, ownerService: "" });
    const forged = await post("demo-rec-01-1", { ...PLAN, ownerPartnerId: "not-a-partner" });
    expect(forged.status).toBe(400);
    expect(forged.data).toMatchObject({ error: { ownerPartnerId: ["plan:errors.unknownPartner"] } });
  });

  it("stays open once the review is issued, while the conclusions stay frozen", async () => {
    await setPhase("issued");
    expect((await post("demo-rec-01-2", PLAN)).status).toBe(302);
    const update = await post(
      "demo-rec-01-2",
      { intent: "add-update", note: "Lancement en conseil municipal.", value: "", status: "in-progress" },
      "host@demo.test",
    );
    expect(update.status).toBe(302);
  });
});

describe("the plan page", () => {
  it("marks overdue actions and filters by owner, status, axis and overdue", async () => {
    const cookie = await cookieFor("lead@demo.test");
    const loaded = await run(planLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/plan`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    const rows = (loaded.data as { rows: { id: string; overdue: boolean; status: string; owner: string; ownerKey: string; axis: string }[] }).rows;
    // Due on 31 October 2026 and still in progress: overdue from then on (the seed's dates are fixed).
    expect(rows.find((row) => row.id === PARTNER_OWN)).toMatchObject({ overdue: true, status: "in-progress", owner: "Centre social des Tilleuls" });
    // Done on time, or due in 2028: not overdue.
    expect(rows.find((row) => row.id === "demo-rec-01-1")?.overdue).toBe(false);
    expect(rows.find((row) => row.id === OTHER_PARTNERS)?.overdue).toBe(false);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(["not-started", "in-progress", "done", "on-hold", "dropped"]));

    const csv = await run(csvLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/plan.csv?overdue=yes&lang=en`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    const lines = String(csv.data)
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain("Owner");
    expect(lines[0]).toContain("Due");
    expect(lines[0]).toContain("Overdue");
    expect(lines.length).toBe(1 + rows.filter((row) => row.overdue).length);
    expect(lines.slice(1).every((line) => line.includes(",yes,"))).toBe(true);

    const byOwner = await run(csvLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/plan.csv?owner=partner:${DEMO_PARTNER_ID}&status=on-hold`, { cookie }), {
      reviewId: DEMO_REVIEW_ID,
    });
    const owned = String(byOwner.data).trim().split(/\r?\n/).slice(1);
    expect(owned).toHaveLength(1);
    expect(owned[0]).toContain("Centre social des Tilleuls");
  });
});

describe("a plan partner", () => {
  it("sees only the agreed actions its organisation owns, on the page and in the file", async () => {
    const cookie = await cookieFor("partner@demo.test");
    const loaded = await run(planLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/plan`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    const data = loaded.data as { rows: { id: string }[]; comments: unknown };
    expect(data.rows.map((row) => row.id).sort()).toEqual(["demo-rec-02-1", "demo-rec-03-1", "demo-rec-05-1"]);
    expect(data.comments).toBeNull();
    const csv = await run(csvLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/plan.csv`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    expect(String(csv.data).trim().split(/\r?\n/)).toHaveLength(4);
    for (const hidden of [OTHER_PARTNERS, PARTNER_DRAFT]) {
      const other = await run(actionLoader, makeRequest(page(hidden), { cookie }), { reviewId: DEMO_REVIEW_ID, recommendationId: hidden });
      expect(other.status).toBe(404);
    }
  });

  it("records progress on its own action, audited under its name", async () => {
    const outcome = await post(
      PARTNER_OWN,
      { intent: "add-update", note: "Deuxième atelier : toutes les fiches ont un indicateur.", value: "14 sur 14", status: "done" },
      "partner@demo.test",
    );
    expect(outcome.status).toBe(302);
    expect((await planRow(PARTNER_OWN))?.status).toBe("done");
    const updates = await asyncDb.select().from(planActionUpdates).where(eq(planActionUpdates.recommendationId, PARTNER_OWN)).all();
    expect(updates.map((update) => update.value)).toContain("14 sur 14");
    const [entry] = (await auditOf("plan-action-update")).filter((row) => row.userId === "demo-partner");
    expect(entry).toMatchObject({ action: "create", before: { status: "in-progress" }, after: { recommendationId: PARTNER_OWN, status: "done" } });
  });

  it("is refused an action it does not own: a message, the note kept, nothing written", async () => {
    const note = "Nous avons rencontré l'association.";
    for (const recommendationId of [OTHER_PARTNERS, PARTNER_DRAFT]) {
      const before = await planRow(recommendationId);
      const outcome = await post(recommendationId, { intent: "add-update", note, value: "", status: "done" }, "partner@demo.test");
      expect(outcome.status).toBe(403);
      expect(outcome.data).toMatchObject({ error: { "": ["plan:errors.notYourAction"] }, initialValue: { note } });
      expect(await planRow(recommendationId)).toEqual(before);
    }
    expect(await asyncDb.select().from(planActionUpdates).where(eq(planActionUpdates.note, note)).all()).toEqual([]);
    expect((await auditOf("plan-action-update")).filter((row) => row.userId === "demo-partner")).toEqual([]);
  });

  it("may not plan an action, even its own", async () => {
    const outcome = await post(PARTNER_OWN, PLAN, "partner@demo.test");
    expect(outcome.status).toBe(403);
    expect((await planRow(PARTNER_OWN))?.ownerPartnerId).toBe(DEMO_PARTNER_ID);
  });
});

describe("the city's partner register", () => {
  async function postPartners(form: Record<string, string>, email: DemoEmail = "host@demo.test") {
    return run(partnersAction, makeRequest(`/reviews/${DEMO_REVIEW_ID}/partners`, { cookie: await cookieFor(email), form }), { reviewId: DEMO_REVIEW_ID });
  }

  it("lists the city's partners with their charter and training record", async () => {
    const loaded = await run(partnersLoader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/partners`, { cookie: await cookieFor("peer@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    const list = (loaded.data as { partners: { name: string; charterSignedOn: string | null; trainings: { peopleTrained: number }[] }[] }).partners;
    expect(list.map((partner) => partner.name)).toEqual(["Association Droits devant Belleforge", "Centre social des Tilleuls"]);
    expect(list[1]).toMatchObject({ charterSignedOn: "2024-05-14", trainings: [{ peopleTrained: 12 }, { peopleTrained: 8 }] });
  });

  it("adds a partner and a training, audited, and refuses bad input beside the field", async () => {
    const bad = await postPartners({ intent: "add-partner", name: "Maison de la justice et du droit", kind: "club", charterSignedOn: "2025-02-30" });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      error: { kind: ["plan:errors.kindRequired"], charterSignedOn: ["errors.invalidDate"] },
      initialValue: { name: "Maison de la justice et du droit" },
    });
    expect(await asyncDb.select().from(partners).where(eq(partners.name, "Maison de la justice et du droit")).all()).toEqual([]);

    const added = await postPartners({ intent: "add-partner", name: "Maison de la justice et du droit", kind: "state-service", charterSignedOn: "2025-02-28" });
    expect(added.status).toBe(302);
    const partner = (await asyncDb.select().from(partners).where(eq(partners.name, "Maison de la justice et du droit")).get())!;
    expect(partner).toMatchObject({ cityId: DEMO_CITY_ID, kind: "state-service", charterSignedOn: "2025-02-28" });

    const noPeople = await postPartners({
      intent: "add-training",
      partnerId: partner.id,
      date: "2026-03-10",
      topic: "Accueil des victimes",
      peopleTrained: "0",
    });
    expect(noPeople.status).toBe(400);
    expect(noPeople.data).toMatchObject({ error: { peopleTrained: ["plan:errors.peopleTrained"] } });
    const trained = await postPartners({
      intent: "add-training",
      partnerId: partner.id,
      date: "2026-03-10",
      topic: "Accueil des victimes",
      peopleTrained: "6",
    });
    expect(trained.status).toBe(302);
    expect(await asyncDb.select().from(partnerTrainings).where(eq(partnerTrainings.partnerId, partner.id)).all()).toMatchObject([{ peopleTrained: 6 }]);
    expect((await auditOf("partner")).map((row) => row.entityId)).toEqual([partner.id]);
    expect(await auditOf("partner-training")).toHaveLength(1);
  });
});

describe("inviting a plan partner", () => {
  it("asks for the partner organisation, then joins the review for it", async () => {
    const { action: membersAction } = await import("#app/routes/reviews.$reviewId.members");
    const { acceptInvitation } = await import("#app/models/invitation.server");
    const cookie = await cookieFor("lead@demo.test");
    const invite = (form: Record<string, string>) =>
      run(membersAction, makeRequest(`/reviews/${DEMO_REVIEW_ID}/members`, { cookie, form }), { reviewId: DEMO_REVIEW_ID });
    const form = { intent: "invite", email: "accueil@tilleuls.example", role: "plan-partner", affiliation: "Centre social des Tilleuls" };
    const missing = await invite({ ...form, partnerId: "" });
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({ error: { partnerId: ["reviews:members.partnerRequired"] }, initialValue: { email: form.email } });
    const forged = await invite({ ...form, partnerId: "not-a-partner" });
    expect(forged.status).toBe(400);
    expect(forged.data).toMatchObject({ error: { partnerId: ["plan:errors.unknownPartner"] } });

    const made = await invite({ ...form, partnerId: DEMO_PARTNER_ID });
    expect(made.status).toBe(200);
    const link = (made.data as { notice: { link: string } }).notice.link;
    const accepted = await acceptInvitation({ token: link.split("/").pop()!, name: "Nadia Ferhat", locale: "fr", password: "tilleuls-plan-partner-2026" });
    expect(accepted.status).toBe("accepted");
    const { reviewMembers } = await import("#db/schema");
    const member = await asyncDb
      .select()
      .from(reviewMembers)
      .where(eq(reviewMembers.userId, (accepted as { userId: string }).userId))
      .get();
    expect(member).toMatchObject({ role: "plan-partner", partnerId: DEMO_PARTNER_ID });
  });
});
