import { describe, expect, it } from "vitest";
import { loader } from "#app/routes/benchmark.$frameworkId";
import { main } from "#benchmark/export";
import { requireFramework } from "#benchmark/index";
import { eccarToEurocities } from "#benchmark/mappings/eccar-10-point-plan--eurocities-anti-discrimination";
import { listMappingsOf, localizedMappingsOf, mappings, parseMapping } from "#benchmark/mappings/index";

const FILE = "benchmark/mappings/eccar-10-point-plan--eurocities-anti-discrimination.ts";
const eccar = requireFramework("eccar-10-point-plan");
const eurocities = requireFramework("eurocities-anti-discrimination");
const mapping = mappings.find((candidate) => candidate.id === "eccar-10-point-plan--eurocities-anti-discrimination")!;

function raw(): typeof eccarToEurocities {
  return structuredClone(eccarToEurocities);
}

function rejection(input: unknown): string {
  try {
    parseMapping(FILE, input);
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("expected parseMapping to reject the mapping");
}

async function page(frameworkId: string, lang: "fr" | "en") {
  const request = new Request(`http://localhost/benchmark/${frameworkId}?lang=${lang}`);
  return loader({ request, params: { frameworkId }, context: {} });
}

describe("the ECCAR → EUROCITIES mapping", () => {
  it("maps every commitment once, and every id it names exists", () => {
    expect(mapping.entries.map((entry) => entry.from)).toEqual(eccar.keyFactors.map((c) => c.id));
    const known = new Set(eurocities.keyFactors.map((kf) => kf.id));
    const targets = mapping.entries.flatMap((entry) => entry.links.map((link) => link.to));
    expect(targets.filter((id) => !known.has(id))).toEqual([]);
    for (const link of mapping.entries.flatMap((entry) => entry.links)) {
      expect(["primary", "related"]).toContain(link.strength);
      expect(link.reason.fr.trim()).not.toBe("");
      expect(link.reason.en.trim()).not.toBe("");
      expect(link.reason.en).not.toContain("\n");
    }
  });

  it("reaches every EUROCITIES key factor from at least one commitment", () => {
    const reached = new Set(mapping.entries.flatMap((entry) => entry.links.map((link) => link.to)));
    expect(eurocities.keyFactors.filter((kf) => !reached.has(kf.id)).map((kf) => kf.id)).toEqual([]);
  });

  it("gives commitment 9 (cultural diversity) no counterpart and says why", () => {
    const nine = mapping.entries.find((entry) => entry.from === "c-09")!;
    expect(nine.links).toEqual([]);
    expect(nine.noCounterpart?.en).toContain("separate Integrating Cities toolkit");
    expect(nine.noCounterpart?.fr).toContain("boîte à outils distincte");
    expect(mapping.entries.filter((entry) => entry.links.length === 0).map((entry) => entry.from)).toEqual(["c-09"]);
  });

  it("fails, naming the file and the path, when it names an unknown id", () => {
    const unknownTarget = raw();
    (unknownTarget.entries[0]!.links[0] as { to: string }).to = "kf-12";
    expect(rejection(unknownTarget)).toBe(
      `${FILE}: Mapping "eccar-10-point-plan--eurocities-anti-discrimination" is invalid: entries.0.links.0.to: "kf-12" is not an item of "eurocities-anti-discrimination"`,
    );
    const unknownSource = raw();
    (unknownSource.entries[1] as { from: string }).from = "c-11";
    expect(rejection(unknownSource)).toContain(`entries.1.from: "c-11" is not an item of "eccar-10-point-plan"`);
    const unknownFramework = raw();
    (unknownFramework.to as { frameworkId: string }).frameworkId = "nope";
    expect(rejection(unknownFramework)).toContain("is invalid: ");
  });

  it("fails when a commitment is left out, forced to nothing without a reason, or written for another version", () => {
    const missing = raw();
    missing.entries.pop();
    expect(rejection(missing)).toContain("entries: no entry for c-10");
    const silent = raw();
    delete (silent.entries[8] as { noCounterpart?: unknown }).noCounterpart;
    expect(rejection(silent)).toContain('"c-09" has no link and does not say why');
    const stale = raw();
    (stale.to as { version: string }).version = "2010.1";
    expect(rejection(stale)).toContain("to.version: written for version 2010.1");
  });

  it("reads backwards from EUROCITIES: each key factor lists the commitments that cover it, primary first", () => {
    const [fromEurocities] = localizedMappingsOf(eurocities, "en");
    expect(fromEurocities!.other).toEqual({ id: "eccar-10-point-plan", title: "ECCAR – 10-Point Plan of Action", Item: "Commitment" });
    const kf07 = fromEurocities!.items.find((item) => item.itemId === "kf-07")!;
    expect(kf07.links.map((link) => [link.id, link.strength])).toEqual([
      ["c-07", "primary"],
      ["c-08", "primary"],
      ["c-06", "related"],
    ]);
    expect(listMappingsOf("eurocities-anti-discrimination")).toEqual([mapping]);
  });
});

describe("the mapping on the reference pages and in the export", () => {
  it("/benchmark/eccar-10-point-plan lists each commitment's key factors, in French and in English", async () => {
    const fr = await page("eccar-10-point-plan", "fr");
    expect(fr.framework.keyFactors).toHaveLength(10);
    expect(fr.framework.keyFactors.flatMap((c) => c.questions)).toHaveLength(30);
    expect(fr.terms.context).toBe("commitment");
    const c05 = fr.mappings[0]!.items.find((item) => item.itemId === "c-05")!;
    expect(c05.links.map((link) => `${fr.mappings[0]!.other.Item} ${link.number} — ${link.title}`)).toEqual([
      "Facteur clé 5 — L'implication des acteurs non municipaux",
      "Facteur clé 10 — La passation de marchés",
    ]);
    expect(fr.mappings[0]!.items.find((item) => item.itemId === "c-09")!.noCounterpart).toContain("diversité culturelle");
    const en = await page("eccar-10-point-plan", "en");
    expect(en.mappings[0]!.items.find((item) => item.itemId === "c-06")!.links[0]).toMatchObject({
      id: "kf-06",
      title: "Municipal employment",
      strength: "primary",
    });
    expect(en.mappings[0]!.note).toContain("does not come from ECCAR or EUROCITIES");
  });

  it("/benchmark/eurocities-anti-discrimination lists the commitments under each key factor, in French and in English", async () => {
    const en = await page("eurocities-anti-discrimination", "en");
    expect(en.mappings[0]!.other.title).toBe("ECCAR – 10-Point Plan of Action");
    expect(en.mappings[0]!.items.find((item) => item.itemId === "kf-10")!.links.map((link) => link.title)).toEqual([
      "The city as an active supporter of equal opportunity practices",
    ]);
    const fr = await page("eurocities-anti-discrimination", "fr");
    expect(fr.mappings[0]!.items.find((item) => item.itemId === "kf-10")!.links[0]!.title).toBe("La ville comme promoteur actif de procédures équitables");
    expect(fr.mappings[0]!.items.every((item) => item.links.length > 0)).toBe(true);
  });

  it("npm run benchmark:export -- eccar-10-point-plan includes the mapping", () => {
    let stdout = "";
    const code = main(["eccar-10-point-plan"], { stdout: (text) => void (stdout += text), stderr: () => undefined });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { id: string; keyFactors: unknown[]; mappings: { id: string; entries: { from: string }[] }[] };
    expect(json.id).toBe("eccar-10-point-plan");
    expect(json.keyFactors).toHaveLength(10);
    expect(json.mappings.map((m) => m.id)).toEqual(["eccar-10-point-plan--eurocities-anti-discrimination"]);
    expect(json.mappings[0]!.entries).toHaveLength(10);
  });
});
