import { describe, expect, it } from "vitest";
import { journeyOnDemoReview, signIn } from "./harness";

const journey = journeyOnDemoReview();

describe("an error page", () => {
  it("explains a refused sign-in link in the reader's language", async () => {
    const context = await journey.browser.newContext({ timezoneId: "Europe/Paris" });
    const page = await context.newPage();
    const response = await page.goto(`${journey.app.baseURL}/login?lang=fr&redirectTo=%2F%0D%0A%2Fevil.example`);
    expect(response?.status()).toBe(400);
    await expect(page.locator(".error-page").innerText()).resolves.toContain("L'adresse où revenir après la connexion n'est pas valide.");
    const english = await journey.browser.newContext({ timezoneId: "Europe/Paris" });
    const englishPage = await english.newPage();
    await englishPage.goto(`${journey.app.baseURL}/login?lang=en&redirectTo=%2F%0D%0A%2Fevil.example`);
    await expect(englishPage.locator(".error-page").innerText()).resolves.toContain("The address to return to after sign-in is not valid.");
    await context.close();
    await english.close();
  });

  it("explains a cross-site post in the reader's language", async () => {
    const context = await journey.browser.newContext({ timezoneId: "Europe/Paris" });
    const page = await context.newPage();
    await page.goto(`${journey.app.baseURL}/login?lang=fr`);
    // A form another site would post here: same cookie, foreign Origin.
    const response = await page.request.post(`${journey.app.baseURL}/login?lang=fr`, {
      form: { email: "lead@demo.test", password: "workbench-demo" },
      headers: { Origin: "https://evil.example" },
    });
    expect(response.status()).toBe(403);
    const html = await response.text();
    expect(html).toContain("Ce formulaire a été envoyé depuis un autre site : il a été refusé.");
    await context.close();
  });

  it("says an unknown address is a page not found, and a review the reader cannot open is not found or not theirs", async () => {
    const context = await journey.browser.newContext();
    const page = await context.newPage();
    const unknown = await page.goto(`${journey.app.baseURL}/no-such-page?lang=en`);
    expect(unknown?.status()).toBe(404);
    await expect(page.locator(".error-page h1").innerText()).resolves.toBe("Page not found");
    // A stranger gets the same answer for a review that exists and one that does not.
    await signIn(page, journey.app.baseURL, "outsider@demo.test");
    for (const path of ["/reviews/demo", "/reviews/no-such-review"]) {
      const review = await page.goto(`${journey.app.baseURL}${path}?lang=en`);
      expect(review?.status(), path).toBe(404);
      await expect(page.locator(".error-page h1").innerText()).resolves.toBe("This page does not exist, or you are not a member of this review.");
    }
    await context.close();
  });
});
