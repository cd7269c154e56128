import { describe, expect, it } from "vitest";
import { storageFailureOf } from "#app/utils/storage-failure.server";

/*
 * Which errors mean "the store cannot take this now" (the user keeps their text and is told so,
 * pages answer 503) and which are a fault in the statement (an ordinary error): on both stores.
 */
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: insert into …"), { cause });

describe("storage failures", () => {
  it("finds SQLite's disk failures through drizzle's wrapping", () => {
    expect(storageFailureOf(wrapped(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" })))).toBe("SQLITE_FULL");
  });

  it("finds a PostgreSQL server that is gone, full, read-only or out of connections", () => {
    expect(storageFailureOf(wrapped(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })))).toBe("postgres ECONNREFUSED");
    expect(storageFailureOf(wrapped(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })))).toBe(
      "postgres 57P01",
    );
    expect(storageFailureOf(wrapped(Object.assign(new Error("could not extend file"), { code: "53100" })))).toBe("postgres 53100");
    expect(storageFailureOf(wrapped(Object.assign(new Error("cannot execute INSERT in a read-only transaction"), { code: "25006" })))).toBe("postgres 25006");
    expect(storageFailureOf(wrapped(new Error("Connection terminated unexpectedly")))).toBe("postgres connection");
  });

  it("leaves a statement's own fault an ordinary error", () => {
    expect(storageFailureOf(wrapped(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" })))).toBeNull();
    expect(storageFailureOf(wrapped(Object.assign(new Error("UNIQUE constraint failed"), { code: "SQLITE_CONSTRAINT_UNIQUE" })))).toBeNull();
    expect(storageFailureOf(new Error("plain"))).toBeNull();
  });
});
