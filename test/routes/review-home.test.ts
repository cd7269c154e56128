import { beforeEach, describe, expect, it } from "vitest";
import * as home from "#app/routes/reviews.$reviewId._index";
import * as log from "#app/routes/reviews.$reviewId.evidence/route";
import * as report from "#app/routes/reviews.$reviewId.report";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/**
 * The review's home tells each member what is still missing and what happened lately, but only
 * about what that member may read: the host city learns nothing there of the peers' evidence or
 * draft conclusions.
 */

type HomeData = {
  gaps: { phase: string; key: string }[];
  activity: { entity: string; action: string; userName: string | null }[];
};

async function homeAs(email: DemoEmail) {
  const outcome = await run(home.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}`, { cookie: await cookieFor(email) }), {
    reviewId: DEMO_REVIEW_ID,
  });
  expect(outcome.status).toBe(200);
  return outcome.data as HomeData;
}

const PEER_SIDE_GAPS = ["gaps.noEvidence", "gaps.conclusionsDrafted", "gaps.conclusionsAgreed", "gaps.noRecommendations", "gaps.noSummary"];
const PEER_SIDE_ENTITIES = ["evidence", "interview", "conclusion", "recommendation", "summary"];

beforeEach(async () => {
  await loadDemoReview();
});

describe("during the peer visit", () => {
  beforeEach(() => setPhase("peer-visit"));

  it("shows the lead expert every gap and the team's latest work from the seeded audit trail", async () => {
    const data = await homeAs("lead@demo.test");
    expect(data.gaps.map((gap) => gap.key)).toEqual(expect.arrayContaining(["gaps.conclusionsAgreed", "gaps.noEvidence"]));
    expect(data.activity.length).toBeGreaterThan(0);
    expect(data.activity.some((entry) => PEER_SIDE_ENTITIES.includes(entry.entity))).toBe(true);
  });

  it.each(["host@demo.test", "reader@demo.test"] as DemoEmail[])("tells %s nothing of the peers' evidence or drafts", async (email) => {
    const data = await homeAs(email);
    expect(data.gaps.filter((gap) => PEER_SIDE_GAPS.includes(gap.key))).toEqual([]);
    expect(data.activity.filter((entry) => PEER_SIDE_ENTITIES.includes(entry.entity))).toEqual([]);
  });

  it("still shows the host team its own self-assessment gaps and activity", async () => {
    const data = await homeAs("host@demo.test");
    expect(data.gaps.some((gap) => gap.phase === "self-assessment")).toBe(true);
    expect(data.activity.length).toBeGreaterThan(0);
    expect(
      data.activity.every((entry) =>
        ["review", "member", "document", "self-assessment", "self-assessment-answer", "self-assessment-factor", "context-note", "issued-report"].includes(
          entry.entity,
        ),
      ),
    ).toBe(true);
  });
});

describe("during the factual check", () => {
  beforeEach(() => setPhase("factual-check"));

  it("lets the host team see the drafting gaps once it reads the draft conclusions, but never the evidence", async () => {
    const data = await homeAs("host@demo.test");
    expect(data.gaps.some((gap) => gap.key === "gaps.conclusionsAgreed")).toBe(true);
    expect(data.gaps.some((gap) => gap.key === "gaps.noEvidence")).toBe(false);
    expect(data.activity.some((entry) => entry.entity === "evidence" || entry.entity === "interview")).toBe(false);
  });
});

describe("a refusal explains itself", () => {
  beforeEach(() => setPhase("peer-visit"));

  it("names the role, and the phases in which the page opens to it", async () => {
    const cookie = await cookieFor("host@demo.test");
    const evidenceLog = await run(log.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/evidence`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    expect(evidenceLog.status).toBe(403);
    expect(evidenceLog.data).toMatchObject({ reason: "role", role: "host-team", phase: "peer-visit", opensIn: [] });

    const draftReport = await run(report.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/report`, { cookie }), { reviewId: DEMO_REVIEW_ID });
    expect(draftReport.status).toBe(403);
    expect(draftReport.data).toMatchObject({ reason: "phase", role: "host-team", opensIn: ["factual-check", "issued"] });
  });
});
