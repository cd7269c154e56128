/**
 * `npm run perf`: the performance benchmark. Each part builds its own large review in a fresh
 * database and prints human-readable figures, then one machine-readable `PERF {…}` line.
 * Figures, not assertions: targets are judged by reading them.
 *
 * `npm run perf -- --items N` runs only the evidence log's figures, on a log of N items.
 * `npm run perf -- --stores` runs only the store comparison (SQLite beside PostgreSQL).
 * `npm run perf -- --load` runs only the whole-team figures (50 writers, then a restart).
 */
import { parseArgs } from "node:util";
import { runEvidencePerf } from "./evidence";
import { runExportPerf } from "./exports";
import { runLoadPerf } from "./load";
import { runOfflinePerf } from "./offline";
import { runReportPerf } from "./report";
import { runStoresPerf } from "./stores";

const { values } = parseArgs({ options: { items: { type: "string" }, stores: { type: "boolean" }, load: { type: "boolean" } } });
const print = (figures: object | null) => {
  if (figures) console.log(`PERF ${JSON.stringify(figures)}`);
};

async function logFigures(items: number) {
  const { server, browser } = await runEvidencePerf({ items });
  print(server);
  print(browser);
}

if (values.stores) {
  print(await runStoresPerf());
} else if (values.load) {
  const load = await runLoadPerf();
  print(load.writers);
  print(load.restart);
} else if (values.items !== undefined) {
  const items = Number(values.items);
  if (!Number.isInteger(items) || items < 1) {
    console.error(`--items wants a whole number of evidence items, not "${values.items}"`);
    process.exit(2);
  }
  await logFigures(items);
} else {
  await logFigures(5000);
  await logFigures(50000);
  const load = await runLoadPerf();
  print(load.writers);
  print(load.restart);
  print(await runOfflinePerf());
  print(await runExportPerf());
  print(await runReportPerf());
  print(await runStoresPerf());
}
process.exit(0);
