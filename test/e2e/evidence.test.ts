import fs from "node:fs";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillLargeLog, measureBrowserViewChange } from "../perf/evidence";
import { checkA11y, launchBrowser, signIn, startApp, waitForHydration, watchPage, type RunningApp } from "./harness";

/**
 * A peer reviewer during the visit: records an interview, logs three quotes with the keyboard
 * only, filters the log, exports the filtered view and sees the coverage move.
 */

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

const QUOTES = [
  "Les médiateurs de la Maison des droits ont été recrutés, mais leurs postes dépendent d'un appel à projets renouvelé chaque année.",
  "On nous demande « d'aller vers » les habitants, sans véhicule ni heures supplémentaires, alors on fait ce qu'on peut.",
  "Le marché d'interprétariat a été attribué, mais aucun critère n'y parle d'égalité d'accès.",
];

/** The coverage page's total for one key factor (0 when it says "no evidence yet"). */
async function factorTotal(number: number) {
  await page.goto(`${app.baseURL}/reviews/demo/coverage`);
  const row = page.locator("tr.coverage-factor__row", { has: page.locator("th", { hasText: new RegExp(`^Key factor ${number}:`) }) });
  const cell = (await row.locator("td").first().innerText()).trim();
  return /^\d+$/.test(cell) ? Number(cell) : 0;
}

/** The exported file read by a real CSV parser: CRLF between records. */
const parseCsv = (text: string): string[][] => parse(text, { record_delimiter: "\r\n" });

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true, locale: "en-GB" });
  page = await context.newPage();
  problems = watchPage(page);
  await signIn(page, app.baseURL, "peer@demo.test");
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the evidence log in Chromium", () => {
  let interviewLabel = "";

  it("records an interview with the people met described by role, not by name", async () => {
    await page.goto(`${app.baseURL}/reviews/demo/interviews`);
    await page.getByLabel("Date", { exact: true }).fill("2026-03-18");
    await page.getByLabel("Format").selectOption("focus-group");
    await page.getByLabel("Place").fill("Maison des droits");
    await page.getByLabel("Person 1: Role").fill("Coordinatrice");
    await page.getByLabel("Person 1: Organisation").fill("Réseau Égalité Emploi");
    await page.getByLabel("Person 1: Category").selectOption("ngo");
    await page.getByLabel("Person 2: Role").fill("Médiateur");
    await page.getByLabel("Person 2: Organisation").fill("Maison des droits");
    await page.getByLabel("Person 2: Category").selectOption("service-provider");
    // Names are off by default: the name fields are not even shown.
    await expect(page.getByLabel("Person 1: Name").isVisible()).resolves.toBe(false);
    await page.getByLabel("Notes on consent").fill("Citations anonymes acceptées.");
    await page.getByRole("button", { name: "Save the interview" }).click();
    await page.getByText("The interview is recorded.").waitFor();
    const row = page.locator("tr.highlight");
    await expect(row.innerText()).resolves.toContain("Maison des droits");
    await expect(row.innerText()).resolves.toContain("Piet de Vries");
    await checkA11y(page);
    interviewLabel = "18 Mar 2026 · Focus group · Maison des droits";
  });

  it("logs three quotes tagged to two factors with the keyboard only, without reloading the page", async () => {
    const coverageBefore = { four: await factorTotal(4), ten: await factorTotal(10) };
    expect(coverageBefore.ten).toBe(0);

    await page.goto(`${app.baseURL}/reviews/demo/interviews`);
    // "Log quotes" on the new interview's row opens the log with that interview chosen and the cursor in the text box.
    await page.locator("tr", { hasText: "Maison des droits" }).getByRole("link", { name: "Log quotes" }).click();
    await page.waitForURL(/form-interview=/);
    await waitForHydration(page);
    const form = page.getByRole("region", { name: "Log a quote or observation" });
    const select = form.getByLabel("Interview or focus group");
    await expect(select.locator("option:checked").innerText()).resolves.toBe(interviewLabel);
    const text = form.getByLabel("Quote or summary");
    await expect(text.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    // A focus group: the kind follows the interview's format once it is picked again with the keyboard.
    await select.focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowDown");
    await expect(form.getByLabel("Kind").inputValue()).resolves.toBe("focus-group-note");
    await expect(form.getByLabel("Attribution in the report").inputValue()).resolves.toBe("an NGO representative");
    await page.keyboard.press("Tab");

    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    const saved = page.locator(".log-form__status");

    // 1: tag factors 4 and 10 with Alt+4 and Alt+0, save with Enter.
    await page.keyboard.type(QUOTES[0]!);
    await page.keyboard.press("Alt+4");
    await page.keyboard.press("Alt+0");
    await expect(form.getByRole("checkbox", { name: /Consulting migrants/ }).isChecked()).resolves.toBe(true);
    await expect(form.getByRole("checkbox", { name: /Procurement/ }).isChecked()).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await page.locator("table tbody tr", { hasText: QUOTES[0]!.slice(0, 40) }).waitFor();
    await expect(saved.innerText()).resolves.toContain("Saved");
    // The form stays on the interview with its tags, the text box empty and focused.
    await expect(text.inputValue()).resolves.toBe("");
    await expect(text.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(form.getByRole("checkbox", { name: /Procurement/ }).isChecked()).resolves.toBe(true);

    // 2: same tags, kept from the last save; Shift+Enter makes a new line inside the quote.
    const comma = QUOTES[1]!.indexOf(", ");
    await page.keyboard.type(QUOTES[1]!.slice(0, comma + 1));
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type(QUOTES[1]!.slice(comma + 2));
    await page.keyboard.press("Enter");
    await page.locator("table tbody tr", { hasText: "sans véhicule" }).waitFor();

    // 3: untag factor 10 with Alt+0, keep factor 4.
    await page.keyboard.press("Alt+0");
    await expect(form.getByRole("checkbox", { name: /Procurement/ }).isChecked()).resolves.toBe(false);
    await page.keyboard.type(QUOTES[2]!);
    await page.keyboard.press("Enter");
    await page.locator("table tbody tr", { hasText: QUOTES[2]!.slice(0, 40) }).waitFor();
    expect(navigations, "the page was reloaded or left").toBe(0);

    // The three are at the top of the log, newest first, attributed anonymously.
    const top = await page.locator("table tbody tr").evaluateAll((rows) => rows.slice(0, 3).map((row) => row.textContent ?? ""));
    expect(top[0]).toContain(QUOTES[2]!.slice(0, 40));
    expect(top[2]).toContain(QUOTES[0]!.slice(0, 40));
    expect(top.every((row) => row.includes("an NGO representative"))).toBe(true);
    await checkA11y(page);

    // The coverage view counts them.
    expect(await factorTotal(10)).toBe(2);
    expect(await factorTotal(4)).toBe(coverageBefore.four + 3);
  });

  it("filters the log to one factor, keeps the view in the URL, and exports exactly that view as CSV", async () => {
    await page.goto(`${app.baseURL}/reviews/demo/evidence`);
    // A choice made before React takes over the server's HTML is not seen by the page's script.
    await waitForHydration(page);
    await page.getByRole("combobox", { name: "Key factors" }).selectOption("kf-10");
    await page.waitForURL(/factor=kf-10/);
    // The URL changes before the table's data arrives: wait for the new count, then check the rows.
    await page.locator(".table-count", { hasText: /^2 rows$/ }).waitFor();
    await page.locator("table[aria-busy]").waitFor({ state: "detached" });
    const rows = page.locator("table tbody tr");
    await expect(rows.count()).resolves.toBe(2);
    await expect(page.locator(".table-count").innerText()).resolves.toBe("2 rows");

    // The same URL, opened afresh, shows the same view.
    await page.reload();
    await expect(page.locator("table tbody tr").count()).resolves.toBe(2);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download this view as CSV" }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(records).toHaveLength(2);
    const column = (name: string) => header!.indexOf(name);
    expect(records.map((record) => record[column("Text")])).toEqual([QUOTES[1]!.replace(", ", ",\n"), QUOTES[0]]);
    expect(records.every((record) => record[column("Key factors")] === "4; 10")).toBe(true);
    expect(records.every((record) => record[column("Attribution")] === "an NGO representative")).toBe(true);
    expect(records.every((record) => record[column("Interview")]!.includes("Maison des droits"))).toBe(true);
    expect(problems).toEqual([]);
  });

  it("applies a filter and a sort to a 5,000-item log quickly enough to keep up (figure printed)", async () => {
    const sqlite = new Database(app.databasePath);
    sqlite.pragma("busy_timeout = 5000");
    fillLargeLog(sqlite, { seed: 7 });
    sqlite.close();
    await page.goto(`${app.baseURL}/reviews/demo/evidence`);
    await waitForHydration(page);
    const total = Number((await page.locator(".table-count").innerText()).replace(/\D/g, ""));
    expect(total).toBeGreaterThan(5000);
    const figures = await measureBrowserViewChange(page);
    console.log(`evidence e2e: in Chromium on a ${total}-row log, filter by factor ${figures.filterMs} ms, sort by column ${figures.sortMs} ms (median)`);
    expect(figures.filterMs).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("sort")).toMatch(/^kind\./);
    expect(problems).toEqual([]);
  });
});
