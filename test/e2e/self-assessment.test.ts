import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { checkA11y, journeyOnDemoReview, signIn, waitForHydration, watchPage } from "./harness";

const journey = journeyOnDemoReview();

// A small but valid PDF: what a city would attach as its annual report.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const PDF_NAME = "Bilan de la campagne « Vos droits » 2025.pdf";
const DOCUMENT_TITLE = "Bilan de la campagne d'information « Vos droits à Belleforge »";

const url = (path: string) => `${journey.app.baseURL}/reviews/demo${path}`;

/** The text under one of the overview's progress bars, e.g. "28 of 51". */
async function meter(page: Page, id: string) {
  return (await page.locator(`#meter-${id}-value`).textContent())?.trim();
}

/** Waits until some element matching the selector shows the text (pages update just after their URL). */
async function see(page: Page, selector: string, text: string | RegExp) {
  await page.locator(selector).filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

async function waitForSaved(page: Page, statusId: string) {
  await page
    .locator(`#${statusId}`)
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 10_000 });
}

/** Types into a long answer the way a person does, once the page's script has taken over. */
async function typeAnswer(page: Page, questionId: string, text: string) {
  const box = page.locator(`#answer-${questionId}[data-autosave=on]`);
  await box.click();
  await box.pressSequentially(text);
}

describe("the host city's self-assessment", () => {
  it("the host team answers two factors, rates them, attaches a PDF, describes the context, and submits", async () => {
    const context = await journey.browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page);
    await signIn(page, journey.app.baseURL, "host@demo.test");

    await page.goto(url("/self-assessment"));
    await checkA11y(page);
    const before = {
      questions: await meter(page, "questions"),
      ratings: await meter(page, "ratings"),
      documents: await meter(page, "documents"),
      context: await meter(page, "context"),
    };
    expect(before).toEqual({ questions: "28 of 51", ratings: "8 of 11", documents: "8 of 11", context: "5 of 7" });

    // Factor 9: answers save themselves while typing.
    await page.getByRole("link", { name: "9. Making migrants aware of their rights" }).click();
    await page.waitForURL(/self-assessment\/kf-09$/);
    await see(page, "aside h2", "Examples from other cities");
    await typeAnswer(page, "kf-09-q1", "Oui : l'axe 1 du plan prévoit une campagne annuelle d'information sur les droits.");
    // Typed a moment ago: not sent yet (or on its way).
    await expect(page.locator("#answer-kf-09-q1-status").textContent()).resolves.toMatch(/^(Not saved yet|Saving…)$/);
    await waitForSaved(page, "answer-kf-09-q1-status");
    await typeAnswer(page, "kf-09-q2", "La Maison des droits et la permanence de Droit au Toit Belleforge reçoivent les victimes.");
    await waitForSaved(page, "answer-kf-09-q2-status");
    await page.getByRole("radio", { name: /Partly in place/ }).check();
    await waitForSaved(page, "assessment-status");
    await page.getByLabel("Short summary").fill("Campagne annuelle et permanences, mais pas d'enquête sur la connaissance des droits.");
    await waitForSaved(page, "assessment-status");
    await checkA11y(page);

    // Factor 10: written, then saved with the page's own button.
    await page.goto(url("/self-assessment/kf-10"));
    await typeAnswer(page, "kf-10-q1", "Les consultations de moins de 40 000 € sont publiées sur le profil acheteur de la ville.");
    await page.getByRole("radio", { name: /Not in place/ }).check();
    await page.getByLabel("Short summary").fill("Aucune clause ni suivi propres aux entreprises dirigées par des migrants.");
    await Promise.all([page.waitForURL(/kf-10\?saved=/), page.getByRole("button", { name: "Save this factor" }).click()]);
    await see(page, ".notice.ok", /^(Your changes were saved|Everything was already saved)\.$/);
    expect(await page.locator("#answer-kf-10-q1").inputValue()).toContain("profil acheteur");
    expect(await page.getByRole("radio", { name: /Not in place/ }).isChecked()).toBe(true);

    // A PDF for factor 9, from the factor page's link.
    await page.goto(url("/self-assessment/kf-09"));
    await page.getByRole("link", { name: "Add a document for this factor" }).click();
    await page.waitForURL(/documents\?factor=kf-09/);
    await checkA11y(page);
    await page.getByLabel("Title", { exact: true }).fill(DOCUMENT_TITLE);
    await page.getByLabel("Type", { exact: true }).selectOption("annual-report");
    await page.getByLabel("Date", { exact: true }).fill("2025-12-15");
    await page.getByLabel("Author or service").fill("Mission égalité-diversité");
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: PDF_NAME, mimeType: "application/pdf", buffer: PDF });
    expect(await page.getByLabel("Factor 9 as a whole").isChecked()).toBe(true);
    await page.getByRole("checkbox", { name: /^9\.1 / }).check();
    await Promise.all([page.waitForURL(/documents\?added=/), page.getByRole("button", { name: "Add the document" }).click()]);
    const row = page.locator("tr", { hasText: DOCUMENT_TITLE });
    await row.getByRole("link", { name: `Download ${PDF_NAME}` }).waitFor({ timeout: 5_000 });
    await see(page, "tr", "Q 9.1");

    // Two contextual factors.
    await page.goto(url("/context"));
    await checkA11y(page);
    await page
      .getByLabel("The host city's note on “Labour market and other economic conditions”")
      .fill("Le chômage atteint 9 %, 16 % dans les quartiers prioritaires ; les employeurs peinent à recruter dans le soin et le bâtiment.");
    await page.getByRole("group", { name: "Effect of “Labour market and other economic conditions”" }).getByLabel("Limits").check();
    await page
      .getByLabel("The host city's note on “Political situation in the city”")
      .fill("La majorité municipale, réélue en 2020, a fait de l'égalité l'un de ses engagements ; les élections de 2026 approchent.");
    await page.getByRole("group", { name: "Effect of “Political situation in the city”" }).getByLabel("Helps").check();
    await Promise.all([page.waitForURL(/context\?saved=2/), page.getByRole("button", { name: "Save the contextual factors" }).first().click()]);
    await see(page, ".notice.ok", "The contextual factors were saved.");

    // Progress moved; then the self-assessment goes to the peer team.
    await page.goto(url("/self-assessment"));
    expect({
      questions: await meter(page, "questions"),
      ratings: await meter(page, "ratings"),
      documents: await meter(page, "documents"),
      context: await meter(page, "context"),
    }).toEqual({ questions: "31 of 51", ratings: "10 of 11", documents: "9 of 11", context: "7 of 7" });
    await Promise.all([page.waitForURL(/submitted=1/), page.getByRole("button", { name: "Submit to the peer team" }).click()]);
    await see(page, ".sa-submit .notice.ok", "The self-assessment was submitted to the peer team.");
    await see(page, ".sa-submit", "Submitted to the peer team by Hélène Rousseau");
    await checkA11y(page);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("warns before leaving with unsaved text, and saves it before moving on", async () => {
    const context = await journey.browser.newContext();
    const page = await context.newPage();
    await signIn(page, journey.app.baseURL, "host@demo.test");
    await page.goto(url("/self-assessment/kf-11"));
    // Text typed before React takes over is not yet watched by the unsaved-text guard.
    await waitForHydration(page);
    // Hold the autosave back, so the text is still unsaved when the tab closes, however fast the server is.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/self-assessment\/kf-11/, async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await typeAnswer(page, "kf-11-q2", "Brouillon");
    // The page has taken the text in (unsaved, or its held autosave on the way) before the tab closes.
    await page.locator("#answer-kf-11-q2-status.unsaved, #answer-kf-11-q2-status.saving").waitFor();
    let dialog: string | null = null;
    page.once("dialog", async (event) => {
      dialog = event.type();
      await event.dismiss();
    });
    await expect(page.goto(url(""))).rejects.toThrow();
    expect(dialog).toBe("beforeunload");
    expect(page.url()).toMatch(/kf-11$/);
    release();
    await page.unrouteAll({ behavior: "wait" });

    // Following a link inside the app waits for the text to be saved, then goes on.
    await typeAnswer(page, "kf-11-q3", "Le tableau de bord RH suit la nationalité des agents recrutés.");
    await page.getByRole("link", { name: "Documents", exact: true }).click();
    await page.waitForURL(/documents$/);
    await page.goto(url("/self-assessment/kf-11"));
    expect(await page.locator("#answer-kf-11-q3").inputValue()).toBe("Le tableau de bord RH suit la nationalité des agents recrutés.");
    await context.close();
  });

  it("the peer team reads it all, read-only, and downloads the PDF", async () => {
    const context = await journey.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchPage(page);
    await signIn(page, journey.app.baseURL, "peer@demo.test");

    await page.goto(url("/self-assessment"));
    await expect(page.locator(".sa-submit").textContent()).resolves.toContain("Submitted to the peer team by Hélène Rousseau");
    await expect(page.getByRole("button", { name: /Submit/ }).count()).resolves.toBe(0);
    await checkA11y(page);

    await page.goto(url("/self-assessment/kf-09"));
    // Nothing to write in (the review's search box, beside every page, aside).
    await expect(page.locator("main").locator(":is(textarea, input[type=radio], button[type=submit]):not(.review-search *)").count()).resolves.toBe(0);
    await expect(page.locator("main").textContent()).resolves.toContain("l'axe 1 du plan prévoit une campagne annuelle");
    await expect(page.locator(".sa-assessment .pill").first().textContent()).resolves.toBe("Partly in place");
    await checkA11y(page);

    await page.goto(url("/self-assessment/print"));
    const printed = (await page.locator("main").textContent()) ?? "";
    expect(printed).toContain("Aucune clause ni suivi propres aux entreprises dirigées par des migrants.");
    expect(printed).toContain("Le chômage atteint 9 %");
    expect(printed).toContain(DOCUMENT_TITLE);
    await checkA11y(page);

    await page.goto(url("/documents"));
    await expect(page.locator("main form[method=post]").count()).resolves.toBe(0);
    await checkA11y(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .locator("tr", { hasText: DOCUMENT_TITLE })
        .getByRole("link", { name: `Download ${PDF_NAME}` })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(PDF_NAME);
    expect(fs.readFileSync((await download.path())!)).toEqual(PDF);

    await page.goto(url("/context"));
    await expect(page.locator("main textarea").count()).resolves.toBe(0);
    await expect(page.locator("main").textContent()).resolves.toContain("La majorité municipale, réélue en 2020");
    await checkA11y(page);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it("without JavaScript, the same answer can be saved with a plain form post", async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, journey.app.baseURL, "host@demo.test");
    await page.goto(url("/self-assessment/kf-09"));
    const text = "Oui : l'axe 1 du plan prévoit une campagne annuelle d'information sur les droits, traduite en six langues.";
    await page.locator("#answer-kf-09-q1").fill(text);
    await Promise.all([page.waitForURL(/kf-09\?saved=1/, { timeout: 10_000 }), page.getByRole("button", { name: "Save this factor" }).click()]);
    await see(page, ".notice.ok", "Your changes were saved.");
    expect(await page.locator("#answer-kf-09-q1").inputValue()).toBe(text);
    // Saved after submission: the peer team sees it marked as changed.
    await expect(
      page
        .locator("section", { has: page.locator("#answer-kf-09-q1") })
        .locator(".sa-changed")
        .count(),
    ).resolves.toBe(1);
    await context.close();
  });
});
