import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, BrowserContext } from "playwright-core";
import { can, ROUTE_ACCESS, type Access, type Permission, type Phase, type Role } from "#app/utils/permissions";
import { signIn } from "./harness";

/*
 * Every page of the app as every account that may open it, read from the permission table
 * (app/utils/permissions.ts): a route added there is checked by the accessibility and HTML
 * tests without touching them. A page is a route module with a component (resource routes such
 * as the CSV and PDF downloads, and layouts that only frame an index page, are left out).
 */

/** The demo review's phase (db/seed): who may open a review page depends on it. */
const DEMO_PHASE: Phase = "peer-visit";

/** The demo accounts (README "Demo accounts"); anonymous is a visitor who is not signed in. */
export const ACCOUNTS = {
  anonymous: { email: null, role: null, admin: false },
  admin: { email: "admin@demo.test", role: null, admin: true },
  lead: { email: "lead@demo.test", role: "lead-expert", admin: false },
  peer: { email: "peer@demo.test", role: "peer-reviewer", admin: false },
  host: { email: "host@demo.test", role: "host-team", admin: false },
  reader: { email: "reader@demo.test", role: "host-reader", admin: false },
  outsider: { email: "outsider@demo.test", role: null, admin: false },
  // The social centre's plan partner: the plan and its own actions, nothing else of the review.
  partner: { email: "partner@demo.test", role: "plan-partner", admin: false },
} as const satisfies Record<string, { email: string | null; role: Role | null; admin: boolean }>;

export type Account = keyof typeof ACCOUNTS;
export const ACCOUNT_NAMES = Object.keys(ACCOUNTS) as Account[];

/** The token of the demo invitation and password-reset link the tests add (see addDemoLinks). */
export const LINK_TOKEN = "e2e-accessibility-link-token";

/** What fills each route parameter: the demo review and things in it. */
const PARAMS: Record<string, string> = {
  reviewId: "demo",
  factorId: "kf-03",
  evidenceId: "demo-ev-037",
  frameworkId: "eurocities-anti-discrimination",
  token: LINK_TOKEN,
  // A plan action the demo's plan partner owns (db/seed/plan.ts), on an agreed conclusion.
  recommendationId: "demo-rec-02-1",
  // The demo city (db/seed/accounts.ts), whose page lists its reviews over the years.
  cityId: "belleforge",
};

function routeFile(route: string) {
  const dir = path.resolve("app/routes");
  for (const candidate of [`${route}.tsx`, `${route}/route.tsx`]) {
    const file = path.join(dir, candidate);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/*
 * The pages of a plan of action (ECCAR's city actions and annual report) exist only on a review
 * whose framework records actions: they are filled from the demo's ECCAR review (db/seed/eccar.ts),
 * in its own phase, whose members are the same demo accounts.
 */
const ECCAR_REVIEW = { id: "demo-eccar", phase: "self-assessment" as const };
const ECCAR_PARAMS: Record<string, string> = { reviewId: ECCAR_REVIEW.id, factorId: "c-01", actionId: "demo-eccar-action-01" };
const onPlanOfAction = (route: string) => route.includes("_.actions.") || route.includes("eccar-report");

function isPage(route: string) {
  const file = routeFile(route);
  if (!file || !/^export default /m.test(fs.readFileSync(file, "utf8"))) return false;
  // A layout whose index route is the page (reviews.$reviewId frames reviews.$reviewId._index).
  return !(`${route}._index` in ROUTE_ACCESS);
}

/** /reviews/demo/conclusions/kf-03 from reviews.$reviewId.conclusions.$factorId. */
export function routePath(route: string) {
  const segments = route
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => {
      // "$reviewId_", "$factorId_": the trailing "_" only keeps the page out of its parent's layout.
      if (!segment.startsWith("$")) return segment.replace(/_$/, "");
      const name = segment.slice(1).replace(/_$/, "");
      const value = (onPlanOfAction(route) ? ECCAR_PARAMS[name] : undefined) ?? PARAMS[name];
      if (!value) throw new Error(`No demo value for the route parameter ${segment} (${route}): add one to PARAMS in test/e2e/pages.ts`);
      return value;
    });
  return `/${segments.join("/")}`;
}

function mayOpen(access: Access, account: Account, phase: Phase = DEMO_PHASE) {
  const { email, role, admin } = ACCOUNTS[account];
  if (access === "public") return account === "anonymous";
  if (access === "signed-in") return email !== null;
  if (access === "admin") return admin;
  // "admin or <permission>": the administrator opens it without being a member.
  const adminOr = /^admin or (.+)$/.exec(access);
  if (adminOr && admin) return true;
  return role !== null && can(role, (adminOr ? adminOr[1] : access) as Permission, phase);
}

export type PageVisit = { route: string; path: string; status: number };

/** The pages an account opens, with the status each answers. */
export function pagesFor(account: Account): PageVisit[] {
  const pages: PageVisit[] = [];
  for (const [route, access] of Object.entries(ROUTE_ACCESS)) {
    if (!access.loader || !isPage(route) || !mayOpen(access.loader, account, onPlanOfAction(route) ? ECCAR_REVIEW.phase : DEMO_PHASE)) continue;
    // A city's page is "not found" for whoever may read none of its reviews (a stranger, a plan partner).
    const cityUnread = route === "cities.$cityId" && !ACCOUNTS[account].admin && !mayOpen("review:read", account);
    pages.push({ route, path: routePath(route), status: cityUnread ? 404 : 200 });
  }
  // The ECCAR review's own overview, with the suggestions waiting from the city's EUROCITIES
  // review, and the form for a new action, as the host team sees them.
  if (account === "host") {
    pages.push({ route: "reviews.$reviewId.self-assessment._index (ECCAR)", path: `/reviews/${ECCAR_REVIEW.id}/self-assessment`, status: 200 });
    pages.push({ route: "reviews.$reviewId.self-assessment.$factorId (ECCAR)", path: `/reviews/${ECCAR_REVIEW.id}/self-assessment/c-01`, status: 200 });
    pages.push({
      route: "reviews.$reviewId.self-assessment.$factorId_.actions.$actionId (new)",
      path: `/reviews/${ECCAR_REVIEW.id}/self-assessment/c-01/actions/new`,
      status: 200,
    });
  }
  // The error pages: nothing there, a review the account is not a member of (as if it did not
  // exist), and a page of its own review that the account's role may not open.
  if (account === "anonymous") pages.push({ route: "(404)", path: "/no-such-page", status: 404 });
  if (account === "outsider") pages.push({ route: "(404)", path: "/reviews/demo/evidence", status: 404 });
  if (account === "host") pages.push({ route: "(403)", path: "/reviews/demo/evidence", status: 403 });
  if (account === "partner") pages.push({ route: "(403)", path: "/reviews/demo/conclusions", status: 403 });
  return pages;
}

/**
 * Adds an open invitation to the demo review and an unused password-reset link for the host
 * reader, both under LINK_TOKEN, so the invitation and reset pages have something to show.
 */
export function addDemoLinks(databasePath: string) {
  const sqlite = new Database(databasePath);
  const tokenHash = crypto.createHash("sha256").update(LINK_TOKEN).digest("hex");
  const now = Date.now();
  const inAWeek = now + 7 * 24 * 3600 * 1000;
  try {
    const idOf = (email: string) => (sqlite.prepare("select id from users where email = ?").get(email) as { id: string }).id;
    sqlite
      .prepare(
        "insert into invitations (id, review_id, email, role, affiliation, token_hash, expires_at, created_by, created_at) values (?, 'demo', ?, 'peer-reviewer', 'Ville de Lyon', ?, ?, ?, ?)",
      )
      .run("e2e-invitation", "new.peer@demo.test", tokenHash, inAWeek, idOf("lead@demo.test"), now);
    sqlite
      .prepare("insert into password_resets (id, user_id, token_hash, expires_at, created_at) values (?, ?, ?, ?, ?)")
      .run("e2e-password-reset", idOf("reader@demo.test"), tokenHash, now + 3600 * 1000, now);
  } finally {
    sqlite.close();
  }
}

/** One context per account and language, signed in once per account (its cookies reused). */
export async function contextFor(browser: Browser, baseURL: string, account: Account, lang: "en" | "fr", signedIn: Map<Account, unknown>) {
  const { email } = ACCOUNTS[account];
  let storageState = signedIn.get(account) as Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;
  if (email && !storageState) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseURL, email);
    storageState = await context.storageState();
    signedIn.set(account, storageState);
    await context.close();
  }
  return browser.newContext({ storageState, locale: lang === "fr" ? "fr-FR" : "en-GB" });
}
