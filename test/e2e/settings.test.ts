import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateTime } from "#app/utils/dates";
import { E2E_TZ, journeyOnDemoReview, submitAndWait, waitForHydration } from "./harness";

/*
 * The review's settings, as issue 19 gives them and issue 12 keeps them (one editor per field):
 * the lead reaches them from the review home, moves the visit and changes the time zone, and every
 * date of the review follows the review's zone whatever the browser's (the suite runs in
 * Europe/Paris and in UTC); a zone that is no zone is refused beside its field, typed text kept.
 * The administrator archives the review and unarchives it.
 */

const journey = journeyOnDemoReview();

/** When the demo's evidence item was logged, as stored. */
function loggedAt(databasePath: string, evidenceId: string): Date {
  const sqlite = new Database(databasePath, { readonly: true });
  try {
    const row = sqlite.prepare("select created_at as createdAt from evidence where id = ?").get(evidenceId) as { createdAt: number };
    return new Date(row.createdAt);
  } finally {
    sqlite.close();
  }
}

describe(`the review's settings (browser in ${E2E_TZ})`, () => {
  it("the lead moves the visit and changes the time zone from the settings the home links to; a wrong zone is refused beside the field", async () => {
    const { page, problems, close } = await journey.open("lead@demo.test");
    const logged = loggedAt(journey.app.databasePath, "demo-ev-037");
    await page.goto(journey.url("/evidence/demo-ev-037"));
    await waitForHydration(page);
    await expect.poll(() => page.locator("main").innerText()).toContain(formatDateTime(logged, { locale: "en", timeZone: "Europe/Paris" }));

    // The home has no zone form of its own: it links to the settings.
    await page.goto(journey.url(""));
    await waitForHydration(page);
    expect(await page.locator("main input[name=timeZone]").count()).toBe(0);
    await Promise.all([page.waitForURL(/\/reviews\/demo\/settings$/), page.getByRole("link", { name: /in the review's settings/ }).click()]);
    await waitForHydration(page);

    // A zone that is no zone: the message beside the field, what was typed kept, nothing saved.
    await page.getByLabel("Time zone", { exact: true }).fill("Paris time");
    await submitAndWait(page, page.getByRole("button", { name: "Save the settings" }), /\/reviews\/demo\/settings$/);
    const zone = page.getByLabel("Time zone", { exact: true });
    await expect.poll(() => zone.getAttribute("aria-invalid")).toBe("true");
    expect(await zone.inputValue()).toBe("Paris time");
    const describedBy = (await zone.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(messages.join(" ")).toMatch(/time zone/i);

    // The visit is postponed and the review now lives in Tokyo time.
    await zone.fill("Asia/Tokyo");
    await page.getByLabel("Visit starts").fill("2026-04-20");
    await page.getByLabel("Visit ends").fill("2026-04-22");
    await submitAndWait(page, page.getByRole("button", { name: "Save the settings" }), /\/settings\?saved=settings$/);
    await page.getByText("The settings are saved.").waitFor();

    await page.goto(journey.url(""));
    await waitForHydration(page);
    expect(await page.locator("[data-time-zone]").innerText()).toBe("Asia/Tokyo");
    const facts = await page.locator("dl.facts").innerText();
    // Calendar days do not move with any zone, the browser's or the review's.
    expect(facts).toContain(`${formatCalendarDate("2026-04-20", { locale: "en" })} – ${formatCalendarDate("2026-04-22", { locale: "en" })}`);

    // A moment is read in the review's new zone, whatever the browser's.
    await page.goto(journey.url("/evidence/demo-ev-037"));
    await waitForHydration(page);
    const text = await page.locator("main").innerText();
    expect(text).toContain(formatDateTime(logged, { locale: "en", timeZone: "Asia/Tokyo" }));
    expect(text).not.toContain(formatDateTime(logged, { locale: "en", timeZone: "Europe/Paris" }));

    expect(problems).toEqual([]);
    await close();
  });

  it("the administrator archives the review and unarchives it", async () => {
    const { page, problems, close } = await journey.open("admin@demo.test");
    await page.goto(journey.url("/settings"));
    await waitForHydration(page);
    await submitAndWait(page, page.getByRole("button", { name: "Archive this review" }), /\/settings\?saved=archived$/);
    await page.getByText("The review is archived: it is read-only and no longer in the lists of reviews.").waitFor();
    expect(await page.locator("[data-archived]").count()).toBe(1);

    // Put away: out of the list, back with "Show archived reviews", marked as archived.
    await page.goto(`${journey.app.baseURL}/reviews`);
    await waitForHydration(page);
    expect(await page.locator("main a[href='/reviews/demo/settings']").count()).toBe(0);
    await page.getByRole("link", { name: "Show archived reviews" }).click();
    await page.waitForURL(/archived=1/);
    const row = page.locator("main tr").filter({ has: page.locator("a[href='/reviews/demo/settings']") });
    await row.waitFor();
    expect(await row.locator(".pill").innerText()).toBe("Archived");

    // The lead finds the review read-only: the settings say so instead of offering the form.
    const lead = await journey.open("lead@demo.test");
    await lead.page.goto(journey.url("/settings"));
    await waitForHydration(lead.page);
    await lead.page.getByText("The review is archived: unarchive it to change its settings.").waitFor();
    expect(await lead.page.getByRole("button", { name: "Save the settings" }).count()).toBe(0);
    expect(lead.problems).toEqual([]);
    await lead.close();

    await page.goto(journey.url("/settings"));
    await waitForHydration(page);
    await submitAndWait(page, page.getByRole("button", { name: "Unarchive this review" }), /\/settings\?saved=unarchived$/);
    await page.getByText("The review is unarchived: it can be worked on again.").waitFor();
    expect(await page.locator("[data-archived]").count()).toBe(0);
    await page.goto(`${journey.app.baseURL}/reviews`);
    await waitForHydration(page);
    await page.locator("main a[href='/reviews/demo/settings']").first().waitFor();
    expect(problems).toEqual([]);
    await close();
  });
});
