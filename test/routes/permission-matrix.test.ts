import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { decide, PHASES, ROUTE_ACCESS, type Access, type Permission } from "#app/utils/permissions";
import { documents, evidence } from "#db/schema";
import { cookieFor, db, DEMO_ACCOUNTS, DEMO_REVIEW_ID, makeRequest, run, seedOnce, setPhase, type Outcome } from "../utils";

/**
 * Drives every loader and action of every route module as every demo account, a stranger and
 * a signed-out visitor, in every phase, and checks each answer against the permission matrix.
 * A route module missing from ROUTE_ACCESS fails here, so no new page can forget its guard.
 */

type RouteModule = {
  default?: unknown;
  loader?: Parameters<typeof run>[0];
  action?: Parameters<typeof run>[0];
};

const ROUTES_DIR = path.resolve("app/routes");
const modules = import.meta.glob<RouteModule>(["../../app/routes/*.{ts,tsx}", "../../app/routes/*/route.{ts,tsx}"]);
// A folder route (`reviews.$reviewId.evidence/route.tsx`) is named after its folder, as Remix names it.
const routeName = (file: string) => file.replace(/^.*\/routes\//, "").replace(/\/route\.(ts|tsx)$|\.(ts|tsx)$/, "");
const routeFiles = fs
  .readdirSync(ROUTES_DIR, { withFileTypes: true })
  .filter((entry) =>
    entry.isDirectory()
      ? ["route.ts", "route.tsx"].some((file) => fs.existsSync(path.join(ROUTES_DIR, entry.name, file)))
      : /\.(ts|tsx)$/.test(entry.name)
  )
  .map((entry) => routeName(entry.name))
  .sort();

async function load(name: string): Promise<RouteModule> {
  const key = Object.keys(modules).find((candidate) => routeName(candidate) === name);
  if (!key) throw new Error(`No module for route ${name}`);
  return modules[key]!();
}

const ids = { documentId: "", evidenceId: "" };

/** The URL and params a route file name stands for, with ids taken from the demo review. */
function addressOf(name: string) {
  const params: Record<string, string> = {};
  const segments = name
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== "_index")
    .map((segment) => {
      if (segment.startsWith("$")) {
        const param = segment.slice(1);
        const value =
          param === "reviewId"
            ? DEMO_REVIEW_ID
            : param === "factorId"
              ? "kf-01"
              : param === "frameworkId"
                ? "eurocities-anti-discrimination"
                : param === "token"
                  ? "not-a-real-invitation-token"
                  : param === "documentId"
                    ? ids.documentId
                    : param === "evidenceId"
                      ? ids.evidenceId
                      : `unknown-${param}`;
        params[param] = value;
        return value;
      }
      return segment.replace(/\[(.*?)\]/g, "$1");
    });
  const joined = `/${segments.join("/")}`.replace(/\/\./g, ".");
  return { path: joined === "/" ? "/" : joined, params };
}

type Actor = { label: string; email: (typeof DEMO_ACCOUNTS)[number]["email"] | null; role: (typeof DEMO_ACCOUNTS)[number]["role"]; isAdmin: boolean };
const ACTORS: Actor[] = [
  ...DEMO_ACCOUNTS.map((account) => ({ label: account.email, email: account.email, role: account.role, isAdmin: account.isAdmin })),
  { label: "signed out", email: null, role: null, isAdmin: false },
];

// "open": a public route decides its own answer (an unknown invitation is a 404 by design).
type Expected = "open" | "allowed" | 302 | 401 | 403 | 404 | 409;

function expectedFor(access: Access, actor: Actor, phase: (typeof PHASES)[number], method: "GET" | "POST", resource: boolean): Expected {
  if (access === "public") return "open";
  if (!actor.email) return resource ? 401 : method === "GET" ? 302 : 302;
  if (access === "signed-in") return "allowed";
  if (access === "admin") return actor.isAdmin ? "allowed" : 403;
  if (!actor.role) return 404;
  const decision = decide(actor.role, access as Permission, phase);
  if (decision === "allowed") return "allowed";
  if (decision === "wrong-phase" && method === "POST") return 409;
  return 403;
}

function describeOutcome(outcome: Outcome) {
  return `${outcome.status}${outcome.location ? ` → ${outcome.location}` : ""}`;
}

function check(outcome: Outcome, expected: Expected, context: string) {
  if (expected === "open") {
    expect(outcome.status, `${context}: server error`).toBeLessThan(500);
  } else if (expected === "allowed") {
    expect([401, 403, 404, 409], `${context}: expected to be let through, got ${describeOutcome(outcome)}`).not.toContain(outcome.status);
    expect(outcome.status, `${context}: server error`).toBeLessThan(500);
    if (outcome.status === 302) expect(outcome.location ?? "", `${context}: sent to login`).not.toMatch(/^\/login/);
  } else if (expected === 302) {
    expect(outcome.status, context).toBe(302);
    expect(outcome.location, context).toMatch(/^\/login\?redirectTo=/);
  } else {
    expect(outcome.status, `${context}: got ${describeOutcome(outcome)}`).toBe(expected);
  }
}

const SECRET_MARKERS = ["$argon2", "password_hash", "passwordHash", "tokenHash", process.env.SESSION_SECRET!];

beforeAll(async () => {
  await seedOnce();
  ids.documentId =
    db.select({ id: documents.id }).from(documents).where(and(eq(documents.reviewId, DEMO_REVIEW_ID), isNull(documents.deletedAt))).limit(1).get()?.id ?? "no-document";
  ids.evidenceId =
    db.select({ id: evidence.id }).from(evidence).where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), isNull(evidence.deletedAt))).limit(1).get()?.id ?? "no-evidence";
});

describe("the route table", () => {
  it("lists every module under app/routes/ and nothing else", () => {
    const listed = Object.keys(ROUTE_ACCESS).sort();
    expect(routeFiles.filter((file) => !listed.includes(file)), "routes missing from ROUTE_ACCESS").toEqual([]);
    expect(listed.filter((name) => !routeFiles.includes(name)), "ROUTE_ACCESS entries without a module").toEqual([]);
  });

  it("declares access for exactly the loaders and actions each module exports", async () => {
    for (const name of routeFiles) {
      const module = await load(name);
      const access = ROUTE_ACCESS[name]!;
      expect(Boolean(module.loader), `${name}: loader declared ${Boolean(access.loader)}`).toBe(Boolean(access.loader));
      expect(Boolean(module.action), `${name}: action declared ${Boolean(access.action)}`).toBe(Boolean(access.action));
    }
  });
});

describe.each(PHASES)("in the %s phase", (phase) => {
  beforeAll(() => setPhase(phase));

  it.each(routeFiles)("%s answers each actor as the matrix says", async (name) => {
    const module = await load(name);
    const access = ROUTE_ACCESS[name]!;
    const resource = !module.default;
    const { path: url, params } = addressOf(name);
    for (const actor of ACTORS) {
      const cookie = actor.email ? await cookieFor(actor.email) : undefined;
      if (module.loader && access.loader) {
        const outcome = await run(module.loader, makeRequest(url, { cookie }), params);
        const context = `${name} loader as ${actor.label} in ${phase}`;
        check(outcome, expectedFor(access.loader, actor, phase, "GET", resource), context);
        const body = JSON.stringify(outcome.data ?? null);
        for (const marker of SECRET_MARKERS) expect(body.includes(marker), `${context} leaks ${marker}`).toBe(false);
        if (cookie) expect(body.includes(cookie.split("=")[1]!.split(".")[0]!), `${context} leaks the session`).toBe(false);
      }
      if (module.action && access.action && name !== "logout") {
        const intents: [string | null, Access][] = typeof access.action === "string" ? [[null, access.action]] : Object.entries(access.action);
        for (const [intent, needed] of intents) {
          const form: Record<string, string> = intent ? { intent } : {};
          const outcome = await run(module.action, makeRequest(url, { cookie, form }), params);
          check(outcome, expectedFor(needed, actor, phase, "POST", resource), `${name} action${intent ? ` (${intent})` : ""} as ${actor.label} in ${phase}`);
        }
      }
    }
  });
});

describe("mutating requests from another site", () => {
  it("are refused with 403 before anything else", async () => {
    const module = await load("reviews.$reviewId.members");
    const cookie = await cookieFor("lead@demo.test");
    const request = makeRequest(`/reviews/${DEMO_REVIEW_ID}/members`, {
      cookie,
      form: { intent: "invite", email: "x@example.org", role: "peer-reviewer" },
      headers: { Origin: "https://evil.example" },
    });
    const outcome = await run(module.action!, request, { reviewId: DEMO_REVIEW_ID });
    expect(outcome.status).toBe(403);
  });

  it("are refused on the sign-in form too", async () => {
    const module = await load("login");
    const request = makeRequest("/login", { form: { email: "lead@demo.test", password: "workbench-demo" }, headers: { Origin: "https://evil.example" } });
    expect((await run(module.action!, request)).status).toBe(403);
  });
});
