import { beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { decide, PHASES, ROUTE_ACCESS, type Access, type Permission } from "#app/utils/permissions";
import { evidence } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_ACCOUNTS, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, BASE } from "../utils";

/**
 * Every action listed in ROUTE_ACCESS, posted a body that is not a form by a member whose
 * role and phase let them use it, answers 400: never a server error, never a write.
 */

type RouteModule = { action?: Parameters<typeof run>[0] };
const modules = import.meta.glob<RouteModule>(["../../app/routes/*.{ts,tsx}", "../../app/routes/*/route.{ts,tsx}"]);
// A folder route (`reviews.$reviewId.evidence/route.tsx`) is named after its folder, as Remix names it.
const routeName = (file: string) => file.replace(/^.*\/routes\//, "").replace(/\/route\.(ts|tsx)$|\.(ts|tsx)$/, "");

async function load(name: string): Promise<RouteModule> {
  const key = Object.keys(modules).find((candidate) => routeName(candidate) === name);
  if (!key) throw new Error(`No module for route ${name}`);
  return modules[key]!();
}

const BODIES: [string, Record<string, string>, string | undefined][] = [
  ["JSON", { "Content-Type": "application/json" }, JSON.stringify({ intent: "invite", email: "x@example.org" })],
  ["plain text", { "Content-Type": "text/plain;charset=UTF-8" }, "intent=invite\r\nemail=x@example.org"],
  ["no content type", {}, undefined],
  ["multipart without a boundary", { "Content-Type": "multipart/form-data" }, '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n'],
  ["truncated multipart", { "Content-Type": "multipart/form-data; boundary=b" }, '--b\r\nContent-Disposition: form-data; name="intent"\r\n\r\ncreate'],
  ["XML", { "Content-Type": "application/xml" }, "<form><intent>create</intent></form>"],
];

const ids: Record<string, string> = {};

/** Who may use this access, and in which phase; null for routes open to anyone. */
function allowedActor(access: Access) {
  if (access === "public") return { email: null, phase: PHASES[0] };
  if (access === "signed-in") return { email: "peer@demo.test" as const, phase: PHASES[0] };
  // The administrator passes "admin or <permission>" too, member of the review or not.
  if (access === "admin" || access.startsWith("admin or ")) return { email: "admin@demo.test" as const, phase: PHASES[0] };
  for (const account of DEMO_ACCOUNTS) {
    if (!account.role) continue;
    const phase = PHASES.find((candidate) => decide(account.role!, access as Permission, candidate) === "allowed");
    if (phase) return { email: account.email, phase };
  }
  throw new Error(`No demo account may use ${access}`);
}

function addressOf(name: string) {
  const params: Record<string, string> = {};
  const values: Record<string, string> = {
    reviewId: DEMO_REVIEW_ID,
    factorId: "kf-01",
    token: "not-a-real-invitation-token",
    evidenceId: ids.evidenceId ?? "",
  };
  const segments = name
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => {
      if (!segment.startsWith("$")) return segment;
      // `$reviewId_` (a route outside its parent's layout) is still the parameter reviewId.
      const param = segment.slice(1).replace(/_$/, "");
      params[param] = values[param] ?? `unknown-${param}`;
      return params[param];
    });
  return { path: `/${segments.join("/")}`, params };
}

const cases = Object.entries(ROUTE_ACCESS).flatMap(([name, access]) => {
  if (!access.action) return [];
  const needs = typeof access.action === "string" ? [access.action] : [...new Set(Object.values(access.action))];
  return needs.map((needed) => [name, needed] as const);
});

beforeEach(async () => {
  await loadDemoReview();
  ids.evidenceId = (await asyncDb
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), isNull(evidence.deletedAt)))
    .limit(1)
    .get())!.id;
});

describe("a body that is not a form", () => {
  it("is tried on every action in the route table", () => {
    expect(cases.map(([name]) => name)).toEqual(expect.arrayContaining(["login", "logout", "reviews.$reviewId.members", "reviews.$reviewId.documents._index"]));
  });

  it.each(cases)("%s (as someone with %s) answers 400 to each", async (name, needed) => {
    const module = await load(name);
    const actor = allowedActor(needed);
    await setPhase(actor.phase);
    const cookie = actor.email ? await cookieFor(actor.email) : undefined;
    const { path, params } = addressOf(name);
    for (const [label, headers, body] of BODIES) {
      const request = makeRequest(path, { method: "POST", cookie, headers: { Origin: BASE, ...headers } });
      const withBody = new Request(request, { body, duplex: "half" } as RequestInit);
      const outcome = await run(module.action!, withBody, params);
      expect(outcome.status, `${name} with ${label}: ${JSON.stringify(outcome.data)}`).toBe(400);
    }
  });
});

describe("a post from another site, or that names no origin at all", () => {
  const SOURCES: [string, Record<string, string>][] = [
    ["another site", { Origin: "https://evil.example" }],
    ["another port of this host", { Origin: "http://localhost:4000" }],
    ["an opaque origin", { Origin: "null" }],
    ["a Referer from another site", { Referer: "https://evil.example/page" }],
    ["neither Origin nor Referer", {}],
  ];

  it.each(cases)("%s (as someone with %s) answers 403 to each", async (name, needed) => {
    const module = await load(name);
    const actor = allowedActor(needed);
    await setPhase(actor.phase);
    const cookie = actor.email ? await cookieFor(actor.email) : undefined;
    const { path, params } = addressOf(name);
    for (const [label, headers] of SOURCES) {
      const form = new FormData();
      form.append("intent", "invite");
      const request = new Request(new URL(path, BASE), { method: "POST", headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers }, body: form });
      const outcome = await run(module.action!, request, params);
      expect(outcome.status, `${name} from ${label}`).toBe(403);
    }
  });
});
