import JSZip from "jszip";

/*
 * Exports are zip packages (XLSX, QDPX). A zip entry carries the moment it was written, so the
 * same data written a second later gives other bytes; every entry here carries one fixed date
 * instead, and the package is written the same way each time (entries in the given order, no
 * folder entries, DOS attributes, one compression level). The date is read in UTC by JSZip, so
 * the server's time zone does not change the bytes either.
 */
export const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

export type ZipEntry = { name: string; content: string | Uint8Array };

/** The entries as a zip, byte for byte the same for the same entries. */
export async function writeZip(entries: ZipEntry[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const entry of entries) zip.file(entry.name, entry.content, { date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}

/** A zip package written by a library that stamps the clock into it, written again with the fixed date. */
export async function repackZip(bytes: Uint8Array): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(source.files)) {
    if (!file.dir) entries.push({ name: file.name, content: await file.async("uint8array") });
  }
  return writeZip(entries);
}
