import i18next from "i18next";
import { describe, expect, it, vi } from "vitest";
import { NAMESPACES, resources } from "#app/locales/index";
import { createI18n, i18nOptions, LOCALES } from "#app/utils/i18n";

/** A plain i18next instance with the app's settings, as createI18n made one before it remembered translations. */
function plain(locale: (typeof LOCALES)[number]) {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(locale));
  return instance;
}

/** i18next's own translator, which works each text out (not in i18next's public types). */
const translatorOf = (i18n: ReturnType<typeof createI18n>) => (i18n as unknown as { translator: { translate: (...args: unknown[]) => unknown } }).translator;

describe("translations an instance remembers", () => {
  it("works a text out once: the same key with the same options does not reach i18next again", () => {
    const i18n = createI18n("fr");
    const translate = vi.spyOn(translatorOf(i18n), "translate");
    const t = i18n.getFixedT(null, "evidence");
    const first = t("log.items", { count: 3 });
    expect(t("log.items", { count: 3 })).toBe(first);
    expect(translate).toHaveBeenCalledTimes(1);
    expect(t("log.items", { count: 1 })).not.toBe(first);
    expect(translate).toHaveBeenCalledTimes(2);
  });

  it("gives what i18next gives, for every key in both languages, with and without options", () => {
    for (const locale of LOCALES) {
      const remembered = createI18n(locale);
      const fresh = plain(locale);
      for (const ns of NAMESPACES) {
        const keys: string[] = [];
        const walk = (node: unknown, prefix: string) => {
          if (typeof node === "string") keys.push(prefix.replace(/_(one|other|zero|many|few|two)$/, ""));
          else if (node && typeof node === "object") for (const [name, child] of Object.entries(node)) walk(child, prefix ? `${prefix}.${name}` : name);
        };
        walk((resources as Record<string, Record<string, unknown>>)[locale]![ns], "");
        const a = remembered.getFixedT(null, ns);
        const b = fresh.getFixedT(null, ns);
        for (const key of new Set(keys)) {
          for (const options of [undefined, { count: 4, name: "Ana", context: "commitment" }]) {
            // Twice: the second answer is the remembered one.
            a(key, options);
            expect(a(key, options), `${locale} ${ns}:${key} ${JSON.stringify(options)}`).toBe(b(key, options));
          }
        }
      }
    }
  });

  it("tells calls apart by every option, and works out again those it cannot compare", () => {
    const i18n = createI18n("en");
    const t = i18n.getFixedT(null, "common");
    expect(t("nav.signedInAs", { name: "Ana" })).toBe("Signed in as Ana");
    expect(t("nav.signedInAs", { name: "Bo" })).toBe("Signed in as Bo");
    // A value that runs into the next option's name must not make two calls look alike.
    expect(t("nav.signedInAs", { name: "a|4:namesb", x: "" })).toBe("Signed in as a|4:namesb");
    const translate = vi.spyOn(translatorOf(i18n), "translate");
    const person = { toString: () => "Cy" };
    t("nav.signedInAs", { name: person });
    t("nav.signedInAs", { name: person });
    expect(translate).toHaveBeenCalledTimes(2);
  });
});
