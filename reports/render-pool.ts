import { createRequire } from "node:module";
import os from "node:os";
import { Piscina } from "piscina";
import type { AnnualReportJob, ExportJob, RenderJob } from "./render-job";

/*
 * Building a report PDF takes the CPU for a second or more; done on the request thread it would
 * stall every other request meanwhile. Reports are built by a small pool of worker threads
 * (piscina) instead: at most one per spare core, started on the first report and stopped after a
 * minute without one. The worker file is found through the package's "#reports/*" import map, so
 * the same path works from the sources (tsx, vitest) and from the server build.
 */
const require = createRequire(import.meta.url);

let pool: Piscina | undefined;

function renderPool() {
  pool ??= new Piscina({
    filename: require.resolve("#reports/render-worker.mjs"),
    minThreads: 0,
    maxThreads: Math.max(1, os.availableParallelism() - 1),
    idleTimeout: 60_000,
  });
  return pool;
}

/** The report of a snapshot (the feedback report, or a city's annual report) as PDF bytes, built off the request thread. */
export async function renderReportOffThread(job: RenderJob | AnnualReportJob): Promise<{ buffer: Buffer; pages: number }> {
  const { pdf, pages } = (await renderPool().run(job)) as { pdf: Uint8Array; pages: number };
  return { buffer: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages };
}

/** An export file (XLSX, DOCX, QDPX) built off the request thread: its bytes. */
export async function buildExportOffThread(job: Extract<ExportJob, { kind: "xlsx" | "docx" | "qdpx" }>): Promise<Buffer> {
  const { bytes } = (await renderPool().run(job)) as { bytes: Uint8Array };
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** How many reports the pool has built: for tests. */
export function renderedOffThread() {
  return pool?.completed ?? 0;
}

/** Stops the pool's threads, so a command-line tool can end. */
export async function closeRenderPool() {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
