import { stringify, type Options } from "csv-stringify/sync";
import type { Locale } from "./i18n";
import { nextBackgroundTurn } from "./background.server";
import { attachmentDisposition } from "./download.server";

/**
 * The one CSV writer (csv-stringify): RFC 4180 quoting, CRLF, UTF-8 with a byte order mark so
 * Excel reads accents right, and every cell a spreadsheet would run as a formula (one starting
 * with =, +, -, @, tab or carriage return, or their full-width forms) prefixed with an apostrophe,
 * as OWASP advises for CSV injection. Text cells are neutralised whatever they hold, so the text
 * "-12" is prefixed too; a number the app itself writes is a number cell and is not.
 *
 * The separators follow the reader's language, as the spreadsheets of that language expect them:
 * French Excel splits on ";" and reads "," as the decimal mark (English: "," and ".").
 */
export type CsvDialect = { delimiter: "," | ";"; decimalMark: "." | "," };

export const CSV_DIALECTS: Record<Locale, CsvDialect> = {
  en: { delimiter: ",", decimalMark: "." },
  fr: { delimiter: ";", decimalMark: "," },
};

// A lone line feed inside a cell is quoted too: csv-stringify skips that once a record delimiter is set.
function options(locale: Locale): Options {
  const { delimiter, decimalMark } = CSV_DIALECTS[locale];
  return {
    record_delimiter: "windows",
    quote_record_delimiter: true,
    escape_formulas: true,
    delimiter,
    cast: { number: (value) => String(value).replace(".", decimalMark) },
  };
}

export type CsvCell = string | number;
export type CsvRecord = readonly CsvCell[];
/** Records in batches: each batch is written at once, and the server breathes between two. */
export type CsvBatches = AsyncIterable<readonly CsvRecord[]> | Iterable<readonly CsvRecord[]>;

/** A whole file at once, for small files. */
export function toCsv(records: readonly CsvRecord[], locale: Locale = "en"): string {
  return stringify(records as CsvCell[][], { ...options(locale), bom: true });
}

/**
 * A file as a byte stream, written one batch of records at a time as the client reads it. Each
 * batch waits for its background turn, so a large export never holds the server for long.
 */
export function csvStream(batches: CsvBatches, locale: Locale = "en"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator: AsyncIterator<readonly CsvRecord[]> | Iterator<readonly CsvRecord[]> =
    Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  const written = options(locale);
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
        controller.enqueue(encoder.encode(stringify(next.value as CsvCell[][], { ...written, bom: !started })));
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
 * A CSV download in the reader's language (its separators): streamed, never cached, never
 * sniffed. `fileName` is what the reader sees (any script); `asciiName` is the fallback.
 */
export function csvResponse({ batches, fileName, asciiName, locale }: { batches: CsvBatches; fileName: string; asciiName: string; locale: Locale }) {
  return new Response(csvStream(batches, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName, asciiName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
