import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, signIn, signOut, watchPage } from "./harness";

const journey = journeyOnDemoReview();

describe("accounts and access", () => {
  it("an invitation is accepted, then the new member signs out and in again", async () => {
    const lead = await journey.browser.newContext();
    const leadPage = await lead.newPage();
    const problems = watchPage(leadPage);
    await signIn(leadPage, journey.app.baseURL, "lead@demo.test");
    await leadPage.goto(`${journey.app.baseURL}/reviews/demo/members`);
    await checkA11y(leadPage);
    const invite = leadPage.locator("form", { has: leadPage.locator("input[name=intent][value=invite]") });
    await invite.getByLabel("Email").fill("anna.berg@example.org");
    await invite.getByLabel("Role").selectOption("peer-reviewer");
    await invite.getByLabel("City or organisation").fill("City of Malmö");
    await invite.getByRole("button", { name: "Invite" }).click();
    const link = (await leadPage.locator(".notice .invitation-link").textContent())!.trim();
    expect(link).toContain("/invitations/");
    expect(problems).toEqual([]);
    await lead.close();

    const guest = await journey.browser.newContext();
    const page = await guest.newPage();
    await page.goto(link);
    await expect(page.locator("h1").textContent()).resolves.toContain("Belleforge");
    await page.getByLabel("Your name").fill("Anna Berg");
    await page.getByLabel("Preferred language").selectOption("fr");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Password again").fill("short");
    await page.getByRole("button", { name: /join/i }).click();
    await expect(page.locator(".field-errors").first().textContent()).resolves.toContain("12");
    expect(await page.getByLabel("Your name").inputValue()).toBe("Anna Berg");
    await page.getByLabel("Password", { exact: true }).fill("a strong password for Anna");
    await page.getByLabel("Password again").fill("a strong password for Anna");
    await Promise.all([page.waitForURL(/\/reviews\/demo$/), page.getByRole("button", { name: /join/i }).click()]);
    await expect(page.locator(".review-kicker").textContent()).resolves.toMatch(/Peer reviewer|Pair évaluateur/);
    await signOut(page);
    await page.goto(`${journey.app.baseURL}/reviews/demo`);
    expect(page.url()).toContain("/login?redirectTo=%2Freviews%2Fdemo");
    await signIn(page, journey.app.baseURL, "anna.berg@example.org", "a strong password for Anna");
    expect(page.url()).toMatch(/\/reviews$/);
    expect(await page.locator("main table").textContent()).toContain("Belleforge");
    await page.goto(link);
    await expect(page.locator(".form-error").textContent()).resolves.toMatch(/already been used|déjà été utilisée/);
    await guest.close();
  });

  it("a member of one review gets 404 on another, exactly as for a review that does not exist", async () => {
    const admin = await journey.browser.newContext();
    const page = await admin.newPage();
    await signIn(page, journey.app.baseURL, "admin@demo.test");
    await page.goto(`${journey.app.baseURL}/reviews/new`);
    await checkA11y(page);
    await page.getByLabel("Host city").fill("Valmer");
    await page.getByLabel("Country").fill("Belgique");
    await page.getByLabel("Visit starts").fill("2026-09-14");
    await page.getByLabel("Visit ends").fill("2026-09-16");
    await page.getByLabel("Lead expert's email").fill("outsider@demo.test");
    await page.getByRole("button", { name: "Create the review" }).click();
    await page.locator(".notice.ok").waitFor();
    await page.goto(`${journey.app.baseURL}/reviews`);
    expect(await page.locator("table").last().textContent()).toContain("Valmer");
    await admin.close();

    const outsider = await journey.browser.newContext();
    const outsiderPage = await outsider.newPage();
    await signIn(outsiderPage, journey.app.baseURL, "outsider@demo.test");
    await outsiderPage.goto(`${journey.app.baseURL}/reviews`);
    await outsiderPage.getByRole("link", { name: /Valmer/ }).click();
    await outsiderPage.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    const reviewB = outsiderPage.url();
    const demo = await outsiderPage.goto(`${journey.app.baseURL}/reviews/demo/evidence`);
    expect(demo?.status()).toBe(404);
    await outsider.close();

    const host = await journey.browser.newContext();
    const hostPage = await host.newPage();
    await signIn(hostPage, journey.app.baseURL, "host@demo.test");
    const other = await hostPage.goto(reviewB);
    const missing = await hostPage.goto(`${journey.app.baseURL}/reviews/00000000-0000-0000-0000-000000000000`);
    expect(other?.status()).toBe(404);
    expect(missing?.status()).toBe(404);
    const otherText = await (await hostPage.goto(reviewB))!.text();
    const missingText = await (await hostPage.goto(`${journey.app.baseURL}/reviews/00000000-0000-0000-0000-000000000000`))!.text();
    const strip = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/\/reviews\/[0-9a-f-]{36}/g, "");
    expect(strip(otherText)).toBe(strip(missingText));
    await host.close();
  });

  it("the host team gets 403 on its own review's evidence log", async () => {
    const context = await journey.browser.newContext();
    const page = await context.newPage();
    await signIn(page, journey.app.baseURL, "host@demo.test");
    const log = await page.goto(`${journey.app.baseURL}/reviews/demo/evidence`);
    expect(log?.status()).toBe(403);
    expect(await page.locator("h1").textContent()).toMatch(/does not allow|ne le permet pas/);
    expect(await page.locator("nav.tabs a", { hasText: /Evidence|preuve/ }).count()).toBe(0);
    const home = await page.goto(`${journey.app.baseURL}/reviews/demo`);
    expect(home?.status()).toBe(200);
    expect(await page.locator("nav.tabs a", { hasText: /Evidence|preuve/ }).count()).toBe(0);
    await context.close();
  });

  it("a wrong password keeps the email and says so", async () => {
    const page = await (await journey.browser.newContext()).newPage();
    await page.goto(`${journey.app.baseURL}/login?lang=en`);
    await page.getByLabel("Email address").fill("lead@demo.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".form-error").textContent()).resolves.toBe("Wrong email or password.");
    expect(await page.getByLabel("Email address").inputValue()).toBe("lead@demo.test");
    await checkA11y(page);
    await page.close();
  });
});
