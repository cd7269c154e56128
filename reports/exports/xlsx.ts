import ExcelJS from "exceljs";
import { xmlSafe } from "./xml-text";
import { repackZip } from "./zip";

/**
 * A table as an XLSX workbook (ExcelJS): one sheet, the header row frozen and filtered, columns
 * as wide as what they hold. Cells keep their types: numbers are numbers, moments and calendar
 * days are dates (formatted, sortable, filterable by Excel), text is text — never a formula, so
 * a cell typed "=1+1" stays those characters. The same table gives the same bytes: the workbook's
 * dates are fixed and the package is written again without ExcelJS's zip timestamps.
 */

/** A calendar date (YYYY-MM-DD, no time, no zone): shown as a day. */
export type SheetDay = { day: Date };
/** A moment read on the review's clock (see spreadsheetDateTime in app/utils/dates.ts). */
export type SheetCell = string | number | Date | SheetDay | null;

export type SheetSpec = {
  /** The sheet's tab name (at most 31 characters; some characters are not allowed). */
  name: string;
  header: string[];
  rows: SheetCell[][];
  /** Document properties: the title and the language the values are in. */
  title: string;
  locale: "fr" | "en";
};

/** Excel refuses a cell longer than this; a longer text ends with an ellipsis. */
export const MAX_CELL_CHARS = 32_767;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
const DAY_FORMAT = "yyyy-mm-dd";
/** Workbook dates: fixed, so a file says nothing about when it was made (the data says that). */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

function text(value: string): string {
  const safe = xmlSafe(value);
  return safe.length > MAX_CELL_CHARS ? `${safe.slice(0, MAX_CELL_CHARS - 1)}…` : safe;
}

function isDay(cell: SheetCell): cell is SheetDay {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date) && "day" in cell;
}

/** How many characters wide a cell reads: its longest line. */
function displayWidth(cell: SheetCell): number {
  if (cell === null) return 0;
  if (typeof cell === "number") return String(cell).length;
  if (cell instanceof Date) return DATE_TIME_FORMAT.length;
  if (isDay(cell)) return DAY_FORMAT.length + 1;
  return Math.max(0, ...cell.split("\n").map((line) => line.length));
}

/** Sheet names may not hold : \ / ? * [ ] and are at most 31 characters. */
function sheetName(name: string) {
  return (
    xmlSafe(name)
      .replace(/[:\\/?*[\]]/g, " ")
      .slice(0, 31) || "Sheet"
  );
}

export async function buildSheet(spec: SheetSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Benchmark workbench";
  workbook.lastModifiedBy = "Benchmark workbench";
  workbook.title = xmlSafe(spec.title);
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet(sheetName(spec.name), { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });

  const widths = spec.header.map((header, column) =>
    Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, header.length + 3, ...spec.rows.map((row) => displayWidth(row[column] ?? null) + 1))),
  );
  sheet.columns = spec.header.map((header, column) => ({ header: text(header), width: widths[column] }));
  sheet.getRow(1).font = { bold: true };

  spec.rows.forEach((cells, index) => {
    const row = sheet.getRow(index + 2);
    cells.forEach((cell, column) => {
      const target = row.getCell(column + 1);
      if (cell === null) return;
      if (typeof cell === "number") {
        target.value = cell;
      } else if (cell instanceof Date) {
        target.value = cell;
        target.numFmt = DATE_TIME_FORMAT;
      } else if (isDay(cell)) {
        target.value = cell.day;
        target.numFmt = DAY_FORMAT;
      } else {
        target.value = text(cell);
        // A long text wraps within its fitted column rather than running across the next ones.
        if (displayWidth(cell) > MAX_WIDTH || cell.includes("\n")) target.alignment = { wrapText: true, vertical: "top" };
      }
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, spec.rows.length + 1), column: spec.header.length } };

  const buffer = await workbook.xlsx.writeBuffer();
  return repackZip(new Uint8Array(buffer as ArrayBuffer));
}
