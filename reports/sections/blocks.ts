import type { Content, ContentTable, Margins, TableCell } from "pdfmake/interfaces";
import { BOX_LAYOUT, COLORS, TABLE_LAYOUT } from "../styles";
import { textBlocks } from "#app/utils/text-blocks";

/** Small building blocks the section builders share, so every section looks the same. */

/** A chapter title on a new page (unless `newPage: false`), listed in the contents. */
export function chapterHeading(text: string, options: { factor?: boolean; id?: string; newPage?: boolean } = {}): Content {
  return {
    text,
    style: "h1",
    ...(options.newPage === false ? {} : { pageBreak: "before" as const }),
    tocItem: true,
    tocStyle: options.factor ? "tocFactor" : "tocChapter",
    tocMargin: options.factor ? [14, 2, 0, 0] : [0, 7, 0, 0],
    ...(options.id ? { id: options.id } : {}),
  };
}

/**
 * Keeps a heading with what follows. pdfmake has no keep-with-next, so the heading travels in
 * an unbreakable block with room reserved below it (it moves to the next page if that room is
 * missing), then an empty node gives the room back. Only ever wraps the heading itself, so it
 * can never hide content the way an over-long unbreakable block would.
 */
export function keepWithNext(node: Content, reserve = 70, placement: { pageBreak?: "before"; margin?: Margins } = {}): Content[] {
  return [
    // Empty canvases, not empty texts: an empty text still takes one line of height.
    { stack: [node, { canvas: [], margin: [0, 0, 0, reserve] }], unbreakable: true, ...placement },
    { canvas: [], margin: [0, -reserve, 0, 0] },
  ];
}

export function subheading(text: string, level: "h2" | "h3" = "h2", reserve?: number): Content[] {
  return keepWithNext({ text, style: level }, reserve ?? (level === "h2" ? 80 : 50));
}

/**
 * A heading kept on one page with the whole first block under it, for blocks known to fit a
 * page (one recommendation): it never strands, and holds back no more room than that block
 * needs, where a fixed reserve would send the heading on alone or leave room unused.
 */
export function keepWithFirst(heading: Content[], first: Content): Content {
  return { stack: [...heading, first], unbreakable: true };
}

/** Free text as paragraphs and lists, read as the pages read it (app/utils/text-blocks.ts). */
export function richText(value: string, style: string | string[] = "paragraph"): Content[] {
  return textBlocks(value).flatMap((block): Content[] => {
    if (block.type === "text") return [{ text: block.text, style }];
    const list: Content = { ul: block.items, style, margin: [8, 0, 0, 6] };
    return block.intro ? [{ text: block.intro, style, margin: [0, 0, 0, 2] }, list] : [list];
  });
}

/** What is missing, said plainly in the place it would be. */
export function missing(text: string): Content {
  return { text, style: "missing" };
}

/** Text or, when it is empty, the sentence that says so. */
export function textOr(value: string, whenEmpty: string, style?: string | string[]): Content[] {
  return value.trim() ? richText(value, style) : [missing(whenEmpty)];
}

function cellLength(cell: TableCell): number {
  if (typeof cell === "string") return cell.length;
  if (cell && typeof cell === "object" && "text" in cell) {
    const text = (cell as { text: unknown }).text;
    if (typeof text === "string") return text.length;
    if (Array.isArray(text)) return text.reduce<number>((sum, part) => sum + cellLength(part as TableCell), 0);
  }
  if (cell && typeof cell === "object" && "stack" in cell) {
    return (cell as { stack: TableCell[] }).stack.reduce<number>((sum, part) => sum + cellLength(part), 0);
  }
  return 0;
}

/**
 * A table that never overflows the page: star and auto widths, a repeated header row, and rows
 * kept whole unless one is so long it could not fit a page (pdfmake cannot split it then).
 */
export function dataTable(headers: string[] | null, rows: TableCell[][], widths: (string | number)[]): ContentTable {
  const rowsFit = rows.every((row) => row.reduce<number>((sum, cell) => sum + cellLength(cell), 0) < 2500);
  return {
    table: {
      headerRows: headers ? 1 : 0,
      ...(headers ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: rowsFit,
      widths,
      body: headers ? [headers.map((header) => ({ text: header, style: "tableHeader" })), ...rows] : rows,
    },
    layout: TABLE_LAYOUT,
    style: "tableCell",
    margin: [0, 2, 0, 10],
  };
}

/** A tinted box with a rule on the left: quotes, callouts. */
export function box(stack: Content[], fill: string = COLORS.panel, keepWhole = false): ContentTable {
  return {
    table: { widths: ["*"], body: [[{ stack, fillColor: fill }]], dontBreakRows: keepWhole },
    layout: BOX_LAYOUT,
    margin: [0, 2, 0, 8],
  };
}

/** Label: value pairs, e.g. ratings. */
export function facts(pairs: [string, Content][]): Content {
  return {
    table: {
      widths: ["auto", "*"],
      body: pairs.map(([label, value]) => [{ text: label, style: "label" }, value]),
    },
    layout: { ...TABLE_LAYOUT, hLineWidth: () => 0, paddingTop: () => 1, paddingBottom: () => 1 },
    margin: [0, 0, 0, 6],
  };
}
