import { describe, expect, it } from "vitest";
import { eccar10PointPlan } from "../../benchmark/eccar-10-point-plan";
import {
  FRAMEWORK_IDS,
  RATING_SCALES,
  frameworkTerms,
  getQuestion,
  isRatingOnScale,
  itemLabel,
  keyFactorIdSchema,
  localizedRatingScale,
  parseFramework,
  parseFrameworkFile,
  requireFramework,
} from "../../benchmark/index";

const framework = requireFramework("eccar-10-point-plan");
/* Copied by hand from the seed (eccar-10-point-plan.fr.txt); a change here means the data no
 * longer matches the source. */
const SEED_TITLES = [
  "Pour un renforcement de la vigilance contre le racisme",
  "Évaluer le racisme et la discrimination et observer les politiques municipales",
  "Pour un meilleur soutien aux victimes du racisme et de la discrimination",
  "Pour une meilleure information et participation des habitants",
  "La ville comme promoteur actif de procédures équitables",
  "La ville comme promoteur du programme d'égalité en matière d'emploi et de service",
  "Pour l'accès équitable au logement",
  "Œuvrer contre le racisme et la discrimination par le biais de l'éducation",
  "Promouvoir la diversité culturelle",
  "Prévention contre les actes de racisme et délits de diffamation raciale et gérer les conflits",
];

type Leaf = { path: string; value: string };
function collectStrings(value: unknown, path = "$", out: Leaf[] = []): Leaf[] {
  if (typeof value === "string") out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item, i) => collectStrings(item, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) collectStrings(child, `${path}.${key}`, out);
  }
  return out;
}

describe("ECCAR 10-point plan data", () => {
  it("is registered after the EUROCITIES benchmark, with its provenance", () => {
    expect(FRAMEWORK_IDS).toEqual(["eurocities-anti-discrimination", "eccar-10-point-plan"]);
    expect(framework.version).toBe("2004.1");
    expect(framework.year).toBe(2004);
    expect(framework.source.file).toBe("eccar-10-point-plan.fr.txt");
    // The English is ours: the provenance says so in both languages.
    expect(framework.source.note?.en).toContain("translated from the French for this tool and is not the official text");
    expect(framework.source.note?.fr).toContain("n'est pas le texte officiel");
  });

  it("has 10 commitments numbered 1–10 (c-01 … c-10), each with 3 example actions (c-NN-a1 … a3)", () => {
    expect(framework.keyFactors.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(framework.keyFactors.map((c) => c.id)).toEqual(["c-01", "c-02", "c-03", "c-04", "c-05", "c-06", "c-07", "c-08", "c-09", "c-10"]);
    for (const commitment of framework.keyFactors) {
      expect(commitment.guidingQuestions.map((a) => a.id)).toEqual([1, 2, 3].map((n) => `${commitment.id}-a${n}`));
      expect(commitment.examples).toEqual([]);
      expect(commitment.rationale).toBeUndefined();
    }
    expect(framework.keyFactors.flatMap((c) => c.guidingQuestions)).toHaveLength(30);
  });

  it("has no empty text in either language, and unique ids", () => {
    const leaves = collectStrings(framework);
    expect(leaves.filter((leaf) => leaf.value.trim() === "")).toEqual([]);
    const texts = [...framework.keyFactors.flatMap((c) => [c.title, c.statement, ...c.guidingQuestions.map((a) => a.text)])];
    for (const text of texts) {
      expect(text.fr.trim()).not.toBe("");
      expect(text.en.trim()).not.toBe("");
      expect(text.en).not.toBe(text.fr);
    }
    const ids = [
      framework.id,
      ...framework.keyFactors.map((c) => c.id),
      ...framework.keyFactors.flatMap((c) => c.guidingQuestions.map((a) => a.id)),
      ...framework.ratingScale.map((r) => r.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("takes its French word for word from the seed", () => {
    expect(framework.keyFactors.map((c) => c.title.fr)).toEqual(SEED_TITLES);
    expect(framework.keyFactors[4]!.statement.fr).toBe(
      "Faciliter des procédures équitables en matiére d'emploi et promouvoir la diversité dans le marché du travail en exerçant le pouvoir discrétionnaire des autorités municipales.",
    );
    expect(getQuestion(framework, "c-04-a3")?.text.fr).toBe(
      "Célébrer chaque année le 21 mars, la Journée internationale pour l’élimination de la discrimination raciale, par des actions de sensibilisation et de mobilisation des habitants de la ville.",
    );
    expect(getQuestion(framework, "c-07-a1")?.text.fr).toMatch(/contre les discriminations dans l'accès au logement$/);
    // The page's non-breaking and doubled spaces are plain single spaces.
    expect(collectStrings(framework).filter((leaf) => /\u00a0| {2}/.test(leaf.value))).toEqual([]);
  });

  it("names its parts commitment / example action, has no contextual factors, and rates on the implementation scale", () => {
    const fr = frameworkTerms(framework, "fr");
    const en = frameworkTerms(framework, "en");
    expect([en.context, en.Item, en.items, en.question]).toEqual(["commitment", "Commitment", "commitments", "example action"]);
    expect([fr.Item, fr.items, fr.Question, fr.questions]).toEqual(["Engagement", "engagements", "Exemple d'action", "exemples d'actions"]);
    expect(itemLabel(en, 10)).toBe("Commitment 10");
    expect(en.hasContextualFactors).toBe(false);
    expect(en.hasExamples).toBe(false);
    expect(framework.contextualFactors).toEqual([]);
    expect(framework.ratingScaleId).toBe("implementation");
    expect(localizedRatingScale(framework, "en").map((r) => r.label)).toEqual(["Not started", "Planned", "In progress", "Implemented", "Embedded in policy"]);
    expect(localizedRatingScale(framework, "fr").map((r) => r.id)).toEqual([...RATING_SCALES.implementation]);
    expect(isRatingOnScale(framework, "in-progress")).toBe(true);
    expect(isRatingOnScale(framework, "in-place")).toBe(false);
    expect(keyFactorIdSchema(framework).safeParse("kf-01").success).toBe(false);
    expect(keyFactorIdSchema(framework).safeParse("c-10").success).toBe(true);
  });

  it("keeps EUROCITIES's own words: key factor / guiding question, the in-place scale", () => {
    const eurocities = requireFramework("eurocities-anti-discrimination");
    const en = frameworkTerms(eurocities, "en");
    expect([en.context, en.Item, en.question, en.hasContextualFactors]).toEqual(["key-factor", "Key factor", "guiding question", true]);
    expect(frameworkTerms(eurocities, "fr").items).toBe("facteurs clés");
    expect(isRatingOnScale(eurocities, "in-progress")).toBe(false);
  });
});

describe("a broken ECCAR file", () => {
  function raw(): typeof eccar10PointPlan {
    return structuredClone(eccar10PointPlan);
  }

  it("stops start-up with one line naming the file when a translation is missing", () => {
    const broken = raw();
    delete (broken.keyFactors[2].guidingQuestions[1].text as { en?: string }).en;
    let message = "";
    try {
      parseFrameworkFile("benchmark/eccar-10-point-plan.ts", broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^benchmark\/eccar-10-point-plan\.ts: Framework "eccar-10-point-plan" is invalid: keyFactors\.2\.guidingQuestions\.1\.text\.en: /);
    expect(message).not.toContain("\n");
  });

  it("rejects an action id with the wrong prefix, a rating from another scale, examples or contextual factors it says it has not", () => {
    const wrongId = raw();
    wrongId.keyFactors[0].guidingQuestions[0].id = "c-01-q1";
    expect(() => parseFramework(wrongId)).toThrow('question id "c-01-q1" must be prefixed by its key factor id "c-01-a"');

    const wrongScale = raw();
    (wrongScale.ratingScale[0] as { id: string }).id = "in-place";
    expect(() => parseFramework(wrongScale)).toThrow(/rating scale is missing: not-started/);

    const withExample = raw();
    (withExample.keyFactors[0].examples as unknown[]).push({ city: { fr: "Gand", en: "Ghent" }, text: { fr: "x", en: "x" } });
    expect(() => parseFramework(withExample)).toThrow(/parts\.examples is false/);

    const withContext = raw();
    (withContext.contextualFactors as unknown[]).push({
      id: "cf-x",
      title: { fr: "x", en: "x" },
      description: { fr: "x", en: "x" },
      implications: { fr: "x", en: "x" },
    });
    expect(() => parseFramework(withContext)).toThrow(/parts\.contextualFactors is false/);
  });
});
