import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { E2E_DIR, TEMPLATE_DB } from "./paths";

const require = createRequire(import.meta.url);

export const DEMO_PASSWORD = "workbench-demo";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type RunningApp = { baseURL: string; port: number; databasePath: string; stop: () => Promise<void>; kill: () => Promise<void> };

/**
 * Serves the production build on a free port over a fresh copy of the seeded demo database,
 * so each test file starts from the same state whatever the others did.
 */
export async function startApp({
  env = {},
  again,
}: { env?: Record<string, string>; again?: { port: number; databasePath: string } } = {}): Promise<RunningApp> {
  // `again`: the same app restarted on its port and database (a server that went down mid-visit).
  const port = again?.port ?? (await freePort());
  const dir = again ? path.dirname(again.databasePath) : fs.mkdtempSync(path.join(E2E_DIR, "app-"));
  const databasePath = path.join(dir, "workbench.sqlite");
  if (!again) fs.copyFileSync(TEMPLATE_DB, databasePath);
  const serve = require.resolve("@remix-run/serve/dist/cli.js");
  const child: ChildProcess = spawn(process.execPath, [serve, "build/server/index.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      UPLOADS_PATH: path.join(dir, "uploads"),
      SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
      DEMO: "1",
      // A journey's own settings, e.g. SMTP_URL pointing at a local mail server it started.
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited early:\n${output}`);
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`The app did not answer /healthz within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseURL,
    port,
    databasePath,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    },
    /** Ends the server at once, mid-request (SIGKILL), as a crash or a power cut would. */
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** The browser's time zone: Europe/Paris (where the users live) unless E2E_TZ says otherwise; npm test also runs E2E_TZ=UTC. */
export const E2E_TZ = process.env.E2E_TZ ?? "Europe/Paris";

/** Chromium whose every new context runs in E2E_TZ unless a test names another zone. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ timezoneId: E2E_TZ, ...options });
  return browser;
}

/** Collects the page's console errors and uncaught exceptions, for tests to assert there were none. */
export function watchPage(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/**
 * Signs in from the login page in the given language (the journeys read English text; an
 * account's own language applies only where the browser has not chosen one).
 */
export async function signIn(page: Page, baseURL: string, email: string, password = DEMO_PASSWORD, lang: "en" | "fr" = "en") {
  await page.goto(`${baseURL}/login?lang=${lang}`);
  await page.getByLabel(/email|adresse/i).fill(email);
  await page.getByLabel(/password|mot de passe/i).fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login")), page.locator("form[data-login] button[type=submit]").click()]);
}

export async function signOut(page: Page) {
  await Promise.all([page.waitForURL(/\/login/), page.locator("form.sign-out button[type=submit]").click()]);
}

/** Runs axe-core (the page must come from browser.newContext()) and throws with a readable list if anything serious or critical is found. */
export async function checkA11y(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  if (bad.length) {
    const lines = bad.map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
    throw new Error(`Accessibility violations on ${page.url()}:\n${lines.join("\n")}`);
  }
  return results;
}

/** Waits until React has hydrated the page (root.tsx marks <html data-hydrated>). */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/**
 * One built app and one Chromium for a test file, started before its tests and stopped after,
 * with the demo review's addresses and a signed-in page per account.
 */
export function journeyOnDemoReview() {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const running = () => {
    if (!app || !browser) throw new Error("The app and the browser start in beforeAll");
    return { app, browser };
  };
  return {
    get app() {
      return running().app;
    },
    get browser() {
      return running().browser;
    },
    /** The demo review's page at `path` ("" for its home). */
    url: (path: string) => `${running().app.baseURL}/reviews/demo${path}`,
    /** A fresh browser context signed in as `email`, with its console errors collected. */
    async open(email: string, options: BrowserContextOptions = {}) {
      const context = await running().browser.newContext(options);
      const page = await context.newPage();
      const problems = watchPage(page);
      await signIn(page, running().app.baseURL, email);
      return { context, page, problems, close: () => context.close() };
    },
  };
}

/** Submits a form with its button and waits for the page the action redirects to. */
export async function submitAndWait(page: Page, button: ReturnType<Page["getByRole"]>, landing: RegExp) {
  await Promise.all([page.waitForURL(landing), button.click()]);
}

// ---- Offline journeys (issue 13) -------------------------------------------

/** A network that is off, or a server that is stopped, shows in the console as failed loads; anything else is a real problem. */
export function offlineProblems(problems: string[]) {
  // Chromium's own service-worker update check also says so when the server is down.
  return problems.filter(
    (problem) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource|An unknown error occurred when fetching the script/.test(problem),
  );
}

/** The texts of the evidence items, not deleted, that start with a prefix, read from the app's database file. */
export function quotesLike(databasePath: string, prefix: string) {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare("SELECT text FROM evidence WHERE text LIKE ? AND deleted_at IS NULL").pluck().all(`${prefix}%`) as string[];
  } finally {
    db.close();
  }
}

/**
 * Whether the service worker controls the page and holds each path for offline use: the page
 * itself (a reload, an address typed) and its data (a link followed, a reload of the data).
 */
export async function keptForOffline(page: Page, paths: string[]) {
  return page.evaluate(async (wanted) => {
    if (!navigator.serviceWorker.controller) return false;
    const pages = await caches.open("workbench-pages");
    const data = await caches.open("workbench-page-data");
    const found = await Promise.all(
      wanted.flatMap((path) => [pages.match(path, { ignoreSearch: true, ignoreVary: true }), data.match(`${path}.data`, { ignoreVary: true })]),
    );
    return found.every(Boolean);
  }, paths);
}
