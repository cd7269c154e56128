import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { whileUnchanged } from "#app/utils/while-unchanged.server";
import { getLogFacets, listEvidenceLog, loadLogContext, parseEvidenceView, type LogActor } from "#app/models/evidence-log.server";
import { deleteEvidence, restoreEvidence } from "#app/models/evidence.server";
import { evidence, interviews } from "#db/schema";
import { asyncDb, transaction } from "#app/utils/db.server";
import { addProbeEvidence, DEMO_REVIEW_ID, loadDemoReview, setPhase } from "../utils";

const PEER: LogActor = { userId: "demo-peer", canEditAny: false, canWrite: true };

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("what the log keeps while the database is unchanged", () => {
  it("computes a value once while nothing is written, and again after any write", async () => {
    let computed = 0;
    const read = () => whileUnchanged("probe", () => ++computed);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    // A write to any table, even one the value does not read, makes it compute again.
    await asyncDb.update(interviews).set({ place: "Salle du conseil" }).where(eq(interviews.id, "demo-int-01")).run();
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
  });

  it("keeps nothing computed inside a transaction, nor a value a write overtook", async () => {
    let computed = 0;
    const read = () => whileUnchanged("probe", () => ++computed);
    await transaction(asyncDb, async () => void (await read()));
    await transaction(asyncDb, async () => void (await read()));
    expect(computed).toBe(2);
    // A write while the value is being computed: the value is returned but not kept.
    const overtaken = await whileUnchanged("probe", async () => {
      await asyncDb.update(interviews).set({ place: "Mairie annexe" }).where(eq(interviews.id, "demo-int-01")).run();
      return "read before the write";
    });
    expect(overtaken).toBe("read before the write");
    expect(await whileUnchanged("probe", () => "read after the write")).toBe("read after the write");
  });

  it("keeps a small read that found a row (on SQLite), never one that found nothing, and lets the oldest go past its limit", async () => {
    const kept = asyncDb.store === "sqlite";
    let found = 0;
    const row = () => whileUnchanged("small:row", () => ({ n: ++found }), { small: true });
    expect((await row()).n).toBe(1);
    expect((await row()).n).toBe(kept ? 1 : 2);
    let missing = 0;
    const none = () => whileUnchanged("small:none", () => void ++missing, { small: true });
    await none();
    await none();
    expect(missing).toBe(2);
    // Many others' rows push out the oldest one only, not the costly values kept beside them.
    let costly = 0;
    const facets = () => whileUnchanged("probe-costly", () => ++costly);
    await facets();
    for (let index = 0; index < 5000; index += 1) await whileUnchanged(`small:other-${index}`, () => index, { small: true });
    expect(await facets()).toBe(kept ? 1 : costly);
    const before = found;
    await row();
    expect(found).toBe(before + 1);
  });

  it("shows the log's totals, tag counts and interviews as they are after each write", async () => {
    const view = parseEvidenceView(new URLSearchParams("factor=kf-10"));
    const read = async () => {
      const context = await loadLogContext({ reviewId: DEMO_REVIEW_ID });
      const [log, facets] = await Promise.all([
        listEvidenceLog({ reviewId: DEMO_REVIEW_ID, view, actor: PEER, context }),
        getLogFacets({ reviewId: DEMO_REVIEW_ID, context }),
      ]);
      return { rows: log.rowCount, tagged: facets.factorCounts["kf-10"] ?? 0, places: facets.interviews.map((interview) => interview.place) };
    };
    const before = await read();
    expect(await read()).toEqual(before);

    await addProbeEvidence([{ id: "probe-cache-1", text: "Le guichet unique a ouvert le samedi." }], { searchText: "guichet", factorId: "kf-10" });
    expect(await read()).toMatchObject({ rows: before.rows + 1, tagged: before.tagged + 1 });

    expect((await deleteEvidence({ reviewId: DEMO_REVIEW_ID, evidenceId: "probe-cache-1", actor: PEER })).ok).toBe(true);
    expect(await read()).toMatchObject({ rows: before.rows, tagged: before.tagged });
    expect((await restoreEvidence({ reviewId: DEMO_REVIEW_ID, evidenceId: "probe-cache-1", actor: PEER })).ok).toBe(true);
    expect(await read()).toMatchObject({ rows: before.rows + 1, tagged: before.tagged + 1 });

    await asyncDb.update(interviews).set({ place: "Salle des fêtes" }).where(eq(interviews.id, "demo-int-01")).run();
    expect((await read()).places).toContain("Salle des fêtes");
    await asyncDb.delete(evidence).where(eq(evidence.id, "probe-cache-1")).run();
    expect(await read()).toMatchObject({ rows: before.rows, tagged: before.tagged });
  });
});
