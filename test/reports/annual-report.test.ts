import { beforeAll, describe, expect, it } from "vitest";
import { localize, requireFramework } from "#benchmark/index";
import { buildAnnualReport } from "#reports/annual-report";
import type { AnnualReportSnapshot } from "#reports/annual-report-snapshot";
import { renderPdf } from "#reports/render";
import { definitionText, normalize, pdfPages } from "./text";

/*
 * The annual city report on ECCAR's plan, built from hand-made snapshots (no database): every
 * commitment in its order, the year's actions under theirs, the commitments without one said so,
 * in French and in English; an empty year still builds and says so.
 */

const plan = requireFramework("eccar-10-point-plan");

const action = (overrides: Partial<AnnualReportSnapshot["actions"][number]>): AnnualReportSnapshot["actions"][number] => ({
  id: "a",
  factorId: "c-01",
  title: "Observatoire local des discriminations",
  description: "Un comité trimestriel.",
  responsibleService: "Mission égalité-diversité",
  partners: "Ligue des droits de l'homme",
  startYear: 2021,
  endYear: null,
  budget: "12 000 € par an",
  indicators: "Nombre de signalements examinés",
  status: "embedded-in-policy",
  yearRecord: { status: "in-progress", results: "63 signalements examinés." },
  ...overrides,
});

const snapshot = (actions: AnnualReportSnapshot["actions"], year = 2026): AnnualReportSnapshot => ({
  review: { id: "r", hostCity: "Belleforge", country: "France", reportLocale: "fr", coordinatingEntity: "Mission égalité-diversité" },
  framework: { id: plan.id, version: plan.version },
  year,
  actions,
});

const YEAR = snapshot([
  action({}),
  action({ id: "b", factorId: "c-03", title: "Permanences juridiques", partners: "", yearRecord: null, status: "planned" }),
  action({ id: "c", factorId: "c-03", title: "Médiation de quartier", startYear: 2025, endYear: 2026, yearRecord: { status: "implemented", results: "" } }),
]);

describe("the annual report's definition", () => {
  it.each(["fr", "en"] as const)("in %s lists the ten commitments in order, each year's action under its own", (locale) => {
    const text = definitionText(buildAnnualReport(YEAR, { locale }));
    const titles = plan.keyFactors.map((factor) => normalize(localize(factor.title, locale)));
    let from = 0;
    for (const title of titles) {
      const at = text.indexOf(title, from);
      expect(at, title).toBeGreaterThanOrEqual(0);
      from = at;
    }
    expect(text).toContain("Observatoire local des discriminations");
    expect(text).toContain("63 signalements examinés.");
    expect(text).toContain("Mission égalité-diversité");
    const third = text.lastIndexOf(normalize(localize(plan.keyFactors[2]!.title, locale)));
    const fourth = text.lastIndexOf(normalize(localize(plan.keyFactors[3]!.title, locale)));
    expect(text.indexOf("Permanences juridiques", third)).toBeGreaterThan(third);
    expect(text.indexOf("Permanences juridiques", third)).toBeLessThan(fourth);
  });

  it("names the status the team recorded for the year, and says when nothing was recorded", () => {
    const fr = definitionText(buildAnnualReport(YEAR, { locale: "fr" }));
    expect(fr).toContain("État en 2026 En cours");
    expect(fr).toContain("Aucun résultat enregistré pour 2026.");
    expect(fr).toContain("L'état de l'année a été enregistré sans description des résultats.");
    expect(fr).toContain("Aucun partenaire nommé");
    expect(fr).toContain("2025–2026");
    const en = definitionText(buildAnnualReport(YEAR, { locale: "en" }));
    expect(en).toContain("Status in 2026 In progress");
    expect(en).toContain("No results recorded for 2026.");
    expect(en).toContain("Since 2021");
  });

  it.each([
    ["fr", "Aucune action n'a été menée au titre de cet engagement en 2026.", "Commitment 2"],
    ["en", "No action was carried out under this commitment in 2026.", "Engagement 2"],
  ] as const)("in %s says so under each commitment without an action, and never uses the other language's words", (locale, sentence, foreign) => {
    const text = definitionText(buildAnnualReport(YEAR, { locale }));
    expect(text.split(sentence)).toHaveLength(plan.keyFactors.length - 2 + 1);
    expect(text).not.toContain(foreign);
    expect(text).not.toMatch(/key factor|facteur clé/i);
  });

  it.each([
    ["fr", "Aucune action n'a été enregistrée pour 2019", "Aucune entité de coordination n'a encore été désignée."],
    ["en", "No action has been recorded for 2019", "No coordinating entity has been named yet."],
  ] as const)("for a year without actions still builds in %s and says so", (locale, noActions, noEntity) => {
    const empty = snapshot([], 2019);
    empty.review.coordinatingEntity = "";
    const text = definitionText(buildAnnualReport(empty, { locale }));
    expect(text).toContain(noActions);
    expect(text).toContain(noEntity);
    for (const factor of plan.keyFactors) expect(text).toContain(normalize(localize(factor.title, locale)));
  });

  it("is the same for the same data: no clock inside", () => {
    expect(JSON.stringify(buildAnnualReport(YEAR, { locale: "fr" }))).toBe(JSON.stringify(buildAnnualReport(YEAR, { locale: "fr" })));
  });
});

describe("the annual report's PDF", () => {
  let pages: string[] = [];
  beforeAll(async () => {
    const { buffer } = await renderPdf(buildAnnualReport(YEAR, { locale: "fr" }));
    pages = pdfPages(buffer);
  }, 60_000);

  it("holds the ten commitment titles and the recorded actions as text a reader can copy", () => {
    const text = normalize(pages.join("\n"));
    for (const factor of plan.keyFactors) expect(text).toContain(normalize(factor.title.fr));
    for (const title of ["Observatoire local des discriminations", "Permanences juridiques", "Médiation de quartier"]) expect(text).toContain(title);
    expect(normalize(pages[0]!)).toContain("Belleforge");
    expect(normalize(pages[0]!)).toContain("RAPPORT ANNUEL DE LA VILLE 2026");
  });

  it("has no blank page", () => {
    for (const [index, page] of pages.entries()) expect(normalize(page).length, `page ${index + 1}`).toBeGreaterThan(40);
  });
});
