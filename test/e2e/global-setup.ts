import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { E2E_DIR, TEMPLATE_DB } from "./paths";

/** Builds the app once and prepares a seeded database that each test file copies. */
export default function setup() {
  fs.rmSync(E2E_DIR, { recursive: true, force: true });
  fs.mkdirSync(E2E_DIR, { recursive: true });
  execFileSync("npx", ["remix", "vite:build"], { stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("npx", ["tsx", "db/seed-cli.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_PATH: TEMPLATE_DB, NODE_ENV: "development" },
  });
  // Fold the WAL into the main file so a plain copy carries everything.
  execFileSync("node", [
    "-e",
    `const D=require("better-sqlite3");const d=new D(${JSON.stringify(TEMPLATE_DB)});d.pragma("wal_checkpoint(TRUNCATE)");d.pragma("journal_mode=DELETE");d.close()`,
  ]);
}
