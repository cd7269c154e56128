import { describe, expect, it } from "vitest";
import { E2E_TZ, journeyOnDemoReview, submitAndWait, waitForHydration } from "./harness";

/*
 * Issue 20: a plan partner (the demo's social centre, partner@demo.test) signs in, sees only the
 * plan actions its organisation owns, records progress on one, and is refused every other page
 * of the review: evidence, interviews, conclusions, report, self-assessment, documents…
 */

const journey = journeyOnDemoReview();

const OWN = ["demo-rec-02-1", "demo-rec-03-1", "demo-rec-05-1"];

/** Every other page of the demo review, and plan actions the centre does not own (one is on a draft conclusion). */
const REFUSED: [string, number][] = [
  ["", 403],
  ["/self-assessment", 403],
  ["/self-assessment/kf-01", 403],
  ["/documents", 403],
  ["/context", 403],
  ["/interviews", 403],
  ["/evidence", 403],
  ["/coverage", 403],
  ["/conclusions", 403],
  ["/conclusions/kf-02", 403],
  ["/summary", 403],
  ["/report", 403],
  ["/report.pdf", 403],
  ["/evidence.csv", 403],
  ["/agenda", 403],
  ["/team-notes", 403],
  ["/members", 403],
  ["/audit", 403],
  ["/search?q=plan", 403],
  ["/partners", 403],
  ["/plan/demo-rec-03-2", 404],
  ["/plan/demo-rec-06-1", 404],
];

describe(`a plan partner (browser in ${E2E_TZ})`, () => {
  it("sees only its own actions, records a progress update, and is refused every other page of the review", async () => {
    const { page, problems, close } = await journey.open("partner@demo.test", { timezoneId: E2E_TZ });
    await page.goto(journey.url("/plan?lang=en"));
    await waitForHydration(page);
    const table = page.locator(".data-table table");
    const links = await table
      .locator("tbody a[href*='/plan/']")
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!.split("/").pop()));
    expect(links.sort()).toEqual(OWN);
    // The tabs offer the plan alone; no search box over a review it may not read.
    expect(await page.locator("nav.tabs a").allInnerTexts()).toEqual(["Development plan"]);
    expect(await page.locator("#review-search-q").count()).toBe(0);
    // The overdue action says so in words.
    await expect.poll(() => table.locator("tr", { hasText: "Overdue" }).count()).toBeGreaterThan(0);

    await page.goto(journey.url("/plan/demo-rec-02-1?lang=en"));
    await waitForHydration(page);
    const note = "Third workshop with the departments: every action sheet now names its indicator.";
    await page.getByLabel("What was done").fill(note);
    await page.getByLabel("Where the indicator stands now").fill("14 of 14");
    await page.getByLabel("Status after this update").selectOption("done");
    await submitAndWait(page, page.getByRole("button", { name: "Record the progress" }), /done=updated/);
    await waitForHydration(page);
    const log = page.locator("#progress-log");
    await expect.poll(() => log.innerText()).toContain(note);
    await expect.poll(() => log.innerText()).toContain("Karim Benali");
    await expect.poll(() => page.locator("main").innerText()).toContain("Indicator: 14 of 14");
    // No planning form for a partner: it records progress, it does not plan.
    expect(await page.getByRole("button", { name: "Save the plan" }).count()).toBe(0);

    const answers: string[] = [];
    for (const [path, status] of REFUSED) {
      const response = await page.request.get(journey.url(path), { maxRedirects: 0 });
      if (response.status() !== status) answers.push(`${path || "/"}: ${response.status()} (expected ${status})`);
    }
    expect(answers).toEqual([]);
    // The refusal page, as the partner sees it in a browser.
    const evidence = await page.goto(journey.url("/evidence?lang=en"));
    expect(evidence?.status()).toBe(403);
    await close();
    expect(problems.filter((problem) => !/40[34]/.test(problem))).toEqual([]);
  });
});
