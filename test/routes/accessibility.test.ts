import { afterEach, describe, expect, it, vi } from "vitest";

/*
 * /accessibility: the statement the Web Accessibility Directive asks for, public, with a contact
 * and its date in the reader's language.
 */
async function statement(lang: "fr" | "en", env: Record<string, string> = {}) {
  vi.resetModules();
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { loader } = await import("#app/routes/accessibility");
  return loader({ request: new Request(`http://localhost/accessibility?lang=${lang}`), params: {}, context: {} });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the accessibility statement", () => {
  it("opens to anyone and dates itself in the reader's language", async () => {
    await expect(statement("fr")).resolves.toMatchObject({ date: "2 décembre 2026" });
    await expect(statement("en")).resolves.toMatchObject({ date: "2 December 2026" });
  });

  it("gives ACCESSIBILITY_CONTACT as the contact, else the address mail is sent from", async () => {
    await expect(statement("en", { ACCESSIBILITY_CONTACT: "access@city.example" })).resolves.toMatchObject({ contact: "access@city.example" });
    await expect(statement("en", { MAIL_FROM: "Workbench <workbench@city.example>" })).resolves.toMatchObject({ contact: "workbench@city.example" });
  });
});
