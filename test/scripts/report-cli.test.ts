import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { demoDatabaseFile } from "../db/damage";

/*
 * `npm run report`: the feedback report (PDF or Word) and the ECCAR annual report from the
 * command line, each written where asked with one line saying what it is; bad input gets one
 * line and a non-zero exit.
 */

let dir: string;
let database: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-report-"));
  database = await demoDatabaseFile(path.join(dir, "demo.sqlite"));
});

function report(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/report.ts", ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_PATH: database } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const pdfText = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });

describe("npm run report", () => {
  it("writes the draft feedback report as a PDF and says so in one line", () => {
    const out = path.join(dir, "feedback.pdf");
    const { status, stdout } = report("--review", "demo", "--lang", "en", "--out", out);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: draft, en, \\d+ pages, SHA-256 [0-9a-f]{64}$`));
    expect(pdfText(out)).toMatch(/Key factor/i);
  }, 120_000);

  it("writes the Word document of the draft", () => {
    const out = path.join(dir, "feedback.docx");
    const { status, stdout } = report("--review", "demo", "--format", "docx", "--lang", "fr", "--out", out);
    expect(status).toBe(0);
    expect(stdout).toMatch(/: draft, fr, Word document, SHA-256 [0-9a-f]{64}$/);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("writes the ECCAR annual report for a year, with the ten commitments", () => {
    const out = path.join(dir, "eccar.pdf");
    const { status, stdout } = report("--review", "demo-eccar", "--eccar", "--year", "2026", "--lang", "fr", "--out", out);
    expect(status).toBe(0);
    expect(stdout).toMatch(/: annual report 2026, fr, \d+ pages, SHA-256 [0-9a-f]{64}$/);
    expect(pdfText(out).match(/Engagement \d+/g)?.length ?? 0).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it.each([
    [["--review", "nope"], /^error: no review "nope" in /],
    [["--review", "demo-eccar", "--eccar", "--year", "1990"], /^error: unknown year "1990": use a year from \d{4} to \d{4}$/],
    [["--review", "demo", "--lang", "de"], /^error: unknown language "de": use one of fr, en$/],
    [["--review", "demo", "--eccar"], /^error: --eccar needs --year YYYY/],
  ])("refuses %j with one line and exit 1", (args, message) => {
    const { status, stderr, stdout } = report(...args);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
