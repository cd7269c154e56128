import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, evidence, evidenceFactors, evidenceQuestions, interviewParticipants, interviews, reviewMembers, users } from "#db/schema";
import { loader as evidenceQdpx } from "#app/routes/reviews.$reviewId.evidence[.qdpx]";
import { loader as evidenceLog } from "#app/routes/reviews.$reviewId.evidence/route";
import { asyncDb } from "#app/utils/db.server";
import { onPostgres } from "../pg-store";
import { addProbeEvidence, cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/*
 * The evidence log as a REFI-QDA project (.qdpx): unzipped, project.qde validated by xmllint
 * against the REFI-QDA Project schema kept in test/fixtures/refi-qda (with its provenance), and
 * read back: codes, sources, selections and codings match the log; no name of a person met or of
 * a team member leaves in the file; only the lead may take it, and each download is audited.
 */
const SCHEMA = path.resolve("test/fixtures/refi-qda/Project.xsd");
const params = { reviewId: DEMO_REVIEW_ID };

async function get(query = "?lang=en", email: DemoEmail | null = "lead@demo.test") {
  return run(evidenceQdpx, makeRequest(`/reviews/${DEMO_REVIEW_ID}/evidence.qdpx${query}`, { cookie: email ? await cookieFor(email) : undefined }), params);
}

/** What xmllint says of a project.qde against the schema: "" when it is valid. */
function schemaErrors(xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qdpx-"));
  const file = path.join(dir, "project.qde");
  fs.writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", SCHEMA, file], { stdio: "pipe" });
    return "";
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Selection = { name: string; start: number; end: number; codes: string[]; user: string | null };
type Source = { name: string; path: string; text: string; selections: Selection[] };

const NS = "urn:QDA-XML:project:1.0";

/** The project read back with a DOM parser (xmldom), not with the library that wrote it. */
async function open(bytes: ArrayBuffer) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("project.qde")!.async("string");
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const all = (within: Document | Element, name: string) => Array.from(within.getElementsByTagNameNS(NS, name));
  const codes = new Map(all(doc, "Code").map((code) => [code.getAttribute("guid")!, code.getAttribute("name")!]));
  const usersInFile = all(doc, "User").map((user) => ({ guid: user.getAttribute("guid")!, name: user.getAttribute("name")! }));
  const sources: Source[] = [];
  for (const source of all(doc, "TextSource")) {
    const target = source.getAttribute("plainTextPath")!;
    const entry = zip.file(`sources/${target.replace("internal://", "")}`);
    expect(entry, `${target} is in the package`).not.toBeNull();
    const selections = all(source, "PlainTextSelection").map((selection) => ({
      name: selection.getAttribute("name")!,
      start: Number(selection.getAttribute("startPosition")),
      end: Number(selection.getAttribute("endPosition")),
      user: selection.getAttribute("creatingUser") || null,
      codes: all(selection, "CodeRef").map((ref) => codes.get(ref.getAttribute("targetGUID")!)!),
    }));
    sources.push({ name: source.getAttribute("name")!, path: target, text: await entry!.async("string"), selections });
  }
  const everything = [xml, ...sources.map((source) => source.text)].join("\n");
  return { zip, xml, codes, users: usersInFile, sources, everything };
}

/** A selection's text: positions count characters (code points), as REFI-QDA says. */
const cut = (text: string, selection: Selection) => Array.from(text).slice(selection.start, selection.end).join("");

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("drafting");
});

describe("the evidence log as REFI-QDA (.qdpx)", () => {
  it("is a zip whose project.qde the REFI-QDA Project schema accepts, with one text file per source", async () => {
    const outcome = await get();
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get("Content-Type")).toBe("application/zip");
    expect(outcome.headers.get("Content-Disposition")).toContain(".qdpx");
    const project = await open(outcome.data as ArrayBuffer);
    expect(schemaErrors(project.xml)).toBe("");
    expect(project.xml).toContain('xmlns="urn:QDA-XML:project:1.0"');
    const files = Object.keys(project.zip.files).filter((name) => !project.zip.files[name]!.dir);
    expect(files.sort()).toEqual(["project.qde", ...project.sources.map((source) => `sources/${source.path.replace("internal://", "")}`)].sort());
  });

  it("codes every logged item with its key factors, guiding questions and polarity, on the exact words of the item", async () => {
    const project = await open((await get()).data as ArrayBuffer);
    const stored = await asyncDb
      .select({ id: evidence.id, text: evidence.text, polarity: evidence.polarity, interviewId: evidence.interviewId })
      .from(evidence)
      .where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), isNull(evidence.deletedAt)))
      .all();
    const factorTags = await asyncDb.select().from(evidenceFactors).all();
    const questionTags = await asyncDb.select().from(evidenceQuestions).all();
    const selections = new Map(project.sources.flatMap((source) => source.selections.map((selection) => [selection.name, { source, selection }] as const)));
    expect(stored.length).toBeGreaterThan(10);
    for (const item of stored) {
      const found = selections.get(item.id);
      expect(found, item.id).toBeDefined();
      expect(cut(found!.source.text, found!.selection)).toBe(item.text.trim());
      const factors = factorTags.filter((tag) => tag.evidenceId === item.id).map((tag) => tag.factorId);
      const questions = questionTags.filter((tag) => tag.evidenceId === item.id).map((tag) => tag.questionId);
      // Key factor codes read "Key factor 3. …", question codes "3.2 …", polarity codes "Supports"….
      expect(
        found!.selection.codes.filter((name) => name.startsWith("Key factor ")).map((name) => `kf-${name.match(/^Key factor (\d+)\./)![1]!.padStart(2, "0")}`),
      ).toEqual(factors.sort());
      expect(found!.selection.codes.filter((name) => /^\d+\.\d+ /.test(name))).toHaveLength(questions.length);
      expect(found!.selection.codes).toContain({ supports: "Supports", mixed: "Mixed", contradicts: "Contradicts" }[item.polarity]);
    }
    // An interview's quotes sit in that interview's source.
    const quote = stored.find((item) => item.interviewId)!;
    expect(selections.get(quote.id)!.source.name).toMatch(/^(Interview|Focus group) \d+, /);
  });

  it("makes each interview a source with its date and participant categories, lists the documents, and never writes a name", async () => {
    const project = await open((await get()).data as ArrayBuffer);
    const interviewCount = (await asyncDb.select().from(interviews).where(eq(interviews.reviewId, DEMO_REVIEW_ID)).all()).length;
    expect(project.sources.filter((source) => /^(Interview|Focus group) \d+, /.test(source.name))).toHaveLength(interviewCount);
    expect(project.xml).toMatch(/Participants: [A-Z]/);
    expect(project.xml).toContain("<DateValue>");
    const participants = await asyncDb.select().from(interviewParticipants).all();
    const named = participants.filter((participant) => participant.name);
    expect(named.length).toBeGreaterThan(0);
    for (const participant of named) expect(project.everything).not.toContain(participant.name!);
    for (const participant of participants) if (participant.organisation) expect(project.everything).not.toContain(participant.organisation);
    // Team members are numbered by role, never named.
    const members = await asyncDb
      .select({ name: users.name })
      .from(reviewMembers)
      .innerJoin(users, eq(users.id, reviewMembers.userId))
      .where(eq(reviewMembers.reviewId, DEMO_REVIEW_ID))
      .all();
    for (const member of members) expect(project.everything).not.toContain(member.name);
    expect(project.users.map((user) => user.name)).toContain("Lead expert");
    expect(project.users.some((user) => /^Peer reviewer \d+$/.test(user.name))).toBe(true);
    const coders = new Set(project.users.map((user) => user.guid));
    for (const source of project.sources) for (const selection of source.selections) if (selection.user) expect(coders.has(selection.user)).toBe(true);
    // Documents are sources too, under their titles.
    expect(project.xml).toMatch(/<Variable [^>]*name="Document type"/);
    expect(project.sources.some((source) => source.text.includes("Host city"))).toBe(true);
  });

  it("speaks French when asked, codes and sources alike", async () => {
    const project = await open((await get("?lang=fr")).data as ArrayBuffer);
    expect(schemaErrors(project.xml)).toBe("");
    expect([...project.codes.values()].some((name) => name.startsWith("Facteur clé 1. "))).toBe(true);
    expect([...project.codes.values()]).toContain("Confirme");
    expect(project.sources.some((source) => /^(Entretien|Groupe de discussion) \d+, /.test(source.name))).toBe(true);
  });

  it("still opens with text XML forbids, a very long item and right-to-left text, kept as typed", async () => {
    const items = [
      // PostgreSQL's text cannot hold a NUL byte (SQLite's can), so there it never reaches an export.
      { id: "qdpx-control", text: `avant\u0001\u0008\u000bentre${onPostgres ? "" : "\u0000"}après` },
      { id: "qdpx-long", text: "égalité ".repeat(12_000).trim() },
      { id: "qdpx-rtl", text: "المساواة في الحصول على الخدمات — שוויון 👩🏽‍⚕️" },
    ];
    await addProbeEvidence(items, { searchText: "qdpx probe", factorId: "kf-02", polarity: "mixed" });
    const project = await open((await get()).data as ArrayBuffer);
    expect(schemaErrors(project.xml)).toBe("");
    const other = project.sources.find((source) => source.name === "Observations and other evidence")!;
    const text = (id: string) =>
      cut(
        other.text,
        other.selections.find((selection) => selection.name === id)!,
      );
    expect(text("qdpx-control")).toBe("avantentreaprès");
    expect(text("qdpx-long")).toBe(items[1]!.text);
    // Code points, not UTF-16 units: the emoji after the Hebrew does not shift the end.
    expect(text("qdpx-rtl")).toBe(items[2]!.text);
  });

  it("gives the same bytes for the same log", async () => {
    const first = Buffer.from((await get()).data as ArrayBuffer);
    const second = Buffer.from((await get()).data as ArrayBuffer);
    expect(second.equals(first)).toBe(true);
  });

  it("is recorded in the audit log with who took it and the file's SHA-256", async () => {
    const outcome = await get();
    const entries = await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.reviewId, DEMO_REVIEW_ID), eq(auditLog.entity, "evidence-export")))
      .all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "export", userId: "demo-lead" });
    expect(entries[0]!.after).toMatchObject({ format: "qdpx", sha256: outcome.headers.get("X-Export-SHA256") });
  });
});

describe("who may take the evidence out as REFI-QDA", () => {
  it("is the lead expert alone: 403 for the peers and the host city, 404 for a non-member, and nothing is audited", async () => {
    expect((await get("?lang=en", "peer@demo.test")).status).toBe(403);
    expect((await get("?lang=en", "host@demo.test")).status).toBe(403);
    expect((await get("?lang=en", "reader@demo.test")).status).toBe(403);
    expect((await get("?lang=en", "outsider@demo.test")).status).toBe(404);
    expect(await asyncDb.select().from(auditLog).where(eq(auditLog.entity, "evidence-export")).all()).toHaveLength(0);
  });

  it("offers the download on the evidence log to the lead, not to a peer", async () => {
    const offered = async (email: DemoEmail) =>
      (
        (await run(evidenceLog, makeRequest(`/reviews/${DEMO_REVIEW_ID}/evidence`, { cookie: await cookieFor(email) }), params)).data as {
          canExportQda: boolean;
        }
      ).canExportQda;
    expect(await offered("lead@demo.test")).toBe(true);
    expect(await offered("peer@demo.test")).toBe(false);
  });

  it("answers an unknown language with 400 and the allowed values", async () => {
    const outcome = await get("?lang=de");
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ allowed: ["fr", "en"] });
  });
});
