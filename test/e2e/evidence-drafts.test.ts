import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { journeyOnDemoReview, signIn, waitForHydration, watchPage } from "./harness";

/*
 * The visit's own forms keep every word (issue 13) and stay usable by keyboard (issue 18): the
 * interview form, the quick-log form and an evidence item's edit page keep a local draft and ask
 * before the page is left; a refused quote comes back with its ticked guiding questions; Undo
 * leaves the focus on its answer; quotes on the conclusion page say their own language.
 */

const journey = journeyOnDemoReview();
const { url } = journey;
const PUT_BACK = "Your unsaved text from last time was put back.";

/** A fresh English context signed in as `email`. */
const open = (email: string) => journey.open(email, { locale: "en-GB" });

/** Reads or changes the app's database the way the server sees it (WAL mode, beside the server). */
function query<Row>(sql: string, ...params: unknown[]): Row[] {
  const database = new Database(journey.app.databasePath);
  try {
    const statement = database.prepare(sql);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  } finally {
    database.close();
  }
}

/** Clicks another tab of the review: the leave guard asks, and the member leaves. */
async function leaveBy(page: Page, tab: string) {
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: tab, exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Some of your text is not saved yet" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Leave the page" }).click();
}

async function backBy(page: Page, tab: string) {
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: tab, exact: true }).click();
  await waitForHydration(page);
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

describe("the visit's forms keep what is typed", () => {
  it("gives the interview form back, every person met included, after the member went to another tab", async () => {
    const { context, page, problems } = await open("peer@demo.test");
    await page.goto(url("/interviews"));
    await waitForHydration(page);
    await page.getByLabel("Place").fill("Centre social des Tilleuls");
    const people = [
      ["Directrice", "Centre social", "service-provider"],
      ["Animateur", "Centre social", "service-provider"],
      ["Bénévole", "Association des locataires", "ngo"],
      ["Habitante", "Quartier des Tilleuls", "resident"],
    ] as const;
    // Four people: one row more than the form shows at first.
    await page.getByRole("button", { name: "Add a person" }).click();
    for (const [index, [role, organisation, category]] of people.entries()) {
      await page.getByLabel(`Person ${index + 1}: Role`).fill(role);
      await page.getByLabel(`Person ${index + 1}: Organisation`).fill(organisation);
      await page.getByLabel(`Person ${index + 1}: Category`).selectOption(category);
    }
    await page.getByLabel("Notes on consent").fill("Accord oral, citations anonymes.");

    await leaveBy(page, "Evidence log");
    await page.waitForURL(/\/evidence$/);
    await backBy(page, "Interviews");
    await page.getByText(PUT_BACK).waitFor();
    await expect(page.getByLabel("Place").inputValue()).resolves.toBe("Centre social des Tilleuls");
    for (const [index, [role, organisation, category]] of people.entries()) {
      await expect(page.getByLabel(`Person ${index + 1}: Role`).inputValue()).resolves.toBe(role);
      await expect(page.getByLabel(`Person ${index + 1}: Organisation`).inputValue()).resolves.toBe(organisation);
      await expect(page.getByLabel(`Person ${index + 1}: Category`).inputValue()).resolves.toBe(category);
    }
    await expect(page.getByLabel("Notes on consent").inputValue()).resolves.toBe("Accord oral, citations anonymes.");

    // Saved: the interview is stored with its four people, and the draft is gone.
    await page.getByRole("button", { name: "Save the interview" }).click();
    await page.getByText("The interview is recorded.").waitFor();
    const stored = query<{ count: number }>(
      "SELECT count(*) AS count FROM interview_participants p JOIN interviews i ON i.id = p.interview_id WHERE i.place = 'Centre social des Tilleuls'",
    );
    expect(stored[0]?.count).toBe(4);
    await page.goto(url("/interviews"));
    await waitForHydration(page);
    await expect(page.getByText(PUT_BACK).count()).resolves.toBe(0);
    await expect(page.getByLabel("Place").inputValue()).resolves.toBe("");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("gives an evidence item's edited text back after the member went to another tab", async () => {
    const { context, page, problems } = await open("peer@demo.test");
    // An observation the peer logged (the edit page opens for its author).
    await page.goto(url("/evidence/demo-ev-037"));
    await waitForHydration(page);
    const box = page
      .locator("form")
      .filter({ has: page.locator('input[name="intent"][value="update"]') })
      .getByLabel("Quote or summary");
    const saved = await box.inputValue();
    const added = " The same answer was given at the second desk.";
    await box.click();
    await box.press("End");
    await box.pressSequentially(added);

    await leaveBy(page, "Coverage");
    await page.waitForURL(/\/coverage$/);
    await page.goto(url("/evidence/demo-ev-037"));
    await waitForHydration(page);
    await page.getByText(PUT_BACK).waitFor();
    await expect(box.inputValue()).resolves.toBe(saved + added);

    await Promise.all([page.waitForURL(/saved=demo-ev-037/), page.getByRole("button", { name: "Save changes" }).click()]);
    expect(query<{ text: string }>("SELECT text FROM evidence WHERE id = 'demo-ev-037'")[0]?.text).toBe((saved + added).trim());
    await page.goto(url("/evidence/demo-ev-037"));
    await waitForHydration(page);
    await expect(page.getByText(PUT_BACK).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("gives a quote being typed in the quick-log form back, with its tags, after the member went to another tab", async () => {
    const { context, page, problems } = await open("peer@demo.test");
    await page.goto(url("/evidence"));
    await waitForHydration(page);
    const form = page.getByRole("region", { name: "Log a quote or observation" });
    const text = form.getByLabel("Quote or summary");
    const quote = "Personne ne nous a expliqué le nouveau guichet unique.";
    await text.click();
    await page.keyboard.type(quote);
    await page.keyboard.press("Alt+5");
    await page.keyboard.press("Alt+c");

    await leaveBy(page, "Interviews");
    await page.waitForURL(/\/interviews$/);
    await backBy(page, "Evidence log");
    await form.getByText(PUT_BACK).waitFor();
    await expect(text.inputValue()).resolves.toBe(quote);
    await expect(form.locator('input[name="factorIds"][value="kf-05"]').isChecked()).resolves.toBe(true);
    await expect(form.getByRole("radio", { name: /Contradicts/ }).isChecked()).resolves.toBe(true);

    // Saved with Enter: the draft goes, the next visit starts empty.
    await text.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.locator("table tbody tr", { hasText: quote.slice(0, 40) }).waitFor();
    await page.reload();
    await waitForHydration(page);
    await expect(form.getByText(PUT_BACK).count()).resolves.toBe(0);
    await expect(text.inputValue()).resolves.toBe("");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the quick-log form by keyboard", () => {
  it("keeps the ticked guiding questions, the tags and 'what it shows' when the server refuses the quote", async () => {
    const { context, page } = await open("peer@demo.test");
    await page.goto(url("/evidence"));
    await waitForHydration(page);
    const form = page.getByRole("region", { name: "Log a quote or observation" });
    const document = form.getByLabel("Source document");
    const documentId = await document.locator("option").nth(1).getAttribute("value");
    await document.selectOption(documentId!);
    const text = form.getByLabel("Quote or summary");
    const quote = "Le plan d'action ne cite aucun indicateur de suivi.";
    await text.click();
    await page.keyboard.type(quote);
    await page.keyboard.press("Alt+3");
    await page.keyboard.press("Alt+m");
    // Alt+Q opens the guiding questions of the tagged factor, the first one focused: Space ticks it.
    await page.keyboard.press("Alt+q");
    const firstQuestion = form.locator('input[name="questionIds"]').first();
    await expect.poll(() => isFocused(firstQuestion)).toBe(true);
    await page.keyboard.press("Space");
    const ticked = await firstQuestion.getAttribute("value");
    expect(ticked).toMatch(/^kf-03-q/);

    // Meanwhile the document is withdrawn: the server refuses the quote.
    query("UPDATE documents SET deleted_at = ? WHERE id = ?", Date.now(), documentId);
    await page.keyboard.press("Enter");
    await form.locator(".log-form__status.failed").waitFor();
    await expect(text.inputValue()).resolves.toBe(quote);
    await expect(form.locator(`input[name="questionIds"][value="${ticked}"]`).isChecked()).resolves.toBe(true);
    await expect(form.locator(`input[name="questionIds"][value="${ticked}"]`).isVisible()).resolves.toBe(true);
    await expect(form.locator('input[name="factorIds"][value="kf-03"]').isChecked()).resolves.toBe(true);
    await expect(form.getByRole("radio", { name: /Mixed/ }).isChecked()).resolves.toBe(true);
    expect(query<{ count: number }>("SELECT count(*) AS count FROM evidence WHERE text = ?", quote)[0]?.count).toBe(0);
    await context.close();
  });

  it("keeps a single ticked guiding question when the server refuses a quote sent without the page's script", async () => {
    const context = await journey.browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, journey.app.baseURL, "peer@demo.test");
    await page.goto(url("/evidence"));
    const form = page.getByRole("region", { name: "Log a quote or observation" });
    const document = form.getByLabel("Source document");
    const documentId = await document.locator("option").nth(2).getAttribute("value");
    await document.selectOption(documentId!);
    const quote = "Le guichet unique n'a pas de version en langue facile.";
    await form.getByLabel("Quote or summary").fill(quote);
    await form.locator('input[name="factorIds"][value="kf-09"]').check();
    // Without script every factor's questions are in the page: one of them is ticked.
    await form.locator("details.log-form__questions summary").click();
    await form.locator('input[name="questionIds"][value="kf-09-q2"]').check();
    query("UPDATE documents SET deleted_at = ? WHERE id = ?", Date.now(), documentId);
    await Promise.all([page.waitForLoadState("load"), form.getByRole("button", { name: "Save the item" }).click()]);
    await expect(form.getByLabel("Quote or summary").inputValue()).resolves.toBe(quote);
    await expect(form.locator('input[name="questionIds"][value="kf-09-q2"]').isChecked()).resolves.toBe(true);
    await expect(form.locator('input[name="factorIds"][value="kf-09"]').isChecked()).resolves.toBe(true);
    await context.close();
  });

  it("keeps the ticked guiding questions when the browser refuses a quote that is too long", async () => {
    const { context, page } = await open("peer@demo.test");
    await page.goto(url("/evidence"));
    await waitForHydration(page);
    const form = page.getByRole("region", { name: "Log a quote or observation" });
    const text = form.getByLabel("Quote or summary");
    await text.fill("x".repeat(10_001));
    await text.focus();
    await page.keyboard.press("Alt+2");
    await page.keyboard.press("Alt+q");
    const firstQuestion = form.locator('input[name="questionIds"]').first();
    await expect.poll(() => isFocused(firstQuestion)).toBe(true);
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await form.locator("#log-text-error").waitFor();
    await expect(firstQuestion.isChecked()).resolves.toBe(true);
    await expect(text.inputValue()).resolves.toHaveLength(10_001);
    await context.close();
  });

  it("puts the focus on the answer after Undo of a deleted quote, and the keyboard goes on from there", async () => {
    const { context, page, problems } = await open("peer@demo.test");
    await page.goto(url("/evidence"));
    await waitForHydration(page);
    const form = page.getByRole("region", { name: "Log a quote or observation" });
    const quote = "On attend toujours la formation promise aux agents d'accueil.";
    await form.getByLabel("Quote or summary").click();
    await page.keyboard.type(quote);
    await page.keyboard.press("Alt+6");
    await page.keyboard.press("Enter");
    const row = page.locator("table tbody tr", { hasText: quote.slice(0, 40) });
    await row.waitFor();

    // Delete by keyboard: the Undo button takes the focus, Enter undoes.
    await row.getByRole("button", { name: /^Delete item logged/ }).focus();
    await page.keyboard.press("Enter");
    const undo = page.getByRole("button", { name: "Undo the deletion" });
    await undo.waitFor();
    await expect.poll(() => isFocused(undo)).toBe(true);
    await page.keyboard.press("Enter");
    const answer = page.getByRole("status").filter({ hasText: "The item is back in the log." });
    await answer.waitFor();
    await expect.poll(() => isFocused(answer)).toBe(true);
    await row.waitFor();
    expect(query<{ count: number }>("SELECT count(*) AS count FROM evidence WHERE text = ? AND deleted_at IS NULL", quote)[0]?.count).toBe(1);
    // Tab goes on to what follows the answer on the page (the exports), not back to the top.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toBe("Download this view as CSV");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("quotes on the conclusion page", () => {
  it("carry the language of the quote where it is not the review's, shown and offered as a citation", async () => {
    const { context, page } = await open("lead@demo.test");
    // A French review; demo-ev-036 is an observation the lead wrote in English, cited for key factor 11.
    await page.goto(`${url("/conclusions/kf-11")}?lang=en`);
    await waitForHydration(page);
    const english = "The city cannot record ethnic origin";
    const shown = page.locator(".evidence-list blockquote", { hasText: english });
    await expect(shown.getAttribute("lang")).resolves.toBe("en");
    const frenchQuote = page.locator(".evidence-list blockquote").filter({ hasNotText: english }).first();
    await expect(frenchQuote.getAttribute("lang")).resolves.toBe("fr");
    const offered = page.locator(".citation-choices span[lang]", { hasText: english });
    await expect(offered.getAttribute("lang")).resolves.toBe("en");
    const summary = page.locator(".evidence-list summary span[lang]", { hasText: english.slice(0, 30) });
    await expect(summary.getAttribute("lang")).resolves.toBe("en");
    await context.close();
  });
});

describe("the evidence log on a 390 × 844 phone", () => {
  for (const lang of ["en", "fr"] as const) {
    it(`leaves the screen to the log: the header and the review's tabs take at most a fifth of its height (${lang})`, async () => {
      const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const problems = watchPage(page);
      await signIn(page, journey.app.baseURL, "peer@demo.test", undefined, lang);
      await page.goto(`${url("/evidence")}?lang=${lang}`);
      await waitForHydration(page);
      const tabs = page.locator("nav.tabs");
      const bottom = await tabs.evaluate((element) => element.getBoundingClientRect().bottom);
      expect(bottom).toBeLessThanOrEqual(844 / 5);
      // The current tab is in view in the strip of tabs, which scrolls sideways rather than widening the page.
      const current = tabs.locator('[aria-current="page"]');
      const inView = await current.evaluate((link) => {
        const strip = link.closest("nav")!.getBoundingClientRect();
        const box = link.getBoundingClientRect();
        return box.left >= strip.left && box.right <= strip.right;
      });
      expect(inView).toBe(true);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(390);

      // The site's links are one keyboard press away behind "Menu", and Escape puts them away.
      const menu = page.locator(".site-menu__toggle");
      const signOut = page.locator("form.sign-out button[type=submit]");
      await expect(signOut.isVisible()).resolves.toBe(false);
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect(menu.getAttribute("aria-expanded")).resolves.toBe("true");
      await expect(signOut.isVisible()).resolves.toBe(true);
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => document.activeElement?.closest("#site-menu") !== null)).resolves.toBe(true);
      await page.keyboard.press("Escape");
      await expect(signOut.isVisible()).resolves.toBe(false);
      await expect(isFocused(menu)).resolves.toBe(true);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
