import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkDatabase, createDb, type Db } from "#db/client";
import { damageTable, demoDatabaseFile } from "../db/damage";

/*
 * /healthz answers for the database the app serves: 200 only when it can be read and written.
 * Each test opens its own file as the app's handle and loads the route afresh.
 */
const tempFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "workbench-health-")), name);

let handle: Db | undefined;
async function healthz(db: Db) {
  vi.resetModules();
  handle = db;
  globalThis.__workbenchDb = db;
  const { loader } = await import("#app/routes/healthz");
  const response = await loader();
  return { status: response.status, text: await response.text(), headers: response.headers };
}

afterEach(() => {
  handle?.$client.close();
  handle = undefined;
  delete globalThis.__workbenchDb;
});

describe("/healthz", () => {
  it("says ok for a database it can read and write", async () => {
    const outcome = await healthz(createDb(await demoDatabaseFile(tempFile("ok.sqlite"))));
    expect(outcome).toMatchObject({ status: 200, text: "ok\n" });
    expect(outcome.headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers 503 when the tables' pages are damaged behind a valid header", async () => {
    const file = await demoDatabaseFile(tempFile("damaged.sqlite"));
    damageTable(file, "evidence");
    const outcome = await healthz(createDb(file));
    expect(outcome.status).toBe(503);
    expect(outcome.text).toMatch(/^database cannot be read: SQLITE_CORRUPT/);
  });

  it("answers 503 when the database cannot grow any more", async () => {
    const db = createDb(await demoDatabaseFile(tempFile("full.sqlite")));
    db.$client.pragma(`max_page_count = ${db.$client.pragma("page_count", { simple: true }) as number}`);
    const outcome = await healthz(db);
    expect(outcome.status).toBe(503);
    expect(outcome.text).toBe("database cannot be written: the database has reached its size limit (max_page_count)\n");
  });
});

describe("the start-up check", () => {
  it("passes a sound database and names a damaged one in one line", async () => {
    const file = await demoDatabaseFile(tempFile("start.sqlite"));
    const sound = createDb(file);
    expect(() => checkDatabase(sound, file)).not.toThrow();
    sound.$client.close();
    damageTable(file, "evidence");
    const damaged = createDb(file);
    expect(() => checkDatabase(damaged, file)).toThrow(/^Database ".*start\.sqlite" is damaged \(.+\); restore the latest backup/);
    let message = "";
    try {
      checkDatabase(damaged, file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toHaveLength(1);
    damaged.$client.close();
  });
});
