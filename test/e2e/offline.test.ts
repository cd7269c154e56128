import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  keptForOffline,
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
 * The visit works offline (issue 13): a peer logs quotes with no network, reloads the page, and
 * every quote reaches the database exactly once when the network, or the server, comes back.
 */

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

const realProblems = () => offlineProblems(problems);
const quotesLike = (prefix: string) => quotesIn(app.databasePath, prefix);

/** The evidence log, controlled by the service worker and with its page and data kept for offline use. */
async function openLogReadyForOffline() {
  await page.goto(`${app.baseURL}/reviews/demo/evidence`);
  await waitForHydration(page);
  await expect.poll(() => keptForOffline(page, ["/reviews/demo/evidence"]), { timeout: 30_000 }).toBe(true);
}

async function logByKeyboard(prefix: string, count: number) {
  const text = page.locator("#log-text");
  await text.focus();
  await page.keyboard.press("Alt+3");
  for (let index = 1; index <= count; index += 1) {
    await page.keyboard.type(`${prefix} ${index}: the helpline answers within two days.`);
    await page.keyboard.press("Enter");
    await expect.poll(() => text.inputValue()).toBe("");
  }
}

const status = () => page.locator(".outbox__status");

beforeEach(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-GB" });
  page = await context.newPage();
  problems = watchPage(page);
  await signIn(page, app.baseURL, "peer@demo.test");
});

afterEach(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the evidence log offline", () => {
  it("keeps 20 quotes typed offline and saves each exactly once, though the server goes down in the middle of the sync", async () => {
    await openLogReadyForOffline();
    await context.setOffline(true);
    await logByKeyboard("Restart quote", 20);
    await expect.poll(() => status().innerText()).toMatch(/Offline — items are kept on this computer \(20 waiting to send\)/);
    await expect(page.locator(".outbox__item").count()).resolves.toBe(20);
    expect(quotesLike("Restart quote")).toEqual([]);
    // Reloaded while still offline: the page comes from this computer, with the 20 waiting items.
    await page.reload();
    await waitForHydration(page);
    await expect.poll(() => status().innerText()).toMatch(/Offline — items are kept on this computer \(20 waiting to send\)/);
    await expect(page.locator(".outbox__item").count()).resolves.toBe(20);
    await context.setOffline(false);
    // Stop the server as soon as the first items have arrived, then bring it back on the same database.
    const db = new Database(app.databasePath, { readonly: true });
    const arrived = db.prepare("SELECT count(*) FROM evidence WHERE text LIKE 'Restart quote%'").pluck();
    await expect.poll(() => arrived.get() as number, { interval: 2, timeout: 30_000 }).toBeGreaterThan(0);
    await app.kill();
    db.close();
    const arrivedBeforeStop = quotesLike("Restart quote").length;
    expect(arrivedBeforeStop).toBeLessThan(20);
    app = await startApp({ again: { port: app.port, databasePath: app.databasePath } });
    await expect.poll(() => status().innerText(), { timeout: 45_000 }).toBe("All saved");
    const saved = quotesLike("Restart quote");
    expect(saved).toHaveLength(20);
    expect(new Set(saved).size).toBe(20);
    expect(realProblems()).toEqual([]);
    // Twenty quotes, a server killed and started again, and the sync after it: two minutes of room on a busy machine.
  }, 120_000);
});
