import { describe, expect, it } from "vitest";
import { frameworkTerms, requireFramework } from "#benchmark/index";
import { resources } from "#app/locales/index";
import { createI18n } from "#app/utils/i18n";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, path: string[] = []): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[[...path, key].join("."), value] as [string, string]] : leaves(value, [...path, key]),
  );
}

/* Sentences that can only be read on a page a framework without contextual factors or city
 * examples never shows (the context page, the report's context annex, the example picker). */
const ONLY_WITH_CONTEXT_OR_EXAMPLES =
  /(^|\.)(context\.|contextLink|meters\.context|missing\.context|submit\.contextChanged|gaps\.contextDescribed|entities\.context-note|unknownContextualFactor|exampleHint|exampleUnknown|annexContext|noContextAnnex|contextualFactors|examples$)/;

function withoutPlaceholders(text: string): string {
  return text.replace(/\{\{[^}]+\}\}/g, "");
}

describe("UI sentences that name a framework's parts", () => {
  it("each have a commitment variant in both languages, so an ECCAR review never reads “key factor”", () => {
    const missing: string[] = [];
    for (const ns of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
      const en = new Map(leaves(resources.en[ns] as Tree));
      const fr = new Map(leaves(resources.fr[ns] as Tree));
      for (const [key, text] of en) {
        if (key.includes("_commitment") || ONLY_WITH_CONTEXT_OR_EXAMPLES.test(key)) continue;
        const names =
          /\b(key )?factors?\b|guiding questions?/i.test(withoutPlaceholders(text)) ||
          /facteurs? clés?|questions? guides?|\bfacteurs?\b/i.test(withoutPlaceholders(fr.get(key) ?? ""));
        if (!names) continue;
        const variant = key.replace(/(_(?:one|other))?$/, (plural) => `_commitment${plural}`);
        if (!en.has(variant) || !fr.has(variant)) missing.push(`${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("no commitment variant says key factor, guiding question or contextual factor", () => {
    const wrong = (["en", "fr"] as const).flatMap((lang) =>
      Object.entries(resources[lang]).flatMap(([ns, tree]) =>
        leaves(tree as Tree)
          .filter(([key, text]) => key.includes("_commitment") && /key factor|guiding question|contextual|facteur|question guide/i.test(text))
          .map(([key]) => `${lang} ${ns}:${key}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it("spreading frameworkTerms into t() picks the framework's wording", () => {
    const eccar = frameworkTerms(requireFramework("eccar-10-point-plan"), "fr");
    const eurocities = frameworkTerms(requireFramework("eurocities-anti-discrimination"), "fr");
    const t = createI18n("fr").t;
    expect(t("selfAssessment:overview.missing.ratings", { ...eccar, count: 2 })).toBe("2 engagements ne sont pas appréciés");
    expect(t("selfAssessment:overview.missing.ratings", { ...eurocities, count: 2 })).toBe("2 facteurs clés ne sont pas appréciés");
    const en = createI18n("en").t;
    expect(en("evidence:factorLabel", { ...frameworkTerms(requireFramework("eccar-10-point-plan"), "en"), number: 10, title: "X" })).toBe("Commitment 10: X");
  });
});

describe("rating labels", () => {
  it("common:ratings says what each framework's data says, for every rating of every scale", () => {
    for (const id of ["eurocities-anti-discrimination", "eccar-10-point-plan"]) {
      for (const lang of ["fr", "en"] as const) {
        const t = createI18n(lang).t;
        for (const rating of requireFramework(id).ratingScale) expect(t(`common:ratings.${rating.id}`), `${id} ${lang}`).toBe(rating.label[lang]);
      }
    }
  });
});
