import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, signIn, startApp, type RunningApp } from "./harness";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// Every page the lead expert reaches on the demo review (the role that reaches them all).
const PAGES = [
  "",
  "/self-assessment",
  "/self-assessment/kf-01",
  "/documents",
  "/context",
  "/interviews",
  "/evidence",
  "/coverage",
  "/conclusions",
  "/conclusions/kf-01",
  "/summary",
  "/plan",
  "/report",
  "/audit",
  "/members",
];

describe("on a phone", () => {
  for (const lang of ["fr", "en"] as const) {
    it(`no page of the review is wider than a 390 px screen (${lang})`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "Europe/Paris" });
      const page = await context.newPage();
      await signIn(page, app.baseURL, "lead@demo.test", undefined, lang);
      const tooWide: string[] = [];
      for (const path of PAGES) {
        await page.goto(`${app.baseURL}/reviews/demo${path}?lang=${lang}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) tooWide.push(`${path || "/"}: ${overflow} px too wide`);
      }
      await context.close();
      expect(tooWide).toEqual([]);
    });
  }
});
