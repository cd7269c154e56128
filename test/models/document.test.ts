// Over 400 lines on purpose: the document model's cases (upload, link, kinds, sniffing, permissions) share one upload fixture.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createDocument, listDocuments } from "#app/models/document.server";
import { action, loader } from "#app/routes/reviews.$reviewId.documents._index/route";
import { loader as fileLoader } from "#app/routes/reviews.$reviewId.documents.$documentId.file";
import { contentDisposition, downloadName, openStoredFile, parseUploadForm } from "#app/utils/uploads.server";
import { readResult, type FormResult } from "#app/utils/forms";
import { auditLog, documentLinks, documents } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { BASE, cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

// A 1 MB limit keeps the "too large" files small; the default (25 MB) comes from the environment.
vi.hoisted(() => {
  process.env.MAX_UPLOAD_MB = "1";
});

const PAGE = `/reviews/${DEMO_REVIEW_ID}/documents`;
const params = { reviewId: DEMO_REVIEW_ID };
const UPLOADS = process.env.UPLOADS_PATH!;
const MB = 1024 * 1024;

/** A minimal but valid PDF, padded to the size wanted (PDF readers ignore trailing comments). */
function pdf(size = 0, marker = "") {
  const body = Buffer.from(
    `%PDF-1.4\n%${marker}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
  return size > body.length ? Buffer.concat([body, Buffer.alloc(size - body.length, 0x25)]) : body;
}

/** A Windows executable: what an ".exe renamed .pdf" really contains. */
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(126), Buffer.from("PE\0\0"), Buffer.alloc(380)]);

/** An uncompressed ZIP, enough to make a .docx that content sniffing recognises. */
function zip(entries: Record<string, string>) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCX = zip({
  "[Content_Types].xml":
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  "word/document.xml": "<w:document/>",
});
const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]);

const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

function documentForm(fields: Record<string, string | string[]>, file?: { bytes: Buffer; name: string; type?: string }) {
  const form = new FormData();
  const all: Record<string, string | string[]> = {
    intent: "create",
    title: "Rapport d'activité 2024",
    type: "annual-report",
    date: "2025-02-10",
    author: "Mission égalité-diversité",
    url: "",
    factors: ["kf-09"],
    ...fields,
  };
  for (const [name, value] of Object.entries(all)) for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  // An empty file input still sends a part with an empty name, as browsers do.
  form.append(
    "file",
    file
      ? new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" })
      : new File([], "", { type: "application/octet-stream" }),
  );
  return form;
}

async function post(form: FormData, email: DemoEmail = "host@demo.test") {
  return run(action, makeRequest(PAGE, { cookie: await cookieFor(email), form }), params);
}

/** The stored bytes of a file, wherever the store keeps them (the uploads folder, or PostgreSQL's stored_files); null if none. */
async function storedBytes(hash: string): Promise<Buffer | null> {
  const stored = await openStoredFile(hash);
  if (!stored) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stored.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Everything under the uploads folder, temporary files included. */
function filesOnDisk() {
  if (!fs.existsSync(UPLOADS)) return [];
  return fs
    .readdirSync(UPLOADS, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function documentCount() {
  return (await asyncDb.select({ n: count() }).from(documents).where(eq(documents.reviewId, DEMO_REVIEW_ID)).get())!.n;
}

async function auditCount() {
  return (await asyncDb.select({ n: count() }).from(auditLog).get())!.n;
}

async function expectNothingWritten(before: { documents: number; files: string[]; audit: number }) {
  expect(await documentCount()).toBe(before.documents);
  expect(filesOnDisk()).toEqual(before.files);
  expect(await auditCount()).toBe(before.audit);
}

async function snapshot() {
  return { documents: await documentCount(), files: filesOnDisk(), audit: await auditCount() };
}

function errorsOf(outcome: Awaited<ReturnType<typeof run>>) {
  return readResult(outcome.data as FormResult).errors;
}

beforeEach(loadDemoReview);
beforeEach(() => setPhase("self-assessment"));

describe("the documents page", () => {
  it("lists the host city's documents with what they answer", async () => {
    const outcome = await run(loader, makeRequest(PAGE, { cookie: await cookieFor("peer@demo.test") }), params);
    expect(outcome.status).toBe(200);
    const data = outcome.data as { canWrite: boolean; documents: { id: string; links: { factorId: string; questionId: string }[] }[] };
    expect(data.canWrite).toBe(false);
    expect(data.documents).toHaveLength(6);
    const plan = data.documents.find((document) => document.id === "demo-doc-02")!;
    expect(plan.links).toContainEqual({ factorId: "kf-07", questionId: "kf-07-q1" });
    expect(plan.links).toContainEqual({ factorId: "kf-07", questionId: "" });
  });
});

describe("uploading a file", () => {
  it("stores an accepted PDF under its SHA-256, with its metadata and links, as a host-city document", async () => {
    const bytes = pdf(2048, "first");
    const before = await snapshot();
    const outcome = await post(
      documentForm({ factors: ["kf-09"], questions: ["kf-09-q2", "kf-10-q1"] }, { bytes, name: "Rapport d'activité 2024.pdf", type: "application/pdf" }),
    );
    expect(outcome.status).toBe(302);
    const id = new URL(outcome.location!, BASE).searchParams.get("added")!;
    const row = (await asyncDb.select().from(documents).where(eq(documents.id, id)).get())!;
    expect(row).toMatchObject({
      origin: "host-city",
      title: "Rapport d'activité 2024",
      type: "annual-report",
      date: "2025-02-10",
      fileSha256: sha256(bytes),
      fileName: "Rapport d'activité 2024.pdf",
      fileMime: "application/pdf",
      fileSize: 2048,
      createdBy: "demo-host",
    });
    expect(await storedBytes(sha256(bytes))).toEqual(bytes);
    // Nothing else is left on disk: no temporary file. On PostgreSQL the file is a row, not a file here.
    const kept = asyncDb.store === "pg" ? [] : [path.join(UPLOADS, sha256(bytes))];
    expect(filesOnDisk()).toEqual([...before.files, ...kept].sort());
    const links = await asyncDb.select().from(documentLinks).where(eq(documentLinks.documentId, id)).all();
    expect(links.map((link) => `${link.factorId}/${link.questionId}`).sort()).toEqual(["kf-09/", "kf-09/kf-09-q2", "kf-10/", "kf-10/kf-10-q1"]);
    const audit = await asyncDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "document"), eq(auditLog.entityId, id)))
      .get();
    expect(audit).toMatchObject({ action: "create", userId: "demo-host", after: { title: "Rapport d'activité 2024", sha256: sha256(bytes) } });
  });

  it("stores the same file once when uploaded twice", async () => {
    const bytes = pdf(3000, "twice");
    expect((await post(documentForm({ title: "Premier envoi" }, { bytes, name: "a.pdf" }))).status).toBe(302);
    const files = filesOnDisk();
    expect((await post(documentForm({ title: "Second envoi" }, { bytes, name: "b.pdf" }))).status).toBe(302);
    expect(filesOnDisk()).toEqual(files);
    expect(
      await asyncDb
        .select()
        .from(documents)
        .where(eq(documents.fileSha256, sha256(bytes)))
        .all(),
    ).toHaveLength(2);
  });

  it("accepts Word by its content, and old .doc files only under a .doc name", async () => {
    const docx = await post(documentForm({ title: "Compte rendu" }, { bytes: DOCX, name: "compte-rendu.docx" }));
    expect(docx.status).toBe(302);
    expect(
      (
        await asyncDb
          .select()
          .from(documents)
          .where(eq(documents.fileSha256, sha256(DOCX)))
          .get()
      )?.fileMime,
    ).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const doc = await post(documentForm({ title: "Ancien compte rendu" }, { bytes: CFB, name: "ancien.doc" }));
    expect(doc.status).toBe(302);
    expect(
      (
        await asyncDb
          .select()
          .from(documents)
          .where(eq(documents.fileSha256, sha256(CFB)))
          .get()
      )?.fileMime,
    ).toBe("application/msword");
    const before = await snapshot();
    const other = await post(documentForm({ title: "Installateur" }, { bytes: CFB, name: "setup.msi" }));
    expect(other.status).toBe(400);
    expect(errorsOf(other).file).toEqual(["selfAssessment:upload.refusedType"]);
    await expectNothingWritten(before);
  });

  it("refuses an .exe renamed .pdf, by its content, leaving nothing on disk or in the database", async () => {
    const before = await snapshot();
    const outcome = await post(documentForm({ title: "Rapport" }, { bytes: EXE, name: "rapport.pdf", type: "application/pdf" }));
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).file).toEqual(["selfAssessment:upload.refusedType"]);
    expect(readResult(outcome.data as FormResult).values.title).toBe("Rapport");
    await expectNothingWritten(before);
  });

  it("refuses an empty file", async () => {
    const before = await snapshot();
    const outcome = await post(documentForm({}, { bytes: Buffer.alloc(0), name: "vide.pdf" }));
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).file).toEqual(["selfAssessment:upload.empty"]);
    await expectNothingWritten(before);
  });

  it("refuses a file over the size limit, keeping the fields typed after it", async () => {
    const exactly = await post(documentForm({ title: "Exactement la limite" }, { bytes: pdf(MB, "limit"), name: "limite.pdf" }));
    expect(exactly.status).toBe(302);
    const before = await snapshot();
    const form = documentForm({ title: "Trop gros" }, { bytes: pdf(MB + 1, "over"), name: "gros.pdf" });
    form.append("questions", "kf-09-q3");
    const outcome = await post(form);
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).file).toEqual(['selfAssessment:upload.tooLarge|{"max":1}']);
    expect(readResult(outcome.data as FormResult).values.questions).toEqual(["kf-09-q3"]);
    await expectNothingWritten(before);
  });

  it("keeps no file when another field is wrong, and says which file to choose again", async () => {
    const before = await snapshot();
    const outcome = await post(documentForm({ date: "2025-02-30" }, { bytes: pdf(500, "bad-date"), name: "bilan.pdf" }));
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).date).toEqual(["errors.invalidDate"]);
    expect((outcome.data as { droppedFile: string }).droppedFile).toBe("bilan.pdf");
    await expectNothingWritten(before);
  });

  it("removes the stored file when the database write fails, unless another document uses it", async () => {
    const upload = async (bytes: Buffer) => {
      const request = makeRequest(PAGE, { form: documentForm({}, { bytes, name: "x.pdf" }) });
      const parsed = await parseUploadForm(request, { fileFields: ["file"] });
      return parsed.files.file!;
    };
    const input = { title: "x", type: "other" as const, date: null, author: "", url: null, factorIds: ["kf-01"], questionIds: [] };
    const lonely = pdf(700, "lonely");
    await expect(createDocument({ reviewId: DEMO_REVIEW_ID, userId: "no-such-user", input, upload: await upload(lonely) })).rejects.toThrow();
    expect(await storedBytes(sha256(lonely))).toBeNull();

    const shared = pdf(800, "shared");
    await createDocument({ reviewId: DEMO_REVIEW_ID, userId: "demo-host", input, upload: await upload(shared) });
    await expect(createDocument({ reviewId: DEMO_REVIEW_ID, userId: "no-such-user", input, upload: await upload(shared) })).rejects.toThrow();
    expect(await storedBytes(sha256(shared))).toEqual(shared);
    expect(filesOnDisk().filter((file) => file.startsWith(path.join(UPLOADS, "tmp")))).toEqual([]);
  });
});

describe("describing a document", () => {
  it("refuses a bad date, a non-http link, a long or missing title, an unknown factor, and nothing to open", async () => {
    const before = await snapshot();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ date: "le 3 mars", url: "https://example.org" }, "date", "errors.invalidDate"],
      [{ url: "ftp://files.belleforge.example/rapport.pdf" }, "url", "errors.invalidUrl"],
      [{ url: "javascript:alert(1)" }, "url", "errors.invalidUrl"],
      [{ title: "t".repeat(301), url: "https://example.org" }, "title", 'errors.tooLong|{"max":300}'],
      [{ title: "   ", url: "https://example.org" }, "title", "errors.required"],
      [{ type: "novel", url: "https://example.org" }, "type", "errors.invalidChoice"],
      [{ factors: ["kf-42"], url: "https://example.org" }, "links", 'selfAssessment:errors.unknownFactor|{"id":"kf-42"}'],
      [{ factors: [], questions: ["kf-01-q77"], url: "https://example.org" }, "links", 'selfAssessment:errors.unknownQuestion|{"id":"kf-01-q77"}'],
      [{ factors: [], url: "https://example.org" }, "links", "selfAssessment:documents.errors.noFactor"],
      [{ url: "" }, "url", "selfAssessment:documents.errors.linkOrFile"],
    ];
    for (const [fields, field, message] of cases) {
      const outcome = await post(documentForm(fields));
      expect(outcome.status, JSON.stringify(fields)).toBe(400);
      expect(errorsOf(outcome)[field], JSON.stringify(fields)).toEqual([message]);
      const { values } = readResult(outcome.data as FormResult);
      for (const [name, value] of Object.entries(fields)) expect(values[name]).toEqual(value);
    }
    await expectNothingWritten(before);
  });

  it("accepts a link alone, edits it, deletes it (kept for the evidence log) and restores it", async () => {
    const created = await post(
      documentForm({ title: "Charte des agents immobiliers", type: "other", url: "https://www.belleforge.example/charte", factors: ["kf-05"] }),
    );
    expect(created.status).toBe(302);
    const id = new URL(created.location!, BASE).searchParams.get("added")!;
    const updated = await post(
      documentForm({
        intent: "update",
        documentId: id,
        title: "Charte signée avec les agents immobiliers",
        type: "other",
        url: "https://www.belleforge.example/charte",
        factors: [],
        questions: ["kf-05-q2"],
      }),
    );
    expect(updated.status).toBe(302);
    expect((await asyncDb.select().from(documents).where(eq(documents.id, id)).get())?.title).toBe("Charte signée avec les agents immobiliers");
    expect((await asyncDb.select().from(documentLinks).where(eq(documentLinks.documentId, id)).all()).map((link) => link.questionId).sort()).toEqual([
      "",
      "kf-05-q2",
    ]);

    const deleted = await run(action, makeRequest(PAGE, { cookie: await cookieFor("host@demo.test"), form: { intent: "delete", documentId: id } }), params);
    expect(deleted.status).toBe(302);
    expect((await asyncDb.select().from(documents).where(eq(documents.id, id)).get())?.deletedAt).toBeInstanceOf(Date);
    expect((await listDocuments({ reviewId: DEMO_REVIEW_ID })).some((document) => document.id === id)).toBe(false);
    const restored = await run(action, makeRequest(PAGE, { cookie: await cookieFor("host@demo.test"), form: { intent: "restore", documentId: id } }), params);
    expect(restored.status).toBe(302);
    expect((await asyncDb.select().from(documents).where(eq(documents.id, id)).get())?.deletedAt).toBeNull();
    const actions = await asyncDb.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id).all();
    expect(actions.map((entry) => entry.action)).toEqual(["create", "update", "delete", "restore"]);
  });

  it("replaces a file and removes the old one from disk when nothing else uses it", async () => {
    const first = pdf(900, "replace-me");
    const created = await post(documentForm({ title: "À remplacer" }, { bytes: first, name: "v1.pdf" }));
    const id = new URL(created.location!, BASE).searchParams.get("added")!;
    const second = pdf(950, "replacement");
    const updated = await post(documentForm({ intent: "update", documentId: id, title: "Remplacé" }, { bytes: second, name: "v2.pdf" }));
    expect(updated.status).toBe(302);
    expect(await asyncDb.select().from(documents).where(eq(documents.id, id)).get()).toMatchObject({ fileSha256: sha256(second), fileName: "v2.pdf" });
    expect(await storedBytes(sha256(first))).toBeNull();
    expect(await storedBytes(sha256(second))).toEqual(second);
  });

  it("answers 409 after the peer visit, keeping the typed text and storing no file", async () => {
    await setPhase("drafting");
    const before = await snapshot();
    const outcome = await post(documentForm({ title: "Trop tard" }, { bytes: pdf(600, "late"), name: "tard.pdf" }));
    expect(outcome.status).toBe(409);
    expect(readResult(outcome.data as FormResult).values.title).toBe("Trop tard");
    await expectNothingWritten(before);
  });
});

describe("downloading a file", () => {
  let documentId = "";
  const bytes = pdf(4096, "download");
  const name = "Rapport d'activité 2024 — synthèse.pdf";

  beforeEach(async () => {
    await setPhase("peer-visit");
    const created = await run(
      action,
      makeRequest(PAGE, { cookie: await cookieFor("host@demo.test"), form: documentForm({ title: "À télécharger" }, { bytes, name }) }),
      params,
    );
    documentId = new URL(created.location!, BASE).searchParams.get("added")!;
  });

  const download = async (email: DemoEmail | null) =>
    run(fileLoader, makeRequest(`${PAGE}/${documentId}/file`, email ? { cookie: await cookieFor(email) } : {}), { ...params, documentId });

  it("serves the bytes to the peer team as an attachment with the original name and the sniffed type", async () => {
    for (const email of ["peer@demo.test", "lead@demo.test", "host@demo.test"] as const) {
      const outcome = await download(email);
      expect(outcome.status, email).toBe(200);
      expect(Buffer.from(outcome.data as ArrayBuffer)).toEqual(bytes);
      expect(outcome.headers.get("Content-Type")).toBe("application/pdf");
      expect(outcome.headers.get("Content-Length")).toBe("4096");
      expect(outcome.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(outcome.headers.get("Content-Disposition")).toBe(
        "attachment; filename=\"Rapport d'activite 2024 _ synthese.pdf\"; filename*=UTF-8''Rapport%20d%27activit%C3%A9%202024%20%E2%80%94%20synth%C3%A8se.pdf",
      );
    }
  });

  it("answers 403 to the host reader, 404 to a stranger and 401 to a signed-out client", async () => {
    expect((await download("reader@demo.test")).status).toBe(403);
    expect((await download("outsider@demo.test")).status).toBe(404);
    expect((await download(null)).status).toBe(401);
  });

  it("answers 404 for a deleted document, one of another review, or one without a file", async () => {
    const cookie = await cookieFor("peer@demo.test");
    const unknown = await run(fileLoader, makeRequest(`${PAGE}/nope/file`, { cookie }), { ...params, documentId: "nope" });
    expect(unknown.status).toBe(404);
    // A link-only document sends the reader on to the link.
    const linkOnly = await run(fileLoader, makeRequest(`${PAGE}/demo-doc-01/file`, { cookie }), { ...params, documentId: "demo-doc-01" });
    expect(linkOnly.status).toBe(302);
    expect(linkOnly.location).toBe("https://www.belleforge.example/deliberations/2022-041");
    await asyncDb.update(documents).set({ deletedAt: new Date() }).where(eq(documents.id, documentId)).run();
    expect((await download("peer@demo.test")).status).toBe(404);
    await asyncDb.update(documents).set({ deletedAt: null }).where(eq(documents.id, documentId)).run();
  });
});

describe("download names", () => {
  it("quote plain ASCII and encode the exact name per RFC 5987", () => {
    expect(contentDisposition("plan.pdf")).toBe("attachment; filename=\"plan.pdf\"; filename*=UTF-8''plan.pdf");
    expect(contentDisposition('a"b\\c.pdf')).toBe("attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf");
    expect(contentDisposition("Łódź 2024.xlsx")).toContain("filename*=UTF-8''%C5%81%C3%B3d%C5%BA%202024.xlsx");
  });

  it("add the real extension when the name hides it", () => {
    expect(downloadName("rapport.exe", "application/pdf")).toBe("rapport.exe.pdf");
    expect(downloadName("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(downloadName("notes", "application/msword")).toBe("notes.doc");
  });
});
