import { describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_USAGE, main } from "../../benchmark/export";

function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = main(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

function isLocalized(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { fr, en } = value as { fr?: unknown; en?: unknown };
  return typeof fr === "string" && fr.trim() !== "" && typeof en === "string" && en.trim() !== "";
}

type Json = Record<string, unknown>;

describe("benchmark/export.ts", () => {
  it("prints the framework as 2-space indented JSON", () => {
    const { code, stdout, stderr } = run(["eurocities-anti-discrimination"]);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe("");
    expect(stdout.startsWith('{\n  "id": "eurocities-anti-discrimination",\n  "version": "2012.1",\n')).toBe(true);
    expect(stdout.endsWith("}\n")).toBe(true);

    const json = JSON.parse(stdout) as Json;
    expect(json.id).toBe("eurocities-anti-discrimination");
    expect(json.version).toBe("2012.1");
    expect(isLocalized(json.title)).toBe(true);
    expect(isLocalized((json.standard as Json).statement)).toBe(true);

    const keyFactors = json.keyFactors as Json[];
    expect(keyFactors).toHaveLength(11);
    keyFactors.forEach((kf, i) => {
      expect(kf.number).toBe(i + 1);
      expect(kf.id).toBe(`kf-${String(i + 1).padStart(2, "0")}`);
      for (const key of ["title", "statement", "rationale"]) expect(isLocalized(kf[key]), `${kf.id}.${key}`).toBe(true);
      const questions = kf.guidingQuestions as Json[];
      expect(questions.length).toBeGreaterThan(0);
      for (const q of questions) {
        expect(q.id).toMatch(new RegExp(`^${kf.id}-q\\d+$`));
        expect(isLocalized(q.text), String(q.id)).toBe(true);
        if (q.subItems !== undefined) expect((q.subItems as unknown[]).every(isLocalized)).toBe(true);
      }
      const examples = kf.examples as Json[];
      expect(examples.length).toBeGreaterThan(0);
      for (const e of examples) {
        expect(isLocalized(e.city)).toBe(true);
        expect(isLocalized(e.text)).toBe(true);
      }
    });

    const q62 = (keyFactors[5].guidingQuestions as Json[]).find((q) => q.id === "kf-06-q2");
    expect(q62?.subItems).toHaveLength(3);

    const contextualFactors = json.contextualFactors as Json[];
    expect(contextualFactors).toHaveLength(7);
    for (const cf of contextualFactors) {
      expect(cf.id).toMatch(/^cf-[a-z0-9-]+$/);
      expect(isLocalized(cf.title)).toBe(true);
      expect(isLocalized(cf.implications)).toBe(true);
    }

    const ratingScale = json.ratingScale as Json[];
    expect(ratingScale.map((r) => r.id)).toEqual(["in-place", "partly-in-place", "not-in-place", "not-assessed"]);
    for (const r of ratingScale) expect(isLocalized(r.label)).toBe(true);
  });

  it("rejects an unknown id with exit code 2 and lists the known ids", () => {
    const { code, stdout, stderr } = run(["no-such-framework"]);
    expect(code).toBe(EXIT_USAGE);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('Unknown framework id "no-such-framework" (known ids: eurocities-anti-discrimination, eccar-10-point-plan)\n');
  });

  it("rejects a missing id with exit code 2 and lists the known ids", () => {
    const { code, stdout, stderr } = run([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Usage: tsx benchmark\/export\.ts <framework-id> \(known ids: eurocities-anti-discrimination, eccar-10-point-plan\)\n$/);
  });
});
