import type { CustomTableLayout, Style, StyleDictionary } from "pdfmake/interfaces";

/** The app's palette (app/styles/app.css), so the report and the workbench look related. */
export const COLORS = {
  text: "#1b1f24",
  muted: "#4a5560",
  accent: "#0b4f9c",
  selfBar: "#8fb0d6",
  panel: "#f4f6f8",
  border: "#c5ccd3",
  ok: "#1e6b3a",
  warn: "#8a4b00",
  danger: "#a4161a",
  watermark: "#9aa5b1",
} as const;

export const RATING_COLORS: Record<string, string> = {
  "in-place": COLORS.ok,
  "partly-in-place": COLORS.warn,
  "not-in-place": COLORS.danger,
};

/** A4 with room for the running header and footer. [left, top, right, bottom] in points. */
export const PAGE_MARGINS: [number, number, number, number] = [56, 64, 56, 60];

export const DEFAULT_STYLE: Style = { font: "Roboto", fontSize: 10, lineHeight: 1.25, color: COLORS.text };

export const STYLES: StyleDictionary = {
  coverKicker: { fontSize: 10, bold: true, color: COLORS.accent, characterSpacing: 1 },
  coverCity: { fontSize: 34, bold: true, lineHeight: 1.05 },
  coverCountry: { fontSize: 14, color: COLORS.muted },
  coverBenchmark: { fontSize: 15, lineHeight: 1.2 },
  coverLabel: { fontSize: 8.5, bold: true, color: COLORS.muted, characterSpacing: 0.5 },
  coverValue: { fontSize: 11 },
  coverDraft: { fontSize: 11, bold: true, color: COLORS.danger },
  h1: { fontSize: 18, bold: true, color: COLORS.accent, lineHeight: 1.1, margin: [0, 0, 0, 12] },
  h2: { fontSize: 13, bold: true, lineHeight: 1.15, margin: [0, 14, 0, 6] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
  paragraph: { margin: [0, 0, 0, 6] },
  lead: { fontSize: 11, lineHeight: 1.3, margin: [0, 0, 0, 8] },
  statement: { fontSize: 11, bold: true, lineHeight: 1.3 },
  muted: { color: COLORS.muted },
  small: { fontSize: 8.5, color: COLORS.muted },
  missing: { italics: true, color: COLORS.muted, margin: [0, 0, 0, 6] },
  draftMark: { bold: true, color: COLORS.danger },
  quote: { italics: true, lineHeight: 1.3 },
  attribution: { fontSize: 8.5, color: COLORS.muted },
  tableHeader: { bold: true, fontSize: 8.5, color: COLORS.muted },
  tableCell: { fontSize: 9, lineHeight: 1.2 },
  label: { bold: true, fontSize: 9 },
  header: { fontSize: 8, color: COLORS.muted },
  footer: { fontSize: 8, color: COLORS.muted },
  tocTitle: { fontSize: 18, bold: true, color: COLORS.accent, margin: [0, 0, 0, 16] },
  tocChapter: { fontSize: 10.5, bold: true },
  tocFactor: { fontSize: 9.5 },
  watermark: { bold: true },
};

/** Light horizontal rules only: reads well printed in black and white and never boxes text in. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === (node.table.headerRows ?? 0) ? COLORS.muted : COLORS.border),
  paddingLeft: (i) => (i === 0 ? 0 : 6),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 1) - 1 ? 0 : 6),
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A tinted box without rules, for quotes and callouts. */
export const BOX_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: (i) => (i === 0 ? 2.5 : 0),
  vLineColor: () => COLORS.border,
  paddingLeft: () => 9,
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};
