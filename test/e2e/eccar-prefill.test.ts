import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, submitAndWait, waitForHydration } from "./harness";

/*
 * Issue 14, item 6: the host team starts the demo city's ECCAR self-assessment from its
 * EUROCITIES review. Each suggestion shows its source; one is accepted (it reaches the
 * commitment's summary with that source), one is rejected (nothing is carried, it is gone).
 */

const journey = journeyOnDemoReview();
const eccar = (path: string) => `${journey.app.baseURL}/reviews/demo-eccar${path}`;

describe("an ECCAR self-assessment started from the city's EUROCITIES review", () => {
  it("the host team accepts one suggestion and rejects another, each named by its source", async () => {
    const host = await journey.open("host@demo.test");
    const { page } = host;
    await page.goto(eccar("/self-assessment"));
    await waitForHydration(page);
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Start from Belleforge's other review" }) });
    await card.waitFor();
    await checkA11y(page);
    await submitAndWait(page, card.getByRole("link", { name: /^Commitment 1: \d+ suggestions waiting$/ }), /\/self-assessment\/c-01\/actions\?from=demo/);
    await waitForHydration(page);

    // The address changes as the navigation commits; React renders the new page a moment later.
    const suggestions = page.locator(".prefill-suggestion");
    await suggestions.first().waitFor();
    const count = await suggestions.count();
    expect(count).toBeGreaterThan(1);
    const first = suggestions.first();
    await first
      .getByText(
        /^From the review of Belleforge on EUROCITIES – Anti-discrimination: key factor 5 “Involving non-municipal actors”, answer to guiding question \d+\.$/,
      )
      .waitFor();
    await checkA11y(page);
    const source = (await first.locator("p.muted.small").first().textContent())!.trim();
    const answer = (await first.locator("div[lang] p").first().textContent())!.trim();

    await submitAndWait(page, first.getByRole("button", { name: "Accept suggestion 1" }), /decided=accepted/);
    await page.getByRole("status").filter({ hasText: "The suggestion is accepted and carried here." }).waitFor();
    expect(await suggestions.count()).toBe(count - 1);
    await expect.poll(() => page.getByText(source, { exact: true }).count()).toBe(0);

    const rejected = (await suggestions.first().locator("p.muted.small").first().textContent())!.trim();
    await submitAndWait(page, suggestions.first().getByRole("button", { name: "Reject suggestion 1" }), /decided=rejected/);
    await page.getByRole("status").filter({ hasText: "it will not be offered again" }).waitFor();
    expect(await suggestions.count()).toBe(count - 2);
    await expect.poll(() => page.getByText(rejected, { exact: true }).count()).toBe(0);

    // The accepted answer is in the commitment's summary, followed by its source; the rejected one is not.
    await page.goto(eccar("/self-assessment/c-01"));
    await waitForHydration(page);
    const summary = await page.locator("textarea[name=summary]").inputValue();
    expect(summary).toContain(`${answer.slice(0, 60)}`);
    expect(summary).toContain(`(${source})`);
    expect(summary).not.toContain(rejected);
    expect(host.problems).toEqual([]);
    await host.close();
  }, 120_000);
});
