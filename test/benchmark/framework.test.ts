import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { eurocitiesAntiDiscrimination } from "../../benchmark/eurocities-anti-discrimination";
import {
  FRAMEWORK_IDS,
  FactorIdSchema,
  LOCALES,
  RATING_IDS,
  frameworks,
  getContextualFactor,
  getFramework,
  getKeyFactor,
  getQuestion,
  isKeyFactorId,
  isQuestionId,
  keyFactorIdSchema,
  listFrameworks,
  listLocalizedFactors,
  localize,
  parseFramework,
  requireFramework,
} from "../../benchmark/index";
import { renderFrameworkJsonSchema } from "../../benchmark/json-schema";

const EUROCITIES = "eurocities-anti-discrimination";

/* Counted by hand in the seed (eurocities-anti-discrimination-benchmark.fr.txt).
 * A change here means the data no longer matches the source document. */
const EXPECTED_QUESTIONS: Record<string, number> = {
  "kf-01": 4,
  "kf-02": 5,
  "kf-03": 4,
  "kf-04": 3,
  "kf-05": 4,
  "kf-06": 7,
  "kf-07": 6,
  "kf-08": 5,
  "kf-09": 4,
  "kf-10": 3,
  "kf-11": 6,
};

const EXPECTED_EXAMPLE_CITIES: Record<string, string[]> = {
  "kf-01": ["Gand", "Dublin"],
  "kf-02": ["Malmö", "Amsterdam"],
  "kf-03": ["Nantes"],
  "kf-04": ["Nantes", "Gand"],
  "kf-05": ["Copenhague", "Tampere"],
  "kf-06": ["Helsinki", "Rennes Métropole"],
  "kf-07": ["Gand", "Lublin"],
  "kf-08": ["Vienne", "Madrid"],
  "kf-09": ["Gand", "Amsterdam"],
  "kf-10": ["Stockholm", "Gand"],
  "kf-11": ["Copenhague"],
};

const EXPECTED_CONTEXTUAL_FACTORS = [
  "cf-national-legislation-and-policy",
  "cf-data-availability",
  "cf-migrant-populations",
  "cf-labour-market-and-economy",
  "cf-city-resources",
  "cf-political-situation",
  "cf-civil-society",
];

// Mutations below must never touch the shared data object.
function rawCopy(): typeof eurocitiesAntiDiscrimination {
  return structuredClone(eurocitiesAntiDiscrimination);
}

type Leaf = { path: string; value: string };

function collectStrings(value: unknown, path = "$", out: Leaf[] = []): Leaf[] {
  if (typeof value === "string") out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item, i) => collectStrings(item, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) collectStrings(child, `${path}.${key}`, out);
  }
  return out;
}

function collectObjects(value: unknown, path = "$", out: { path: string; obj: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => collectObjects(item, `${path}[${i}]`, out));
  else if (typeof value === "object" && value !== null) {
    const obj = value as Record<string, unknown>;
    out.push({ path, obj });
    for (const [key, child] of Object.entries(obj)) collectObjects(child, `${path}.${key}`, out);
  }
  return out;
}

const framework = requireFramework(EUROCITIES);

describe("Eurocities anti-discrimination data", () => {
  it("parses against FrameworkSchema", () => {
    expect(() => parseFramework(eurocitiesAntiDiscrimination)).not.toThrow();
    expect(framework.id).toBe(EUROCITIES);
    expect(framework.version).toBe("2012.1");
    expect(framework.year).toBe(2012);
    expect(framework.publisher).toBe("EUROCITIES / MigrationWork CIC");
  });

  it("has the standard with its explanation of direct and indirect discrimination", () => {
    expect(framework.standard.statement.fr).toMatch(/^La ville prend les mesures nécessaires/);
    expect(framework.standard.explanation.fr).toContain("discrimination directe");
    expect(framework.standard.explanation.fr).toContain("discrimination indirecte");
    expect(framework.standard.explanation.en).toContain("Direct discrimination");
    expect(framework.standard.explanation.en).toContain("Indirect discrimination");
  });

  it("has 11 key factors numbered 1–11 with ids kf-01..kf-11", () => {
    expect(framework.keyFactors.map((kf) => kf.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(framework.keyFactors.map((kf) => kf.id)).toEqual(Object.keys(EXPECTED_QUESTIONS));
    expect(framework.keyFactors.every((kf) => kf.retired !== true)).toBe(true);
  });

  it("has every guiding question of the seed, numbered q1..qn per factor", () => {
    const counts = Object.fromEntries(framework.keyFactors.map((kf) => [kf.id, kf.guidingQuestions.length]));
    expect(counts).toEqual(EXPECTED_QUESTIONS);
    for (const kf of framework.keyFactors) {
      expect(kf.guidingQuestions.map((q) => q.id)).toEqual(kf.guidingQuestions.map((_, i) => `${kf.id}-q${i + 1}`));
    }
    expect(framework.keyFactors.flatMap((kf) => kf.guidingQuestions)).toHaveLength(51);
  });

  it("keeps the three sub-points of factor 6's recourse question", () => {
    const question = getQuestion(framework, "kf-06-q2");
    expect(question?.text.fr).toContain("recours");
    expect(question?.subItems?.map((item) => item.fr)).toEqual(["Le recrutement", "La formation du personnel", "Les relations sur le lieu de travail"]);
    const others = framework.keyFactors.flatMap((kf) => kf.guidingQuestions).filter((q) => q.id !== "kf-06-q2");
    expect(others.filter((q) => q.subItems !== undefined)).toEqual([]);
  });

  it("has every city example of the seed, at least one per factor", () => {
    for (const kf of framework.keyFactors) expect(kf.examples.length, kf.id).toBeGreaterThanOrEqual(1);
    const cities = Object.fromEntries(framework.keyFactors.map((kf) => [kf.id, kf.examples.map((e) => e.city.fr)]));
    expect(cities).toEqual(EXPECTED_EXAMPLE_CITIES);
  });

  it("has the 7 contextual factors with implications", () => {
    expect(framework.contextualFactors.map((cf) => cf.id)).toEqual(EXPECTED_CONTEXTUAL_FACTORS);
    expect(getContextualFactor(framework, "cf-data-availability")?.title.fr).toBe("Disponibilité des données");
  });

  it("has the four-level rating scale and the three uses", () => {
    expect(framework.ratingScale.map((r) => r.id)).toEqual([...RATING_IDS]);
    expect(framework.ratingScale.map((r) => r.label.fr)).toEqual(["En place", "Partiellement en place", "Pas en place", "Non évalué"]);
    expect(framework.uses.map((u) => u.id)).toEqual(["self-assessment", "peer-review", "development-plan"]);
    const plan = framework.uses.find((u) => u.id === "development-plan");
    expect(plan?.text.fr).toContain("bénéfices rapides");
    expect(plan?.text.fr).toContain("plus longue haleine");
  });

  it("has no empty string in either language anywhere", () => {
    const blanks = collectStrings(framework).filter((leaf) => leaf.value.trim() === "");
    expect(blanks).toEqual([]);
    // Every localized pair has both languages (the walk sees raw data too).
    for (const data of [framework, eurocitiesAntiDiscrimination]) {
      const halfPairs = collectObjects(data)
        .filter(({ obj }) => "fr" in obj || "en" in obj)
        .filter(({ obj }) => typeof obj.fr !== "string" || typeof obj.en !== "string" || Object.keys(obj).length !== 2)
        .map(({ path }) => path);
      expect(halfPairs).toEqual([]);
    }
  });

  it("has the seed's OCR damage repaired in the French text", () => {
    const french = collectStrings(framework).filter((leaf) => leaf.path.endsWith(".fr"));
    const damage = [
      /réféfence/,
      /inspiret-il/,
      /conduisentelles/,
      /évaluet-elle/,
      /luimême/,
      /procèsverbaux/,
      /nondiscrimination/,
      /discriminationset/,
      /grandesentreprises/,
      /autresconditions/,
      /budgetstemps/,
      /citovenneté/,
      /^A FORMATION/,
      /,,/,
      / {2}/,
      /\brles\b/,
      /les-discriminations/,
    ];
    const hits = french.flatMap((leaf) => damage.filter((re) => re.test(leaf.value)).map((re) => `${leaf.path}: ${re}`));
    expect(hits).toEqual([]);
    // Every guiding question is phrased as a question in both languages.
    for (const q of framework.keyFactors.flatMap((kf) => kf.guidingQuestions)) {
      expect(q.text.fr, q.id).toMatch(/ \?$/);
      expect(q.text.en, q.id).toMatch(/\?$/);
    }
  });

  it("uses unique ids across the whole framework", () => {
    const ids = [
      framework.id,
      ...framework.keyFactors.map((kf) => kf.id),
      ...framework.keyFactors.flatMap((kf) => kf.guidingQuestions.map((q) => q.id)),
      ...framework.contextualFactors.map((cf) => cf.id),
      ...framework.ratingScale.map((r) => r.id),
      ...framework.uses.map((u) => u.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("FrameworkSchema rejects corrupt frameworks with a clear message", () => {
  const prefix = `Framework "${EUROCITIES}" is invalid: `;

  function rejection(mutate: (raw: ReturnType<typeof rawCopy>) => void): string {
    const raw = rawCopy();
    mutate(raw);
    try {
      parseFramework(raw);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message, "error message must be a single line").not.toContain("\n");
      return message;
    }
    throw new Error("expected parseFramework to reject the corrupt framework");
  }

  it("rejects a duplicate question id", () => {
    const message = rejection((raw) => {
      raw.keyFactors[1].guidingQuestions[1].id = "kf-02-q1";
    });
    expect(message).toMatch(/^Framework "eurocities-anti-discrimination" is invalid: /);
    expect(message).toContain('keyFactors.1.guidingQuestions.1.id: duplicate id "kf-02-q1"');
  });

  it("rejects a duplicate contextual factor id", () => {
    const message = rejection((raw) => {
      raw.contextualFactors[1].id = raw.contextualFactors[0].id;
    });
    expect(message).toContain(`${prefix}contextualFactors.1.id: duplicate id "cf-national-legislation-and-policy"`);
  });

  it("rejects a missing English text", () => {
    const message = rejection((raw) => {
      delete (raw.keyFactors[0].statement as { en?: string }).en;
    });
    expect(message).toMatch(/^Framework "eurocities-anti-discrimination" is invalid: keyFactors\.0\.statement\.en: /);
  });

  it("rejects a whitespace-only French text", () => {
    const message = rejection((raw) => {
      raw.keyFactors[4].examples[0].text.fr = "   ";
    });
    expect(message).toMatch(/^Framework "eurocities-anti-discrimination" is invalid: keyFactors\.4\.examples\.0\.text\.fr: /);
  });

  it("rejects a key factor with the wrong number", () => {
    const message = rejection((raw) => {
      raw.keyFactors[2].number = 4;
    });
    expect(message).toContain(`${prefix}keyFactors.2.number: key factors must be numbered consecutively from 1: expected 3, got 4`);
  });

  it("rejects a key factor id that does not match its number", () => {
    const message = rejection((raw) => {
      raw.keyFactors[2].id = "kf-07";
    });
    expect(message).toContain(`${prefix}keyFactors.2.id: key factor id "kf-07" does not match its number 3`);
  });

  it("rejects a question id not prefixed by its factor id", () => {
    const message = rejection((raw) => {
      raw.keyFactors[2].guidingQuestions[0].id = "kf-04-q9";
    });
    expect(message).toContain(`${prefix}keyFactors.2.guidingQuestions.0.id: question id "kf-04-q9" must be prefixed`);
  });

  it("rejects malformed ids", () => {
    expect(rejection((raw) => void (raw.keyFactors[0].id = "kf-1"))).toContain(`${prefix}keyFactors.0.id: key factor id must look like kf-01`);
    expect(rejection((raw) => void (raw.contextualFactors[0].id = "Data"))).toContain(`${prefix}contextualFactors.0.id: `);
  });

  it("rejects unknown keys (typos in data files)", () => {
    const message = rejection((raw) => {
      (raw.keyFactors[0] as Record<string, unknown>).exemples = [];
    });
    expect(message).toContain(`${prefix}keyFactors.0: `);
    expect(message).toContain("exemples");
  });

  it("rejects an incomplete rating scale", () => {
    const message = rejection((raw) => {
      raw.ratingScale = raw.ratingScale.filter((r) => r.id !== "not-assessed");
    });
    expect(message).toContain(`${prefix}ratingScale: rating scale is missing: not-assessed`);
  });

  it("names an unidentifiable input <unknown>", () => {
    expect(() => parseFramework(null)).toThrow(/^Framework "<unknown>" is invalid: \(root\): /);
    expect(() => parseFramework({})).toThrow(/^Framework "<unknown>" is invalid: /);
  });
});

describe("framework registry and lookups", () => {
  it("lists the known frameworks", () => {
    expect(FRAMEWORK_IDS).toContain(EUROCITIES);
    expect(listFrameworks()).toBe(frameworks);
    expect(frameworks.map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
    expect(getFramework(EUROCITIES)).toBe(framework);
    expect(getFramework("nope")).toBeUndefined();
    expect(() => requireFramework("nope")).toThrow(/Unknown framework "nope".*eurocities-anti-discrimination/);
  });

  it("looks up key factors, questions and contextual factors", () => {
    expect(getKeyFactor(framework, "kf-08")?.title.fr).toBe("La formation du personnel municipal");
    expect(getKeyFactor(framework, "kf-12")).toBeUndefined();
    expect(getQuestion(framework, "kf-11-q6")?.text.fr).toContain("conduisent-elles");
    expect(getQuestion(framework, "kf-11-q7")).toBeUndefined();
    expect(getContextualFactor(framework, "cf-nope")).toBeUndefined();
    expect(isKeyFactorId(framework, "kf-11")).toBe(true);
    expect(isKeyFactorId(framework, "kf-12")).toBe(false);
    expect(isQuestionId(framework, "kf-02", "kf-02-q5")).toBe(true);
    expect(isQuestionId(framework, "kf-01", "kf-02-q1")).toBe(false);
    expect(isQuestionId(framework, "kf-02", "kf-02-q6")).toBe(false);
  });

  it("FactorIdSchema accepts kf-01 and rejects kf-12", () => {
    expect(FactorIdSchema.safeParse("kf-01").success).toBe(true);
    expect(FactorIdSchema.safeParse("kf-11").success).toBe(true);
    expect(FactorIdSchema.safeParse("kf-12").success).toBe(false);
    expect(FactorIdSchema.safeParse("kf-1").success).toBe(false);
    expect(keyFactorIdSchema(framework).options).toEqual(framework.keyFactors.map((kf) => kf.id));
  });

  it("leaves retired entries resolvable but not selectable", () => {
    const raw = rawCopy();
    Object.assign(raw.keyFactors[10], { retired: true });
    Object.assign(raw.keyFactors[0].guidingQuestions[3], { retired: true });
    const withRetired = parseFramework(raw);
    expect(getKeyFactor(withRetired, "kf-11")?.retired).toBe(true);
    expect(isKeyFactorId(withRetired, "kf-11")).toBe(false);
    expect(keyFactorIdSchema(withRetired).safeParse("kf-11").success).toBe(false);
    expect(keyFactorIdSchema(withRetired).safeParse("kf-10").success).toBe(true);
    expect(getQuestion(withRetired, "kf-01-q4")?.retired).toBe(true);
    expect(isQuestionId(withRetired, "kf-01", "kf-01-q4")).toBe(false);
    expect(isQuestionId(withRetired, "kf-01", "kf-01-q3")).toBe(true);
  });

  it("lists the active factors for a picker, in the reader's language, their active questions numbered in order", () => {
    const raw = rawCopy();
    Object.assign(raw.keyFactors[10], { retired: true });
    Object.assign(raw.keyFactors[0].guidingQuestions[1], { retired: true });
    const withRetired = parseFramework(raw);
    const fr = listLocalizedFactors(withRetired, "fr");
    const en = listLocalizedFactors(withRetired, "en");
    expect(fr.map((factor) => factor.id)).toEqual(withRetired.keyFactors.slice(0, 10).map((kf) => kf.id));
    expect(fr[0]!.title).toBe(withRetired.keyFactors[0]!.title.fr);
    expect(en[0]!.title).toBe(withRetired.keyFactors[0]!.title.en);
    expect(fr[0]!.questions.map((question) => question.id)).not.toContain("kf-01-q2");
    expect(fr[0]!.questions.slice(0, 2)).toEqual([
      { id: "kf-01-q1", number: 1, text: withRetired.keyFactors[0]!.guidingQuestions[0]!.text.fr },
      { id: "kf-01-q3", number: 2, text: withRetired.keyFactors[0]!.guidingQuestions[2]!.text.fr },
    ]);
  });

  it("localizes texts", () => {
    expect(LOCALES).toEqual(["fr", "en"]);
    expect(localize(framework.standard.title, "fr")).toBe("La norme des Villes d'intégration");
    expect(localize(framework.standard.title, "en")).toBe("The Integrating Cities standard");
  });
});

describe("benchmark/framework.schema.json", () => {
  it("is up to date with FrameworkSchema", () => {
    const path = fileURLToPath(new URL("../../benchmark/framework.schema.json", import.meta.url));
    const committed = readFileSync(path, "utf8");
    expect(committed, "benchmark/framework.schema.json is stale: run `npm run benchmark:schema` and commit the result").toBe(renderFrameworkJsonSchema());
  });
});
