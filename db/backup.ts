import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Db } from "./client";

/**
 * Copies a live database with SQLite's online backup API (safe while the app writes),
 * into a temporary file renamed into place only once it checks out, so a failed backup
 * never leaves a half-written file under the target name.
 */
export async function backupDatabase(db: Db, target: string) {
  const destination = path.resolve(target);
  if (fs.existsSync(destination)) throw new Error(`Backup target "${target}" already exists; choose another name.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  try {
    await db.$client.backup(partial);
    const copy = new Database(partial, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`Backup failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, destination);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return destination;
}
