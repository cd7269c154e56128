import { beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { PHASES, ROUTE_ACCESS, type Access, type Phase } from "#app/utils/permissions";
import { documents, evidence } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_ACCOUNTS, DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type Outcome } from "../utils";
import { loadRoute as load, routeFiles, routeSource } from "./route-modules";

/**
 * Drives every loader and action of every route module as every demo account, a stranger and
 * a signed-out visitor, in every phase, and checks each answer against the policy written out by
 * hand below (not computed by the code under test). A route module missing from ROUTE_ACCESS
 * fails here, so no new page can forget its guard; a route whose guard does not read its
 * permission from ROUTE_ACCESS fails too, so the table, the docs and the code cannot drift.
 */

/*
 * Who may, in which phases: L lead expert, P peer reviewer, H host team, R host reader, T a plan
 * partner (sees and updates only the plan actions its organisation owns), A the
 * administrator without being a member (a review's settings only); s self-assessment, v peer
 * visit, d drafting, f factual check, i issued. A role not listed never may. "public", "signed-in"
 * and "admin" are for routes outside a review (and for what only the administrator does);
 * "city-members" for a city's page: the members of one of its reviews and the administrator, a
 * stranger gets "not found".
 */
type Who = "public" | "signed-in" | "admin" | "city-members" | Partial<Record<"L" | "P" | "H" | "R" | "T" | "A", string>>;
const ALL = "svdfi";
const MEMBERS: Who = { L: ALL, P: ALL, H: ALL, R: ALL };
const SELF_ASSESSMENT_READERS: Who = { L: ALL, P: ALL, H: ALL };
const HOST_WRITES_UNTIL_VISIT_ENDS: Who = { H: "sv" };
const PEER_TEAM: Who = { L: ALL, P: ALL };
const PEERS_LOG_UNTIL_DRAFTING: Who = { L: "svd", P: "svd" };
const CONCLUSION_READERS: Who = { L: ALL, P: ALL, H: "fi", R: "i" };
const PEERS_CONCLUDE: Who = { L: "vdf", P: "vdf" };
const LEAD_AGREES: Who = { L: "vdf" };
const ANNUAL_REPORT_READERS: Who = { L: ALL, P: ALL, H: ALL, R: "i" };
// A factual-check thread: the host team comments, both teams answer, the lead closes; only during the factual check.
// The development plan: read as conclusions are, and by a plan partner; it stays open after the issue.
const PLAN_READERS: Who = { ...CONCLUSION_READERS, T: ALL };
const PLAN_MANAGERS: Who = { L: ALL, H: "fi" };
const PLAN_UPDATERS: Who = { L: ALL, H: "fi", T: ALL };
const FACTUAL_CHECK_THREADS: Record<string, Who> = { comment: { H: "f" }, reply: { H: "f", P: "f", L: "f" }, resolve: { P: "f", L: "f" } };

const EXPECTED: Record<string, { loader?: Who; action?: Who | Record<string, Who> }> = {
  _index: { loader: "public" },
  login: { loader: "public", action: "public" },
  logout: { loader: "public", action: "signed-in" },
  healthz: { loader: "public" },
  accessibility: { loader: "public" },
  "invitations.$token": { loader: "public", action: "public" },
  "benchmark.$frameworkId": { loader: "public" },
  "reviews._index": { loader: "signed-in" },
  notifications: { loader: "signed-in", action: "signed-in" },
  "forgot-password": { loader: "public", action: "public" },
  "reset-password.$token": { loader: "public", action: "public" },
  account: { loader: "signed-in", action: "signed-in" },
  "admin.users": { loader: "admin", action: "admin" },
  "reviews.new": { loader: "admin", action: "admin" },
  // The layout (heading and tabs): a plan partner opens it for the plan alone.
  "reviews.$reviewId": { loader: { ...MEMBERS, T: ALL } },
  // The lead also moves an issued review back a phase, to issue a correction.
  "reviews.$reviewId._index": { loader: MEMBERS, action: { L: ALL } },
  "reviews.$reviewId.members": { loader: MEMBERS, action: { L: "svdf" } },
  "reviews.$reviewId.audit": { loader: { L: ALL } },
  "reviews.$reviewId.search": { loader: MEMBERS },
  "reviews.$reviewId.team-notes": { loader: PEER_TEAM, action: { L: "svdf", P: "svdf" } },
  // The visit's programme: the host team proposes until the visit ends, the lead keeps it until issue;
  // host readers never see it. An interview is made from a slot by whoever logs interviews.
  "reviews.$reviewId.agenda": {
    loader: SELF_ASSESSMENT_READERS,
    action: {
      propose: HOST_WRITES_UNTIL_VISIT_ENDS,
      add: { L: "svdf" },
      update: { L: "svdf" },
      confirm: { L: "svdf" },
      remove: { L: "svdf" },
      "create-interview": PEERS_LOG_UNTIL_DRAFTING,
    },
  },
  // The lead edits until the issue; the lead or the administrator (member or not) archives, in every phase.
  "reviews.$reviewId_.settings": {
    loader: { L: ALL, A: ALL },
    action: { update: { L: "svdf" }, archive: { L: ALL, A: ALL }, "hand-lead": "admin" },
  },
  // Cycles: the city's page lists only the reviews the reader is a member of; the next cycle is
  // the lead's or the administrator's (the page says why a review not issued cannot start one);
  // the follow-up's host account until the visit ends, the peers' verdicts while they log evidence.
  "cities.$cityId": { loader: "city-members", action: "admin" },
  "reviews.$reviewId_.next-cycle": { loader: { L: ALL, A: ALL }, action: { L: ALL, A: ALL } },
  "reviews.$reviewId.follow-up": {
    loader: { L: ALL, P: ALL, H: ALL, R: "i" },
    action: { report: HOST_WRITES_UNTIL_VISIT_ENDS, verdict: PEERS_LOG_UNTIL_DRAFTING },
  },
  "reviews.$reviewId.self-assessment._index": { loader: SELF_ASSESSMENT_READERS, action: HOST_WRITES_UNTIL_VISIT_ENDS },
  "reviews.$reviewId.self-assessment.print": { loader: SELF_ASSESSMENT_READERS },
  "reviews.$reviewId.self-assessment.$factorId": { loader: SELF_ASSESSMENT_READERS, action: HOST_WRITES_UNTIL_VISIT_ENDS },
  "reviews.$reviewId.self-assessment.$factorId_.actions._index": { loader: SELF_ASSESSMENT_READERS, action: HOST_WRITES_UNTIL_VISIT_ENDS },
  "reviews.$reviewId.self-assessment.$factorId_.actions.$actionId": { loader: SELF_ASSESSMENT_READERS, action: HOST_WRITES_UNTIL_VISIT_ENDS },
  "reviews.$reviewId.documents._index": { loader: SELF_ASSESSMENT_READERS, action: HOST_WRITES_UNTIL_VISIT_ENDS },
  "reviews.$reviewId.documents.$documentId.file": { loader: SELF_ASSESSMENT_READERS },
  "reviews.$reviewId.context": { loader: SELF_ASSESSMENT_READERS, action: HOST_WRITES_UNTIL_VISIT_ENDS },
  "reviews.$reviewId.interviews": { loader: PEER_TEAM, action: PEERS_LOG_UNTIL_DRAFTING },
  "reviews.$reviewId.evidence": { loader: PEER_TEAM, action: PEERS_LOG_UNTIL_DRAFTING },
  "reviews.$reviewId.evidence[.csv]": { loader: PEER_TEAM },
  "reviews.$reviewId.evidence[.json]": { loader: PEER_TEAM },
  "reviews.$reviewId.evidence[.xlsx]": { loader: PEER_TEAM },
  // Only the lead exports the log for qualitative-analysis tools (issue 16).
  "reviews.$reviewId.evidence[.qdpx]": { loader: { L: ALL } },
  "reviews.$reviewId.evidence.$evidenceId": { loader: PEER_TEAM, action: PEERS_LOG_UNTIL_DRAFTING },
  "reviews.$reviewId.outbox": { action: PEERS_LOG_UNTIL_DRAFTING },
  "reviews.$reviewId.coverage": { loader: PEER_TEAM },
  "reviews.$reviewId.conclusions._index": { loader: CONCLUSION_READERS },
  "reviews.$reviewId.conclusions.$factorId": {
    loader: CONCLUSION_READERS,
    action: {
      "save-conclusion": PEERS_CONCLUDE,
      "add-recommendation": PEERS_CONCLUDE,
      "update-recommendation": PEERS_CONCLUDE,
      "move-recommendation": PEERS_CONCLUDE,
      "delete-recommendation": PEERS_CONCLUDE,
      agree: LEAD_AGREES,
      reopen: LEAD_AGREES,
      ...FACTUAL_CHECK_THREADS,
    },
  },
  "reviews.$reviewId.summary": { loader: CONCLUSION_READERS, action: { "save-summary": LEAD_AGREES, ...FACTUAL_CHECK_THREADS } },
  "reviews.$reviewId.plan": { loader: PLAN_READERS, action: FACTUAL_CHECK_THREADS },
  "reviews.$reviewId.plan[.csv]": { loader: PLAN_READERS },
  "reviews.$reviewId.plan[.xlsx]": { loader: PLAN_READERS },
  // One action, owned by the demo's plan partner (on an agreed conclusion): the partner records its progress, never plans it.
  "reviews.$reviewId.plan_.$recommendationId": { loader: PLAN_READERS, action: { "save-action": PLAN_MANAGERS, "add-update": PLAN_UPDATERS } },
  // The city's partner register: the review's team and host team read it; the lead and the host team keep it.
  "reviews.$reviewId.partners": { loader: { L: ALL, P: ALL, H: ALL }, action: { "add-partner": { L: ALL, H: ALL }, "add-training": { L: ALL, H: ALL } } },
  "reviews.$reviewId.factual-check[.csv]": { loader: { L: ALL, P: ALL, H: "fi" } },
  "reviews.$reviewId.report": { loader: CONCLUSION_READERS },
  "reviews.$reviewId.report[.pdf]": { loader: CONCLUSION_READERS },
  "reviews.$reviewId.eccar-report": { loader: ANNUAL_REPORT_READERS, action: HOST_WRITES_UNTIL_VISIT_ENDS },
  "reviews.$reviewId.eccar-report[.pdf]": { loader: ANNUAL_REPORT_READERS },
  "reviews.$reviewId.report[.docx]": { loader: CONCLUSION_READERS },
};

/** Routes that exist only on a review whose framework records city actions: driven on the demo's ECCAR review. */
const onPlanOfAction = (name: string) => name.includes(".actions.") || name.includes("eccar-report");

/** Forms where every field may be left empty: an empty form past the guard is saved (and redirects), not refused. */
const EMPTY_FORM_SAVES = new Set(["reviews.$reviewId.self-assessment.$factorId", "reviews.$reviewId.context"]);

const PHASE_LETTER: Record<Phase, string> = { "self-assessment": "s", "peer-visit": "v", drafting: "d", "factual-check": "f", issued: "i" };
const ROLE_LETTER = { "lead-expert": "L", "peer-reviewer": "P", "host-team": "H", "host-reader": "R", "plan-partner": "T" } as const;

const ids = { documentId: "", evidenceId: "" };

/** A plan action of the demo review the plan partner's organisation owns, on an agreed conclusion (db/seed/plan.ts). */
const PARTNER_ACTION = "demo-rec-02-1";

/** The URL and params a route file name stands for, with ids taken from the demo review. */
function addressOf(name: string) {
  const params: Record<string, string> = {};
  const segments = name
    .split(/\.(?![^[]*\])/)
    .filter((segment) => segment !== "_index")
    .map((segment) => {
      if (segment.startsWith("$")) {
        // "$factorId_": the trailing "_" only keeps the page out of its parent's layout.
        const param = segment.slice(1).replace(/_$/, "");
        const plan = onPlanOfAction(name);
        const value =
          param === "reviewId"
            ? plan
              ? DEMO_ECCAR_REVIEW_ID
              : DEMO_REVIEW_ID
            : param === "factorId"
              ? plan
                ? "c-01"
                : "kf-01"
              : param === "cityId"
                ? "belleforge"
                : param === "actionId"
                  ? "demo-eccar-action-01"
                  : param === "frameworkId"
                    ? "eurocities-anti-discrimination"
                    : param === "token"
                      ? "not-a-real-invitation-token"
                      : param === "documentId"
                        ? ids.documentId
                        : param === "evidenceId"
                          ? ids.evidenceId
                          : param === "recommendationId"
                            ? PARTNER_ACTION
                            : `unknown-${param}`;
        params[param] = value;
        return value;
      }
      return segment.replace(/\[(.*?)\]/g, "$1").replace(/_$/, "");
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

function expectedFor(who: Who, actor: Actor, phase: Phase, method: "GET" | "POST", resource: boolean): Expected {
  if (who === "public") return "open";
  if (!actor.email) return resource ? 401 : 302;
  if (who === "signed-in") return "allowed";
  if (who === "admin") return actor.isAdmin ? "allowed" : 403;
  // A plan partner reads only its plan actions: a city's page is "not found" for it, as for a stranger.
  if (who === "city-members") return actor.isAdmin || (actor.role && actor.role !== "plan-partner") ? "allowed" : 404;
  if (!actor.role && actor.isAdmin && who.A !== undefined) return who.A.includes(PHASE_LETTER[phase]) ? "allowed" : method === "POST" ? 409 : 403;
  if (!actor.role) return 404;
  const phases = who[ROLE_LETTER[actor.role]];
  if (phases === undefined) return 403;
  if (phases.includes(PHASE_LETTER[phase])) return "allowed";
  // A write the phase stops is a conflict (409); a page the role cannot open yet is refused (403).
  return method === "POST" ? 409 : 403;
}

function describeOutcome(outcome: Outcome) {
  return `${outcome.status}${outcome.location ? ` → ${outcome.location}` : ""}`;
}

function check(outcome: Outcome, expected: Expected, context: string, method: "GET" | "POST" = "GET", emptyFormSaves = false) {
  if (expected === "open") {
    expect(outcome.status, `${context}: server error`).toBeLessThan(500);
  } else if (expected === "allowed" && method === "POST" && emptyFormSaves) {
    expect(outcome.status, `${context}: expected the empty form saved, got ${describeOutcome(outcome)}`).toBe(302);
    expect(outcome.location ?? "", `${context}: sent to login`).not.toMatch(/^\/login/);
  } else if (expected === "allowed" && method === "POST") {
    // Let through the guard, the action reads the empty form and answers that it is not valid:
    // 400, told apart from a refusal (401/403/404/409).
    expect(outcome.status, `${context}: expected 400 for an empty form past the guard, got ${describeOutcome(outcome)}`).toBe(400);
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

beforeEach(async () => {
  await loadDemoReview();
  ids.documentId =
    (
      await asyncDb
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.reviewId, DEMO_REVIEW_ID), isNull(documents.deletedAt)))
        .limit(1)
        .get()
    )?.id ?? "no-document";
  ids.evidenceId =
    (
      await asyncDb
        .select({ id: evidence.id })
        .from(evidence)
        .where(and(eq(evidence.reviewId, DEMO_REVIEW_ID), isNull(evidence.deletedAt)))
        .limit(1)
        .get()
    )?.id ?? "no-evidence";
});

describe("the route table", () => {
  it("lists every module under app/routes/ and nothing else", () => {
    const listed = Object.keys(ROUTE_ACCESS).sort();
    expect(
      routeFiles.filter((file) => !listed.includes(file)),
      "routes missing from ROUTE_ACCESS",
    ).toEqual([]);
    expect(
      listed.filter((name) => !routeFiles.includes(name)),
      "ROUTE_ACCESS entries without a module",
    ).toEqual([]);
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

function isPerIntent(action: Who | Record<string, Who>): action is Record<string, Who> {
  return typeof action === "object" && Object.values(action).some((value) => typeof value === "object");
}

describe("the code reads the permission it checks from the table", () => {
  it.each(routeFiles)("%s", (name) => {
    const source = routeSource(name);
    const access = ROUTE_ACCESS[name]!;
    const permission = (value: Access | undefined) => value !== undefined && value.includes(":");
    // A permission named in a guard call, not read from the table, could drift from it.
    expect(source, `${name} passes a permission literal to its guard`).not.toMatch(/(requireReviewPermission|authorize)\([^)]*"[a-z-]+:[a-z-]+"/);
    for (const [, named] of source.matchAll(/(?:loader|action)Permission\("([^"]+)"/g)) expect(named, `${name} reads another route's access`).toBe(name);
    if (permission(access.loader)) expect(source, `${name} loader`).toContain(`loaderPermission("${name}")`);
    const action = access.action;
    if (typeof action === "string" ? permission(action) : action !== undefined) expect(source, `${name} action`).toContain(`actionPermission("${name}"`);
    if (access.loader === "admin" || access.action === "admin") expect(source).toContain("requireAdmin(");
    if (access.loader === "signed-in" || access.action === "signed-in") expect(source).toContain("requireUser(");
    // Who sees what is a named rule in app/utils/permissions.ts, never a role compared in a route.
    expect(source, `${name} compares a role`).not.toMatch(/role\s*[!=]==/);
  });
});

describe.each(PHASES)("in the %s phase", (phase) => {
  beforeEach(async () => {
    await setPhase(phase);
    await setPhase(phase, DEMO_ECCAR_REVIEW_ID);
  });

  it.each(routeFiles)("%s answers each actor as the matrix says", async (name) => {
    const module = await load(name);
    const access = ROUTE_ACCESS[name]!;
    const expected = EXPECTED[name]!;
    expect(expected, `${name} has no expected policy in this test`).toBeDefined();
    const resource = !module.default;
    const { path: url, params } = addressOf(name);
    for (const actor of ACTORS) {
      const cookie = actor.email ? await cookieFor(actor.email) : undefined;
      if (module.loader && access.loader) {
        const outcome = await run(module.loader, makeRequest(url, { cookie }), params);
        const context = `${name} loader as ${actor.label} in ${phase}`;
        check(outcome, expectedFor(expected.loader!, actor, phase, "GET", resource), context);
        const body = JSON.stringify(outcome.data ?? null);
        for (const marker of SECRET_MARKERS) expect(body.includes(marker), `${context} leaks ${marker}`).toBe(false);
        if (cookie) expect(body.includes(cookie.split("=")[1]!.split(".")[0]!), `${context} leaks the session`).toBe(false);
      }
      if (module.action && access.action && name !== "logout") {
        const intents: [string | null, Who][] =
          typeof expected.action === "string" || !isPerIntent(expected.action!) ? [[null, expected.action as Who]] : Object.entries(expected.action!);
        for (const [intent, who] of intents) {
          const form: Record<string, string> = intent ? { intent } : {};
          const outcome = await run(module.action, makeRequest(url, { cookie, form }), params);
          check(
            outcome,
            expectedFor(who, actor, phase, "POST", resource),
            `${name} action${intent ? ` (${intent})` : ""} as ${actor.label} in ${phase}`,
            "POST",
            EMPTY_FORM_SAVES.has(name),
          );
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
