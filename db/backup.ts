import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Db } from "./client";

const require = createRequire(import.meta.url);

/** Ten minutes: a 100 MB database copies in about a second. */
export const BACKUP_TIME_LIMIT_MS = 10 * 60_000;

/*
 * Runs in a worker thread, on a connection of its own: SQLite's online backup API with every
 * page in one step. A copy made in small steps starts over whenever another connection writes
 * between two steps, so under steady saves it never ends; one step holds a read snapshot
 * (WAL lets the app keep writing meanwhile) and always ends. The copy is then switched out of WAL
 * mode, so no -wal or -shm file goes with it, and checked.
 */
const COPY = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
(async () => {
  const source = new Database(workerData.source, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(workerData.partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(workerData.partial);
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error("Backup failed its integrity check: " + String(check));
  } finally {
    copy.close();
  }
  parentPort.postMessage("done");
})().catch((error) => parentPort.postMessage({ error: error.message }));
`;

function removeCopy(partial: string) {
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(file, { force: true });
}

/**
 * Copies a live database into `target` in one consistent step, safe while the app writes, within
 * `timeLimitMs`. The copy is written beside the target and renamed into place only once it checks
 * out, so a failed or timed-out backup leaves nothing behind, under the target's name or any other.
 */
export async function backupDatabase(db: Db, target: string, { timeLimitMs = BACKUP_TIME_LIMIT_MS }: { timeLimitMs?: number } = {}) {
  const destination = path.resolve(target);
  if (fs.existsSync(destination)) throw new Error(`Backup target "${target}" already exists; choose another name.`);
  const source = db.$client.name;
  if (db.$client.memory) throw new Error("An in-memory database cannot be backed up.");
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  removeCopy(partial);
  const worker = new Worker(COPY, { eval: true, workerData: { driver: require.resolve("better-sqlite3"), source: path.resolve(source), partial } });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`The backup did not finish within ${Math.round(timeLimitMs / 1000)} s; nothing was written.`)), timeLimitMs);
      worker.once("message", (message: "done" | { error: string }) => (message === "done" ? resolve() : reject(new Error(message.error))));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`The backup stopped (exit code ${code}).`)));
    });
    fs.renameSync(partial, destination);
  } catch (error) {
    await worker.terminate();
    removeCopy(partial);
    throw error;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
  return destination;
}
