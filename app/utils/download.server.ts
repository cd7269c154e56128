/** `attachment` with the reader's file name (any script) and an ASCII fallback for clients that ignore `filename*`. */
export function attachmentDisposition(fileName: string, asciiName: string) {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** "Belleforge-development-plan.xlsx" as a header can carry it: ASCII letters, digits, "-", "_", ".". */
export function asciiFileName(fileName: string) {
  return fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.-]/g, "_");
}

export const MEDIA_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  qdpx: "application/zip",
} as const;

/** A built file as a download: never cached (it follows the data), never sniffed. */
export function fileResponse({
  bytes,
  format,
  fileName,
  headers = {},
}: {
  bytes: Uint8Array;
  format: keyof typeof MEDIA_TYPES;
  fileName: string;
  headers?: Record<string, string>;
}) {
  return new Response(Uint8Array.from(bytes), {
    headers: {
      "Content-Type": MEDIA_TYPES[format],
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": attachmentDisposition(fileName, asciiFileName(fileName)),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}
