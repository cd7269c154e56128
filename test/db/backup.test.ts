import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase } from "#db/backup";
import { asyncDbOf } from "#db/async-db";
import { createDb, migrateDb } from "#db/client";
import { seedDemo } from "#db/seed/index";
import { fillLargeLog } from "../perf/evidence";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "workbench-backup-"));

async function liveDatabase(dir: string) {
  const db = createDb(path.join(dir, "live.sqlite"));
  migrateDb(db);
  await seedDemo(asyncDbOf(db));
  // A few thousand pages: a copy made a hundred pages at a time would take many steps.
  fillLargeLog(db.$client, { items: 3000, interviews: 10 });
  return db;
}

describe("db:backup", () => {
  it("finishes while another connection saves steadily, with a consistent copy and no stray files", async () => {
    const dir = tempDir();
    const db = await liveDatabase(dir);
    // The app's server is another connection: it saves every millisecond or so throughout the copy.
    const before = db.$client.prepare("SELECT executive_summary FROM reviews WHERE id = 'demo'").pluck().get();
    const writer = new Database(db.$client.name);
    writer.pragma("busy_timeout = 5000");
    const save = writer.prepare("UPDATE reviews SET executive_summary = ? WHERE id = 'demo'");
    let saves = 0;
    const saving = setInterval(() => save.run(`save ${++saves}`), 1);
    const target = path.join(dir, "copy.sqlite");
    try {
      await backupDatabase(db, target, { timeLimitMs: 15_000 });
    } finally {
      clearInterval(saving);
      writer.close();
    }
    expect(saves).toBeGreaterThan(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.prepare("SELECT count(*) FROM evidence WHERE id LIKE 'perf-ev-%'").pluck().get()).toBe(3000);
    // The copy holds one of the saves (or the summary from before the first), whole.
    const kept = copy.prepare("SELECT executive_summary FROM reviews WHERE id = 'demo'").pluck().get() as string;
    expect([before, ...Array.from({ length: saves }, (_, i) => `save ${i + 1}`)]).toContain(kept);
    copy.close();
    expect(fs.readdirSync(dir).sort()).toEqual(["copy.sqlite", "live.sqlite", "live.sqlite-shm", "live.sqlite-wal"]);
    db.$client.close();
  });

  it("gives up at its time limit and leaves nothing behind", async () => {
    const dir = tempDir();
    const db = await liveDatabase(dir);
    const target = path.join(dir, "copy.sqlite");
    await expect(backupDatabase(db, target, { timeLimitMs: 1 })).rejects.toThrow("The backup did not finish within 0 s; nothing was written.");
    expect(fs.readdirSync(dir).sort()).toEqual(["live.sqlite", "live.sqlite-shm", "live.sqlite-wal"]);
    db.$client.close();
  });
});
