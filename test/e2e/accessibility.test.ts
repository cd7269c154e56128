import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startApp, waitForHydration, watchPage, type RunningApp } from "./harness";
import { ACCOUNT_NAMES, addDemoLinks, contextFor, pagesFor, type Account } from "./pages";

/*
 * WCAG 2.2 AA (EN 301 549) on every page, as every account that may open it, in both
 * languages, on a 1280 px desktop and a 320 px phone (WCAG 1.4.10 reflow: nothing wider than
 * the window at 320 CSS px). axe's serious and critical findings fail; so does any page wider
 * than its window. The pages come from the permission table (test/e2e/pages.ts).
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 320, height: 640 };

let app: RunningApp;
let browser: Browser;
const signedIn = new Map<Account, unknown>();

beforeAll(async () => {
  app = await startApp();
  addDemoLinks(app.databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

type Finding = { page: string; width: number; rule: string; impact: string; nodes: string[] };

describe("every page meets WCAG 2.2 AA", () => {
  for (const account of ACCOUNT_NAMES) {
    for (const lang of ["fr", "en"] as const) {
      it(`as ${account} in ${lang}, at 1280 and 320 px`, { timeout: 600_000 }, async () => {
        const context = await contextFor(browser, app.baseURL, account, lang, signedIn);
        const page = await context.newPage();
        const problems = watchPage(page);
        const findings: Finding[] = [];
        const tooWide: string[] = [];
        const wrongStatus: string[] = [];
        const noStatementLink: string[] = [];
        for (const visit of pagesFor(account)) {
          await page.setViewportSize(DESKTOP);
          const before = problems.length;
          const response = await page.goto(`${app.baseURL}${visit.path}?lang=${lang}`);
          // The browser logs the error status of an error page it was sent to on purpose.
          if (visit.status !== 200)
            problems.splice(before, problems.length - before, ...problems.slice(before).filter((problem) => !problem.includes(`status of ${visit.status}`)));
          if (response?.status() !== visit.status) wrongStatus.push(`${visit.path}: ${response?.status()} (expected ${visit.status})`);
          await waitForHydration(page);
          if (!(await page.locator("footer a[href='/accessibility']").count())) noStatementLink.push(visit.path);
          for (const viewport of [DESKTOP, PHONE]) {
            await page.setViewportSize(viewport);
            if (viewport === PHONE) {
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              if (overflow > 0) tooWide.push(`${visit.path}: ${overflow} px wider than ${PHONE.width} px`);
            }
            const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
            for (const violation of results.violations) {
              findings.push({
                page: visit.path,
                width: viewport.width,
                rule: violation.id,
                impact: violation.impact ?? "unknown",
                nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
              });
            }
          }
        }
        await context.close();
        const counts = Object.fromEntries(
          ["critical", "serious", "moderate", "minor"].map((impact) => [impact, findings.filter((finding) => finding.impact === impact).length]),
        );
        // The figures behind the before/after counts (npm test prints them once per account and language).
        console.log(`A11Y ${JSON.stringify({ account, lang, pages: pagesFor(account).length, tooWide: tooWide.length, axe: counts })}`);
        const blocking = findings
          .filter((finding) => finding.impact === "serious" || finding.impact === "critical")
          .map((finding) => `${finding.page} @${finding.width}px ${finding.impact} ${finding.rule}: ${finding.nodes.join(", ")}`);
        expect({ wrongStatus, tooWide, blocking, noStatementLink, problems }).toEqual({
          wrongStatus: [],
          tooWide: [],
          blocking: [],
          noStatementLink: [],
          problems: [],
        });
      });
    }
  }
});

describe("text and feedback", () => {
  it("marks text written in another language than the page's with lang (WCAG 3.1.2)", async () => {
    const context = await contextFor(browser, app.baseURL, "lead", "en", signedIn);
    const page = await context.newPage();
    // The demo review is written in French: its answers on an English page say so.
    await page.goto(`${app.baseURL}/reviews/demo/self-assessment/print?lang=en`);
    expect(await page.locator('.sa-answer-text[lang="fr"]').count()).toBeGreaterThan(0);
    expect(await page.locator(".sa-answer-text:not([lang])").count()).toBe(0);
    // A peer's note in English is marked English among French quotes, on a French page too.
    await page.goto(`${app.baseURL}/reviews/demo/evidence?lang=fr&q=${encodeURIComponent("town hall lobby")}`);
    await expect(page.locator('.evidence-text[lang="en"]').first().textContent()).resolves.toContain("The equality declaration");
    await page.goto(`${app.baseURL}/reviews/demo/report?lang=en`);
    expect(await page.locator('.report [lang="fr"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it("shows a refused quick-log save in the error style, not the colour of Saved", async () => {
    const context = await contextFor(browser, app.baseURL, "peer", "en", signedIn);
    const page = await context.newPage();
    await page.goto(`${app.baseURL}/reviews/demo/evidence?lang=en`);
    await waitForHydration(page);
    const status = page.locator(".log-form__status");
    const colour = () => status.evaluate((element) => getComputedStyle(element).color);
    const text = page.locator("#log-text");
    await page.locator("#log-kind").selectOption("observation");
    await text.fill("Saved first, to see the colour of Saved.");
    await text.press("Alt+2");
    await text.press("Enter");
    await expect.poll(() => status.textContent()).toContain("Saved");
    const saved = await colour();
    // Nothing typed: refused in the browser, with the form's error message.
    await text.press("Enter");
    await expect.poll(() => status.getAttribute("class")).toContain("failed");
    expect(await colour()).not.toBe(saved);
    await context.close();
  });

  it("links the accessibility statement from every page's footer, in both languages", async () => {
    for (const lang of ["fr", "en"] as const) {
      const context = await contextFor(browser, app.baseURL, "anonymous", lang, signedIn);
      const page = await context.newPage();
      await page.goto(`${app.baseURL}/login?lang=${lang}`);
      await waitForHydration(page);
      await page.locator("footer a[href='/accessibility']").click();
      await expect.poll(() => page.locator("h1").textContent()).toBe(lang === "fr" ? "Déclaration d'accessibilité" : "Accessibility statement");
      await context.close();
    }
  });
});
