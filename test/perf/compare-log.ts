/**
 * Before and after on a busy machine: the evidence log page from several production builds
 * (`BUILDS`, comma-separated worktrees, each with its node_modules and build) loaded in one
 * process on one database, in blocks of BLOCK requests alternating for ROUNDS rounds, so the
 * other work on the machine weighs on each build alike. Prints each build's median wall and CPU
 * time per page and its size. `ITEMS`, `QS` (e.g. `?lang=fr`), `EMAIL` as in profile-log.ts.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { enterPerfEnvironment, seededPerfDatabase } from "./app-environment";
import { fillLargeLog, median } from "./evidence";

const items = Number(process.env.ITEMS ?? 5000);
const rounds = Number(process.env.ROUNDS ?? 15);
const block = Number(process.env.BLOCK ?? 20);
const dirs = (process.env.BUILDS ?? "/work/wt/render-base,/work/wt/render").split(",");
enterPerfEnvironment("workbench-render-cmp-");
const setup = await seededPerfDatabase();
fillLargeLog(setup.$client, { items, interviews: Math.max(40, Math.round(items / 125)) });
setup.$client.pragma("wal_checkpoint(TRUNCATE)");
setup.$client.close();
const base = "http://127.0.0.1:3450";
const url = `${base}/reviews/demo/evidence${process.env.QS ?? ""}`;
const lang = process.env.LANG_COOKIE ? `; lang=${process.env.LANG_COOKIE}` : "";
const runners = [];
for (const dir of dirs) {
  const { createRequestHandler } = await import(pathToFileURL(path.join(dir, "node_modules/@remix-run/node/dist/index.js")).href);
  const build = await import(pathToFileURL(path.join(dir, "build/server/index.js")).href);
  const handler = createRequestHandler(build, "production");
  const login = await handler(
    new Request(`${base}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: process.env.EMAIL ?? "peer@demo.test", password: "workbench-demo", redirectTo: "/reviews" }),
      headers: { Origin: base, Host: "127.0.0.1:3450" },
    }),
  );
  const cookie = login.headers
    .getSetCookie()
    .find((c: string) => c.startsWith("__workbench_session="))!
    .split(";")[0]!;
  const once = async () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const response = await handler(new Request(url, { headers: { Cookie: cookie + lang, Host: "127.0.0.1:3450" } }));
    const bytes = Buffer.from(await response.arrayBuffer());
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, size: bytes.length, status: response.status };
  };
  for (let i = 0; i < 50; i += 1) await once();
  runners.push({ dir: path.basename(dir), once, ms: [] as number[], cpu: [] as number[], size: 0, status: 0 });
}
for (let r = 0; r < rounds; r += 1) {
  for (const runner of r % 2 ? [...runners].reverse() : runners) {
    for (let i = 0; i < block; i += 1) {
      const { ms, cpuMs, size, status } = await runner.once();
      runner.ms.push(ms);
      runner.cpu.push(cpuMs);
      runner.size = size;
      runner.status = status;
    }
  }
}
for (const r of runners)
  console.log(
    JSON.stringify({
      build: r.dir,
      status: r.status,
      bytes: r.size,
      medianMs: Math.round(median(r.ms) * 100) / 100,
      medianCpuMs: Math.round(median(r.cpu) * 100) / 100,
      n: r.ms.length,
    }),
  );
process.exit(0);
