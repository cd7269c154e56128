import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { requireFramework } from "#benchmark/index";
import { checkA11y, journeyOnDemoReview, signIn, waitForHydration, watchPage } from "./harness";

const journey = journeyOnDemoReview();

const CITY = "Valmont-sur-Orge";
const ACTIONS = [
  { commitment: "c-01", title: "Comité de vigilance contre le racisme", status: "in-progress", partners: "Ligue des droits de l'homme, conseil des jeunes" },
  { commitment: "c-04", title: "Guide des droits en six langues", status: "implemented", partners: "Bibliothèques municipales" },
  { commitment: "c-08", title: "Ateliers contre les préjugés dans les collèges", status: "planned", partners: "Éducation nationale" },
];

async function newPage(email: string) {
  const context = await journey.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchPage(page);
  await signIn(page, journey.app.baseURL, email);
  return { page, problems, close: () => context.close() };
}

/** Submits a form by its button and waits for the page the action sends the browser to. */
async function submit(page: Page, button: string, to: RegExp) {
  await Promise.all([page.waitForURL(to), page.getByRole("button", { name: button, exact: true }).click()]);
}

describe("a review on ECCAR's 10-point plan", () => {
  it("the administrator creates it, the host team records actions under three commitments, the lead exports the annual report", async () => {
    // The administrator creates the review on the ECCAR plan and names the lead.
    const admin = await newPage("admin@demo.test");
    await admin.page.goto(`${journey.app.baseURL}/reviews/new`);
    await waitForHydration(admin.page);
    await admin.page.getByLabel("Host city").fill(CITY);
    await admin.page.getByLabel("Country").fill("France");
    await admin.page.locator("select[name=frameworkId]").selectOption("eccar-10-point-plan");
    await admin.page.locator("select[name=kind]").selectOption("self-assessment");
    await admin.page.locator("select[name=reportLocale]").selectOption("fr");
    await admin.page.locator("input[name=leadEmail]").fill("lead@demo.test");
    await admin.page.locator("main form button[type=submit]").click();
    await admin.page.locator(".notice.ok").filter({ hasText: CITY }).waitFor();
    expect(admin.problems).toEqual([]);
    await admin.close();

    // The lead finds it and invites the host team.
    const lead = await newPage("lead@demo.test");
    await lead.page.goto(`${journey.app.baseURL}/reviews`);
    await Promise.all([lead.page.waitForURL(/\/reviews\/[^/]+$/), lead.page.getByRole("link", { name: CITY }).click()]);
    const reviewUrl = lead.page.url();
    await lead.page.goto(`${reviewUrl}/members`);
    await waitForHydration(lead.page);
    const invite = lead.page.locator("form", { has: lead.page.locator("input[name=intent][value=invite]") });
    await invite.locator("input[name=email]").fill("host@demo.test");
    await invite.locator("select[name=role]").selectOption("host-team");
    await invite.locator("button[type=submit]").click();
    const link = (await lead.page.locator(".invitation-link").first().textContent())!.trim();
    expect(link).toContain("/invitations/");

    // The host team joins and records an action under three commitments.
    const host = await newPage("host@demo.test");
    await host.page.goto(link);
    await Promise.all([
      host.page.waitForURL(/\/reviews\/[^/]+$/),
      host.page.locator("main form:has(input[name=intent][value=join]) button[type=submit]").click(),
    ]);
    for (const action of ACTIONS) {
      await host.page.goto(`${reviewUrl}/self-assessment/${action.commitment}/actions`);
      await host.page.getByRole("link", { name: "Add an action" }).click();
      await host.page.waitForURL(/\/actions\/new$/);
      await waitForHydration(host.page);
      await host.page.locator("#action-title").fill(action.title);
      await host.page.locator("#action-status").selectOption(action.status);
      await host.page.locator("#action-partners").fill(action.partners);
      await host.page.locator("#action-start").fill("2026");
      await host.page.locator("#action-indicators").fill("Nombre de participants");
      await submit(host.page, "Add the action", /\/actions\?saved=/);
      await host.page.locator(".city-action h3").filter({ hasText: action.title }).waitFor();
    }
    // What the first action achieved in 2026, on its own page.
    await host.page.getByRole("link", { name: ACTIONS[2]!.title }).click();
    await host.page.waitForURL(/\/actions\/[^/?]+$/);
    await waitForHydration(host.page);
    await checkA11y(host.page);
    await host.page.locator("#year-year").fill("2026");
    await host.page.locator("#year-results").fill("Douze ateliers dans quatre collèges, 310 élèves.");
    await submit(host.page, "Save the year", /yearSaved=2026/);
    await host.page.locator(".action-years").filter({ hasText: "310 élèves" }).waitFor();
    await host.page.goto(`${reviewUrl}/self-assessment`);
    await checkA11y(host.page);
    expect(host.problems).toEqual([]);
    await host.close();

    // The lead exports the 2026 report in French.
    await lead.page.goto(`${reviewUrl}/eccar-report?year=2026`);
    await waitForHydration(lead.page);
    await checkA11y(lead.page);
    for (const action of ACTIONS) await lead.page.locator(".annual-commitment").filter({ hasText: action.title }).waitFor();
    const [download] = await Promise.all([lead.page.waitForEvent("download"), lead.page.getByRole("link", { name: "PDF in French" }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eccar-report-")), "report.pdf");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe("valmont-sur-orge-eccar-report-2026-fr.pdf");
    const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const commitment of requireFramework("eccar-10-point-plan").keyFactors) expect(text).toContain(commitment.title.fr.replace(/\s+/g, " "));
    for (const action of ACTIONS) expect(text).toContain(action.title);
    expect(text).toContain("Douze ateliers dans quatre collèges, 310 élèves.");
    expect(text).toContain("Aucune action n'a été menée au titre de cet engagement en 2026.");
    expect(lead.problems).toEqual([]);
    await lead.close();
  }, 120_000);
});
