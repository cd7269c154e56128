/**
 * The evidence log page in process, as decision 0036 profiled it: the production build's request
 * handler, no HTTP, 50 requests to warm up, then N (200) timed, signed in as a peer.
 * Prints the median wall and CPU time per page. `PROFILE=file.cpuprofile` records V8's CPU
 * profile of the timed requests (0.1 ms sampling); `OUT=file.html` keeps the last page;
 * `ITEMS`, `N`, `QS` (e.g. `?lang=fr`). Run from a worktree with a build: `npx tsx test/perf/profile-log.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { pathToFileURL } from "node:url";
import { ensureServerBuild, enterPerfEnvironment, seededPerfDatabase } from "./app-environment";
import { fillLargeLog, median } from "./evidence";

const items = Number(process.env.ITEMS ?? 5000);
const N = Number(process.env.N ?? 200);
const serverBuild = ensureServerBuild("profile");
enterPerfEnvironment("workbench-render-prof-");
const setup = await seededPerfDatabase();
fillLargeLog(setup.$client, { items, interviews: Math.max(40, Math.round(items / 125)) });
setup.$client.pragma("wal_checkpoint(TRUNCATE)");
setup.$client.close();
const { createRequestHandler } = await import("@remix-run/node");
const build = await import(pathToFileURL(serverBuild).href);
const handler = createRequestHandler(build, "production");
const base = "http://127.0.0.1:3450";
const login = await handler(
  new Request(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: "peer@demo.test", password: "workbench-demo", redirectTo: "/reviews" }),
    headers: { Origin: base, Host: "127.0.0.1:3450" },
  }),
);
const cookie = login.headers
  .getSetCookie()
  .find((c) => c.startsWith("__workbench_session="))!
  .split(";")[0]!;
const url = `${base}/reviews/demo/evidence${process.env.QS ?? ""}`;
const lang = process.env.LANG_COOKIE ? `; lang=${process.env.LANG_COOKIE}` : "";
async function once() {
  const started = performance.now();
  const response = await handler(new Request(url, { headers: { Cookie: cookie + lang, Host: "127.0.0.1:3450" } }));
  const bytes = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - started, bytes, status: response.status };
}
for (let i = 0; i < 50; i += 1) await once();
const session = new Session();
if (process.env.PROFILE) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
}
const times: number[] = [];
const cpuStart = process.cpuUsage();
let last = await once();
for (let i = 0; i < N; i += 1) {
  last = await once();
  times.push(last.ms);
}
const cpu = process.cpuUsage(cpuStart);
if (process.env.PROFILE) {
  const { profile } = await session.post("Profiler.stop");
  fs.writeFileSync(process.env.PROFILE, JSON.stringify(profile));
}
if (process.env.OUT) fs.writeFileSync(process.env.OUT, last.bytes);
console.log(
  JSON.stringify({
    status: last.status,
    kib: Math.round(last.bytes.length / 102.4) / 10,
    medianMs: Math.round(median(times) * 100) / 100,
    cpuMs: Math.round((cpu.user + cpu.system) / N / 10) / 100,
    n: N,
    items,
    cwd: path.basename(process.cwd()),
  }),
);
process.exit(0);
