import { describe, expect, it, vi } from "vitest";
import type { Content, DynamicContent, TDocumentDefinitions } from "pdfmake/interfaces";
import { requireFramework } from "#benchmark/index";
import { getI18n } from "#app/utils/i18n";
import { buildFeedbackReport, DRAFT_EPOCH } from "#reports/feedback-report";
import { emptySnapshot, FIXTURE_ISSUED_AT, fullSnapshot, selfAssessmentSnapshot } from "./fixtures";
import { definitionText, definitionTexts, headings, normalize } from "./text";

const framework = requireFramework("eurocities-anti-discrimination");

function build(snapshot = fullSnapshot(), locale: "fr" | "en" = "en", issuedAt: string | null = null) {
  return buildFeedbackReport(snapshot, { locale, issuedAt });
}

function running(definition: TDocumentDefinitions, which: "header" | "footer", page: number, pages = 30): string {
  const fn = definition[which] as DynamicContent;
  return normalize(definitionTexts(fn(page, pages, { width: 595.28, height: 841.89, orientation: "portrait" }) as Content).join(" "));
}

describe("buildFeedbackReport", () => {
  it("has every section of the report, in reading order, each in the contents", () => {
    const definition = build();
    const factorHeadings = framework.keyFactors.map((kf) => `Key factor ${kf.number}: ${kf.title.en}`);
    expect(headings(definition)).toEqual([
      "Executive summary",
      "Method",
      "Overview of the key factors",
      ...factorHeadings,
      "Development plan",
      "Annex A: The contextual factors",
      "Annex B: Documents reviewed",
      "Annex C: The benchmark's key factors and guiding questions",
    ]);
    const contents = (definition.content as Content[]).find((node) => typeof node === "object" && node !== null && "toc" in node);
    expect(contents).toBeDefined();
    expect(definition.pageSize).toBe("A4");
  });

  it("puts who, what, when and by whom on the cover", () => {
    const text = definitionText(build());
    expect(text).toContain("PEER REVIEW FEEDBACK REPORT Castelbrune France");
    expect(text).toContain("Integrating Cities anti-discrimination benchmark");
    expect(text).toContain(`Version ${framework.version}`);
    expect(text).toContain("16–18 March 2026");
    expect(text).toContain("Lena Marchetti — MigrationWork associate, Bologna (Lead expert)");
    expect(text).toContain("Piet de Vries — City of Nordhaven");
    // The host team is not the peer team.
    expect(text).not.toContain("Hélène Rousseau");
    expect(text).toContain("Draft — not issued");
  });

  it("runs a header (city · benchmark) and a 'page N of M' footer on every page but the cover", () => {
    const definition = build();
    expect(running(definition, "header", 1)).toBe("");
    expect(running(definition, "header", 4)).toBe("Castelbrune · EUROCITIES – Anti-discrimination Peer review feedback report");
    expect(running(definition, "footer", 4, 30)).toBe("Draft — not issued Page 4 of 30");
    expect(running(build(fullSnapshot(), "fr"), "footer", 7, 31)).toBe("Projet — non publié Page 7 sur 31");
  });

  it("gives each key factor a chapter: statement, self-assessment, key findings, conclusion, recommendations", () => {
    const text = definitionText(build());
    const kf1 = framework.keyFactors[0]!;
    const chapter = text.slice(
      text.indexOf("Key factor 1: Public commitment", text.indexOf("Overview")),
      text.indexOf("Key factor 2: Strategy", text.indexOf("Overview")),
    );
    expect(chapter).toContain(normalize(kf1.statement.en));
    expect(chapter).toContain("Self-rating In place");
    expect(chapter).toContain("Résumé de la ville pour le facteur 1");
    expect(chapter).toContain("20 evidence items were logged for this factor — supporting it: 10, mixed: 6, contradicting it: 4.");
    expect(chapter).toContain("“Quote 1 on factor 1:");
    expect(chapter).toContain("— a city official (interview) · Mixed");
    expect(chapter).toContain("— Plan municipal de lutte contre les discriminations 2024–2028 · Contradicts");
    expect(chapter).toContain("The conclusion cites 2 more items, kept in the evidence log.");
    expect(chapter).toContain("Peer rating Partly in place");
    expect(chapter).toContain("The peer rating differs from the city's self-rating (In place).");
    expect(chapter).toContain("Points forts du facteur 1");
    expect(chapter).toContain("former les vacataires");
    expect(chapter).toContain("R1.1 Recommandation rapide 1");
    expect(chapter).toContain("Priority: High · Quick win · Suggested service: Mission égalité");
    expect(chapter).toContain(`Inspiration: ${framework.keyFactors[0]!.examples[0]!.city.en}`);
  });

  it("starts each main chapter on a new page and lets the key factor chapters follow on, titles kept with what follows", () => {
    const definition = build();
    const nodes = definition.content as Content[];
    const newPages = nodes.filter((node) => typeof node === "object" && node !== null && "pageBreak" in node && node.pageBreak === "before");
    const titled = newPages.map((node) => headings({ content: [node] } as TDocumentDefinitions)[0] ?? "(contents)");
    expect(titled).toEqual([
      "(contents)",
      "Executive summary",
      "Method",
      "Overview of the key factors",
      "Key factor 1: Public commitment",
      "Development plan",
      "Annex A: The contextual factors",
      "Annex B: Documents reviewed",
      "Annex C: The benchmark's key factors and guiding questions",
    ]);
    const kept = (node: Content) => typeof node === "object" && node !== null && "unbreakable" in node && node.unbreakable === true;
    for (const kf of framework.keyFactors) {
      const start = nodes.find((node) => kept(node) && headings({ content: [node] } as TDocumentDefinitions)[0] === `Key factor ${kf.number}: ${kf.title.en}`);
      expect(start, kf.id).toBeDefined();
      expect(definitionTexts(start).map(normalize)).toContain(normalize(kf.statement.en));
    }
    // The recommendations heading travels with the first recommendation, not with a fixed reserve.
    const recommendations = nodes.find((node) => kept(node) && definitionTexts(node)[0] === "Recommendations");
    expect(normalize(definitionTexts(recommendations).join(" "))).toContain("R1.1 Recommandation rapide 1");
    expect(normalize(definitionTexts(recommendations).join(" "))).not.toContain("R1.2");
  });

  it("shows self-rating against peer rating as a table and as a chart drawn in the PDF", () => {
    const definition = build();
    const svgNodes: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object" && "svg" in node) svgNodes.push((node as { svg: string }).svg);
    };
    walk(definition.content);
    expect(svgNodes).toHaveLength(1);
    const svg = svgNodes[0]!;
    expect(svg.match(/<rect[^>]*fill="#0b4f9c"/g)?.length).toBeGreaterThanOrEqual(10);
    expect(svg).toContain("7. Tackling discrimination in key");
    const text = definitionText(definition);
    expect(text).toContain("1. Public commitment In place Partly in place — differs 20");
    expect(text).toContain("8. Training municipal staff Partly in place Partly in place (draft)");
  });

  it("lists the development plan: quick wins, then long term, by priority, with the suggested service", () => {
    const text = definitionText(build());
    const plan = text.slice(text.lastIndexOf("Development plan"), text.indexOf("Annex A: The contextual factors", text.lastIndexOf("Development plan")));
    const quick = plan.indexOf("Quick wins");
    const long = plan.indexOf("Long-term objectives");
    expect(quick).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(quick);
    // High priority first: factors 1, 4, 7, 10 have high-priority quick wins.
    expect(plan.indexOf("R1.1")).toBeLessThan(plan.indexOf("R4.1"));
    expect(plan.indexOf("R10.1")).toBeLessThan(plan.indexOf("R2.1"));
    expect(plan.slice(long)).toContain("R1.2 Objectif à long terme 1");
    expect(plan).toContain("Mission égalité");
  });

  it("attaches all contextual factors with the benchmark's description, the city's note and its effect", () => {
    const text = definitionText(build());
    const annex = text.slice(text.lastIndexOf("Annex A: The contextual factors"));
    for (const cf of framework.contextualFactors) {
      expect(annex).toContain(cf.title.en);
      expect(annex).toContain(normalize(cf.description.en));
    }
    expect(annex).toContain("Effect Limits The host city's note Note de Castelbrune sur cf-national-legislation-and-policy");
    expect(annex).toContain("Effect Helps");
    // The seventh factor has no note in the fixture: said in its place.
    expect(annex).toContain("Effect Not stated The host city's note The host city has not described this factor.");
  });

  it("lists the documents reviewed and the benchmark's key factors with their guiding questions", () => {
    const text = definitionText(build());
    expect(text).toContain("Plan municipal de lutte contre les discriminations 2024–2028 Strategy or policy document 15 January 2024 Host city");
    expect(text).toContain("Notes de terrain de l'équipe Other Undated Peer review team");
    for (const kf of framework.keyFactors) {
      for (const question of kf.guidingQuestions) expect(text).toContain(normalize(question.text.en));
    }
  });

  it("watermarks a draft on every page, shows draft conclusions as drafts, and an issued report neither", () => {
    const draft = build();
    expect(draft.watermark).toMatchObject({ text: "DRAFT" });
    expect(build(fullSnapshot(), "fr").watermark).toMatchObject({ text: "PROJET" });
    const draftText = definitionText(draft);
    expect(draftText).toContain("Draft conclusion — not yet agreed by the lead expert.");
    expect(draftText).toContain("Points forts du facteur 8");
    expect(draft.info?.creationDate).toEqual(DRAFT_EPOCH);

    const issued = build(fullSnapshot(), "en", FIXTURE_ISSUED_AT);
    expect(issued.watermark).toBeUndefined();
    const issuedText = definitionText(issued);
    expect(issuedText).toContain("DATE OF ISSUE 4 May 2026");
    expect(issuedText).not.toContain("Draft");
    // Factor 8's conclusion is still a draft: an issued report says so instead of printing it.
    expect(issuedText).not.toContain("Points forts du facteur 8");
    expect(issuedText).not.toContain("R8.1");
    const kf8 = issuedText.slice(issuedText.indexOf("Key factor 8: Training municipal staff"), issuedText.indexOf("Key factor 9: Making"));
    expect(kf8).toContain("No conclusion has been agreed for this factor yet.");
    expect(kf8).toContain("No recommendations have been agreed for this factor yet.");
    expect(issued.info?.creationDate).toEqual(new Date(FIXTURE_ISSUED_AT));
    expect(running(issued, "footer", 3)).toBe("4 May 2026 Page 3 of 30");
  });

  it("says plainly what is missing, in its place, when a review has nothing yet", () => {
    const definition = build(emptySnapshot());
    const text = definitionText(definition);
    const count = (sentence: string) => text.split(sentence).length - 1;
    expect(text).toContain("No peer reviewers are named on this review yet.");
    expect(text).toContain("Visit dates not set yet");
    expect(text).toContain("No executive summary has been written yet.");
    expect(text).toContain("No cross-cutting conclusions have been written yet.");
    expect(text).toContain("The self-assessment has not been submitted yet.");
    expect(text).toContain("No documents were recorded for this review.");
    expect(text).toContain("No interviews or focus groups have been recorded yet.");
    expect(count("The city has not rated this factor.")).toBe(11);
    expect(count("No evidence has been logged for this factor.")).toBe(11);
    expect(count("No conclusion has been agreed for this factor yet.")).toBe(11);
    // The overview table and chart say it in short.
    expect(count("No conclusion yet")).toBe(22);
    expect(text).toContain("No recommendations have been made yet.");
    expect(text).toContain("The host city has not described any of the contextual factors.");
    expect(count("The host city has not described this factor.")).toBe(7);
    expect(text).toContain("Not rated");
  });

  it("never leaves a chapter empty: every heading is followed by text before the next", () => {
    for (const snapshot of [fullSnapshot(), emptySnapshot(), selfAssessmentSnapshot()]) {
      const text = definitionText(build(snapshot));
      const titles = headings(build(snapshot));
      const start = text.indexOf("Executive summary", text.indexOf("Contents") + 1);
      let position = start;
      for (const [i, title] of titles.entries()) {
        const at = text.indexOf(title, position);
        expect(at, title).toBeGreaterThanOrEqual(0);
        const next = titles[i + 1] ? text.indexOf(titles[i + 1]!, at + title.length) : text.length;
        expect(text.slice(at + title.length, next).trim().length, `chapter "${title}"`).toBeGreaterThan(20);
        position = at + title.length;
      }
    }
  });

  it("gives an internal self-assessment the same report without the peer parts, under its own title", () => {
    const definition = build(selfAssessmentSnapshot());
    const text = definitionText(definition);
    expect(text).toContain("SELF-ASSESSMENT REPORT Castelbrune");
    expect(text).toContain("THE SELF-ASSESSMENT TEAM");
    expect(text).toContain("Hélène Rousseau");
    expect(text).not.toContain("Piet de Vries");
    expect(headings(definition)).not.toContain("Development plan");
    for (const peerPart of ["Key findings", "peer review team's conclusion", "Peer rating", "Recommendations", "PEER REVIEW VISIT", "interviews"]) {
      expect(text, peerPart).not.toContain(peerPart);
    }
    // The city's answers are the substance of a self-assessment report.
    expect(text).toContain("Answers to the guiding questions");
    expect(text).toContain("Réponse à kf-01-q1.");
    expect(text).toContain("Self-rating per key factor");
    expect(running(definition, "header", 2)).toContain("Self-assessment report");
  });

  it("is written in French when asked, with the benchmark's French texts", () => {
    const text = definitionText(build(fullSnapshot(), "fr"));
    expect(text).toContain("RAPPORT DE L'EXAMEN PAR DES PAIRS Castelbrune");
    expect(text).toContain("16–18 mars 2026");
    expect(text).toContain("Facteur clé 1 : L'engagement public");
    expect(text).toContain(normalize(framework.keyFactors[0]!.statement.fr));
    expect(text).toContain("Annexe A : Les facteurs contextuels");
    expect(text).toContain("Aucune conclusion n'a encore été arrêtée pour ce facteur.");
    expect(text).toContain("Priorité : Haute · Bénéfice rapide · Service suggéré : Mission égalité");
    expect(text).toContain("« Quote 0 on factor 1");
    expect(text).not.toMatch(/Key factor|Executive summary|Development plan/);
  });

  it("counts with the pages' plural rules: French says 0 in the singular, English in the plural", () => {
    const snapshot = fullSnapshot();
    snapshot.visit = { ...snapshot.visit, interviews: 0, focusGroups: 1, peopleMet: 2 };
    const fr = definitionText(build(snapshot, "fr"));
    expect(fr).toContain("0 entretien et 1 groupe de discussion ont été menés, auprès de 2 personnes.");
    expect(fr).not.toContain("0 entretiens");
    const en = definitionText(build(snapshot, "en"));
    expect(en).toContain("0 interviews and 1 focus group were held, meeting 2 people.");
  });

  it("takes its words from the app's translations, so a wording fixed there is fixed in the report", () => {
    const definition = build(emptySnapshot(), "fr");
    const { resources } = getI18n("fr").options;
    const words = resources?.fr?.feedbackReport as { cover: { noPeerTeam: string } } | undefined;
    expect(words?.cover.noPeerTeam).toBeDefined();
    expect(definitionText(definition)).toContain(words!.cover.noPeerTeam);
  });

  it("names document types and priorities with the very labels the pages offer", () => {
    const snapshot = fullSnapshot();
    snapshot.documents = [{ id: "doc-m", title: "Réunion du comité", type: "minutes", date: "2026-02-01", origin: "host-city" }];
    const fr = getI18n("fr");
    const text = definitionText(build(snapshot, "fr"));
    expect(text).toContain(fr.t("selfAssessment:documents.types.minutes"));
    expect(text).toContain(`Priorité : ${fr.t("conclusions:priorities.high")}`);
  });

  it("is pure: the same snapshot gives the same definition, whatever the clock says", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
      const first = build();
      vi.setSystemTime(new Date("2031-06-15T12:00:00Z"));
      const second = build();
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      expect(running(second, "footer", 5)).toBe(running(first, "footer", 5));
    } finally {
      vi.useRealTimers();
    }
  });
});
