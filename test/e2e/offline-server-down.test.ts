import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keptForOffline, launchBrowser, offlineProblems, signIn, startApp, waitForHydration, watchPage, type RunningApp } from "./harness";

/**
 * The server stops while the network works (issue 13): a save says plainly that the server
 * cannot be reached, the page and the text stay, and the text is saved once the server is back.
 */

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

const realProblems = () => offlineProblems(problems);

function read<Row>(sql: string, ...params: unknown[]): Row[] {
  const db = new Database(app.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Row[];
  } finally {
    db.close();
  }
}

/** The page is the one the member was on, not an error page. */
async function expectNoErrorPage() {
  await expect(page.locator("section.error-page").count()).resolves.toBe(0);
  await expect(page.locator("body").innerText()).resolves.not.toMatch(/Error 500|Something went wrong|Erreur 500/);
}

async function openAs(email: string, path: string) {
  await signIn(page, app.baseURL, email);
  await page.goto(`${app.baseURL}${path}`);
  await waitForHydration(page);
}

/** The same server, on the same port and database, started again. */
async function restart() {
  app = await startApp({ again: { port: app.port, databasePath: app.databasePath } });
}

beforeEach(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-GB" });
  page = await context.newPage();
  problems = watchPage(page);
});

afterEach(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a save while the server is down and the network works", () => {
  it("keeps a quote on this computer, says the server cannot be reached, and saves it once when the server is back", async () => {
    await openAs("peer@demo.test", "/reviews/demo/evidence");
    await app.kill();

    const quote = "Server down: the ombudsman's office keeps a paper register of every complaint.";
    const text = page.locator("#log-text");
    await text.focus();
    await page.keyboard.press("Alt+2");
    await page.keyboard.type(quote);
    await page.keyboard.press("Enter");
    const status = page.locator(".outbox__status");
    await expect
      .poll(() => status.innerText())
      .toBe("The server cannot be reached, though this computer is online: the item is kept on this computer and will be sent as soon as the server answers.");
    await expect(page.locator(".outbox__item").allTextContents()).resolves.toEqual([quote]);
    await expectNoErrorPage();
    expect(read("SELECT id FROM evidence WHERE text = ?", quote)).toEqual([]);

    await restart();
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toBe("All saved");
    expect(read("SELECT id FROM evidence WHERE text = ?", quote)).toHaveLength(1);
    expect(realProblems()).toEqual([]);
  });

  it("keeps the log and the typed text when the page reloads its data while the server is down", async () => {
    // The outbox reloads the log after each item it sends; the server may stop between the two.
    await openAs("peer@demo.test", "/reviews/demo/evidence");
    await expect.poll(() => keptForOffline(page, ["/reviews/demo/evidence"]), { timeout: 30_000 }).toBe(true);
    const typed = "Half a sentence typed while the log reloads";
    await page.locator("#log-text").fill(typed);
    await app.kill();

    // What the outbox does after a send: Remix reloads the page's own data (only this route's, `?_routes=`).
    await page.evaluate(() => (window as unknown as { __remixRouter: { revalidate(): Promise<void> } }).__remixRouter.revalidate());
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __remixRouter: { state: { revalidation: string } } }).__remixRouter.state.revalidation))
      .toBe("idle");
    await expectNoErrorPage();
    await expect(page.locator("#log-text").inputValue()).resolves.toBe(typed);
    await expect(page.locator(".outbox__status").count()).resolves.toBe(1);
    expect(realProblems()).toEqual([]);
  });

  it("says a delete did not happen while the server is down, and keeps the row and the page", async () => {
    await openAs("peer@demo.test", "/reviews/demo/evidence");
    const deleteButtons = page.locator(".row-actions button.danger-link");
    const rows = await deleteButtons.count();
    expect(rows).toBeGreaterThan(0);
    await app.kill();
    await deleteButtons.first().click();
    await page.getByText("Not done: the server cannot be reached. Nothing changed; try again when the connection is back.").waitFor();
    await expectNoErrorPage();
    await expect(deleteButtons.count()).resolves.toBe(rows);
    expect(realProblems()).toEqual([]);
  });

  it("keeps a self-assessment answer on the page, says the server cannot be reached, and saves it when the server is back", async () => {
    await openAs("host@demo.test", "/reviews/demo/self-assessment/kf-05");
    const questionId = "kf-05-q1";
    const box = page.locator(`#answer-${questionId}[data-autosave=on]`);
    const before = await box.inputValue();
    await app.kill();

    const typed = " Typed while the server was stopped.";
    await box.click();
    await box.press("End");
    await box.pressSequentially(typed);
    await page
      .getByText(
        "Not saved yet: the server cannot be reached, though this computer is online. Your text is kept on this page and on this computer, and it will be sent as soon as the server answers.",
      )
      .waitFor();
    await expectNoErrorPage();
    await expect(box.inputValue()).resolves.toBe(before + typed);

    // Nothing to press: the page asks the server again by itself, and the answer is saved.
    await restart();
    const saved = () => read<{ text: string }>("SELECT text FROM sa_answers WHERE review_id = 'demo' AND question_id = ?", questionId)[0]?.text;
    await expect.poll(saved, { timeout: 30_000 }).toBe((before + typed).trim());
    await page
      .locator(`#answer-${questionId}-status`)
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await expect(page.locator(".save-problems").count()).resolves.toBe(0);
    expect(realProblems()).toEqual([]);
  });
});
