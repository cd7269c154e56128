import crypto from "node:crypto";
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import type { PgDb } from "./client";
import { storedFiles } from "./schema";

/*
 * Uploaded documents on PostgreSQL (docs/decisions/0029-postgresql-beside-sqlite.md): rows of
 * stored_files named by their SHA-256, written in the transaction that records the document and
 * read back in chunks, so that a 25 MB file is never held whole in memory by a download.
 */

export const CHUNK_BYTES = 1024 * 1024;

type Executor = Pick<PgDb, "select" | "insert">;

/** Stores the bytes once under their SHA-256 (storing the same bytes again changes nothing); returns the hash. */
export async function storeFile(db: Executor, content: Buffer): Promise<string> {
  const sha256 = crypto.createHash("sha256").update(content).digest("hex");
  await db.insert(storedFiles).values({ sha256, size: content.length, content }).onConflictDoNothing();
  return sha256;
}

/** A stored file as a stream read one chunk at a time, as the reader pulls it; null when there is none. */
export async function readStoredFile(db: Executor, sha256: string): Promise<{ size: number; stream: Readable } | null> {
  const [file] = await db.select({ size: storedFiles.size }).from(storedFiles).where(eq(storedFiles.sha256, sha256));
  if (!file) return null;
  async function* chunks() {
    for (let offset = 0; offset < file!.size; offset += CHUNK_BYTES) {
      const [chunk] = await db
        .select({ bytes: sql<Buffer>`substring(${storedFiles.content} from ${offset + 1} for ${CHUNK_BYTES})` })
        .from(storedFiles)
        .where(eq(storedFiles.sha256, sha256));
      if (!chunk) throw new Error(`The stored file ${sha256} was removed while it was read`);
      yield chunk.bytes;
    }
  }
  return { size: file.size, stream: Readable.from(chunks(), { objectMode: false }) };
}
