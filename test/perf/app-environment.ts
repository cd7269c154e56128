import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Builds the app once if there is no server build, as `npm start` would. */
export function ensureServerBuild(label: string): string {
  const serverBuild = path.join(process.cwd(), "build/server/index.js");
  if (!fs.existsSync(serverBuild)) {
    console.log(`${label}: no build found, building the app…`);
    const built = spawnSync("npx", ["remix", "vite:build"], { stdio: ["ignore", "ignore", "inherit"] });
    if (built.status !== 0) throw new Error("The build failed.");
  }
  return serverBuild;
}

/**
 * A throwaway production environment (database, uploads, secret, demo) in a fresh folder. Set it
 * before any app module is imported: the database handle and the environment are read once.
 * `restore()` puts the caller's environment back.
 */
export function enterPerfEnvironment(prefix: string): { dir: string; restore: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: "production",
    DATABASE_PATH: path.join(dir, "workbench.sqlite"),
    UPLOADS_PATH: path.join(dir, "uploads"),
    SESSION_SECRET: "perf-session-secret-that-is-long-enough-0123456789",
    DEMO: "1",
  });
  return {
    dir,
    restore() {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    },
  };
}

/** The demo database a scenario starts from, migrated and seeded, at DATABASE_PATH (set by enterPerfEnvironment). */
export async function seededPerfDatabase() {
  const { createDb, migrateDb } = await import("#db/client");
  const { seedDemo } = await import("#db/seed/index");
  const { asyncDbOf } = await import("#db/async-db");
  const setup = createDb(process.env.DATABASE_PATH!);
  migrateDb(setup);
  await seedDemo(asyncDbOf(setup));
  return setup;
}
