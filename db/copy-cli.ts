import { parseArgs } from "node:util";
import { describePgUrl } from "./pg/client";
import { copySqliteToPg, CopyRefused, formatCopyReport } from "./pg/copy";
import { fail } from "./cli";

// npm run db:copy -- --from data/workbench.sqlite --to postgres://user:password@host/database [--uploads data/uploads]
let values: { from?: string; to?: string; uploads?: string };
try {
  ({ values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, uploads: { type: "string" } }, allowPositionals: false }));
} catch (error) {
  fail((error as Error).message);
}
if (!values.from || !values.to) fail("usage: npm run db:copy -- --from <sqlite file> --to <postgres url> [--uploads <folder>]");
if (!/^postgres(ql)?:\/\//.test(values.to)) fail(`--to must be a postgres:// URL (got ${describePgUrl(values.to)})`);
const uploadsPath = values.uploads ?? (process.env.UPLOADS_PATH || "data/uploads");

try {
  const report = await copySqliteToPg({ from: values.from, to: values.to, uploadsPath });
  console.log(`Copied ${values.from} and the files of ${uploadsPath} into ${describePgUrl(values.to)}${report.migrated ? " (migrations applied)" : ""}:`);
  console.log(formatCopyReport(report));
  console.log(
    `Every table has the same number of rows on both sides; ${report.files.postgres} files (${report.files.bytes} bytes) have the same SHA-256 on both sides.`,
  );
} catch (error) {
  fail(error instanceof CopyRefused ? error.message : `the copy failed and nothing was written: ${(error as Error).message}`);
}
