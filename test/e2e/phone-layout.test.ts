import { describe, expect, it } from "vitest";
import { journeyOnDemoReview, signIn } from "./harness";

const journey = journeyOnDemoReview();

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
  // 320 CSS px is WCAG 1.4.10's reflow width (a 1280 px screen zoomed to 400 %).
  for (const [lang, width] of [
    ["fr", 390],
    ["en", 390],
    ["fr", 320],
    ["en", 320],
  ] as const) {
    it(`no page of the review is wider than a ${width} px screen (${lang})`, async () => {
      const context = await journey.browser.newContext({ viewport: { width, height: 844 }, timezoneId: "Europe/Paris" });
      const page = await context.newPage();
      await signIn(page, journey.app.baseURL, "lead@demo.test", undefined, lang);
      const tooWide: string[] = [];
      for (const path of PAGES) {
        await page.goto(`${journey.app.baseURL}/reviews/demo${path}?lang=${lang}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) tooWide.push(`${path || "/"}: ${overflow} px too wide`);
      }
      await context.close();
      expect(tooWide).toEqual([]);
    });
  }
});
