import type { Framework } from "#benchmark/index";
import type { TableState } from "#app/utils/table-state";
import type { SheetCell } from "#reports/exports/xlsx";
import type { CsvRecord } from "#app/utils/csv.server";
import { formatSortableDateTime, isoDay, spreadsheetDate, spreadsheetDateTime } from "#app/utils/dates";
import { describeAttribution } from "./attribution";
import { listEvidenceForExport, type ExportRow, type LogColumn } from "./evidence-log.server";

/** Rows written per batch of the streamed file. */
const BATCH = 100;

type Translate = (key: string, options?: Record<string, unknown>) => string;

function factorNumber(framework: Framework, factorId: string) {
  return framework.keyFactors.find((factor) => factor.id === factorId)?.number ?? factorId;
}

function questionNumber(framework: Framework, questionId: string) {
  for (const factor of framework.keyFactors) {
    const index = factor.guidingQuestions.findIndex((question) => question.id === questionId);
    if (index !== -1) return `${factor.number}.${index + 1}`;
  }
  return questionId;
}

/** A CSV writes dates as text; a spreadsheet as dates. */
export type DateCells = "text" | "values";

/**
 * When an item was logged, in the review's zone (the header names it) and sortable; a host-city
 * document's own date is a calendar day, written as such.
 */
function logDate(row: ExportRow, timeZone: string, dates: DateCells): SheetCell {
  if (row.source === "document") {
    const day = isoDay(row.date, "UTC");
    return dates === "text" ? day : { day: spreadsheetDate(day) };
  }
  return dates === "text" ? formatSortableDateTime(row.date, timeZone) : spreadsheetDateTime(row.date, timeZone);
}

type Cells = (row: ExportRow, t: Translate, framework: Framework, timeZone: string, dates: DateCells) => SheetCell[];

/** The export's columns follow the table's: choosing columns on screen chooses them in the file too. */
const CSV_COLUMNS: Record<LogColumn, { headers: string[]; cells: Cells }> = {
  date: { headers: ["date"], cells: (row, _t, _framework, timeZone, dates) => [logDate(row, timeZone, dates)] },
  kind: { headers: ["kind"], cells: (row, t) => [t(`evidence:kinds.${row.kind}`)] },
  polarity: { headers: ["polarity"], cells: (row, t) => [row.polarity ? t(`evidence:polarities.${row.polarity}`) : ""] },
  factors: {
    headers: ["factors", "questions"],
    cells: (row, _t, framework) => [
      row.factors.map((id) => factorNumber(framework, id)).join("; "),
      row.questions.map((id) => questionNumber(framework, id)).join("; "),
    ],
  },
  text: { headers: ["text", "attribution"], cells: (row, t) => [row.text, describeAttribution(t, row)] },
  reviewer: { headers: ["reviewer"], cells: (row) => [row.reviewerName ?? ""] },
  interview: {
    headers: ["interview"],
    cells: (row, t) => [
      row.interview
        ? t(row.interview.place ? "evidence:interviewLabel" : "evidence:interviewLabelNoPlace", {
            date: row.interview.date,
            format: t(`evidence:formats.${row.interview.format}`),
            place: row.interview.place,
          })
        : "",
    ],
  },
  category: {
    headers: ["category"],
    cells: (row, t) => [row.categories.map((category) => t(`evidence:categories.${category}`)).join("; ")],
  },
  origin: { headers: ["origin", "document"], cells: (row, t) => [t(`evidence:origins.${row.origin}`), row.document?.title ?? ""] },
};

const CSV_ORDER: LogColumn[] = ["date", "kind", "polarity", "factors", "text", "reviewer", "interview", "category", "origin"];

type ExportArgs = {
  reviewId: string;
  view: TableState;
  framework: Framework;
  /** The review's zone, which the times are written in. */
  timeZone: string;
  t: Translate;
};

/**
 * The CSV of a log view: same search, filters and order as the table, every page, one row per
 * item, factors joined with "; ". Interviewees' names are not in the log, so not here either.
 */
export function evidenceCsvRecords(args: ExportArgs): AsyncGenerator<CsvRecord[]> {
  return evidenceExportRecords({ ...args, dates: "text" }) as AsyncGenerator<CsvRecord[]>;
}

/** The same records as the CSV (the XLSX export reads them too), with dates as text or as dates. */
export async function* evidenceExportRecords({
  reviewId,
  view,
  framework,
  timeZone,
  t,
  dates,
}: ExportArgs & { dates: DateCells }): AsyncGenerator<SheetCell[][]> {
  const columns = CSV_ORDER.filter((column) => !view.columns || view.columns.includes(column));
  // A few hundred distinct labels for thousands of cells: each is translated once.
  const labels = new Map<string, string>();
  const translate: Translate = (key, options) => {
    const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
    let label = labels.get(id);
    if (label === undefined) labels.set(id, (label = t(key, options)));
    return label;
  };
  yield [["id", ...columns.flatMap((column) => CSV_COLUMNS[column].headers)].map((key) => t(`evidence:csv.${key}`, { timeZone }))];
  for await (const rows of listEvidenceForExport({ reviewId, view, batchSize: BATCH })) {
    yield rows.map((row) => [row.id, ...columns.flatMap((column) => CSV_COLUMNS[column].cells(row, translate, framework, timeZone, dates))]);
  }
}
