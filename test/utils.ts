import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asyncDb, db } from "#app/utils/db.server";
import { inviteMember } from "#app/models/invitation.server";
import { createUserSession } from "#app/utils/session.server";
import { DEMO_ACCOUNTS, DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, seedDemo } from "#db/seed/index";
import { evidence, evidenceFactors, reviews, type Phase } from "#db/schema";
import { eq } from "drizzle-orm";
import { emptyPgTables, keepPgSnapshot, onPostgres, restorePgSnapshot } from "./pg-store";

export { db, DEMO_ACCOUNTS, DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID };

export const BASE = "http://localhost:3000";

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];
export type DemoEmail = DemoAccount["email"];

const cookies = new Map<string, string>();

let seededCopy: string | undefined;
/**
 * Puts this test file's in-memory database back to the demo review exactly as seeded, whatever
 * earlier tests wrote, and forgets the session cookies and uploaded files they made. Call it in
 * `beforeEach`, so every test starts from the same state and passes alone and in any order.
 * The first call seeds and keeps a copy of the result in a file; later calls copy each table back
 * from that file, which takes milliseconds where seeding again would take a second.
 */
export async function loadDemoReview() {
  cookies.clear();
  // The seed stores no files, so uploads left by an earlier test go too.
  const uploads = process.env.UPLOADS_PATH!;
  fs.rmSync(uploads, { recursive: true, force: true });
  fs.mkdirSync(uploads, { recursive: true });
  if (onPostgres) return loadDemoReviewOnPg();
  const client = db.$client;
  if (!seededCopy) {
    emptyTables();
    await seedDemo(asyncDb);
    seededCopy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "workbench-seeded-")), "demo.sqlite");
    fs.writeFileSync(seededCopy, client.serialize());
    return;
  }
  client.pragma("foreign_keys = OFF");
  client.prepare("ATTACH DATABASE ? AS seeded").run(seededCopy);
  try {
    client.transaction(() => {
      for (const table of [...tableNames(), "sqlite_sequence"]) {
        client.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" SELECT * FROM seeded."${table}";`);
      }
    })();
  } finally {
    client.exec("DETACH DATABASE seeded");
    client.pragma("foreign_keys = ON");
  }
}

let pgSeeded = false;
/** The same on PostgreSQL: seed once, keep the rows in the schema `seeded`, put them back after. */
async function loadDemoReviewOnPg() {
  if (pgSeeded) return restorePgSnapshot(asyncDb);
  await emptyPgTables(asyncDb);
  await seedDemo(asyncDb);
  await keepPgSnapshot(asyncDb);
  pgSeeded = true;
}

/** The application's tables: everything but SQLite's own and drizzle's record of migrations. */
function tableNames(): string[] {
  return db.$client
    .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '__drizzle_migrations'")
    .pluck()
    .all() as string[];
}

function emptyTables() {
  const client = db.$client;
  client.pragma("foreign_keys = OFF");
  try {
    client.transaction(() => {
      for (const table of [...tableNames(), "sqlite_sequence"]) client.exec(`DELETE FROM main."${table}"`);
    })();
  } finally {
    client.pragma("foreign_keys = ON");
  }
}

/** A session cookie for a demo account, as the browser would send it. */
export async function cookieFor(email: DemoEmail): Promise<string> {
  const cached = cookies.get(email);
  if (cached) return cached;
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === email)!;
  const response = await createUserSession({ request: new Request(`${BASE}/login`), userId: account.id, locale: account.locale, redirectTo: "/" });
  const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
  cookies.set(email, cookie);
  return cookie;
}

/**
 * Probe items for an export test: observations logged by the demo peer on the demo review, tagged
 * with one factor, found by the search words `searchText`.
 */
export async function addProbeEvidence(
  items: { id: string; text: string }[],
  { searchText, factorId, polarity = "supports" }: { searchText: string; factorId: string; polarity?: "supports" | "mixed" | "contradicts" },
) {
  await asyncDb
    .insert(evidence)
    .values(
      items.map((item) => ({ ...item, reviewId: DEMO_REVIEW_ID, kind: "observation" as const, searchText, polarity, attribution: "", createdBy: "demo-peer" })),
    )
    .run();
  await asyncDb
    .insert(evidenceFactors)
    .values(items.map((item) => ({ evidenceId: item.id, factorId })))
    .run();
}

export async function setPhase(phase: Phase, reviewId: string = DEMO_REVIEW_ID) {
  await asyncDb.update(reviews).set({ phase }).where(eq(reviews.id, reviewId)).run();
}

type RequestOptions = {
  method?: string;
  cookie?: string;
  form?: Record<string, string | string[]> | FormData;
  headers?: Record<string, string>;
};

export function makeRequest(path: string, { method, cookie, form, headers = {} }: RequestOptions = {}) {
  let body: FormData | undefined;
  if (form instanceof FormData) body = form;
  else if (form) {
    body = new FormData();
    for (const [name, value] of Object.entries(form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
  }
  return new Request(new URL(path, BASE), {
    method: method ?? (body ? "POST" : "GET"),
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...(body ? { Origin: BASE } : {}), ...headers },
    body,
  });
}

export type Outcome = {
  status: number;
  data: unknown;
  headers: Headers;
  thrown: boolean;
  location: string | null;
};

/**
 * Runs a loader or action and reports what the browser would get: status, data and headers,
 * whether it returned or threw a Response, a data() value or a plain object.
 */
export async function run(
  fn: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Outcome> {
  let value: unknown;
  let thrown = false;
  try {
    value = await fn({ request, params, context: {} });
  } catch (error) {
    value = error;
    thrown = true;
  }
  if (value instanceof Response) {
    const type = value.headers.get("Content-Type") ?? "";
    const body = type.includes("json") ? await value.json() : type.startsWith("text") ? await value.text() : await value.arrayBuffer();
    return { status: value.status, data: body, headers: value.headers, thrown, location: value.headers.get("Location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init?: ResponseInit | null };
    const headers = new Headers(init?.headers);
    return { status: init?.status ?? 200, data, headers, thrown, location: headers.get("Location") };
  }
  if (thrown) throw value;
  return { status: 200, data: value, headers: new Headers(), thrown, location: null };
}

/** A peer-reviewer invitation to the demo review for Nina Berg, who has no account yet: its token. */
export async function inviteNina() {
  const created = await inviteMember({
    reviewId: DEMO_REVIEW_ID,
    email: "nina.berg@example.org",
    role: "peer-reviewer",
    affiliation: "",
    invitedBy: "demo-lead",
  });
  if (created.status !== "invited") throw new Error("expected an invitation");
  return created.token;
}
