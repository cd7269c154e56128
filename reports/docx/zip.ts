import JSZip from "jszip";
import { writeZip, type ZipEntry } from "../exports/zip";

/*
 * The docx package writes the moment of writing into the file (docProps/core.xml and every zip
 * entry) and names some relationships with random ids. The same report must give the same bytes
 * (its SHA-256 is stored when issued), so the package is written again: entries in the same order
 * with a fixed date, the document's dates set to the report's own, and each random id replaced
 * by one numbered in order of first appearance.
 */
// nanoid, lowercased, as docx makes them: 21 characters of [a-z0-9_-], always with a letter. No
// word boundaries: an id may begin or end with "-" or "_" (about one in ten does).
const RANDOM_ID = /^(?=[a-z0-9_-]*[a-z])[a-z0-9_-]{21}$/;

export async function deterministicZip(bytes: Uint8Array, documentDate: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
  const texts = new Map<string, string>();
  const ids = new Map<string, string>();
  const tocs = new Map<string, string>();
  const bookmarks = new Map<string, string>();
  let drawings = 0;
  for (const name of names) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let text = await source.files[name]!.async("string");
    // Only attribute values are ids; text the report prints is left alone.
    text = text.replace(/(="(?:rId|PowerPlusWaterMarkObject)?)([a-z0-9_-]{21})"/g, (whole, prefix: string, id: string) => {
      if (!RANDOM_ID.test(id)) return whole;
      let stable = ids.get(id);
      if (!stable) ids.set(id, (stable = `x${String(ids.size + 1).padStart(20, "0")}`));
      return `${prefix}${stable}"`;
    });
    text = text.replace(/(<w:bookmark(?:Start|End)\b[^>]*w:id=")(\d+)"/g, (_whole, prefix: string, id: string) => {
      let stable = bookmarks.get(id);
      if (!stable) bookmarks.set(id, (stable = String(bookmarks.size + 1)));
      return `${prefix}${stable}"`;
    });
    text = text.replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)"/g, (_whole, prefix: string) => `${prefix}${++drawings}"`);
    // Bookmarks of the table of contents are numbered by a counter that runs on across documents.
    text = text.replace(/_Toc(\d+)/g, (_whole, id: string) => {
      let stable = tocs.get(id);
      if (!stable) tocs.set(id, (stable = String(tocs.size + 1)));
      return `_Toc${stable}`;
    });
    if (name === "docProps/core.xml") {
      const iso = `${documentDate.toISOString().slice(0, 19)}Z`;
      text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
    }
    texts.set(name, text);
  }
  const entries: ZipEntry[] = [];
  for (const name of names) entries.push({ name, content: texts.get(name) ?? (await source.files[name]!.async("uint8array")) });
  return writeZip(entries);
}
