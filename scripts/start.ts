import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import { createRequire } from "node:module";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "#db/seed/index";
import { describeStore, prepareDatabase } from "./prepare-db";

/**
 * `npm start`: checks the environment, migrates (and seeds an empty database with the demo
 * review), builds if there is no build, checks the port, then hands over to remix-serve.
 * Every failure is one line naming the problem, and a non-zero exit.
 */
const require = createRequire(import.meta.url);

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
try {
  // A corrupt framework file stops here with its one-line explanation, before anything starts.
  await import("#benchmark/index");
  prepared = await prepareDatabase();
} catch (error) {
  fail((error as Error).message);
}
const { env, seeded } = prepared;

if (!fs.existsSync("build/server/index.js")) {
  console.log("No build found: building the app (about a minute)…");
  const build = spawnSync(process.execPath, [require.resolve("@remix-run/dev/dist/cli.js"), "vite:build"], { stdio: "inherit" });
  if (build.status !== 0) fail("the build failed (see above).");
}

await new Promise<void>((resolve) => {
  const probe = net.createServer();
  probe.once("error", (error: NodeJS.ErrnoException) => {
    fail(
      error.code === "EADDRINUSE"
        ? `port ${env.PORT} is already in use; stop the other program or set PORT.`
        : `cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`,
    );
  });
  probe.listen(env.PORT, env.HOST, () => probe.close(() => resolve()));
});

const url = `http://localhost:${env.PORT}`;
console.log(`\nBenchmark workbench on ${url}  (database: ${describeStore(env)}${seeded ? ", demo review loaded" : ""})`);
if (env.seedDemo) {
  console.log(`Demo accounts, password "${DEMO_PASSWORD}":`);
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.email.padEnd(20)} ${account.role ?? (account.isAdmin ? "administrator" : "member of no review")}`);
  }
  console.log(`The demo review: ${url}/reviews/demo\n`);
}

/**
 * The server always runs React's production build. When the operator has not said
 * NODE_ENV=production this is a local trial: the demo accounts stay on and, without a
 * SESSION_SECRET, a random one is kept beside the database so sessions survive restarts.
 */
function serverEnv(): NodeJS.ProcessEnv {
  const local = env.NODE_ENV !== "production";
  if (!local) return { ...process.env, PORT: String(env.PORT), HOST: env.HOST };
  let secret = process.env.SESSION_SECRET;
  if (!secret) {
    const file = path.join(path.dirname(path.resolve(env.DATABASE_PATH)), ".session-secret");
    // On PostgreSQL no SQLite file has made the folder yet.
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
    secret = fs.readFileSync(file, "utf8").trim();
  }
  return { ...process.env, NODE_ENV: "production", SESSION_SECRET: secret, DEMO: process.env.DEMO ?? "1", PORT: String(env.PORT), HOST: env.HOST };
}

const server = spawn(process.execPath, [require.resolve("@remix-run/serve/dist/cli.js"), "build/server/index.js"], {
  stdio: "inherit",
  env: serverEnv(),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
// A server killed by a signal (kill -9, the OOM killer) is a failure: a supervisor set to restart
// on failure must see one, so exit as a shell reports it, 128 + the signal's number, and name it.
server.on("exit", (code, signal) => {
  if (signal) {
    console.error(`error: the server was killed by ${signal}`);
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
});
