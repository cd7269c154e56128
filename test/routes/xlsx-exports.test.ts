import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { loader as evidenceCsv } from "#app/routes/reviews.$reviewId.evidence[.csv]";
import { loader as evidenceXlsx } from "#app/routes/reviews.$reviewId.evidence[.xlsx]";
import { loader as planCsv } from "#app/routes/reviews.$reviewId.plan[.csv]";
import { loader as planXlsx } from "#app/routes/reviews.$reviewId.plan[.xlsx]";
import { onPostgres } from "../pg-store";
import { addProbeEvidence, cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/*
 * The plan and the evidence log as XLSX, read back by ExcelJS (a reader no one here wrote): the
 * types of the cells, the frozen and filtered header row, the widths, the reader's language, and
 * the same rows as the CSV export under the same permissions.
 */
const params = { reviewId: DEMO_REVIEW_ID };
type Loader = typeof planXlsx;

async function get(loader: Loader, path: string, email: DemoEmail | null = "lead@demo.test") {
  return run(loader, makeRequest(path, { cookie: email ? await cookieFor(email) : undefined }), params);
}

async function sheetOf(loader: Loader, path: string, email: DemoEmail = "lead@demo.test") {
  const outcome = await get(loader, path, email);
  expect(outcome.status).toBe(200);
  expect(outcome.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(outcome.data as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0]!;
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => rows.push(row));
  const header = (rows[0]!.values as unknown[]).slice(1).map(String);
  return { sheet, header, rows: rows.slice(1) };
}

async function csvOf(loader: Loader, path: string, email: DemoEmail = "lead@demo.test") {
  const outcome = await get(loader, path, email);
  return parse(outcome.data as string, { bom: true, record_delimiter: "\r\n", delimiter: path.includes("lang=fr") ? ";" : "," }) as string[][];
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("drafting");
});

describe("the development plan as XLSX", () => {
  it("has a frozen, filtered header row in French, fitted widths, and numbers as numbers", async () => {
    const { sheet, header, rows } = await sheetOf(planXlsx, `/reviews/${DEMO_REVIEW_ID}/plan.xlsx?lang=fr`);
    expect(header).toEqual([
      ...["Facteur", "Facteur clé", "Ordre", "Recommandation", "Priorité", "Horizon", "Service suggéré", "Inspiration", "État"],
      // The living plan (issue 20): each action's owner, axis, dates, indicator, status and progress.
      ...["Porteur", "Type de porteur", "Axe", "Début", "Échéance", "Indicateur", "Valeur de départ", "Cible", "État", "En retard", "Mises à jour"],
      "Dernière mise à jour (Europe/Paris)",
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:U${rows.length + 1}`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
    }
    expect(rows.map((row) => row.getCell(6).value)).toContain("Bénéfice rapide");
    // Widths fit what the columns hold: the recommendation's column is wider than the order's.
    const width = (column: number) => sheet.getColumn(column).width!;
    expect(width(3)).toBeGreaterThanOrEqual("Ordre".length);
    expect(width(4)).toBeGreaterThan(width(3));
    expect(width(4)).toBeLessThanOrEqual(60);
  });

  it("holds the same rows as the CSV, in English too", async () => {
    const { header, rows } = await sheetOf(planXlsx, `/reviews/${DEMO_REVIEW_ID}/plan.xlsx?lang=en`);
    const [csvHeader, ...csvRows] = await csvOf(planCsv, `/reviews/${DEMO_REVIEW_ID}/plan.csv?lang=en`);
    expect(header).toEqual(csvHeader);
    // The XLSX's days are dates (next test); read back as the day they hold, they are the CSV's text.
    const cellText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ""));
    expect(rows.map((row) => header.map((_name, column) => cellText(row.getCell(column + 1).value)))).toEqual(csvRows);
  });

  it("writes the start, due and last-update days as Excel dates holding the same calendar day as the CSV", async () => {
    const { header, rows } = await sheetOf(planXlsx, `/reviews/${DEMO_REVIEW_ID}/plan.xlsx?lang=en`);
    const [csvHeader, ...csvRows] = await csvOf(planCsv, `/reviews/${DEMO_REVIEW_ID}/plan.csv?lang=en`);
    const columns = ["Start", "Due", "Last update (Europe/Paris)"].map((name) => header.indexOf(name));
    expect(columns.every((column) => column >= 0 && csvHeader[column] === header[column])).toBe(true);
    let dates = 0;
    rows.forEach((row, index) => {
      for (const column of columns) {
        const text = csvRows[index]![column]!;
        const cell = row.getCell(column + 1);
        if (text === "") {
          expect(cell.value).toBeNull();
          continue;
        }
        dates += 1;
        expect(cell.type).toBe(ExcelJS.ValueType.Date);
        expect(cell.numFmt).toBe("yyyy-mm-dd");
        const date = cell.value as Date;
        // A calendar day stays that day, whatever the zone the file is read in.
        expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()].map((part) => String(part).padStart(2, "0")).join("-")).toBe(text);
      }
    });
    expect(dates).toBeGreaterThan(3);
    // The demo's action starting on New Year's Day (a day that would slip to 31 December if read at midnight in Paris).
    const start = columns[0]!;
    const newYear = rows.find((_row, index) => csvRows[index]![start] === "2027-01-01");
    expect((newYear!.getCell(start + 1).value as Date).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("gives a host reader of the issued review the agreed recommendations only, as the CSV does", async () => {
    await setPhase("issued");
    const { header, rows } = await sheetOf(planXlsx, `/reviews/${DEMO_REVIEW_ID}/plan.xlsx?lang=en`, "reader@demo.test");
    const lead = await sheetOf(planXlsx, `/reviews/${DEMO_REVIEW_ID}/plan.xlsx?lang=en`, "lead@demo.test");
    const state = header.indexOf("State") + 1;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(lead.rows.length);
    expect(new Set(rows.map((row) => row.getCell(state).value))).toEqual(new Set(["Agreed"]));
    const csvRows = (await csvOf(planCsv, `/reviews/${DEMO_REVIEW_ID}/plan.csv?lang=en`, "reader@demo.test")).slice(1);
    expect(rows.map((row) => row.getCell(4).value)).toEqual(csvRows.map((row) => row[3]));
  });
});

describe("the evidence log as XLSX", () => {
  it("writes when an item was logged as a date on the review's clock, the same moment the CSV writes as text", async () => {
    const { header, rows } = await sheetOf(evidenceXlsx, `/reviews/${DEMO_REVIEW_ID}/evidence.xlsx?lang=en&sort=date.asc`);
    const [csvHeader, ...csvRows] = await csvOf(evidenceCsv, `/reviews/${DEMO_REVIEW_ID}/evidence.csv?lang=en&sort=date.asc`);
    expect(header).toEqual(csvHeader);
    expect(header[1]).toBe("Date (Europe/Paris)");
    expect(rows).toHaveLength(csvRows.length);
    rows.forEach((row, i) => {
      const cell = row.getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      const date = cell.value as Date;
      const text = csvRows[i]![1]!;
      // The CSV writes "2026-03-16 10:05" or a document's day "2026-01-15"; the sheet holds that reading.
      expect(date.toISOString().slice(0, text.length).replace("T", " ")).toBe(text);
      expect(cell.numFmt).toBe(text.length > 10 ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd");
      expect(row.getCell(1).value).toBe(csvRows[i]![0]);
    });
  });

  it("opens with text XML forbids, a cell longer than Excel allows, right-to-left text and formulas kept as text", async () => {
    const long = "égalité ".repeat(6000);
    const items = [
      // PostgreSQL's text cannot hold a NUL byte (SQLite's can), so there it never reaches an export.
      { id: "xlsx-control", text: `avant\u0001\u0008\u000bentre${onPostgres ? "" : "\u0000"}après` },
      { id: "xlsx-long", text: long },
      { id: "xlsx-rtl", text: "المساواة في الحصول على الخدمات — שוויון" },
      { id: "xlsx-formula", text: '=HYPERLINK("http://evil.example","x")' },
    ];
    await addProbeEvidence(items, { searchText: "xlsx probe", factorId: "kf-01" });
    const { header, rows } = await sheetOf(evidenceXlsx, `/reviews/${DEMO_REVIEW_ID}/evidence.xlsx?lang=en&q=xlsx+probe`);
    const text = header.indexOf("Text") + 1;
    const byId = new Map(rows.map((row) => [row.getCell(1).value, row.getCell(text)]));
    expect(byId.get("xlsx-control")!.value).toBe("avantentreaprès");
    expect((byId.get("xlsx-long")!.value as string).length).toBe(32_767);
    expect(byId.get("xlsx-rtl")!.value).toBe(items[2]!.text);
    expect(byId.get("xlsx-formula")!.type).toBe(ExcelJS.ValueType.String);
    expect(byId.get("xlsx-formula")!.value).toBe(items[3]!.text);
  });
});

describe("XLSX bytes", () => {
  it("are identical for two exports of the same review's plan and log", async () => {
    for (const [loader, path] of [
      [planXlsx, `/reviews/${DEMO_REVIEW_ID}/plan.xlsx?lang=fr`],
      [evidenceXlsx, `/reviews/${DEMO_REVIEW_ID}/evidence.xlsx?lang=en`],
    ] as const) {
      const first = await get(loader, path);
      const second = await get(loader, path);
      expect(first.status).toBe(200);
      expect(Buffer.from(second.data as ArrayBuffer).equals(Buffer.from(first.data as ArrayBuffer))).toBe(true);
    }
  });
});

describe("bad requests for an XLSX export", () => {
  it("answers an unknown language with 400 and the allowed values", async () => {
    const outcome = await get(planXlsx, `/reviews/${DEMO_REVIEW_ID}/plan.xlsx?lang=de`);
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ allowed: ["fr", "en"] });
  });

  it("answers 404 to a non-member and 403 to a member without the right", async () => {
    expect((await get(evidenceXlsx, `/reviews/${DEMO_REVIEW_ID}/evidence.xlsx`, "outsider@demo.test")).status).toBe(404);
    expect((await get(evidenceXlsx, `/reviews/${DEMO_REVIEW_ID}/evidence.xlsx`, "host@demo.test")).status).toBe(403);
    expect((await get(planXlsx, `/reviews/${DEMO_REVIEW_ID}/plan.xlsx`, "reader@demo.test")).status).toBe(403);
  });
});
