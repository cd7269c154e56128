import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  keptForOffline as kept,
  launchBrowser,
  offlineProblems,
  quotesLike as quotesIn,
  signIn,
  startApp,
  waitForHydration,
  watchPage,
  type RunningApp,
} from "./harness";

/**
 * Reloading with no network (issue 13): the service worker serves the evidence log, the
 * interviews page and the factor reference from this member's page cache, the page hydrates
 * from it, and a quote logged there reaches the database exactly once when the network is back.
 */

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

const realProblems = () => offlineProblems(problems);
const quotesLike = (prefix: string) => quotesIn(app.databasePath, prefix);
const keptForOffline = (paths: string[]) => kept(page, paths);

const KEPT = ["/reviews/demo/evidence", "/reviews/demo/interviews", "/benchmark/eurocities-anti-discrimination"];
const status = () => page.locator(".outbox__status");

beforeEach(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-GB" });
  page = await context.newPage();
  problems = watchPage(page);
  await signIn(page, app.baseURL, "peer@demo.test");
  await page.goto(`${app.baseURL}/reviews/demo/evidence`);
  await waitForHydration(page);
  await expect.poll(() => keptForOffline(KEPT), { timeout: 30_000 }).toBe(true);
});

afterEach(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the kept pages of another member", () => {
  it("are emptied on the first page the next member opens, whichever it is", async () => {
    // The peer's session ends without signing out (cookies gone); the lead signs in on the same browser.
    await context.clearCookies();
    await signIn(page, app.baseURL, "lead@demo.test");
    await waitForHydration(page);
    expect(new URL(page.url()).pathname).not.toMatch(/evidence|interviews/);
    const peerPageKept = () =>
      page.evaluate(async () => {
        const cache = await caches.open("workbench-pages");
        return Boolean(await cache.match("/reviews/demo/evidence", { ignoreSearch: true, ignoreVary: true }));
      });
    await expect.poll(peerPageKept, { timeout: 15_000 }).toBe(false);
    expect(realProblems()).toEqual([]);
  });
});

describe("reloading the evidence log offline", () => {
  it("serves the page from the cache, logs a quote there, and saves it exactly once when the network is back", async () => {
    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await waitForHydration(page);
    // The page itself, not an error page: its own title, its outbox line, its form.
    await expect(page.title()).resolves.toBe("Evidence log — Benchmark workbench");
    await expect.poll(() => status().innerText()).toBe("Offline — items are kept on this computer (0 waiting to send).");

    const text = page.locator("#log-text");
    await text.focus();
    await page.keyboard.press("Alt+4");
    await page.keyboard.type("Reloaded offline: the equality officer answers every complaint in writing.");
    await page.keyboard.press("Enter");
    await expect.poll(() => text.inputValue()).toBe("");
    await expect.poll(() => status().innerText()).toBe("Offline — items are kept on this computer (1 waiting to send).");

    // Reloaded again, still offline: the waiting quote is still listed.
    await page.reload();
    await waitForHydration(page);
    await expect
      .poll(() => page.locator(".outbox__item").allTextContents())
      .toEqual(["Reloaded offline: the equality officer answers every complaint in writing."]);
    expect(quotesLike("Reloaded offline")).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => status().innerText(), { timeout: 30_000 }).toBe("All saved");
    expect(quotesLike("Reloaded offline")).toEqual(["Reloaded offline: the equality officer answers every complaint in writing."]);
    // The log shows it once the page has read the saved items again.
    await expect.poll(() => page.locator("main").innerText()).toContain("Reloaded offline: the equality officer answers");
    expect(realProblems()).toEqual([]);
  });

  it("opens the interviews page and the factor reference with no network, by link, by address and by reload", async () => {
    await context.setOffline(true);
    // A link followed inside the app reads the page's data from the cache.
    await page.locator("nav").getByRole("link", { name: "Interviews", exact: true }).click();
    await expect.poll(() => page.title()).toBe("Interviews — Benchmark workbench");
    await expect(page.locator("h1").first().innerText()).resolves.toBe("Interviews and focus groups");
    await page.reload();
    await waitForHydration(page);
    await expect(page.title()).resolves.toBe("Interviews — Benchmark workbench");
    await expect.poll(() => page.locator(".outbox__status").innerText()).toMatch(/^Offline — items are kept on this computer/);
    // An address typed: the factor reference, with its key factors.
    await page.goto(`${app.baseURL}/benchmark/eurocities-anti-discrimination`);
    await waitForHydration(page);
    await expect(page.title()).resolves.toMatch(/ — Benchmark workbench$/);
    await expect(page.locator("main").innerText()).resolves.toContain("Public commitment");
    await page.goBack();
    await waitForHydration(page);
    await page.locator("nav").getByRole("link", { name: "Evidence log", exact: true }).click();
    await expect.poll(() => page.title()).toBe("Evidence log — Benchmark workbench");
    await expect(page.locator("#log-text").isVisible()).resolves.toBe(true);
    expect(realProblems()).toEqual([]);
  });
});
