import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, waitForHydration } from "./harness";

/*
 * Issue 20, the screen gaps of the cycles: a carried-over answer loses its mark as soon as the
 * host team edits or confirms it (no reload), and a new recommendation says which of the previous
 * cycle's it continues, which the follow-up then shows as "Continued by". The demo review follows
 * Belleforge's 2023 review in the seed.
 */

const journey = journeyOnDemoReview();

const isPost = (path: string) => (response: { request(): { method(): string }; url(): string }) =>
  response.request().method() === "POST" && response.url().includes(path);

describe("the cycles' remaining screens", () => {
  it("drops the carried-over mark on save and on confirm, without a reload", async () => {
    const sqlite = new Database(journey.app.databasePath);
    sqlite.pragma("busy_timeout = 5000");
    // Key factor 2's answers, as if carried over from the previous cycle.
    sqlite.prepare("update sa_answers set carried_over_from = updated_at where review_id = 'demo' and factor_id = 'kf-02'").run();
    sqlite.close();
    const host = await journey.open("host@demo.test");
    const page = host.page;
    await page.goto(journey.url("/self-assessment/kf-02"));
    await waitForHydration(page);
    const marks = page.locator(".carried-mark");
    const carried = await marks.count();
    expect(carried).toBeGreaterThanOrEqual(3);
    // The page is not reloaded: a mark set on the document survives both saves.
    await page.evaluate(() => document.body.setAttribute("data-same-document", "yes"));

    // Edited: the background save answers, and the mark of that answer goes.
    const boxId = await page
      .locator(".sa-question")
      .filter({ has: page.locator(".carried-mark") })
      .first()
      .locator("textarea")
      .getAttribute("id");
    const box = page.locator(`textarea[id="${boxId}"]`);
    const question = page.locator(".sa-question").filter({ has: box });
    await box.fill(`${await box.inputValue()} Mis à jour pour ce cycle.`);
    await Promise.all([page.waitForResponse(isPost("/self-assessment/kf-02")), box.blur()]);
    await expect.poll(() => marks.count()).toBe(carried - 1);
    await expect(question.locator(".carried-mark").count()).resolves.toBe(0);

    // Confirmed: the confirm's own answer (the address may already hold an earlier ?confirmed=).
    await Promise.all([page.waitForResponse(isPost("/self-assessment/kf-02")), marks.first().getByRole("button", { name: "Confirm this answer" }).click()]);
    await page.getByRole("status").filter({ hasText: "Answer confirmed." }).waitFor();
    await expect.poll(() => marks.count()).toBe(carried - 2);
    await expect(page.locator("body").getAttribute("data-same-document")).resolves.toBe("yes");
    expect(host.problems).toEqual([]);
    await host.close();
  }, 120_000);

  it("lets a peer say which earlier recommendation a new one continues, shown on it and on the follow-up", async () => {
    const peer = await journey.open("peer@demo.test");
    const page = peer.page;
    await page.goto(journey.url("/conclusions/kf-07"));
    await waitForHydration(page);
    const form = page.locator(".add-recommendation form");
    const text = "Publier chaque année les résultats des recrutements anonymisés.";
    await form.getByLabel("Recommendation", { exact: true }).fill(text);
    await form.getByRole("radio", { name: "Medium" }).check();
    await form.getByRole("radio", { name: "Long term" }).check();
    const choice = form.getByLabel("Continues an earlier recommendation");
    // The previous cycle's recommendations, this key factor's first.
    await expect(choice.locator("option").nth(1).textContent()).resolves.toMatch(/^Key factor 7: Anonymiser les candidatures/);
    await choice.selectOption({ index: 1 });
    await checkA11y(page);
    await Promise.all([page.waitForResponse(isPost("/conclusions/kf-07")), form.getByRole("button", { name: "Add the recommendation" }).click()]);
    const added = page.locator("li.recommendation").filter({ hasText: text });
    await added.locator(".recommendation__continues").waitFor();
    await expect(added.locator(".recommendation__continues").textContent()).resolves.toMatch(
      /Continues a recommendation of the review of 15 June 2023 \(key factor 7\): .*Anonymiser les candidatures/,
    );

    await page.goto(journey.url("/follow-up"));
    await waitForHydration(page);
    const earlier = page.locator(".follow-up-list > li").filter({ hasText: "Anonymiser les candidatures" });
    await expect(earlier.locator("[data-continued-by]").textContent()).resolves.toBe("Continued by recommendation 3 of key factor 7");
    await checkA11y(page);
    expect(peer.problems).toEqual([]);
    await peer.close();
  }, 120_000);
});
