import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { ensureServerBuild, enterPerfEnvironment, seededPerfDatabase } from "./app-environment";
import { fillLargeLog, listen, median, postQuote, round, serveApp, signIn } from "./evidence";
import { fillLargeReview, REVIEW_ID as REPORT_REVIEW_ID } from "./report";

/**
 * The same figures on both stores, side by side: one review of 5,000 evidence items (the demo
 * review's log) plus the report perf's review, built once in SQLite and copied to PostgreSQL with
 * `db:copy`'s code, so both stores hold the same rows. Each store is measured in a child process
 * of its own (db.server picks its store once, at import), with the same code:
 *
 * - evidenceLogMs: median of 30 loads of the log page (full HTML, signed in as a peer);
 * - saveQuoteMs: median of 50 saves of one quote (the fetcher's POST to the route);
 * - reportMs: median of 5 builds of the PDF report (snapshot read + pdfmake), like `report perf`;
 * - queries per log page and per save: statements sent to the store (round trips on PostgreSQL);
 *   `PERF_TRACE=1` prints each one (stderr), and those of one log page between two markers.
 *
 * PostgreSQL runs when PERF_DATABASE_URL or TEST_DATABASE_URL names a server whose user may
 * create databases; a `wb_perf_<random>` database is made beside it and dropped afterwards.
 */

const ITEMS = 5000;
const LOG_REQUESTS = 30;
const SAVES = 50;
const REPORT_RUNS = 5;
const REVIEW_ID = "demo";

export type StoreFigures = { evidenceLogMs: number; saveQuoteMs: number; reportMs: number };
type ChildFigures = StoreFigures & { snapshotMs: number; logQueries: number; saveQueries: number; snapshotQueries: number };
export type StoresFigures = { stores: { sqlite: StoreFigures; pg: StoreFigures | null }; items: number };

// ---- In the child: one store ---------------------------------------------------------

/** Counts the statements the process sends to either store, from before the app opens it. */
function countStatements() {
  const counter = { n: 0 };
  const note = (text: unknown) => {
    counter.n += 1;
    if (process.env.PERF_TRACE) console.error("SQL", String(text).slice(0, 90));
  };
  // Each statement run, not each compiled: the SQLite layer keeps compiled statements (db/async-db.ts).
  const probe = new Database(":memory:");
  const statement = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<"run" | "get" | "all" | "iterate", (...args: unknown[]) => unknown>;
  probe.close();
  for (const name of ["run", "get", "all", "iterate"] as const) {
    const original = statement[name];
    statement[name] = function (this: { source: string }, ...args: unknown[]) {
      note(this.source);
      return original.apply(this, args);
    };
  }
  const sqlite = Database.prototype as unknown as Record<"exec", (...args: unknown[]) => unknown>;
  const exec = sqlite.exec;
  sqlite.exec = function (this: unknown, ...args: unknown[]) {
    note(args[0]);
    return exec.apply(this, args);
  };
  const client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    counter.n += 1;
    if (process.env.PERF_TRACE) console.error("SQL", JSON.stringify(args[0]).slice(0, 120));
    return query.apply(this, args);
  };
  return counter;
}

async function measureStore(): Promise<ChildFigures> {
  const counter = countStatements();
  const counted = async <T>(work: () => Promise<T>) => {
    const before = counter.n;
    await work();
    return counter.n - before;
  };
  const { createRequestHandler } = await import("@remix-run/node");
  const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
  const app = serveApp(createRequestHandler(build, "production"), path.resolve("build/client"));
  const base = await listen(app);
  const cookie = await signIn(base, "peer@demo.test");
  const logUrl = `${base}/reviews/${REVIEW_ID}/evidence`;

  const time = async (count: number, send: () => Promise<Response>) => {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      const response = await send();
      await response.arrayBuffer();
      times.push(performance.now() - started);
      status = response.status;
    }
    return { ms: round(median(times)), status };
  };

  const loadLog = () => fetch(logUrl, { headers: { Cookie: cookie } });
  await time(5, loadLog);
  const log = await time(LOG_REQUESTS, loadLog);
  if (log.status !== 200) throw new Error(`The evidence log answered ${log.status}`);
  if (process.env.PERF_TRACE) console.error("---- one log page");
  const logQueries = await counted(() => loadLog().then((response) => response.arrayBuffer()));
  if (process.env.PERF_TRACE) console.error("---- end");

  let n = 0;
  const save = () => postQuote({ base, cookie, interviewId: "log-int-07", text: `Citation de mesure n° ${++n}` });
  await time(5, save);
  const saves = await time(SAVES, save);
  if (saves.status !== 200) throw new Error(`Saving a quote answered ${saves.status}`);
  if (process.env.PERF_TRACE) console.error("---- one saved quote");
  const saveQueries = await counted(() => save().then((response) => response.arrayBuffer()));
  if (process.env.PERF_TRACE) console.error("---- end");
  app.closeAllConnections();
  app.close();

  // The report is built from the sources, not the server build: their asynchronous database has
  // its own transaction-runner symbol, so they open their own (on the same store) instead of the build's.
  delete (globalThis as { __workbenchAsyncDb?: unknown }).__workbenchAsyncDb;
  const { getReportSnapshot, buildReportFile } = await import("#app/models/report.server");
  const snapshotOf = async () => {
    const snapshot = await getReportSnapshot({ reviewId: REPORT_REVIEW_ID });
    if (!snapshot) throw new Error("The report perf review is missing");
    return snapshot;
  };
  await buildReportFile(await snapshotOf(), "fr", null);
  const reportTimes: number[] = [];
  const snapshotTimes: number[] = [];
  for (let i = 0; i < REPORT_RUNS; i += 1) {
    const started = performance.now();
    const snapshot = await snapshotOf();
    snapshotTimes.push(performance.now() - started);
    await buildReportFile(snapshot, "fr", null);
    reportTimes.push(performance.now() - started);
  }
  const snapshotQueries = await counted(snapshotOf);
  return {
    evidenceLogMs: log.ms,
    saveQuoteMs: saves.ms,
    reportMs: Math.round(median(reportTimes)),
    snapshotMs: round(median(snapshotTimes)),
    logQueries,
    saveQueries,
    snapshotQueries,
  };
}

// ---- In the parent: build once, measure each store in its own process ------------------

const CHILD_PREFIX = "STORE ";

function runChild(store: "sqlite" | "pg", env: NodeJS.ProcessEnv): Promise<ChildFigures> {
  const self = fileURLToPath(import.meta.url);
  const tsx = path.resolve("node_modules/.bin/tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [self, "--store", store], { env, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = output.split("\n").find((text) => text.startsWith(CHILD_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(CHILD_PREFIX.length)) as ChildFigures);
      else reject(new Error(`the ${store} measurement exited with ${code}: ${output.trim().split("\n").slice(-3).join(" / ")}`));
    });
  });
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const pad = (text: string, width: number) => text.padStart(width);

function printTable(sqlite: ChildFigures, pg: ChildFigures | null) {
  const rows: [string, (f: ChildFigures) => string][] = [
    ["evidence log page, median ms", (f) => String(f.evidenceLogMs)],
    ["saving a quote, median ms", (f) => String(f.saveQuoteMs)],
    ["report (snapshot + PDF), median ms", (f) => String(f.reportMs)],
    ["  of which the snapshot read, ms", (f) => String(f.snapshotMs)],
    ["queries per log page", (f) => String(f.logQueries)],
    ["queries per saved quote", (f) => String(f.saveQueries)],
    ["queries per report snapshot", (f) => String(f.snapshotQueries)],
  ];
  console.log(`stores perf: ${pad("", 36)}${pad("SQLite", 10)}${pad("PostgreSQL", 12)}`);
  for (const [label, value] of rows) console.log(`stores perf: ${label.padEnd(36)}${pad(value(sqlite), 10)}${pad(pg ? value(pg) : "skipped", 12)}`);
  if (!pg) return;
  console.log(
    `stores perf: note: SQLite answers inside the process; on PostgreSQL each statement is a round trip over a socket and every row ` +
      `is sent and decoded as text. A log page sends ${pg.logQueries} statements there against ${sqlite.logQueries} on SQLite ` +
      `(PERF_TRACE=1 lists them), and costs ${round(pg.evidenceLogMs - sqlite.evidenceLogMs)} ms more; a saved quote ${round(pg.saveQuoteMs - sqlite.saveQuoteMs)} ms more ` +
      `over ${pg.saveQueries} statements. The PDF rendering is the same work on both; the report's snapshot read takes ` +
      `${pg.snapshotMs} ms there against ${sqlite.snapshotMs} ms (${pg.snapshotQueries} statements each), so ` +
      `${round(pg.reportMs - sqlite.reportMs - (pg.snapshotMs - sqlite.snapshotMs))} ms of the report's difference is the rendering's own spread.`,
  );
}

/** Builds the review once, measures it on SQLite and (when a server is named) on PostgreSQL. */
export async function runStoresPerf({ items = ITEMS }: { items?: number } = {}): Promise<StoresFigures> {
  ensureServerBuild("stores perf");
  const { dir, restore } = enterPerfEnvironment("workbench-stores-perf-");
  const serverUrl = process.env.PERF_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
  let dropDatabase: (() => Promise<unknown>) | null = null;
  try {
    const started = performance.now();
    const setup = await seededPerfDatabase();
    fillLargeLog(setup.$client, { items, interviews: Math.max(40, Math.round(items / 125)), prefix: "log-" });
    await fillLargeReview(setup.$client);
    setup.$client.pragma("wal_checkpoint(TRUNCATE)");
    setup.$client.close();
    console.log(
      `stores perf: ${items} evidence items in the log and the report perf's review, set up in SQLite in ${Math.round(performance.now() - started)} ms`,
    );

    let pgEnv: NodeJS.ProcessEnv | null = null;
    if (!serverUrl) {
      console.log("stores perf: PostgreSQL column skipped: neither PERF_DATABASE_URL nor TEST_DATABASE_URL is set");
    } else {
      const name = `wb_perf_${crypto.randomBytes(4).toString("hex")}`;
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
      dropDatabase = () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      const copyStarted = performance.now();
      const { copySqliteToPg } = await import("#db/pg/copy");
      await copySqliteToPg({ from: process.env.DATABASE_PATH!, to: url.toString(), uploadsPath: process.env.UPLOADS_PATH! });
      console.log(`stores perf: copied to PostgreSQL (${name}) with db:copy in ${Math.round(performance.now() - copyStarted)} ms`);
      pgEnv = { ...process.env, DATABASE_URL: url.toString() };
    }

    // The SQLite child writes quotes into its own copy, so both stores start from the same rows.
    const sqlitePath = path.join(dir, "measured.sqlite");
    fs.copyFileSync(process.env.DATABASE_PATH!, sqlitePath);
    const sqliteEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: sqlitePath };
    delete sqliteEnv.DATABASE_URL;
    const sqlite = await runChild("sqlite", sqliteEnv);
    let pg: ChildFigures | null = null;
    if (pgEnv) {
      try {
        pg = await runChild("pg", pgEnv);
      } catch (error) {
        console.log(`stores perf: PostgreSQL column not measured (${(error as Error).message})`);
      }
    }
    printTable(sqlite, pg);
    const pick = (f: ChildFigures): StoreFigures => ({ evidenceLogMs: f.evidenceLogMs, saveQuoteMs: f.saveQuoteMs, reportMs: f.reportMs });
    return { stores: { sqlite: pick(sqlite), pg: pg ? pick(pg) : null }, items };
  } finally {
    await dropDatabase?.().catch((error: Error) => console.log(`stores perf: could not drop the perf database (${error.message})`));
    restore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--store") && path.resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) {
  const wanted = process.argv[process.argv.indexOf("--store") + 1];
  if (wanted !== (process.env.DATABASE_URL ? "pg" : "sqlite")) throw new Error(`--store ${wanted} does not match the environment (DATABASE_URL)`);
  const figures = await measureStore();
  console.log(`${CHILD_PREFIX}${JSON.stringify(figures)}`);
  process.exit(0);
}
