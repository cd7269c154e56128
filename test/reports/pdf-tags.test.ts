import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFeedbackReport } from "#reports/feedback-report";
import { renderPdf } from "#reports/render";
import type { ReviewSnapshot } from "#reports/snapshot";
import { getReportSnapshot } from "#app/models/report.server";
import { DEMO_REVIEW_ID, loadDemoReview } from "../utils";
import { headings, normalize, pdfInfo } from "./text";

/*
 * The report PDF is tagged (decision 0026), read back by readers no one here wrote: poppler's
 * pdfinfo ("Tagged: yes", the title) and pdf.js (the catalog's language and MarkInfo, each page's
 * structure tree with the text of its marked content). Every chapter heading is an H1, tables
 * are Table > TR > TH/TD, the chart is a Figure with alternative text, and running headers and
 * footers are artifacts, outside the tree.
 */
const LOCALES = ["fr", "en"] as const;
type StructNode = { role?: string; alt?: string; type?: string; id?: string; children?: StructNode[] };
type Element = { role: string; alt?: string; text: string; parents: string[] };
type Read = { info: Record<string, string>; language: string; marked: boolean; elements: Element[]; artifacts: string[]; pages: number };

let snapshot: ReviewSnapshot;
const read = new Map<string, Read>();
const definitions = new Map<string, ReturnType<typeof buildFeedbackReport>>();

async function readTagged(buffer: Buffer): Promise<Read> {
  const doc = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, useSystemFonts: false }).promise;
  const meta = (await doc.getMetadata()) as { info: { Language?: string } };
  const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
  const elements: Element[] = [];
  const artifacts: string[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    // The text of each marked-content id, and of the artifacts (marked content without an id).
    const texts = new Map<string, string>();
    const open: (string | null)[] = [];
    for (const item of content.items as { type?: string; id?: string; tag?: string; str?: string }[]) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") open.push(item.tag === "Artifact" ? null : (item.id ?? null));
      else if (item.type === "endMarkedContent") open.pop();
      else if (typeof item.str === "string") {
        const id = open.at(-1);
        if (id) texts.set(id, `${texts.get(id) ?? ""} ${item.str}`);
        else artifacts.push(item.str);
      }
    }
    const walk = (node: StructNode, parents: string[]) => {
      if (node.type === "content") return;
      const own = (node.children ?? []).filter((child) => child.type === "content").map((child) => texts.get(child.id!) ?? "");
      if (node.role && node.role !== "Root") elements.push({ role: node.role, alt: node.alt, text: normalize(own.join(" ")), parents });
      for (const child of node.children ?? []) walk(child, node.role ? [...parents, node.role] : parents);
    };
    walk((await page.getStructTree()) as StructNode, []);
  }
  const result = { info: pdfInfo(buffer), language: meta.info.Language ?? "", marked: markInfo?.Marked === true, elements, artifacts, pages: doc.numPages };
  await doc.destroy();
  return result;
}

beforeAll(async () => {
  await loadDemoReview();
  snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
  for (const locale of LOCALES) {
    const definition = buildFeedbackReport(snapshot, { locale, issuedAt: null });
    definitions.set(locale, definition);
    read.set(locale, await readTagged((await renderPdf(definition)).buffer));
  }
}, 120_000);

describe.each(LOCALES)("the report PDF in %s", (locale) => {
  const pdf = () => read.get(locale)!;

  it("is tagged, in the report's language, with its title shown", () => {
    expect(pdf().info.Tagged).toBe("yes");
    expect(pdf().marked).toBe(true);
    expect(pdf().language).toBe(locale);
    expect(pdf().info.Title).toBe(definitions.get(locale)!.info!.title);
  });

  it("makes every chapter heading an H1, in reading order, and has H2 and H3 below them", () => {
    const h1 = pdf()
      .elements.filter((element) => element.role === "H1")
      .map((element) => element.text);
    const chapters = headings(definitions.get(locale)!).map(normalize);
    expect(chapters.length).toBeGreaterThan(11);
    // Each chapter's heading, in the order of the contents (the contents' own title comes first).
    expect(h1.filter((text) => chapters.includes(text))).toEqual(chapters);
    expect(pdf().elements.filter((element) => element.role === "H2").length).toBeGreaterThan(10);
    expect(pdf().elements.some((element) => element.role === "H3")).toBe(true);
  });

  it("gives tables their rows and header cells, lists their items, and the chart its alternative text", () => {
    const roles = (role: string) => pdf().elements.filter((element) => element.role === role);
    expect(roles("Table").length).toBeGreaterThan(0);
    for (const cell of [...roles("TD"), ...roles("TH")]) expect(cell.parents.slice(-2)).toEqual(["Table", "TR"]);
    expect(roles("TH").some((cell) => cell.text.length > 0)).toBe(true);
    for (const body of roles("LBody")) expect(body.parents.slice(-2)).toEqual(["L", "LI"]);
    // The ratings chart, and the chart of the progress since the demo city's 2023 review: each with its alternative text.
    const figures = roles("Figure");
    expect(figures).toHaveLength(2);
    expect(figures[0]!.alt).toMatch(locale === "fr" ? /^Graphique en barres : Auto-évaluation/ : /^Bar chart: Self-rating/);
    expect(figures[1]!.alt).toMatch(
      locale === "fr" ? /^Graphique : .+\. Le tableau qui suit donne les mêmes notes\.$/ : /^Chart: .+\. The table after it gives the same ratings\.$/,
    );
  });

  it("keeps running headers, footers and the draft watermark out of the structure, as artifacts", () => {
    const footer = locale === "fr" ? /^Page \d+ sur \d+$/ : /^Page \d+ of \d+$/;
    expect(pdf().artifacts.filter((text) => footer.test(text.trim()))).toHaveLength(pdf().pages - 1);
    for (const element of pdf().elements) expect(element.text).not.toMatch(footer);
    expect(pdf().artifacts.join("")).toContain(locale === "fr" ? "PROJET" : "DRAFT");
  });
});
