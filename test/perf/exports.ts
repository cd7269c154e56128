import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type Database from "better-sqlite3";
import { close, fillLargeLog, listen, postQuote, serveApp, signIn } from "./evidence";
import { fillLargeReview, REVIEW_ID as REPORT_REVIEW_ID } from "./report";
import { ensureServerBuild, enterPerfEnvironment, seededPerfDatabase } from "./app-environment";

/**
 * Exports under load: the production build served in this process, an evidence log of 11,000
 * items (about 5 MB of CSV) and the large report review. Prints figures; asserts nothing.
 *
 * While 5 exports run without pause (5 evidence CSV downloads; then 5 PDF drafts of the large
 * report), a peer saves quotes one after the other:
 * - csvStallMs / pdfStallMs: the longest event-loop stall of the server's process (the delay a
 *   timer due every 10 ms saw: how long no request could be answered);
 * - csvSaveP95Ms / pdfSaveP95Ms: the 95th percentile of the time to save one quote;
 * - quietSaveP95Ms: the same with no export running, for comparison.
 */

const ITEMS = 11_000;
const SAVES = 40;
const EXPORTS = 5;

const round = (value: number) => Math.round(value * 10) / 10;

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runExportPerf() {
  const root = process.cwd();
  const serverBuild = ensureServerBuild("exports perf");
  const { dir, restore } = enterPerfEnvironment("workbench-exports-perf-");
  const global = globalThis as { __workbenchDb?: { $client: Database.Database }; __workbenchAsyncDb?: unknown };
  const servers: http.Server[] = [];
  try {
    const setup = await seededPerfDatabase();
    fillLargeLog(setup.$client, { items: ITEMS, interviews: 40, prefix: "perf-log-" });
    await fillLargeReview(setup.$client);
    // The peer who saves quotes may read the large report too.
    setup.$client
      .prepare("INSERT INTO review_members (review_id, user_id, role, affiliation) VALUES (?, 'demo-peer', 'peer-reviewer', 'Perf')")
      .run(REPORT_REVIEW_ID);
    setup.$client.pragma("wal_checkpoint(TRUNCATE)");
    setup.$client.close();

    const { createRequestHandler } = await import("@remix-run/node");
    // A fresh copy of the build: an earlier part of the run may have loaded it, with its own database handle.
    const build = await import(`${pathToFileURL(serverBuild).href}?exports`);
    const app = serveApp(createRequestHandler(build, "production"), path.join(root, "build/client"));
    servers.push(app);
    const base = await listen(app);
    const cookie = await signIn(base, "peer@demo.test");
    const csvUrl = `${base}/reviews/demo/evidence.csv?lang=fr`;
    let n = 0;
    const save = async () => {
      const started = performance.now();
      const response = await postQuote({ base, cookie, interviewId: "perf-log-int-07", text: `Citation pendant les exports n° ${++n}` });
      await response.arrayBuffer();
      return { ms: performance.now() - started, ok: response.status === 200 };
    };
    const download = async (url: string) => {
      const response = await fetch(url, { headers: { Cookie: cookie } });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      return bytes;
    };

    // Warm up: the code paths, the statement cache, one of each export.
    const csvBytes = await download(csvUrl);
    for (let i = 0; i < 5; i++) await save();
    const quiet: number[] = [];
    for (let i = 0; i < SAVES; i++) quiet.push((await save()).ms);

    /** Saves quotes while `exports` downloads run in loops; the event loop is watched throughout. */
    const underLoad = async (urls: string[]) => {
      const monitor = monitorEventLoopDelay({ resolution: 10 });
      let running = true;
      let exported = 0;
      let exportsFailed = 0;
      monitor.enable();
      const loops = urls.map(async (url) => {
        while (running) {
          await download(url).then(
            () => exported++,
            () => exportsFailed++,
          );
        }
      });
      const times: number[] = [];
      let failed = 0;
      for (let i = 0; i < SAVES; i++) {
        const outcome = await save().catch(() => ({ ms: Number.NaN, ok: false }));
        if (outcome.ok) times.push(outcome.ms);
        else failed++;
      }
      running = false;
      await Promise.all(loops);
      monitor.disable();
      return { stallMs: round(monitor.max / 1e6), saveP95Ms: round(percentile(times, 95)), failed, exported, exportsFailed };
    };

    const csv = await underLoad(Array.from({ length: EXPORTS }, () => csvUrl));
    console.log(
      `exports perf: ${EXPORTS} evidence CSV exports of ${ITEMS} items (${(csvBytes / 1048576).toFixed(1)} MB each, ${csv.exported} done, ${csv.exportsFailed} failed) while saving ${SAVES} quotes: ` +
        `longest event-loop stall ${csv.stallMs} ms, saving p95 ${csv.saveP95Ms} ms (quiet: ${round(percentile(quiet, 95))} ms), ${csv.failed} saves failed`,
    );
    // Drafts in both languages, from the large review: the first of each is built, not cached.
    const pdfUrls = Array.from({ length: EXPORTS }, (_, i) => `${base}/reviews/${REPORT_REVIEW_ID}/report.pdf?lang=${i % 2 ? "en" : "fr"}`);
    const pdf = await underLoad(pdfUrls);
    console.log(
      `exports perf: ${EXPORTS} PDF drafts of the large report (${pdf.exported} done, ${pdf.exportsFailed} failed) while saving ${SAVES} quotes: ` +
        `longest event-loop stall ${pdf.stallMs} ms, saving p95 ${pdf.saveP95Ms} ms, ${pdf.failed} saves failed`,
    );
    return {
      csvStallMs: csv.stallMs,
      csvSaveP95Ms: csv.saveP95Ms,
      pdfStallMs: pdf.stallMs,
      pdfSaveP95Ms: pdf.saveP95Ms,
      quietSaveP95Ms: round(percentile(quiet, 95)),
      failedSaves: csv.failed + pdf.failed,
      failedExports: csv.exportsFailed + pdf.exportsFailed,
      items: ITEMS,
    };
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      await close(server);
    }
    global.__workbenchDb?.$client.close();
    delete global.__workbenchDb;
    // Its asynchronous face too: the next copy of the build must open both on its own database.
    delete global.__workbenchAsyncDb;
    restore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
