import fs from "node:fs";
import Database from "better-sqlite3";
import { asyncDbOf } from "#db/async-db";
import { createDb, migrateDb } from "#db/client";
import { seedDemo } from "#db/seed/index";

/** A working database file with the demo review, everything folded into the main file. */
export async function demoDatabaseFile(file: string) {
  const db = createDb(file);
  migrateDb(db);
  await seedDemo(asyncDbOf(db));
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return file;
}

/**
 * Overwrites every page of one table with garbage, as a failing disk or a bad copy would: the
 * file's header and its schema stay valid, so SQLite opens it without complaint.
 */
export function damageTable(file: string, table: string) {
  const sqlite = new Database(file);
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  const pages = sqlite.prepare("SELECT pageno FROM dbstat WHERE name = ?").pluck().all(table) as number[];
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  if (pages.length === 0) throw new Error(`table ${table} has no pages`);
  const fd = fs.openSync(file, "r+");
  try {
    for (const page of pages) fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return pages.length;
}
