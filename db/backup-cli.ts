import { parseArgs } from "node:util";
import { BACKUP_TIME_LIMIT_MS, backupDatabase } from "./backup";
import { fail, openCliDb } from "./cli";

const USAGE = "usage: npm run db:backup -- FILE [--time-limit SECONDS]";
let parsed: { values: { "time-limit"?: string }; positionals: string[] };
try {
  parsed = parseArgs({ options: { "time-limit": { type: "string" } }, allowPositionals: true, strict: true });
} catch (error) {
  fail(`${(error as Error).message} (${USAGE})`);
}
const target = parsed.positionals[0];
if (!target || parsed.positionals.length > 1) fail(USAGE);
const seconds = parsed.values["time-limit"] === undefined ? BACKUP_TIME_LIMIT_MS / 1000 : Number(parsed.values["time-limit"]);
if (!Number.isFinite(seconds) || seconds <= 0) fail(`--time-limit must be a number of seconds above 0 (${USAGE})`);
const { db } = openCliDb();
try {
  const started = performance.now();
  const written = await backupDatabase(db, target, { timeLimitMs: seconds * 1000 });
  console.log(`Backup written to ${written} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  fail((error as Error).message);
} finally {
  db.$client.close();
}
