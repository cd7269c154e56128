/**
 * `npm run report -- --review <id> [--lang fr|en] [--format pdf|docx] [--out report.pdf]`: the feedback report
 * from the command line, for archiving and batch use. An issued review gives its stored file,
 * byte for byte; any other gives a draft built from the current data. `--review demo` is the
 * demo review. Reads the database at DATABASE_PATH (default data/workbench.sqlite).
 *
 * `--eccar --year YYYY`: instead, the city's annual report on its plan of action (ECCAR) for that
 * year, built from the current data (`--review demo-eccar` is the demo's).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fail, openCliDb } from "#db/cli";

const USAGE = "usage: npm run report -- --review <id|demo> [--eccar --year YYYY] [--lang fr|en] [--format pdf|docx] [--out file.pdf]";
const FORMATS = ["pdf", "docx"] as const;
const LANGS = ["fr", "en"] as const;
type Lang = (typeof LANGS)[number];

let options: { review?: string; lang?: string; out?: string; format?: string; help?: boolean; eccar?: boolean; year?: string };
try {
  ({ values: options } = parseArgs({
    options: {
      review: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
      eccar: { type: "boolean" },
      year: { type: "string" },
      format: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(`${(error as Error).message} (${USAGE})`);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!options.review) fail(`--review is required (${USAGE})`);
const reviewId = options.review;
if (options.lang !== undefined && !(LANGS as readonly string[]).includes(options.lang)) {
  fail(`unknown language "${options.lang}": use one of ${LANGS.join(", ")}`);
}
if (options.format !== undefined && !(FORMATS as readonly string[]).includes(options.format)) {
  fail(`unknown format "${options.format}": use one of ${FORMATS.join(", ")}`);
}
const format = (options.format ?? "pdf") as (typeof FORMATS)[number];

/** Refuses, before any work, a path the report could not be written to. */
function checkWritable(file: string) {
  const dir = path.dirname(file);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) fail(`cannot write "${file}": it is a folder`);
  if (!fs.existsSync(dir)) fail(`cannot write "${file}": folder "${dir}" does not exist`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch {
    fail(`cannot write "${file}": permission denied`);
  }
}
if (options.year !== undefined && !options.eccar) fail(`--year goes with --eccar (${USAGE})`);
if (options.eccar && options.year === undefined) fail(`--eccar needs --year YYYY (${USAGE})`);
if (options.eccar && format === "docx") fail(`--format docx is for the feedback report; the annual report is a PDF (${USAGE})`);
if (options.out !== undefined) checkWritable(path.resolve(options.out));

const { db, env } = openCliDb();
// The app's models use the process-wide handle; hand them this one rather than opening another.
globalThis.__workbenchDb = db;
const { getIssuedReport, getIssuedReportDocx, getReportSnapshot, renderReportDocx, renderReportPdf, sha256 } = await import("#app/models/report.server");
const { closeRenderPool } = await import("#reports/render-pool");

/** Builds a file on the render pool, or exits with the reason; the pool's threads would keep the process alive. */
async function build<File>(render: () => Promise<File>): Promise<File> {
  try {
    return await render();
  } catch (error) {
    fail(`the report could not be built: ${(error as Error).message}`);
  } finally {
    await closeRenderPool();
  }
}

/** Writes the file at --out (or under its own name here), says what was written, and exits. */
function writeAndExit(file: { buffer: Buffer; fileName: string }, description: string): never {
  const out = path.resolve(options.out ?? file.fileName);
  if (options.out === undefined) checkWritable(out);
  try {
    fs.writeFileSync(out, file.buffer);
  } catch (error) {
    fail(`cannot write "${out}": ${(error as Error).message}`);
  }
  db.$client.close();
  console.log(`Wrote ${options.out ?? path.relative(process.cwd(), out)}: ${description}, SHA-256 ${sha256(file.buffer)}`);
  process.exit(0);
}

if (options.eccar) await writeAnnualReport(options.year!);

/** The annual report on the review's plan of action for one year; exits when written. */
async function writeAnnualReport(asked: string) {
  const { getReview } = await import("#app/models/review.server");
  const { parseReportYear, renderAnnualReportPdf, reportYears } = await import("#app/models/annual-report.server");
  const { recordsCityActions } = await import("#app/models/city-action.server");
  const { requireFramework } = await import("#benchmark/index");
  const review = await getReview({ reviewId });
  if (!review) fail(`no review "${reviewId}" in ${env.DATABASE_PATH}`);
  const framework = requireFramework(review.frameworkId);
  if (!recordsCityActions(framework)) fail(`review "${reviewId}" follows ${framework.id}, which has no annual report on city actions`);
  const years = reportYears(framework, { now: new Date(), timeZone: review.timeZone });
  const year = parseReportYear(asked, years);
  if (year === null) fail(`unknown year "${asked}": use a year from ${years.from} to ${years.to}`);
  const lang: Lang = (options.lang as Lang | undefined) ?? review.reportLocale;
  const file = await build(() => renderAnnualReportPdf({ reviewId, year, locale: lang }));
  if (!file) fail(`no review "${reviewId}" in ${env.DATABASE_PATH}`);
  writeAndExit(file, `annual report ${year}, ${lang}, ${file.pages} pages`);
}

const snapshot = await getReportSnapshot({ reviewId });
if (!snapshot) {
  const hint = reviewId === "demo" ? "; run `npm start` or `npm run db:seed` first to load the demo review" : "";
  fail(`no review "${reviewId}" in ${env.DATABASE_PATH}${hint}`);
}
const lang: Lang = (options.lang as Lang | undefined) ?? snapshot.review.reportLocale;
const issuedPhase = snapshot.review.phase === "issued";

if (format === "docx") {
  // The Word document: stored beside the PDF once issued, else a draft from the current data.
  const stored = issuedPhase ? await build(() => getIssuedReportDocx({ reviewId, locale: lang })) : null;
  if (stored) writeAndExit({ buffer: stored.docx, fileName: stored.fileName }, `issued report, as stored, ${lang}, Word document`);
  const draft = await build(() => renderReportDocx({ reviewId, locale: lang, reader: null }));
  writeAndExit(draft, `${draft.issued ? "issued report" : "draft"}, ${lang}, Word document`);
}

const stored = issuedPhase ? await getIssuedReport({ reviewId, locale: lang }) : null;
if (stored) writeAndExit({ buffer: stored.pdf, fileName: stored.fileName }, `issued report, as stored, ${lang}, ${stored.pages} pages`);
const file = await build(() => renderReportPdf({ reviewId, locale: lang, reader: null }));
writeAndExit(file, `${file.issued ? "issued report" : "draft"}, ${lang}, ${file.pages} pages`);
