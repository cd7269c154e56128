import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, watchPage } from "./harness";

const journey = journeyOnDemoReview();

describe("the benchmark reference page", () => {
  it("shows the whole benchmark in French, with an anchor per factor, and passes axe", async () => {
    const page = await (await journey.browser.newContext()).newPage();
    const problems = watchPage(page);
    const response = await page.goto(`${journey.app.baseURL}/benchmark/eurocities-anti-discrimination?lang=fr`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await expect(page.locator("h1").textContent()).resolves.toContain("Villes d'intégration");
    expect(await page.locator("section.factor[id^='kf-']").count()).toBe(11);
    expect(await page.locator("section.factor[id^='cf-']").count()).toBe(7);
    expect(await page.locator("#kf-01 h3").textContent()).toContain("L'engagement public");
    expect(await page.locator("#kf-06-q2 li").count()).toBe(3);
    expect(await page.locator("ol.questions > li").count()).toBe(51);
    await checkA11y(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("switches to English with the visible switch and remembers the choice", async () => {
    const context = await journey.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${journey.app.baseURL}/benchmark/eurocities-anti-discrimination?lang=fr`);
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("#kf-01 h3").textContent()).toContain("Public commitment");
    await page.goto(`${journey.app.baseURL}/benchmark/eurocities-anti-discrimination`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("#cf-data-availability h3").count()).toBe(1);
    await checkA11y(page);
    await context.close();
  });

  it("prints without the navigation", async () => {
    const page = await journey.browser.newPage();
    await page.goto(`${journey.app.baseURL}/benchmark/eurocities-anti-discrimination?lang=en`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator("#kf-11").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });

  it("shows the ECCAR plan's 10 commitments, their 30 actions and the mapping, in French and in English", async () => {
    const page = await (await journey.browser.newContext()).newPage();
    const problems = watchPage(page);
    expect((await page.goto(`${journey.app.baseURL}/benchmark/eccar-10-point-plan?lang=fr`))?.status()).toBe(200);
    expect(await page.locator("section.factor[id^='c-']").count()).toBe(10);
    expect(await page.locator("ol.questions > li").count()).toBe(30);
    expect(await page.locator("#c-09 h3").textContent()).toBe("Engagement 9 — Promouvoir la diversité culturelle");
    expect(await page.locator("#c-05 .mapping li").allTextContents()).toEqual([
      expect.stringContaining("Facteur clé 5 — L'implication des acteurs non municipaux (principal) :"),
      expect.stringContaining("Facteur clé 10 — La passation de marchés (principal) :"),
    ]);
    expect(await page.locator("#c-09 .mapping").textContent()).toContain("Pas de correspondance.");
    const headings = await page.locator("section.factor h3").allTextContents();
    expect(headings.filter((heading) => !heading.startsWith("Engagement "))).toEqual([]);
    expect(await page.locator("body").textContent()).not.toMatch(/facteurs contextuels|questions guides/i);
    await checkA11y(page);
    await page.goto(`${journey.app.baseURL}/benchmark/eccar-10-point-plan?lang=en`);
    expect(await page.locator("#c-01 h3").textContent()).toBe("Commitment 1 — Greater vigilance against racism");
    expect(await page.locator("#c-06 .mapping li").first().textContent()).toContain("Key factor 6 — Municipal employment (primary):");
    await page.goto(`${journey.app.baseURL}/benchmark/eurocities-anti-discrimination?lang=en`);
    expect(await page.locator("#kf-10 .mapping li").allTextContents()).toEqual([
      expect.stringContaining("Commitment 5 — The city as an active supporter of equal opportunity practices (primary):"),
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("answers 400 for an unknown language and 404 for an unknown benchmark", async () => {
    expect((await fetch(`${journey.app.baseURL}/benchmark/eurocities-anti-discrimination?lang=de`)).status).toBe(400);
    expect((await fetch(`${journey.app.baseURL}/benchmark/no-such-benchmark`)).status).toBe(404);
    expect((await fetch(`${journey.app.baseURL}/healthz`)).status).toBe(200);
  });
});
