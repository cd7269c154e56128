import { describe, expect, it } from "vitest";
import { journeyOnDemoReview, signIn, waitForHydration, watchPage } from "./harness";

/**
 * The pages that reported React hydration errors with the browser in Paris and a server in UTC:
 * each opens without a console error, a page error or a hydration warning, and a time on it says
 * its zone (the demo review reads in Europe/Paris: CET or CEST).
 */
const journey = journeyOnDemoReview();

const HYDRATION = /#418|#423|#425|hydrat/i;

const VISITS: { email: string; paths: string[] }[] = [
  { email: "lead@demo.test", paths: ["", "/audit", "/conclusions/kf-01", "/self-assessment", "/self-assessment/kf-01"] },
  { email: "host@demo.test", paths: ["", "/self-assessment", "/self-assessment/kf-03"] },
  { email: "peer@demo.test", paths: ["", "/evidence", "/conclusions/kf-07"] },
];

describe("with the browser in Europe/Paris and the server in UTC", () => {
  it.each(VISITS)("$email opens the review's pages without a hydration error, times labelled with their zone", async ({ email, paths }) => {
    const context = await journey.browser.newContext({ timezoneId: "Europe/Paris" });
    const page = await context.newPage();
    const problems = watchPage(page);
    await signIn(page, journey.app.baseURL, email);
    for (const path of paths) {
      await page.goto(`${journey.app.baseURL}/reviews/demo${path}`);
      await waitForHydration(page);
      expect(
        problems.filter((problem) => HYDRATION.test(problem)),
        `${email} on ${path || "/"}`,
      ).toEqual([]);
      expect(problems, `${email} on ${path || "/"}`).toEqual([]);
    }
    await page.goto(`${journey.app.baseURL}/reviews/demo`);
    await expect(page.locator("time").first().textContent()).resolves.toMatch(/\b(CET|CEST)$/);
    await context.close();
  });
});
