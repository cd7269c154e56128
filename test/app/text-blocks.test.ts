import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Content } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { Paragraphs } from "#app/components/paragraphs";
import { textBlocks } from "#app/utils/text-blocks";
import { buildFeedbackReport } from "#reports/feedback-report";
import { buildReportModel } from "#reports/model";
import { ReportPreview } from "#reports/preview";
import { fullSnapshot } from "#test/reports/fixtures";

const SUMMARY = "The city acted on three fronts:\n• a complaints desk\n• training for staff\n- a yearly report\nEach is funded until 2028.";

/** Every pdfmake list in a definition, as its items. */
function pdfLists(node: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(node)) for (const child of node) pdfLists(child, out);
  else if (node && typeof node === "object") {
    if ("ul" in node && Array.isArray(node.ul)) out.push(node.ul);
    for (const value of Object.values(node)) pdfLists(value, out);
  }
  return out;
}

describe("free text", () => {
  it("reads '•' and '- ' lines as list items, with the text before as their introduction and the text after kept", () => {
    expect(textBlocks(SUMMARY)).toEqual([
      { type: "list", intro: "The city acted on three fronts:", items: ["a complaints desk", "training for staff", "a yearly report"] },
      { type: "text", text: "Each is funded until 2028." },
    ]);
    expect(textBlocks("First paragraph,\non two lines.\n\n  • indented item\n\n-not an item")).toEqual([
      { type: "text", text: "First paragraph,\non two lines." },
      { type: "list", intro: null, items: ["indented item"] },
      { type: "text", text: "-not an item" },
    ]);
    expect(textBlocks(" \r\n ")).toEqual([]);
  });

  it("is a list in the PDF, in the report preview and on the summary page alike", () => {
    const snapshot = fullSnapshot();
    snapshot.summary = { ...snapshot.summary, executiveSummary: SUMMARY };
    const items = ["a complaints desk", "training for staff", "a yearly report"];

    const definition = buildFeedbackReport(snapshot, { locale: "en", issuedAt: null });
    expect(pdfLists(definition.content as Content[])).toContainEqual(items);

    const preview = renderToStaticMarkup(createElement(ReportPreview, { model: buildReportModel(snapshot, { locale: "en", issuedAt: null }) }));
    expect(preview).toContain(`<ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul>`);
    expect(preview).not.toContain("• a complaints desk");

    // The summary page renders the executive summary through Paragraphs.
    const page = renderToStaticMarkup(createElement(Paragraphs, { text: SUMMARY }));
    expect(page).toBe(
      `<div><p>The city acted on three fronts:</p><ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul><p>Each is funded until 2028.</p></div>`,
    );
  });
});
