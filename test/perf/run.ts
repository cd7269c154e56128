/**
 * `npm run perf`: the performance benchmark. Each part builds its own large review in a fresh
 * database and prints human-readable figures, then one machine-readable `PERF {…}` line.
 * Figures, not assertions: targets are judged by reading them.
 */
import { runEvidencePerf } from "./evidence";
import { runExportPerf } from "./exports";
import { runReportPerf } from "./report";

const evidence = await runEvidencePerf();
console.log(`PERF ${JSON.stringify(evidence)}`);
const exports = await runExportPerf();
console.log(`PERF ${JSON.stringify(exports)}`);
const report = await runReportPerf();
console.log(`PERF ${JSON.stringify(report)}`);
process.exit(0);
