import { recordWriteFailure } from "#db/client";
import { db, store } from "./db.server";

/*
 * The store refusing a write. On SQLite, the disk: full (SQLITE_FULL), failing (SQLITE_IOERR_*),
 * read-only (SQLITE_READONLY_*), or damaged under the app (SQLITE_CORRUPT, SQLITE_NOTADB). On
 * PostgreSQL (docs/decisions/0032), the server: gone or not answering (a refused or broken
 * connection, a shutdown, a failover in progress), out of disk (53100), read-only (25006, a
 * standby), or out of connections (53300). The data already saved is safe; what the user just
 * sent is not saved. The one mapping of these failures: the user gets "the server cannot save
 * right now" with what they typed, the log one line, /healthz "cannot write" (docs/decisions/0015).
 */
const STORAGE_FAILURE = /^SQLITE_(FULL|IOERR|READONLY|CORRUPT|NOTADB)/;

/** PostgreSQL's codes for a server that cannot take the statement now (not a bad statement). */
const PG_UNAVAILABLE = new Set(["53100", "53200", "53300", "25006", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
/** Node's codes for a connection that cannot be made or was cut. */
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);
/** node-postgres's own messages for the same, which carry no code. */
const PG_CLIENT_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** The code of a storage failure, looked up through wrapped errors (drizzle's cause), or null. */
export function storageFailureOf(error: unknown): string | null {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && STORAGE_FAILURE.test(code)) return code;
    if (typeof code === "string" && (PG_UNAVAILABLE.has(code) || NETWORK.has(code))) return `postgres ${code}`;
    const message = (current as { message?: unknown }).message;
    if (typeof message === "string" && PG_CLIENT_MESSAGES.test(message)) return "postgres connection";
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** One line in the server's log, no stack, and /healthz says the database cannot be written. */
export function logStorageFailure(request: Request, code: string, error: unknown) {
  if (store === "sqlite") recordWriteFailure(db, code);
  const message = String((error as { cause?: { message?: unknown } })?.cause?.message ?? (error as Error)?.message ?? error).replace(/\s+/g, " ");
  console.error(`cannot save: ${code} (${message}) on ${request.method} ${new URL(request.url).pathname}`);
}

/** The message key of the page shown while the database cannot be reached (root's loader). */
export const STORE_UNAVAILABLE = "errors.storeUnavailable";
