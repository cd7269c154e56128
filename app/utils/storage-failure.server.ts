import { recordWriteFailure } from "#db/client";
import { db } from "./db.server";

/*
 * The disk refusing a write: full (SQLITE_FULL), failing (SQLITE_IOERR_*), read-only
 * (SQLITE_READONLY_*), or damaged under the app (SQLITE_CORRUPT, SQLITE_NOTADB). The data
 * already saved is safe; what the user just sent is not saved. The one mapping of these
 * failures: the user gets "the server cannot save right now" with what they typed, the log
 * one line, /healthz "cannot write" (docs/decisions/0015).
 */
const STORAGE_FAILURE = /^SQLITE_(FULL|IOERR|READONLY|CORRUPT|NOTADB)/;

/** The SQLite code of a storage failure, looked up through wrapped errors (drizzle's cause), or null. */
export function storageFailureOf(error: unknown): string | null {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && STORAGE_FAILURE.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** One line in the server's log, no stack, and /healthz says the database cannot be written. */
export function logStorageFailure(request: Request, code: string, error: unknown) {
  recordWriteFailure(db, code);
  const message = String((error as { cause?: { message?: unknown } })?.cause?.message ?? (error as Error)?.message ?? error).replace(/\s+/g, " ");
  console.error(`cannot save: ${code} (${message}) on ${request.method} ${new URL(request.url).pathname}`);
}
