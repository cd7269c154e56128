// Over 400 lines on purpose: one perf scenario (seed, server, measured requests) that reads top to bottom.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import type Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { sql } from "drizzle-orm";
import { transaction, type AsyncDb } from "#db/async-db";
import { foldText } from "#db/search-text";
import { ensureServerBuild, enterPerfEnvironment, seededPerfDatabase } from "./app-environment";

/**
 * The evidence log under load: a review with 5,000 items across 40 interviews in a fresh
 * database, served by the production build. Prints figures; asserts nothing.
 *
 * - evidenceLogMs: median time for the log page (full HTML) signed in as a peer, over HTTP on 127.0.0.1;
 * - bareMs: median time for a bare node:http server sending the same bytes the same way;
 * - saveQuoteMs: median time of the action that saves one quote (the request a fetcher sends).
 */

const REVIEW_ID = "demo";
const ITEMS = 5000;
const INTERVIEWS = 40;
const LOG_REQUESTS = 50;
const SAVES = 100;

// ---- A large, deterministic log ------------------------------------------------------

/** A small linear congruential generator: the same "random" log on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const OPENINGS = [
  "Selon la personne rencontrée,",
  "Les habitants expliquent que",
  "La direction reconnaît que",
  "D'après l'association,",
  "Observed at the front desk:",
  "Les agents d'accueil décrivent comment",
  "L'élue affirme que",
  "The team noted that",
];
const SUBJECTS = [
  "l'accès au logement social",
  "la formation des agents",
  "le plan local de lutte contre les discriminations",
  "l'égalité de traitement au guichet",
  "les jurys de recrutement",
  "l'interprétariat par téléphone",
  "the complaint procedure",
  "les données de suivi",
  "la coopération avec les bailleurs",
  "le conseil consultatif des résidents étrangers",
];
const CLAIMS = [
  "reste difficile pour les personnes qui ne parlent pas français",
  "a nettement progressé depuis deux ans",
  "dépend encore trop de la bonne volonté de chacun",
  "n'est évalué par aucun indicateur",
  "is known by staff but rarely used",
  "a été revu après les ateliers de quartier",
  "manque de moyens pour être étendu à tous les services",
  "fait l'objet d'un bilan annuel présenté en conseil municipal",
];
const CATEGORIES = ["city-official", "elected-official", "ngo", "migrant-organisation", "service-provider", "resident", "other"] as const;
const KINDS = ["interview-quote", "interview-quote", "interview-quote", "focus-group-note", "observation", "data"] as const;
const POLARITIES = ["supports", "mixed", "contradicts"] as const;
const AUTHORS = ["demo-peer", "demo-peer2", "demo-lead"] as const;
const FACTORS = ["kf-01", "kf-02", "kf-03", "kf-04", "kf-05", "kf-06", "kf-07", "kf-08", "kf-09", "kf-10", "kf-11"];

type LargeLogOptions = { reviewId?: string; items?: number; interviews?: number; seed?: number; prefix?: string };

/** The columns of each table a large log fills, in the order `largeLogRows` gives their values. */
const LARGE_LOG_COLUMNS = {
  interviews: ["id", "review_id", "date", "place", "format", "consent_notes", "created_by", "created_at"],
  interview_participants: ["interview_id", "role", "organisation", "category", "name"],
  evidence: ["id", "review_id", "kind", "text", "search_text", "polarity", "attribution", "interview_id", "document_id", "created_by", "created_at", "version"],
  evidence_factors: ["evidence_id", "factor_id"],
  evidence_questions: ["evidence_id", "question_id"],
} as const;
type LargeLogTable = keyof typeof LARGE_LOG_COLUMNS;

/** The rows of a large, reproducible log, table by table, in an order the foreign keys accept. */
function largeLogRows({ reviewId = REVIEW_ID, items = ITEMS, interviews = INTERVIEWS, seed = 20260316, prefix = "perf-" }: LargeLogOptions = {}) {
  const random = generator(seed);
  const start = Date.UTC(2026, 2, 16, 8, 0, 0);
  const rows: { table: LargeLogTable; values: unknown[] }[] = [];
  const interviewIds: string[] = [];
  for (let i = 0; i < interviews; i += 1) {
    const id = `${prefix}int-${String(i + 1).padStart(2, "0")}`;
    interviewIds.push(id);
    const day = 16 + (i % 3);
    const values = [id, reviewId, `2026-03-${day}`, `Lieu de rencontre ${i + 1}`, i % 4 === 0 ? "focus-group" : "interview", "Citations anonymes acceptées."];
    rows.push({ table: "interviews", values: [...values, random.pick(AUTHORS), start + i * 3_600_000] });
    const people = i % 4 === 0 ? 4 : 1;
    for (let p = 0; p < people; p += 1) {
      rows.push({ table: "interview_participants", values: [id, `Fonction ${p + 1}`, `Organisation ${i + 1}`, random.pick(CATEGORIES), null] });
    }
  }
  for (let i = 0; i < items; i += 1) {
    const id = `${prefix}ev-${String(i + 1).padStart(5, "0")}`;
    const kind = random.pick(KINDS);
    const text = `${random.pick(OPENINGS)} ${random.pick(SUBJECTS)} ${random.pick(CLAIMS)}. ${random.pick(OPENINGS)} ${random.pick(
      SUBJECTS,
    )} ${random.pick(CLAIMS)}.`;
    const attribution = kind === "observation" || kind === "data" ? "" : "une personne représentant une association";
    const interviewId = kind === "observation" || kind === "data" ? null : random.pick(interviewIds);
    const searchText = foldText(`${text}\n${attribution}`);
    rows.push({
      table: "evidence",
      values: [id, reviewId, kind, text, searchText, random.pick(POLARITIES), attribution, interviewId, null, random.pick(AUTHORS), start + i * 40_000, 1],
    });
    const factors = new Set([random.pick(FACTORS)]);
    if (random.next() < 0.5) factors.add(random.pick(FACTORS));
    if (random.next() < 0.15) factors.add(random.pick(FACTORS));
    for (const factor of factors) rows.push({ table: "evidence_factors", values: [id, factor] });
    if (random.next() < 0.3) rows.push({ table: "evidence_questions", values: [id, `${[...factors][0]}-q1`] });
  }
  return rows;
}

/**
 * Adds `interviews` interviews and `items` evidence items to a review, straight into SQLite
 * (the app's own writes are what is measured, not what is set up). Works on a running app's
 * database too: WAL lets it write while the server reads.
 */
export function fillLargeLog(sqlite: Database.Database, options: LargeLogOptions = {}) {
  const statements = Object.fromEntries(
    Object.entries(LARGE_LOG_COLUMNS).map(([table, columns]) => [
      table,
      sqlite.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`),
    ]),
  ) as Record<LargeLogTable, Database.Statement>;
  const rows = largeLogRows(options);
  sqlite.transaction(() => {
    for (const row of rows) statements[row.table].run(...row.values);
  })();
}

/** The same log through the app's database on either store, many rows per statement. */
export async function fillLargeLogOn(db: AsyncDb, options: LargeLogOptions = {}) {
  const rows = largeLogRows(options);
  await transaction(db, async (tx) => {
    for (const table of Object.keys(LARGE_LOG_COLUMNS) as LargeLogTable[]) {
      const values = rows.filter((row) => row.table === table).map((row) => row.values);
      for (let at = 0; at < values.length; at += 500) {
        const chunk = values.slice(at, at + 500).map(
          (row) =>
            sql`(${sql.join(
              row.map((value) => sql`${value}`),
              sql`, `,
            )})`,
        );
        await tx.run(sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(LARGE_LOG_COLUMNS[table].join(", "))}) VALUES ${sql.join(chunk, sql`, `)}`);
      }
    }
  });
}

/**
 * Saves one quote as the log page's fetcher does: a POST to the evidence route's data URL, as the
 * signed-in reader of `cookie`. `text` tells one quote from another.
 */
export function postQuote({ base, cookie, interviewId, text }: { base: string; cookie: string; interviewId: string; text: string }) {
  return fetch(`${base}/reviews/${REVIEW_ID}/evidence.data`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: base },
    body: new URLSearchParams({
      intent: "create",
      via: "fetcher",
      kind: "interview-quote",
      interviewId,
      text: `« ${text} » : l'accueil a changé depuis la formation.`,
      factorIds: "kf-08",
      polarity: "supports",
      attribution: "une personne représentant une association",
    }),
  });
}

// ---- Serving the production build -------------------------------------------------------

type Handler = (request: Request) => Promise<Response>;

const MIME: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** The smallest node:http adapter for a Remix request handler, plus the built client assets. */
export function serveApp(handler: Handler, clientDir: string) {
  const respond = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      if (req.method === "GET" && url.pathname !== "/") {
        const file = path.join(clientDir, path.normalize(decodeURIComponent(url.pathname)));
        if (file.startsWith(clientDir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
          res.writeHead(200, {
            "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream",
            "Cache-Control": "public, max-age=31536000, immutable",
          });
          fs.createReadStream(file).pipe(res);
          return;
        }
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else if (value !== undefined) headers.set(name, value);
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new Request(url, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        ...(hasBody ? { duplex: "half" } : {}),
      } as RequestInit);
      const response = await handler(request);
      response.headers.forEach((value, name) => {
        if (name !== "set-cookie") res.setHeader(name, value);
      });
      // All cookies at once: set one by one (as writeHead does with a list), each would replace the last.
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader("set-cookie", cookies);
      res.writeHead(response.status);
      if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    } catch (error) {
      if (res.headersSent) res.destroy(error as Error);
      else res.writeHead(500).end(String(error));
    }
  };
  // node:http ignores what a listener returns, so respond answers every failure itself.
  return http.createServer((req, res) => void respond(req, res));
}

export function listen(server: http.Server) {
  return new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export const close = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round = (value: number) => Math.round(value * 100) / 100;

/** Times `count` requests one after the other, each until its last byte is read. */
async function timeRequests(count: number, send: () => Promise<Response>) {
  const times: number[] = [];
  let last: { status: number; bytes: Buffer; type: string } | null = null;
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await send();
    const bytes = Buffer.from(await response.arrayBuffer());
    times.push(performance.now() - started);
    last = { status: response.status, bytes, type: response.headers.get("Content-Type") ?? "" };
  }
  return { median: median(times), last: last! };
}

export async function signIn(base: string, email: string) {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: "workbench-demo", redirectTo: "/reviews" }),
    headers: { Origin: base },
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("__workbench_session="));
  if (!cookie) throw new Error(`Signing in as ${email} failed (${response.status})`);
  return cookie.split(";")[0]!;
}

// ---- In the browser ------------------------------------------------------------------

/**
 * Time from choosing a factor in the log's filter (or clicking a column's sort button) until
 * the table shows the new view, in Chromium. The page must show the evidence log, signed in.
 */
export async function measureBrowserViewChange(page: Page, { rounds = 6 }: { rounds?: number } = {}) {
  const samples: { filterMs: number; sortMs: number }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const factor = `kf-0${(round % 9) + 1}`;
    const filterMs = await page.evaluate(async (value) => {
      const select = document.querySelector<HTMLSelectElement>('select[name="factor"]')!;
      const table = document.querySelector("#evidence-log-caption")!.closest("table")!;
      const started = performance.now();
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          const rows = [...table.querySelectorAll("tbody tr")];
          if (location.search.includes(`factor=${value}`) && !table.hasAttribute("aria-busy") && rows.length) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(table, { childList: true, subtree: true, attributes: true });
      });
      select.value = value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await changed;
      // Until the rows are on screen, not only in the DOM: a task queued from the next animation
      // frame's callback runs after that frame, which holds the change, is painted.
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - started;
    }, factor);
    await page.locator("table[aria-busy]").waitFor({ state: "detached" });
    // The first click on a column sorts it ascending, the next one descending.
    const expected = round % 2 === 0 ? "ascending" : "descending";
    const sortMs = await page.evaluate(async (wanted) => {
      const header = [...document.querySelectorAll<HTMLButtonElement>("th .sort-button")].find((button) => button.value.startsWith("kind."))!;
      const th = header.closest("th")!;
      const table = th.closest("table")!;
      const started = performance.now();
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          const sorted = document.querySelector<HTMLElement>("th[aria-sort] .sort-button[value^='kind.']")?.closest("th")?.getAttribute("aria-sort");
          if (sorted === wanted && !table.hasAttribute("aria-busy")) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(table, { childList: true, subtree: true, attributes: true });
      });
      header.click();
      await changed;
      // Until the rows are on screen, not only in the DOM: a task queued from the next animation
      // frame's callback runs after that frame, which holds the change, is painted.
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - started;
    }, expected);
    await page.locator("table[aria-busy]").waitFor({ state: "detached" });
    samples.push({ filterMs, sortMs });
  }
  // The first round warms caches and compiles code paths; it is left out.
  const kept = samples.slice(1);
  return { filterMs: round(median(kept.map((s) => s.filterMs))), sortMs: round(median(kept.map((s) => s.sortMs))) };
}

export async function signInInBrowser(page: Page, base: string, email: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/email|adresse/i).fill(email);
  await page.getByLabel(/password|mot de passe/i).fill("workbench-demo");
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login")), page.locator("form[data-login] button[type=submit]").click()]);
}

/** The production server (remix-serve, as `npm start` runs it) on a free port, in a child process. */
export async function startRemixServe(root: string, env: NodeJS.ProcessEnv) {
  const port = await new Promise<number>((resolve) => {
    const probe = http.createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const cli = path.join(root, "node_modules/@remix-run/serve/dist/cli.js");
  const child = spawn(process.execPath, [cli, "build/server/index.js"], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error("remix-serve did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill();
    });
  return { base, stop };
}

// ---- The benchmark -------------------------------------------------------------------

export type EvidenceFigures = { evidenceLogMs: number; bareMs: number; ratio: number; saveQuoteMs: number; items: number };
export type BrowserFigures = { browserFilterMs: number; browserSortMs: number; items: number };

/** The log's figures on a review of `items` generated items: the server's, then Chromium's (null when Chromium could not run). */
export async function runEvidencePerf({ items = ITEMS }: { items?: number } = {}): Promise<{ server: EvidenceFigures; browser: BrowserFigures | null }> {
  const root = process.cwd();
  const serverBuild = ensureServerBuild("evidence perf");
  const { dir, restore } = enterPerfEnvironment("workbench-evidence-perf-");
  const global = globalThis as { __workbenchDb?: { $client: Database.Database }; __workbenchAsyncDb?: unknown };
  let browser: Browser | undefined;
  let served: Awaited<ReturnType<typeof startRemixServe>> | undefined;
  const servers: http.Server[] = [];
  try {
    const setup = await seededPerfDatabase();
    const started = performance.now();
    fillLargeLog(setup.$client, { items, interviews: Math.max(INTERVIEWS, Math.round(items / 125)) });
    const counted = setup.$client.prepare("SELECT COUNT(*) AS n FROM evidence WHERE review_id = ? AND id LIKE 'perf-ev-%'").get(REVIEW_ID) as { n: number };
    setup.$client.pragma("wal_checkpoint(TRUNCATE)");
    setup.$client.close();
    console.log(`evidence perf: ${counted.n} generated items (+ the demo's own), set up in ${Math.round(performance.now() - started)} ms`);

    const { createRequestHandler } = await import("@remix-run/node");
    // A copy of the build's module of its own (the query makes it another module): a copy imported
    // by an earlier run holds that run's database handle, closed since.
    const build = await import(`${pathToFileURL(serverBuild).href}?run=${path.basename(dir)}`);
    const app = serveApp(createRequestHandler(build, "production"), path.join(root, "build/client"));
    servers.push(app);
    const base = await listen(app);
    const cookie = await signIn(base, "peer@demo.test");
    const logUrl = `${base}/reviews/${REVIEW_ID}/evidence`;

    let browserFigures: BrowserFigures | null = null;
    // Warm up the server (JIT, statement cache) and the client's keep-alive connection.
    await timeRequests(10, () => fetch(logUrl, { headers: { Cookie: cookie } }));
    const log = await timeRequests(LOG_REQUESTS, () => fetch(logUrl, { headers: { Cookie: cookie } }));
    if (log.last.status !== 200) throw new Error(`The evidence log answered ${log.last.status}`);

    const page = log.last.bytes;
    const bare = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": log.last.type, "Content-Length": page.length });
      res.end(page);
    });
    servers.push(bare);
    const bareBase = await listen(bare);
    await timeRequests(10, () => fetch(bareBase));
    const bareRun = await timeRequests(LOG_REQUESTS, () => fetch(bareBase));

    // Saving a quote as the page's fetcher does: a POST to the route's data URL.
    let n = 0;
    const save = () => postQuote({ base, cookie, interviewId: "perf-int-07", text: `Citation de mesure n° ${++n}` });
    await timeRequests(5, save);
    const saves = await timeRequests(SAVES, save);
    if (saves.last.status !== 200 || !saves.last.bytes.toString().includes("create")) {
      throw new Error(`Saving a quote answered ${saves.last.status}: ${saves.last.bytes.toString().slice(0, 200)}`);
    }

    const evidenceLogMs = round(log.median);
    const bareMs = round(bareRun.median);
    const saveQuoteMs = round(saves.median);
    console.log(
      `evidence perf: log page ${(page.length / 1024).toFixed(
        0,
      )} KiB, median of ${LOG_REQUESTS}: ${evidenceLogMs} ms; bare node:http, same bytes: ${bareMs} ms; ratio ${round(evidenceLogMs / bareMs)}`,
    );
    console.log(`evidence perf: saving one quote, median of ${SAVES}: ${saveQuoteMs} ms`);

    // In Chromium: a filter and a sort applied to the whole log, served as `npm start` serves
    // it (remix-serve in a process of its own), so the browser's figures do not include this
    // process driving Chromium on the same event loop as the server.
    try {
      served = await startRemixServe(root, process.env);
      const { chromium } = await import("playwright-core");
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
      const tab = await browser.newPage();
      const problems: string[] = [];
      tab.on("pageerror", (error) => problems.push(error.message));
      tab.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      await signInInBrowser(tab, served.base, "peer@demo.test");
      await tab.goto(`${served.base}/reviews/${REVIEW_ID}/evidence`);
      await tab.locator("html[data-hydrated]").waitFor({ state: "attached" });
      // The page reads its copy of the whole log once it runs; views are then worked out in the browser.
      const copyStarted = performance.now();
      const copied = await tab
        .locator('.data-table[data-source="browser"]')
        .waitFor({ state: "attached", timeout: 60_000 })
        .then(
          () => true,
          () => false,
        );
      console.log(
        copied
          ? `evidence perf: the page's copy of the ${items}-item log ready ${Math.round(performance.now() - copyStarted)} ms after hydration`
          : "evidence perf: the page holds no copy of the log; each view asks the server",
      );
      let timer: ReturnType<typeof setTimeout> | undefined;
      const view = await Promise.race([
        measureBrowserViewChange(tab),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within 60 s ${problems.join("; ")}`)), 60_000);
        }),
      ]).finally(() => clearTimeout(timer));
      console.log(
        `evidence perf: in Chromium on ${items} items, filter by factor ${view.filterMs} ms, sort by column ${view.sortMs} ms (median, until the table shows the new view)`,
      );
      browserFigures = { browserFilterMs: view.filterMs, browserSortMs: view.sortMs, items };
    } catch (error) {
      console.log(`evidence perf: browser figure not measured (${(error as Error).message.split("\n")[0]})`);
    }

    return { server: { evidenceLogMs, bareMs, ratio: round(evidenceLogMs / bareMs), saveQuoteMs, items }, browser: browserFigures };
  } finally {
    await browser?.close();
    await served?.stop();
    for (const server of servers) {
      server.closeAllConnections();
      await close(server);
    }
    // Leave no handle behind for whatever runs next in this process.
    global.__workbenchDb?.$client.close();
    delete global.__workbenchDb;
    // Its asynchronous face too: the next copy of the build must open both on its own database.
    delete global.__workbenchAsyncDb;
    restore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
