import { beforeEach, describe, expect, it } from "vitest";
import { listEvidenceLog, type LogActor } from "#app/models/evidence-log.server";
import { copyCanShow, parseEvidenceView, versionAtLeast, viewOfCopy, type LogCopy } from "#app/models/evidence-log-view";
import { databaseVersion } from "#app/utils/while-unchanged.server";
import * as copyRoute from "#app/routes/reviews.$reviewId.evidence[.json]";
import * as logRoute from "#app/routes/reviews.$reviewId.evidence/route";
import { addProbeEvidence, cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase } from "../utils";

const PEER: LogActor = { userId: "demo-peer", canEditAny: false, canWrite: true };

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

async function readCopy(email: "peer@demo.test" | "lead@demo.test" = "peer@demo.test") {
  const outcome = await run(copyRoute.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/evidence.json?lang=en`, { cookie: await cookieFor(email) }), {
    reviewId: DEMO_REVIEW_ID,
  });
  expect(outcome.status).toBe(200);
  return outcome.data as LogCopy;
}

/** Every view the browser works out from its copy, against the server's SQL for the same view. */
const VIEWS = [
  "",
  "page=2",
  "page=99",
  "factor=kf-04",
  "factor=kf-02&factor=kf-07",
  "kind=focus-group-note&polarity=contradicts&reviewer=demo-peer2",
  "interview=demo-int-03",
  "category=resident",
  "category=civil-society&category=public-official",
  "origin=host-city",
  "origin=peer-team&page=3",
  "from=2026-03-18&to=2026-03-18",
  "from=2026-03-19",
  "to=2026-03-17",
  "group=factor",
  "group=factor&page=2",
  "group=factor&factor=kf-03",
  "group=factor&sort=polarity.asc&origin=host-city",
  ...["date", "kind", "polarity", "reviewer", "interview", "category", "factors", "origin"].flatMap((column) => [
    `sort=${column}.asc`,
    `sort=${column}.desc`,
    `sort=${column}.desc&page=2`,
    `sort=${column}.asc&group=factor&page=2`,
  ]),
];

describe("the log's copy in the browser", () => {
  it("shows every view as the server does: the same rows, in the same order, the same counts and pages", async () => {
    const copy = await readCopy();
    expect(copy.rows.length).toBeGreaterThan(40);
    for (const query of VIEWS) {
      const view = parseEvidenceView(new URLSearchParams(query));
      expect(copyCanShow(view)).toBe(true);
      const server = await listEvidenceLog({ reviewId: DEMO_REVIEW_ID, view, actor: PEER, pageSize: 10 });
      const browser = viewOfCopy(copy, view, 10);
      expect({ query, keys: browser.rows.map((row) => row.key) }).toEqual({ query, keys: server.rows.map((row) => row.key) });
      expect({ query, rowCount: browser.rowCount, itemCount: browser.itemCount, page: browser.page, groupCounts: browser.groupCounts }).toEqual({
        query,
        rowCount: server.rowCount,
        itemCount: server.itemCount,
        page: server.page,
        groupCounts: server.groupCounts,
      });
      // Each row as the page shows it (the attribution is read out in the reader's language on both sides).
      const strip = ({ attribution: _attribution, createdBy: _createdBy, ...row }: (typeof browser.rows)[number]) => row;
      const serverRows = server.rows.map(({ attribution: _attribution, ...row }) => row);
      expect(browser.rows.map(strip)).toEqual(serverRows);
    }
    // The rows hold what each reader may do: the lead may change every item, a peer their own.
    expect(copy.rows.find((row) => row.id === "demo-ev-001")?.canEdit).toBe(true);
    expect(copy.rows.find((row) => row.id === "demo-ev-003")?.canEdit).toBe(false);
    expect((await readCopy("lead@demo.test")).rows.filter((row) => row.source === "evidence").every((row) => row.canEdit)).toBe(true);
  });

  it("leaves a search and a sort by text to the server, which reads the whole texts", () => {
    expect(copyCanShow(parseEvidenceView(new URLSearchParams("q=logement")))).toBe(false);
    expect(copyCanShow(parseEvidenceView(new URLSearchParams("sort=text.asc")))).toBe(false);
    expect(copyCanShow(parseEvidenceView(new URLSearchParams("sort=kind.asc&factor=kf-01")))).toBe(true);
  });

  it("is used only while it is as recent as the page: a write makes the page newer than the copy", async () => {
    const copy = await readCopy();
    const page = await run(logRoute.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/evidence`, { cookie: await cookieFor("peer@demo.test") }), {
      reviewId: DEMO_REVIEW_ID,
    });
    const { logVersion } = page.data as { logVersion: string };
    expect(versionAtLeast(copy.version, logVersion)).toBe(true);
    await addProbeEvidence([{ id: "probe-copy-1", text: "Une observation de plus." }], { searchText: "une observation de plus", factorId: "kf-01" });
    const after = await databaseVersion();
    expect(versionAtLeast(copy.version, after)).toBe(false);
    expect(versionAtLeast((await readCopy()).version, after)).toBe(true);
    expect(versionAtLeast("", after)).toBe(false);
  });
});
