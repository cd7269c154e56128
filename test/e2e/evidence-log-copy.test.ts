import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn, startApp, waitForHydration, watchPage, type RunningApp } from "./harness";

/**
 * With its script running, the evidence log filters, sorts and pages its copy of the whole log in
 * the browser: no request to the server, the view still in the address, and a reload (the
 * server's own view of that address) shows the same rows. A search still asks the server.
 */

let app: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[];
let asked: string[];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  problems = watchPage(page);
  asked = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    url.searchParams.delete("_routes");
    // A view of the log asked of the server; the offline warm-up reads the plain page, not a view.
    if (url.pathname.startsWith("/reviews/demo/evidence") && url.search) asked.push(url.pathname + url.search);
  });
  await signIn(page, app.baseURL, "peer@demo.test");
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** What the table shows: the count line and each row's cells. */
async function shown() {
  const count = await page.locator(".table-count").innerText();
  const rows = await page.locator("table tbody tr").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, " ").trim()));
  return { count, rows };
}

/** The same address loaded afresh: the server's view of it. */
async function asTheServerShowsIt() {
  await page.reload();
  await waitForHydration(page);
  return shown();
}

async function withCopy() {
  await waitForHydration(page);
  await page.locator('.data-table[data-source="browser"]').waitFor({ state: "attached" });
  asked.length = 0;
}

describe("the evidence log's copy in the browser", () => {
  it("filters, sorts and pages without asking the server, and the address reloads to the same view", async () => {
    await page.goto(`${app.baseURL}/reviews/demo/evidence`);
    await withCopy();
    const all = await shown();

    await page.getByRole("combobox", { name: "Key factors" }).selectOption("kf-04");
    await page.waitForURL(/factor=kf-04/);
    await expect.poll(() => page.locator(".table-count").innerText()).not.toBe(all.count);
    const filtered = await shown();
    expect(filtered.rows.length).toBeGreaterThan(0);
    expect(asked).toEqual([]);
    expect(await asTheServerShowsIt()).toEqual(filtered);

    await withCopy();
    await page.locator("th .sort-button[value^='polarity.']").click();
    await page.waitForURL(/sort=polarity\.asc/);
    await page.locator("th[aria-sort='ascending'] .sort-button[value^='polarity.']").waitFor();
    const sorted = await shown();
    expect(sorted.rows).not.toEqual(filtered.rows);
    expect(asked).toEqual([]);
    expect(await asTheServerShowsIt()).toEqual(sorted);

    await page.goto(`${app.baseURL}/reviews/demo/evidence?sort=kind.desc`);
    await withCopy();
    await page.getByRole("button", { name: "Next" }).click();
    await page.waitForURL(/page=2/);
    await page.locator(".pagination", { hasText: "Page 2 of" }).waitFor();
    const second = await shown();
    expect(asked).toEqual([]);
    expect(await asTheServerShowsIt()).toEqual(second);
    expect(problems).toEqual([]);
  });

  it("shows a view as the change happens, and the address it writes is right for back, forward, a reload and a save", async () => {
    await page.goto(`${app.baseURL}/reviews/demo/evidence`);
    await withCopy();
    const all = await shown();

    // No navigation to wait for: the address and the table change before the next task.
    const atOnce = await page.evaluate(async () => {
      const table = document.querySelector("#evidence-log-caption")!.closest("table")!;
      const before = table.innerHTML;
      const select = document.querySelector<HTMLSelectElement>('select[name="factor"]')!;
      select.value = "kf-04";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await Promise.resolve();
      await Promise.resolve();
      return { search: location.search, changed: table.innerHTML !== before };
    });
    expect(atOnce).toEqual({ search: "?factor=kf-04", changed: true });
    const filtered = await shown();
    expect(filtered.count).not.toBe(all.count);

    await page.locator("th .sort-button[value^='polarity.']").click();
    await page.waitForURL(/factor=kf-04&sort=polarity\.asc$/);
    await page.locator("th[aria-sort='ascending'] .sort-button[value^='polarity.']").waitFor();
    const sorted = await shown();
    expect(sorted.rows).not.toEqual(filtered.rows);

    // Back and forward walk the views, each one an entry of the browser's history.
    await page.goBack();
    await page.waitForURL(/\?factor=kf-04$/);
    await expect.poll(shown).toEqual(filtered);
    await page.goBack();
    await page.waitForURL(/\/evidence$/);
    await expect.poll(shown).toEqual(all);
    await page.goForward();
    await page.waitForURL(/\?factor=kf-04$/);
    await expect.poll(shown).toEqual(filtered);
    await page.goForward();
    await page.waitForURL(/sort=polarity\.asc$/);
    await expect.poll(shown).toEqual(sorted);
    expect(asked).toEqual([]);
    expect(await asTheServerShowsIt()).toEqual(sorted);

    // A save right after a view change: the list read again is that view's, as a reload shows it.
    await withCopy();
    await page.getByRole("combobox", { name: "Key factors" }).selectOption("kf-05");
    await page.waitForURL(/factor=kf-05&sort=polarity\.asc$/);
    const quote = `Vue du navigateur puis enregistrement ${Date.now()}`;
    const text = page.getByRole("region", { name: "Log a quote or observation" }).getByLabel("Quote or summary");
    await text.fill(quote);
    await text.focus();
    await page.keyboard.press("Alt+5");
    await page.keyboard.press("Enter");
    await page.locator("table tbody tr", { hasText: quote }).waitFor();
    expect(new URL(page.url()).search).toBe("?factor=kf-05&sort=polarity.asc");
    await page.locator("table[aria-busy]").waitFor({ state: "detached" });
    const afterSave = await shown();
    expect(await asTheServerShowsIt()).toEqual(afterSave);
    expect(problems).toEqual([]);
  });

  it("keeps the logging form out of a view change, and its note on a hidden save still follows the view", async () => {
    await page.goto(`${app.baseURL}/reviews/demo/evidence?factor=kf-04`);
    await withCopy();
    // Saved under another factor than the one the table shows: the form says the table hides it.
    const quote = `Enregistrée hors de la vue ${Date.now()}`;
    const form = page.getByRole("region", { name: "Log a quote or observation" });
    const text = form.getByLabel("Quote or summary");
    await text.fill(quote);
    await text.focus();
    await page.keyboard.press("Alt+5");
    await page.keyboard.press("Enter");
    const status = form.locator(".log-form__status");
    await expect.poll(() => status.innerText()).toMatch(/^Saved\..*the current filters hide it from the table\.$/);
    await page.locator("table[aria-busy]").waitFor({ state: "detached" });
    await page.locator('.data-table[data-source="browser"]').waitFor({ state: "attached" });

    // What is typed in the form stays as typed through the view changes.
    await text.fill("typed, not saved");

    // A view that shows the item, worked out from the copy: the note goes, the row is there.
    await page.getByRole("combobox", { name: "Key factors" }).selectOption("kf-05");
    await page.waitForURL(/\?factor=kf-05$/);
    await page.locator("table tbody tr", { hasText: quote }).waitFor();
    await expect.poll(() => status.innerText()).toBe("Saved. The form is ready for the next quote.");
    expect(await text.inputValue()).toBe("typed, not saved");

    // And back to a view that hides it: the note is said again.
    await page.getByRole("combobox", { name: "Key factors" }).selectOption("kf-04");
    await page.waitForURL(/\?factor=kf-04$/);
    await expect.poll(() => status.innerText()).toMatch(/the current filters hide it from the table\.$/);
    expect(await page.locator("table tbody tr", { hasText: quote }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("asks the server for a search, which reads the whole texts", async () => {
    await page.goto(`${app.baseURL}/reviews/demo/evidence`);
    await withCopy();
    await page.getByRole("searchbox", { name: /search the log/i }).fill("logement");
    await page.waitForURL(/q=logement/);
    await page.locator("table[aria-busy]").waitFor({ state: "detached" });
    await expect.poll(() => asked.some((url) => url.includes("q=logement"))).toBe(true);
    const found = await shown();
    expect(found.rows.length).toBeGreaterThan(0);
    expect(found.rows.every((row) => /logement/i.test(row))).toBe(true);
    expect(problems).toEqual([]);
  });
});
