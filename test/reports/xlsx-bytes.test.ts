import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildSheet, type SheetSpec } from "#reports/exports/xlsx";

/*
 * The same table gives the same XLSX bytes, whenever it is written: ExcelJS stamps the clock
 * into docProps/core.xml and into every zip entry, and both are fixed. The clock is moved
 * between two writes (a year and some hours and seconds apart).
 */
const spec: SheetSpec = {
  name: "Plan",
  header: ["Order", "Recommendation", "Logged"],
  rows: [
    [1, "Publish the complaints data", new Date(Date.UTC(2026, 2, 16, 9, 5))],
    [2, "Train the front desk", { day: new Date(Date.UTC(2026, 0, 15)) }],
  ],
  title: "Development plan",
  locale: "en",
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function writtenAt(moment: string) {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(moment) });
  try {
    return await buildSheet(spec);
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe("an XLSX export's bytes", () => {
  it("are identical for the same table written at two different moments", async () => {
    const first = await writtenAt("2026-03-01T10:00:00Z");
    const second = await writtenAt("2027-07-15T18:31:07Z");
    expect(sha256(second)).toBe(sha256(first));

    // Still a workbook a reader opens, holding the table, with no trace of either moment.
    const zip = await JSZip.loadAsync(second);
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).not.toMatch(/2026-03-01|2027-07-15/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(second.slice().buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(2).value).toBe("Publish the complaints data");
    expect(sheet.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.Date);
  });
});
