import { and, count, eq, isNull, sql } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { beforeEach, describe, expect, it } from "vitest";
import { requireFramework } from "#benchmark/index";
import { parseTableState } from "#app/utils/table-state";
import { getCoverage } from "#app/models/evidence-coverage.server";
import { EVIDENCE_LOG_TABLE, listEvidenceLog, parseEvidenceView, type LogActor } from "#app/models/evidence-log.server";
import { rankBy } from "#app/models/evidence-log-sql.server";
import { evidence, evidenceFactors } from "#db/schema";
import { foldText } from "#db/search-text";
import { asyncDb } from "#app/utils/db.server";
import { DEMO_REVIEW_ID, loadDemoReview, setPhase } from "../utils";

const framework = requireFramework("eurocities-anti-discrimination");
const PEER: LogActor = { userId: "demo-peer", canEditAny: false, canWrite: true };

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("the log table", () => {
  const view = (query: string) => parseEvidenceView(new URLSearchParams(query));
  const list = (query: string, pageSize = 1000) => listEvidenceLog({ reviewId: DEMO_REVIEW_ID, view: view(query), actor: PEER, pageSize });

  it("searches without regard to accents or case", async () => {
    const plain = await list("q=egalite");
    const accented = await list("q=%C3%89GALIT%C3%89");
    expect(plain.rows.length).toBeGreaterThan(0);
    expect(plain.rows.map((row) => row.id)).toEqual(accented.rows.map((row) => row.id));
    // Evidence matches on its text and attribution; a host-city document on its title or author.
    expect(plain.rows.filter((row) => row.source === "evidence").every((row) => foldText(`${row.text} ${row.attribution}`).includes("egalite"))).toBe(true);
    expect(plain.rows.some((row) => row.source === "evidence")).toBe(true);
    // Several words must all appear; a host-city document title is searched too.
    const both = await list("q=permanence+logement");
    expect(both.rows.length).toBeGreaterThan(0);
    expect(both.rows.every((row) => /permanence/i.test(row.text) && /logement/i.test(row.text))).toBe(true);
    const documents = await list("q=declaration+belleforge");
    expect(documents.rows.find((row) => row.source === "document")?.id).toBe("demo-doc-01");
  });

  it("lists the host city's documents as read-only rows with origin host city", async () => {
    const { rows } = await list("origin=host-city");
    expect(rows.length).toBe(6);
    expect(rows.every((row) => row.source === "document" && row.kind === "document" && !row.canEdit && row.polarity === null)).toBe(true);
    expect(rows.find((row) => row.id === "demo-doc-02")?.factors).toEqual(["kf-02", "kf-03", "kf-07"]);
  });

  it("filters by factor, kind, polarity, reviewer, interview, category and date", async () => {
    const factor = await list("factor=kf-04");
    expect(factor.rows.length).toBeGreaterThan(0);
    expect(factor.rows.every((row) => row.factors.includes("kf-04"))).toBe(true);
    const combined = await list("kind=focus-group-note&polarity=contradicts&reviewer=demo-peer2");
    expect(combined.rows.length).toBeGreaterThan(0);
    expect(combined.rows.every((row) => row.kind === "focus-group-note" && row.polarity === "contradicts" && row.reviewerName === "Samira Haddad")).toBe(true);
    const interview = await list("interview=demo-int-03");
    expect(interview.rows.every((row) => row.interview?.id === "demo-int-03")).toBe(true);
    const residents = await list("category=resident");
    expect(residents.rows.length).toBeGreaterThan(0);
    expect(residents.rows.every((row) => row.categories.includes("resident"))).toBe(true);
    const day = await list("from=2026-03-18&to=2026-03-18&origin=peer-team");
    expect(day.rows.length).toBeGreaterThan(0);
    expect(day.rows.every((row) => new Date(row.date).toISOString().startsWith("2026-03-18"))).toBe(true);
  });

  it("sorts, pages, and groups by factor with an item under each of its factors", async () => {
    const all = await list("");
    const byDate = all.rows.map((row) => row.date);
    expect(byDate).toEqual([...byDate].sort((a, b) => b - a));
    const paged = await list("page=2", 10);
    expect(paged.page).toBe(2);
    expect(paged.rows.map((row) => row.id)).toEqual(all.rows.slice(10, 20).map((row) => row.id));
    expect(paged.rowCount).toBe(all.rowCount);
    const sortedByKind = await list("sort=kind.asc");
    const kinds = sortedByKind.rows.map((row) => row.kind);
    expect(kinds).toEqual([...kinds].sort());
    const grouped = await list("group=factor");
    const tags = all.rows.reduce((sum, row) => sum + row.factors.length, 0);
    expect(grouped.rowCount).toBe(tags);
    expect(grouped.itemCount).toBe(all.itemCount);
    const groups = grouped.rows.map((row) => row.groupFactor);
    expect(groups).toEqual([...groups].sort());
    expect(grouped.groupCounts["kf-04"]).toBe((await list("factor=kf-04")).rows.length);
  });

  it("keeps the view in URL parameters that survive a round trip", () => {
    const state = parseTableState(
      new URLSearchParams("q=%C3%A9gal&factor=kf-01&factor=kf-03&sort=reviewer.desc&cols=text&cols=factors&group=factor&page=3&form-interview=x"),
      EVIDENCE_LOG_TABLE,
    );
    expect(state).toEqual({
      q: "égal",
      sort: [{ id: "reviewer", desc: true }],
      filters: { factor: ["kf-01", "kf-03"] },
      columns: ["text", "factors"],
      group: "factor",
      page: 3,
    });
  });

  it("marks which rows the reader may change", async () => {
    const { rows } = await list("");
    expect(rows.find((row) => row.id === "demo-ev-001")?.canEdit).toBe(true);
    expect(rows.find((row) => row.id === "demo-ev-003")?.canEdit).toBe(false);
    const asLead = await listEvidenceLog({
      reviewId: DEMO_REVIEW_ID,
      view: view(""),
      actor: { userId: "demo-lead", canEditAny: true, canWrite: true },
      pageSize: 1000,
    });
    expect(asLead.rows.filter((row) => row.source === "evidence").every((row) => row.canEdit)).toBe(true);
  });
});

describe("the coverage", () => {
  it("counts evidence and its balance per factor and guiding question, and host-city documents", async () => {
    const coverage = await getCoverage({ reviewId: DEMO_REVIEW_ID, framework });
    expect(coverage.map((factor) => factor.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const ten = coverage.find((factor) => factor.id === "kf-10")!;
    expect(ten.balance.total).toBe(0);
    for (const factor of coverage) {
      expect(factor.balance.supports + factor.balance.mixed + factor.balance.contradicts).toBe(factor.balance.total);
      const live = (await asyncDb
        .select({ n: count() })
        .from(evidenceFactors)
        .innerJoin(evidence, eq(evidence.id, evidenceFactors.evidenceId))
        .where(and(eq(evidenceFactors.factorId, factor.id), eq(evidence.reviewId, DEMO_REVIEW_ID), isNull(evidence.deletedAt)))
        .get())!.n;
      expect(factor.balance.total).toBe(live);
    }
    expect(coverage.find((factor) => factor.id === "kf-01")!.balance.documents).toBe(1);
    expect(coverage.find((factor) => factor.id === "kf-06")!.questions.find((q) => q.id === "kf-06-q2")!.balance.contradicts).toBeGreaterThan(0);
  });
});

describe("the log's SQL", () => {
  it("ranks a sort by name with literal numbers, so PostgreSQL sorts rank 10 after rank 2", () => {
    const ids = Array.from({ length: 11 }, (_, index) => `person-${index + 1}`);
    const { sql: text, params } = new SQLiteAsyncDialect().sqlToQuery(rankBy(sql`log.created_by`, ids));
    expect(params).toEqual(ids);
    expect(text).toBe(`CASE log.created_by ${ids.map((_, index) => `WHEN ? THEN ${index + 1}`).join(" ")} END`);
  });
});
