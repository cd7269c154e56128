import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startMailServer } from "../mail-server";
import { checkA11y, launchBrowser, signIn, startApp, waitForHydration, watchPage, type RunningApp } from "./harness";

let app: RunningApp;
let browser: Browser;
let mail: Awaited<ReturnType<typeof startMailServer>>;

beforeAll(async () => {
  // A real SMTP server on this machine: the app mails through it as it would through the city's.
  mail = await startMailServer();
  app = await startApp({ env: { SMTP_URL: mail.url, MAIL_FROM: "workbench@belleforge.test" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mail?.close();
});

const NEW_PASSWORD = "harbour lantern spring 2026";

describe("a forgotten password", () => {
  it("is reset through the link the app mails, once, and the new password signs in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${app.baseURL}/login?lang=en`);
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await page.waitForURL(/\/forgot-password$/);
    await waitForHydration(page);
    await page.getByLabel("Email address").fill("peer@demo.test");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("status").innerText()).resolves.toContain("If peer@demo.test has an account here, a link is on its way.");

    const message = await mail.waitFor((candidate) => candidate.to === "peer@demo.test");
    expect(message.from).toBe("workbench@belleforge.test");
    expect(message.subject).toBe("[Benchmark workbench] Choose a new password");
    const link = /http:\/\/localhost:\d+\/reset-password\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
    expect(link, message.text).toBeDefined();

    await page.goto(link!);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Choose a new password");
    await checkA11y(page);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("New password again").fill(NEW_PASSWORD);
    await Promise.all([page.waitForURL(/\/login\?notice=password-reset/), page.getByRole("button", { name: "Set the new password" }).click()]);
    await expect(page.getByRole("status").innerText()).resolves.toContain("Your new password is set.");

    expect(problems).toEqual([]);

    // The link worked once (the browser logs the 410 and, below, the refused sign-in's 400).
    await page.goto(link!);
    await expect(page.locator(".form-error").innerText()).resolves.toContain("This link has already been used.");

    // The old password no longer opens the account; the new one does.
    await page.goto(`${app.baseURL}/login?lang=en`);
    await waitForHydration(page);
    await page.getByLabel("Email address").fill("peer@demo.test");
    await page.getByLabel("Password").fill("workbench-demo");
    await page.locator("form[data-login] button[type=submit]").click();
    await expect(page.locator(".form-error").innerText()).resolves.toBe("Wrong email or password.");
    await signIn(page, app.baseURL, "peer@demo.test", NEW_PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/reviews");
    await context.close();
  });

  it("answers an unknown address as a known one, and mails nothing to it; a French account gets its mail in French", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.baseURL}/forgot-password?lang=en`);
    await waitForHydration(page);
    await page.getByLabel("Email address").fill("nobody@example.org");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("status").innerText()).resolves.toContain("If nobody@example.org has an account here, a link is on its way.");
    // Then a known address: once its mail has arrived, the unknown one (asked first) has had its turn and got none.
    await page.goto(`${app.baseURL}/forgot-password?lang=en`);
    await waitForHydration(page);
    await page.getByLabel("Email address").fill("peer2@demo.test");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("status").innerText()).resolves.toContain("If peer2@demo.test has an account here, a link is on its way.");
    const french = await mail.waitFor((candidate) => candidate.to === "peer2@demo.test");
    expect(french.subject).toBe("[Benchmark workbench] Choisir un nouveau mot de passe");
    expect(mail.mails.filter((candidate) => candidate.to === "nobody@example.org")).toEqual([]);
    await context.close();
  });
});
