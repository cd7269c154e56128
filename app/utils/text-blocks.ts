/**
 * The one reading of free text, typed by the team or written in the benchmark data, shared by
 * the PDF (reports/sections/blocks.ts), the HTML preview and the pages (app/components/paragraphs.tsx):
 * a blank line separates paragraphs; inside a paragraph, lines starting with "- " or "• " (after
 * any indentation) are list items, and the lines of text just before a list introduce it; other
 * line breaks are kept.
 */
export type TextBlock = { type: "text"; text: string } | { type: "list"; intro: string | null; items: string[] };

const LIST_ITEM = /^\s*[-•]\s+/;

export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

function paragraphBlocks(paragraph: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let text: string[] = [];
  let items: string[] = [];
  let intro: string | null = null;
  const flushList = () => {
    if (items.length) blocks.push({ type: "list", intro, items });
    items = [];
    intro = null;
  };
  for (const line of paragraph.split("\n")) {
    if (isListItem(line)) {
      if (text.length) {
        flushList();
        intro = text.join("\n");
        text = [];
      }
      items.push(line.replace(LIST_ITEM, ""));
    } else {
      flushList();
      text.push(line);
    }
  }
  flushList();
  if (text.length) blocks.push({ type: "text", text: text.join("\n") });
  return blocks;
}

export function textBlocks(value: string): TextBlock[] {
  const trimmed = value.replace(/\r\n?/g, "\n").trim();
  if (!trimmed) return [];
  return trimmed.split(/\n\s*\n/).flatMap(paragraphBlocks);
}
