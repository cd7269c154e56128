import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillLargeLog } from "../perf/evidence";
import { checkA11y, launchBrowser, signIn, startApp, waitForHydration, watchPage, type RunningApp } from "./harness";

/**
 * A review with 80 interviews: the quick-log form lists the 30 most recent, and its search finds
 * an older one, with the page's script and without it, keeping the view of the log.
 */

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const sqlite = new Database(app.databasePath);
  sqlite.pragma("busy_timeout = 5000");
  fillLargeLog(sqlite, { items: 400, interviews: 80, seed: 11 });
  sqlite.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the interview search of a long review", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`finds an older interview and keeps the log's filter ${javaScriptEnabled ? "with" : "without"} the page's script`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, locale: "en-GB" });
      const page = await context.newPage();
      const problems = watchPage(page);
      await signIn(page, app.baseURL, "peer@demo.test");
      await page.goto(`${app.baseURL}/reviews/demo/evidence?kind=interview-quote`);
      if (javaScriptEnabled) await waitForHydration(page);
      const choice = page.getByLabel("Interview or focus group");
      // The 30 most recent, after "None": the oldest generated interview is not among them.
      expect(await choice.locator("option").count()).toBe(31);
      expect(await choice.locator("option[value='perf-int-01']").count()).toBe(0);
      expect(await page.locator("#log-interview-listed").innerText()).toMatch(/^30 of 85 interviews are listed/);

      const search = page.getByLabel(/Find another interview/);
      await search.fill("Lieu de rencontre 1");
      await Promise.all([page.waitForURL(/interview-search=/), search.press("Enter")]);
      const found = page.getByRole("status").filter({ hasText: /interviews found/ });
      await found.waitFor();
      expect(await found.innerText()).toMatch(/^\d+ interviews found, now in the list\.$/);
      expect(await choice.locator("option").count()).toBeGreaterThan(31);
      expect(new URL(page.url()).searchParams.get("kind")).toBe("interview-quote");
      await choice.selectOption("perf-int-01");
      expect(await choice.inputValue()).toBe("perf-int-01");
      if (javaScriptEnabled) await checkA11y(page);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
