import fs from "node:fs";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { ensureServerBuild, enterPerfEnvironment, seededPerfDatabase } from "./app-environment";
import { median, round, signInInBrowser, startRemixServe } from "./evidence";

/**
 * The visit's keyboard and the outbox, in Chromium against the production server (remix-serve,
 * as `npm start` runs it). Prints figures; asserts nothing.
 *
 * - quoteKeyboardMs: one 84-character quote typed key by key, Enter, until the log lists it and
 *   the text box is empty again for the next one (median of QUOTES);
 * - backOnlineMs: 20 quotes logged with the network off wait in the outbox; from the network
 *   coming back until all 20 are in the database.
 */

const QUOTE = "L'accueil oriente vers la permanence juridique ; mais personne ne suit les plaintes.";
const QUOTES = 7;
const OFFLINE_QUOTES = 20;

async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The log page, controlled by the service worker, with its page kept for offline use. */
async function openLogReadyForOffline(page: Page, base: string) {
  await page.goto(`${base}/reviews/demo/evidence`);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await waitUntil(
    () =>
      page.evaluate(async () => {
        if (!navigator.serviceWorker.controller) return false;
        const cache = await caches.open("workbench-pages");
        return Boolean(await cache.match("/reviews/demo/evidence"));
      }),
    "the service worker",
  );
}

export async function runOfflinePerf(): Promise<{ quoteKeyboardMs: number; quoteChars: number; backOnlineMs: number; items: number }> {
  if (QUOTE.length !== 84) throw new Error(`The measured quote must have 84 characters, not ${QUOTE.length}`);
  const root = process.cwd();
  ensureServerBuild("offline perf");
  const { dir, restore } = enterPerfEnvironment("workbench-offline-perf-");
  let browser: Browser | undefined;
  let served: Awaited<ReturnType<typeof startRemixServe>> | undefined;
  try {
    const setup = await seededPerfDatabase();
    setup.$client.close();
    served = await startRemixServe(root, process.env);

    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await signInInBrowser(page, served.base, "peer@demo.test");
    await openLogReadyForOffline(page, served.base);
    const text = page.locator("#log-text");
    await text.focus();
    await page.keyboard.press("Alt+3");

    // One quote by keyboard, until the log shows it and the box is ready for the next.
    const times: number[] = [];
    for (let index = 1; index <= QUOTES; index += 1) {
      const quote = `${QUOTE.slice(0, -4)} ${String(index).padStart(2, "0")}.`.slice(0, 84);
      const started = performance.now();
      await page.keyboard.type(quote);
      await page.keyboard.press("Enter");
      await page
        .locator("table tbody tr", { hasText: quote.slice(-30) })
        .first()
        .waitFor();
      await waitUntil(async () => (await text.inputValue()) === "", "the empty text box");
      times.push(performance.now() - started);
    }
    // The first one warms the page's code paths; it is left out.
    const quoteKeyboardMs = round(median(times.slice(1)));
    console.log(`offline perf: one 84-character quote by keyboard, Enter, until listed, median of ${QUOTES - 1}: ${quoteKeyboardMs} ms`);

    // 20 quotes with the network off, then the time from the network's return until all are saved.
    await context.setOffline(true);
    for (let index = 1; index <= OFFLINE_QUOTES; index += 1) {
      await page.keyboard.type(`Offline perf quote ${index}: the helpline answers within two days.`);
      await page.keyboard.press("Enter");
      await waitUntil(async () => (await text.inputValue()) === "", "the empty text box");
    }
    const database = new Database(process.env.DATABASE_PATH!, { readonly: true });
    const saved = database.prepare("SELECT count(*) FROM evidence WHERE text LIKE 'Offline perf quote %'").pluck();
    if (saved.get() !== 0) throw new Error("Quotes reached the server while the network was off");
    const started = performance.now();
    await context.setOffline(false);
    await waitUntil(() => saved.get() === OFFLINE_QUOTES, `${OFFLINE_QUOTES} saved quotes`);
    const backOnlineMs = round(performance.now() - started);
    database.close();
    console.log(`offline perf: network back until ${OFFLINE_QUOTES} waiting quotes are in the database: ${backOnlineMs} ms`);
    return { quoteKeyboardMs, quoteChars: 84, backOnlineMs, items: OFFLINE_QUOTES };
  } finally {
    await browser?.close();
    await served?.stop();
    restore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
