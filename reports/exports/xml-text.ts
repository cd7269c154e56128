/*
 * Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE,
 * U+FFFF; unpaired surrogates). Text typed into the app may hold them (pasted from a PDF, a
 * terminal), and one of them in a DOCX, XLSX or QDPX part makes Word, Excel or a QDA tool refuse
 * the whole file. Every builder of an XML-based export passes its text through here.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML forbids removed; the rest, right-to-left text included, as typed. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, "");
}
