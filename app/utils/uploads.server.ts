import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { badRequest, requireFormBody } from "./forms.server";
import { sql } from "drizzle-orm";
import { asyncDb } from "./db.server";
import { getEnv } from "./env.server";
import { formValues, msg, type FieldErrors } from "./validation";

/*
 * Uploaded documents: streamed to a temporary file while hashed and counted (never held in
 * memory), checked by their content rather than their name, then kept under UPLOADS_PATH named
 * by their SHA-256, so the same file uploaded twice is stored once. Nothing of a refused file
 * stays on disk.
 */

/** What the content must turn out to be; the name is only trusted to tell old Word from old Excel. */
const ACCEPTED = new Map<string, string>([
  ["application/pdf", "pdf"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  ["application/vnd.oasis.opendocument.text", "odt"],
  ["application/vnd.oasis.opendocument.spreadsheet", "ods"],
  ["application/vnd.oasis.opendocument.presentation", "odp"],
  ["image/png", "png"],
  ["image/jpeg", "jpg"],
  ["image/gif", "gif"],
  ["image/webp", "webp"],
  ["image/tiff", "tif"],
]);

/** Pre-2007 Office files are compound files (CFB) that content alone cannot tell apart. */
const LEGACY_OFFICE: Record<string, { mime: string; ext: string }> = {
  doc: { mime: "application/msword", ext: "doc" },
  xls: { mime: "application/vnd.ms-excel", ext: "xls" },
};

// Text fields of an upload form are short; a larger one is not from our pages.
const MAX_FIELD_BYTES = 256 * 1024;
const MAX_FIELDS_BYTES = 2 * 1024 * 1024;

export function uploadsRoot() {
  return path.resolve(getEnv().UPLOADS_PATH);
}

export function maxUploadBytes() {
  return Math.floor(getEnv().MAX_UPLOAD_MB * 1024 * 1024);
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Where a stored file lives; the hash is checked so a stored value can never point elsewhere. */
export function storedFilePath(sha256: string) {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
  return path.join(uploadsRoot(), sha256);
}

export type AcceptedUpload = {
  field: string;
  originalName: string;
  sha256: string;
  size: number;
  mime: string;
  ext: string;
  tempPath: string;
};

export type StoredFile = { sha256: string; size: number; mime: string; name: string };

export type UploadForm = {
  form: FormData;
  values: Record<string, string | string[]>;
  files: Record<string, AcceptedUpload>;
  /** Field errors about the files (too large, empty, refused type). */
  errors: FieldErrors;
  /** Removes the temporary files of this request; call it whenever the uploads are not kept. */
  discard: () => Promise<void>;
};

export function isMultipart(request: Request) {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

class TooLarge extends Error {}
class FormTooLarge extends Error {}

/** A name that is safe to store and to send back in a header: no path, no control characters. */
export function cleanFileName(name: string) {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(-200);
  return cleaned || "document";
}

async function drain(data: AsyncIterable<Uint8Array>, limit: number) {
  let bytes = 0;
  for await (const chunk of data) {
    bytes += chunk.byteLength;
    if (bytes > limit) throw new FormTooLarge();
  }
}

/** The body broke off or is not multipart: the client's fault, answered with 400. */
class MalformedForm extends Error {}

async function* unlessMalformed(data: AsyncIterable<Uint8Array>) {
  try {
    for await (const chunk of data) yield chunk;
  } catch (error) {
    throw new MalformedForm(String(error));
  }
}

async function readText(data: AsyncIterable<Uint8Array>, limit: number) {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of data) {
    bytes += chunk.byteLength;
    if (bytes > limit) throw new FormTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function acceptedType(detected: { mime: string; ext: string } | undefined, name: string) {
  if (!detected) return null;
  const ext = ACCEPTED.get(detected.mime);
  if (ext) return { mime: detected.mime, ext };
  if (detected.mime === "application/x-cfb") {
    const suffix = name.toLowerCase().split(".").pop() ?? "";
    return LEGACY_OFFICE[suffix] ?? null;
  }
  return null;
}

async function removeQuietly(file: string) {
  await fs.promises.rm(file, { force: true });
}

/**
 * Reads a multipart form. Text fields are collected; each file part in `fileFields` is
 * streamed to a temporary file, then checked: empty, over the size limit or of a refused type
 * gives a field error and its temporary file is removed at once. With `store: false` the file
 * bytes are read and dropped (to answer a refused request while keeping what the user typed).
 *
 * An oversized file is not written further, but the rest of its part is read (up to a hard
 * ceiling) so that the fields after it still arrive and the browser gets the page, not a reset
 * connection.
 */
export async function parseUploadForm(
  request: Request,
  { fileFields, store = true, maxBytes = maxUploadBytes() }: { fileFields: readonly string[]; store?: boolean; maxBytes?: number },
): Promise<UploadForm> {
  requireFormBody(request);
  const form = new FormData();
  const files: Record<string, AcceptedUpload> = {};
  const errors: FieldErrors = {};
  const temporary = new Set<string>();
  const tempDir = path.join(uploadsRoot(), "tmp");
  let fieldBytes = 0;
  const discard = async () => {
    await Promise.all([...temporary].map(removeQuietly));
    temporary.clear();
  };
  const refuse = (field: string, message: string) => {
    errors[field] = [message];
  };

  // Errors of our own handler (disk, size) are told apart from a body that is not multipart.
  let handlerError: unknown;
  const readPart: UploadHandler = async (part) => {
    if (part.filename === undefined) {
      const value = await readText(part.data, MAX_FIELD_BYTES);
      fieldBytes += value.length;
      if (fieldBytes > MAX_FIELDS_BYTES) throw new FormTooLarge();
      form.append(part.name, value);
      return undefined;
    }
    // A file input left empty still sends a part, with no name and no bytes.
    if (!fileFields.includes(part.name) || part.filename === "" || !store || files[part.name] || errors[part.name]) {
      await drain(part.data, maxBytes * 4 + MAX_FIELDS_BYTES);
      return undefined;
    }
    const originalName = cleanFileName(part.filename);
    await fs.promises.mkdir(tempDir, { recursive: true });
    const tempPath = path.join(tempDir, `${crypto.randomUUID()}.part`);
    temporary.add(tempPath);
    const hash = crypto.createHash("sha256");
    let size = 0;
    async function* counted() {
      for await (const chunk of part.data) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new TooLarge();
        hash.update(chunk);
        yield chunk;
      }
    }
    try {
      await pipeline(Readable.from(counted()), fs.createWriteStream(tempPath, { flags: "wx" }));
    } catch (error) {
      await removeQuietly(tempPath);
      temporary.delete(tempPath);
      if (!(error instanceof TooLarge)) throw error;
      refuse(part.name, msg("selfAssessment:upload.tooLarge", { max: Math.round(maxBytes / (1024 * 1024)) }));
      // Read on, without keeping anything, so the fields after the file still arrive.
      await drain(part.data, maxBytes * 4 + MAX_FIELDS_BYTES);
      return undefined;
    }
    if (size === 0) {
      await removeQuietly(tempPath);
      temporary.delete(tempPath);
      refuse(part.name, "selfAssessment:upload.empty");
      return undefined;
    }
    // file-type and its readers are loaded with the first upload, not at every start of the server.
    const { fileTypeFromFile } = await import("file-type");
    const type = acceptedType(await fileTypeFromFile(tempPath), originalName);
    if (!type) {
      await removeQuietly(tempPath);
      temporary.delete(tempPath);
      refuse(part.name, "selfAssessment:upload.refusedType");
      return undefined;
    }
    files[part.name] = { field: part.name, originalName, sha256: hash.digest("hex"), size, mime: type.mime, ext: type.ext, tempPath };
    return undefined;
  };

  const handler: UploadHandler = async (part) => {
    try {
      return await readPart({ ...part, data: unlessMalformed(part.data) });
    } catch (error) {
      if (!(error instanceof MalformedForm)) handlerError = error;
      throw error;
    }
  };

  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    await discard();
    if (error instanceof FormTooLarge) {
      // Far over any limit: stop reading. What arrived before the file is still echoed back.
      const field = fileFields[0] ?? "_form";
      return {
        form,
        values: formValues(form),
        files: {},
        errors: { ...errors, [field]: [msg("selfAssessment:upload.tooLarge", { max: Math.round(maxBytes / (1024 * 1024)) })] },
        discard,
      };
    }
    if (error !== handlerError) badRequest("This form could not be read.");
    throw error;
  }
  return { form, values: formValues(form), files, errors, discard };
}

/**
 * Moves an accepted upload into place under its hash; an identical stored file is reused. On
 * PostgreSQL the bytes go into `stored_files`, shared by every instance (docs/decisions/0029).
 */
export async function keepUpload(upload: AcceptedUpload): Promise<StoredFile> {
  if (asyncDb.store === "pg") {
    const content = await fs.promises.readFile(upload.tempPath);
    await asyncDb.run(
      sql`INSERT INTO stored_files (sha256, size, content) VALUES (${upload.sha256}, ${content.length}, ${content}) ON CONFLICT (sha256) DO NOTHING`,
    );
    await removeQuietly(upload.tempPath);
    return { sha256: upload.sha256, size: upload.size, mime: upload.mime, name: upload.originalName };
  }
  const target = storedFilePath(upload.sha256);
  try {
    await fs.promises.access(target);
    await removeQuietly(upload.tempPath);
  } catch {
    await fs.promises.rename(upload.tempPath, target);
  }
  return { sha256: upload.sha256, size: upload.size, mime: upload.mime, name: upload.originalName };
}

/** Deletes a stored file. Callers check first that no document still refers to it. */
export async function removeStoredFile(sha256: string) {
  if (asyncDb.store === "pg") await asyncDb.run(sql`DELETE FROM stored_files WHERE sha256 = ${sha256}`);
  else await removeQuietly(storedFilePath(sha256));
}

/** Bytes read per query of a file stored in PostgreSQL: a download never holds a whole file. */
const CHUNK_BYTES = 1024 * 1024;

/** A stored file as a stream and its size, on either store; null when it is not there. */
export async function openStoredFile(sha256: string): Promise<{ size: number; stream: Readable } | null> {
  if (asyncDb.store !== "pg") {
    const filePath = storedFilePath(sha256);
    try {
      const { size } = await fs.promises.stat(filePath);
      return { size, stream: fs.createReadStream(filePath) };
    } catch {
      return null;
    }
  }
  const file = await asyncDb.get<{ size: number }>(sql`SELECT size FROM stored_files WHERE sha256 = ${sha256}`);
  if (!file) return null;
  async function* chunks() {
    for (let offset = 0; offset < file!.size; offset += CHUNK_BYTES) {
      const chunk = await asyncDb.get<{ bytes: Buffer }>(
        sql`SELECT substring(content from ${sql.raw(String(offset + 1))} for ${sql.raw(String(CHUNK_BYTES))}) AS bytes FROM stored_files WHERE sha256 = ${sha256}`,
      );
      if (!chunk) throw new Error(`The stored file ${sha256} was removed while it was read`);
      yield chunk.bytes;
    }
  }
  return { size: file.size, stream: Readable.from(chunks(), { objectMode: false }) };
}

const EXTENSION_ALIASES: Record<string, string[]> = { jpg: ["jpg", "jpeg"], tif: ["tif", "tiff"] };

/** The name a download is offered under: the original name, with the right extension added if it lies. */
export function downloadName(name: string, mime: string) {
  const ext = ACCEPTED.get(mime) ?? Object.values(LEGACY_OFFICE).find((legacy) => legacy.mime === mime)?.ext;
  if (!ext) return name;
  const suffix = name.includes(".") ? (name.toLowerCase().split(".").pop() ?? "") : "";
  return (EXTENSION_ALIASES[ext] ?? [ext]).includes(suffix) ? name : `${name}.${ext}`;
}

/**
 * `attachment` with the original name: a plain ASCII fallback for old clients and the exact
 * name in RFC 5987 `filename*` (UTF-8, percent-encoded) for the others.
 */
export function contentDisposition(name: string) {
  const fallback =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\%]/g, "_")
      .trim() || "document";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
