import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD, journeyOnDemoReview, waitForHydration } from "./harness";

const journey = journeyOnDemoReview();
const { url, open } = journey;

/** Reads the app's database the way the server sees it (it stays open in WAL mode beside the server). */
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

function savedAnswer(questionId: string) {
  return query<{ text: string }>("SELECT text FROM sa_answers WHERE review_id = 'demo' AND question_id = ?", questionId)[0]?.text;
}

async function waitFor(check: () => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function typeAnswer(page: Page, questionId: string, text: string) {
  const box = page.locator(`#answer-${questionId}[data-autosave=on]`);
  await box.click();
  await box.press("End");
  await box.pressSequentially(text);
}

/** The page is the factor page with its heading, not the error page. */
async function expectNoErrorPage(page: Page) {
  await expect(page.locator("section.error-page").count()).resolves.toBe(0);
  await expect(page.locator("body").textContent()).resolves.not.toMatch(/Error 500|Something went wrong/);
}

describe("every text box keeps its draft", () => {
  it("asks before leaving a conclusion with unsaved text, and gives the text back on return", async () => {
    const { context, page, problems } = await open("peer@demo.test");
    await page.goto(url("/conclusions/kf-06"));
    await waitForHydration(page);
    const strengths = page.locator("form.conclusion-form").getByLabel("Strengths");
    const typed = " La médiatrice du CCAS connaît les associations de quartier.";
    await strengths.click();
    await strengths.press("End");
    await strengths.pressSequentially(typed);
    const whole = await strengths.inputValue();
    expect(whole.endsWith(typed)).toBe(true);

    // Another tab of the review: the user is asked first, and may stay.
    await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Evidence log" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Some of your text is not saved yet" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Stay on this page" }).click();
    expect(new URL(page.url()).pathname).toBe("/reviews/demo/conclusions/kf-06");
    await expect(strengths.inputValue()).resolves.toBe(whole);

    // Asked again, they leave: the text stays on this computer and comes back with the page.
    await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Evidence log" }).click();
    await dialog.getByRole("button", { name: "Leave the page" }).click();
    await page.waitForURL(/\/evidence$/);
    await page.goBack();
    await page.waitForURL(/\/conclusions\/kf-06$/);
    await waitForHydration(page);
    await page.getByText("Your unsaved text from last time was put back.").waitFor();
    await expect(page.locator("form.conclusion-form").getByLabel("Strengths").inputValue()).resolves.toBe(whole);

    // Saving sends it and ends the draft: a fresh visit shows the saved text without the note.
    await Promise.all([page.waitForURL(/done=save-conclusion/), page.getByRole("button", { name: "Save the draft" }).click()]);
    const saved = query<{ strengths: string }>("SELECT strengths FROM conclusions WHERE review_id = 'demo' AND factor_id = 'kf-06'")[0]?.strengths;
    expect(saved).toBe(whole.trim());
    await page.goto(url("/conclusions/kf-06"));
    await waitForHydration(page);
    await expect(page.getByText("Your unsaved text from last time was put back.").count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("saves a self-assessment answer typed while the session ended, once the member signs in again in place", async () => {
    const { context, page } = await open("host@demo.test");
    await page.goto(url("/self-assessment/kf-05"));
    await waitForHydration(page);
    const questionId = "kf-05-q1";
    const before = (await page.locator(`#answer-${questionId}`).inputValue()) ?? "";

    // The session ends on the server (expired, or removed) while the member types.
    query("DELETE FROM sessions");
    const typed = " Ajout écrit après la fin de la session.";
    await typeAnswer(page, questionId, typed);
    const dialog = page.getByRole("dialog", { name: "Sign in again to save your text" });
    await dialog.waitFor();
    await expectNoErrorPage(page);
    expect(new URL(page.url()).pathname).toBe("/reviews/demo/self-assessment/kf-05");
    await expect(page.locator(`#answer-${questionId}`).inputValue()).resolves.toBe(before + typed);

    await dialog.getByLabel("Email address").fill("host@demo.test");
    await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Sign in and save" }).click();
    await waitFor(() => savedAnswer(questionId) === (before + typed).trim(), "the answer to be saved after signing in again");
    await page
      .locator(`#answer-${questionId}-status`)
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await expect(dialog.count()).resolves.toBe(0);
    await context.close();
  });

  it("keeps the text, without an error page, when the connection drops during the self-assessment autosave", async () => {
    const { context, page, problems } = await open("host@demo.test");
    await page.goto(url("/self-assessment/kf-06"));
    await waitForHydration(page);
    const questionId = "kf-06-q1";
    const before = await page.locator(`#answer-${questionId}`).inputValue();

    await context.setOffline(true);
    const typed = " Écrit dans une salle sans réseau.";
    await typeAnswer(page, questionId, typed);
    await page.getByText("Not saved yet: no connection. It will be sent when you are back online.").waitFor();
    await expectNoErrorPage(page);
    await expect(page.locator(`#answer-${questionId}`).inputValue()).resolves.toBe(before + typed);
    expect(savedAnswer(questionId)).toBe(before.trim() || undefined);

    // Back online: the waiting save goes by itself.
    await context.setOffline(false);
    await waitFor(() => savedAnswer(questionId) === (before + typed).trim(), "the answer to be sent once back online");
    await page
      .locator(`#answer-${questionId}-status`)
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await expect(page.getByText("Not saved yet: no connection.").count()).resolves.toBe(0);
    // The browser itself reports the failed requests; the page reports nothing else.
    expect(problems.filter((problem) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(problem))).toEqual([]);
    await context.close();
  });

  it("keeps a page form's text when it is saved with no connection, and sends it once back online", async () => {
    const { context, page, problems } = await open("lead@demo.test");
    await page.goto(url("/summary"));
    await waitForHydration(page);
    const box = page.getByLabel("Executive summary");
    const typed = " Rédigé pendant la visite, sans réseau.";
    await box.click();
    await box.press("End");
    await box.pressSequentially(typed);
    const whole = await box.inputValue();

    await context.setOffline(true);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Not saved yet: no connection. It will be sent when you are back online.").waitFor();
    await expectNoErrorPage(page);
    await expect(box.inputValue()).resolves.toBe(whole);

    await context.setOffline(false);
    const summary = () => query<{ text: string }>("SELECT executive_summary AS text FROM reviews WHERE id = 'demo'")[0]?.text;
    await waitFor(() => summary() === whole.trim(), "the summary to be sent once back online");
    await page.waitForURL(/done=summary/);
    expect(problems.filter((problem) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(problem))).toEqual([]);
    await context.close();
  });
});
