import { describe, expect, it } from "vitest";
import { requireFramework } from "#benchmark/index";
import { resources } from "#app/locales/index";

/*
 * One French word for the exercise, and one for the summary, everywhere: the pages, the mails and
 * the report (whose words are the feedbackReport and report namespaces) say what the benchmark
 * text itself says. The benchmark calls the exercise «examen par des pairs» and its own summary
 * «résumé»; «évaluation» is kept only inside «auto-évaluation», the city's self-assessment.
 */

const REJECTED = [
  { word: "évaluation (for the exercise)", pattern: /(?<![\p{L}-])évaluations?(?!\p{L})/iu },
  { word: "synthèse", pattern: /(?<!\p{L})synthèses?(?!\p{L})/iu },
];

/** Every French string with its "namespace:key.path". */
function frenchStrings(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === "string") out.push([path, node]);
    else if (node && typeof node === "object")
      for (const [key, value] of Object.entries(node)) walk(value, path.endsWith(":") ? `${path}${key}` : `${path}.${key}`);
  };
  for (const [namespace, words] of Object.entries(resources.fr)) walk(words, `${namespace}:`);
  return out;
}

describe("the French words for the exercise and its summary", () => {
  it("are the ones the benchmark text uses", () => {
    const framework = requireFramework("eurocities-anti-discrimination");
    const peerReview = framework.uses.find((use) => use.id === "peer-review");
    expect(peerReview?.text.fr).toContain("examen par des pairs");
    expect(framework.introduction?.fr).toContain("un résumé global");
    expect(framework.introduction?.fr).not.toMatch(/synthèse/i);
  });

  it("are used by every French string of the app and the report, never the rejected ones", () => {
    const strings = frenchStrings();
    expect(strings.length).toBeGreaterThan(500);
    const offending = strings.flatMap(([key, text]) => REJECTED.filter(({ pattern }) => pattern.test(text)).map(({ word }) => `${key} says ${word}: ${text}`));
    expect(offending).toEqual([]);
    const all = strings.map(([, text]) => text).join("\n");
    expect(all).toContain("Examen par des pairs");
    expect(resources.fr.feedbackReport.sections.executiveSummary).toBe("Résumé");
  });

  it("catch the rejected words, and leave «auto-évaluation» alone", () => {
    const caught = (text: string) => REJECTED.some(({ pattern }) => pattern.test(text));
    expect(caught("Nouvelle évaluation")).toBe(true);
    expect(caught("Évaluations")).toBe(true);
    expect(caught("La synthèse de l'expert")).toBe(true);
    expect(caught("L'auto-évaluation de la ville")).toBe(false);
    expect(caught("Auto-évaluation interne")).toBe(false);
    expect(caught("Pair évaluateur")).toBe(false);
  });
});
