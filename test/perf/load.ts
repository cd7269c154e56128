import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type Database from "better-sqlite3";
import { ensureServerBuild, enterPerfEnvironment, seededPerfDatabase } from "./app-environment";
import { fillLargeLog, median, postQuote, round, signIn } from "./evidence";

/**
 * A whole peer team at once, and a crash: the production server (remix-serve, as `npm start`
 * runs it, in a process of its own) on the 5,000-item demo log. Prints figures; asserts nothing.
 *
 * - writers: 50 reviewers each saving quotes one after another with no pause, for WRITE_SECONDS;
 *   savesPerS, the p50/p95 of each save's time, and errors (any answer but 200, or no answer);
 * - restartMs: after the server is killed (SIGKILL), from starting it again until /healthz answers.
 */

const WRITERS = 50;
const WRITE_SECONDS = 10;
const ACCOUNTS = ["peer@demo.test", "peer2@demo.test", "lead@demo.test"];

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = http.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function spawnServer(root: string, port: number): ChildProcess {
  const cli = path.join(root, "node_modules/@remix-run/serve/dist/cli.js");
  return spawn(process.execPath, [cli, "build/server/index.js"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
}

/** Milliseconds from now until /healthz answers 200 (polled every 5 ms). */
async function untilHealthy(base: string, child: ChildProcess, started: number) {
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return performance.now() - started;
    if (child.exitCode !== null || performance.now() - started > 60_000) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function kill(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

function percentile(values: number[], share: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

export async function runLoadPerf(): Promise<{
  writers: { writers: number; savesPerS: number; p50Ms: number; p95Ms: number; errors: number };
  restart: { restartMs: number };
}> {
  const root = process.cwd();
  ensureServerBuild("load perf");
  const { dir, restore } = enterPerfEnvironment("workbench-load-perf-");
  let server: ChildProcess | undefined;
  try {
    const setup = await seededPerfDatabase();
    fillLargeLog(setup.$client);
    setup.$client.pragma("wal_checkpoint(TRUNCATE)");
    (setup.$client as Database.Database).close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawnServer(root, port);
    await untilHealthy(base, server, performance.now());
    const cookies = await Promise.all(ACCOUNTS.map((email) => signIn(base, email)));

    // 50 writers, each saving one quote after another for WRITE_SECONDS.
    const times: number[] = [];
    let errors = 0;
    let counter = 0;
    const until = performance.now() + WRITE_SECONDS * 1000;
    const writer = async (index: number) => {
      const cookie = cookies[index % cookies.length]!;
      while (performance.now() < until) {
        const number = ++counter;
        const started = performance.now();
        try {
          const response = await postQuote({
            base,
            cookie,
            interviewId: `perf-int-${String((number % 40) + 1).padStart(2, "0")}`,
            text: `Citation ${number} du relecteur ${index + 1}`,
          });
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        times.push(performance.now() - started);
      }
    };
    const began = performance.now();
    await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
    const elapsed = (performance.now() - began) / 1000;
    const writers = {
      writers: WRITERS,
      savesPerS: round(times.length / elapsed),
      p50Ms: round(median(times)),
      p95Ms: round(percentile(times, 0.95)),
      errors,
    };
    console.log(
      `load perf: ${WRITERS} writers for ${WRITE_SECONDS} s: ${times.length} saves, ${writers.savesPerS}/s, p50 ${writers.p50Ms} ms, p95 ${writers.p95Ms} ms, p99 ${round(percentile(times, 0.99))} ms, ${errors} errors`,
    );

    // A crash, then a start: the time a reviewer waits before the app answers again.
    const restarts: number[] = [];
    for (let round_ = 0; round_ < 5; round_ += 1) {
      await kill(server, "SIGKILL");
      const started = performance.now();
      server = spawnServer(root, port);
      restarts.push(await untilHealthy(base, server, started));
    }
    const restartMs = round(median(restarts));
    console.log(`load perf: restart after SIGKILL until /healthz answers, median of ${restarts.length}: ${restartMs} ms`);
    return { writers, restart: { restartMs } };
  } finally {
    if (server) await kill(server);
    restore();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
