import { stringify, type Options } from "csv-stringify/sync";
import { nextBackgroundTurn } from "./background.server";

/**
 * The one CSV writer (csv-stringify): RFC 4180 quoting, CRLF, UTF-8 with a byte order mark so
 * Excel reads accents right, and every cell a spreadsheet would run as a formula (one starting
 * with =, +, -, @, tab or carriage return, or their full-width forms) prefixed with an apostrophe,
 * as OWASP advises for CSV injection. Cells are written as text, so "-12" is prefixed too.
 */
// A lone line feed inside a cell is quoted too: csv-stringify skips that once a record delimiter is set.
const OPTIONS: Options = { record_delimiter: "windows", quote_record_delimiter: true, escape_formulas: true };

export type CsvRecord = readonly string[];
/** Records in batches: each batch is written at once, and the server breathes between two. */
export type CsvBatches = AsyncIterable<readonly CsvRecord[]> | Iterable<readonly CsvRecord[]>;

/** A whole file at once, for small files. */
export function toCsv(records: readonly CsvRecord[]): string {
  return stringify(records as string[][], { ...OPTIONS, bom: true });
}

/**
 * A file as a byte stream, written one batch of records at a time as the client reads it. Each
 * batch waits for its background turn, so a large export never holds the server for long.
 */
export function csvStream(batches: CsvBatches): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator: AsyncIterator<readonly CsvRecord[]> | Iterator<readonly CsvRecord[]> =
    Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        await nextBackgroundTurn();
        const next = await iterator.next();
        if (next.done) {
          if (!started) controller.enqueue(encoder.encode("\uFEFF"));
          controller.close();
          return;
        }
        if (next.value.length === 0) continue;
        controller.enqueue(encoder.encode(stringify(next.value as string[][], { ...OPTIONS, bom: !started })));
        started = true;
        return;
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * A CSV download: streamed, never cached, never sniffed. `fileName` is what the reader sees (any
 * script); `asciiName` is the fallback for clients that ignore `filename*`.
 */
export function csvResponse({ batches, fileName, asciiName }: { batches: CsvBatches; fileName: string; asciiName: string }) {
  return new Response(csvStream(batches), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
