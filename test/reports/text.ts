import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";

/** Every string a definition would print, in document order (SVG labels included). */
export function definitionTexts(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") {
    out.push(node);
  } else if (Array.isArray(node)) {
    for (const item of node) definitionTexts(item, out);
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (typeof record.svg === "string") {
      for (const match of record.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) out.push(match[1]!.replace(/&amp;/g, "&"));
    }
    for (const key of ["text", "stack", "ul", "ol", "columns", "table", "body", "toc", "title"]) {
      if (key in record) definitionTexts(record[key], out);
    }
  }
  return out;
}

/** The whole definition as one string, whitespace collapsed, for `toContain` checks. */
export function definitionText(definition: TDocumentDefinitions): string {
  return normalize(definitionTexts(definition.content).join(" "));
}

/** The chapter headings (the entries of the table of contents). */
export function headings(definition: TDocumentDefinitions): string[] {
  const found: string[] = [];
  const walk = (node: Content | undefined) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as unknown as Record<string, unknown>;
    if (record.tocItem && typeof record.text === "string") found.push(record.text);
    if (Array.isArray(record.stack)) (record.stack as Content[]).forEach(walk);
  };
  walk(definition.content);
  return found;
}

export function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * Text of a PDF, page by page, via poppler's pdftotext. `-raw` keeps the content stream order,
 * so each table cell's text stays in one piece (`-layout` interleaves side-by-side columns).
 */
export function pdfPages(buffer: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-text-"));
  const file = path.join(dir, "report.pdf");
  fs.writeFileSync(file, buffer);
  try {
    return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The watermark is one big rotated word: pdftotext gives it one letter per line. */
export function hasWatermark(page: string, word: string): boolean {
  return page.includes([...word].join("\n"));
}

/** poppler's pdfinfo, dates in ISO form: { Pages: "30", CreationDate: "2026-04-20T09:30:00Z", … } */
export function pdfInfo(buffer: Buffer): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-info-"));
  const file = path.join(dir, "report.pdf");
  fs.writeFileSync(file, buffer);
  try {
    const output = execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" });
    return Object.fromEntries(
      output
        .split("\n")
        .filter((line) => line.includes(":"))
        .map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
