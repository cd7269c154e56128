import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { damageTable, demoDatabaseFile } from "../db/damage";

// `npm start` refuses bad settings with one line naming the problem and a non-zero exit.
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "workbench-start-"));

describe("npm start with bad settings", () => {
  it("names an unwritable database path", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "file"), "");
    const { status, stderr } = start({ DATABASE_PATH: path.join(dir, "file", "db.sqlite") });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: Database folder ".*file" cannot be created or written/);
  });

  it("names a bad variable", () => {
    const { status, stderr } = start({ DATABASE_PATH: path.join(tempDir(), "db.sqlite"), PORT: "eighty" });
    expect(status).toBe(1);
    expect(stderr).toBe('error: Invalid environment: PORT Invalid input: expected number, received NaN (got "eighty")');
  });

  it("requires a session secret in production, and writes nothing", () => {
    const dir = tempDir();
    const { status, stderr } = start({ NODE_ENV: "production", DATABASE_PATH: path.join(dir, "db.sqlite") });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^error: Invalid environment: SESSION_SECRET is required when NODE_ENV=production/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("says when the port is taken", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    const { port } = server.address() as net.AddressInfo;
    fs.mkdirSync("build/server", { recursive: true });
    const hadBuild = fs.existsSync("build/server/index.js");
    if (!hadBuild) fs.writeFileSync("build/server/index.js", "");
    try {
      const { status, stderr } = start({ DATABASE_PATH: path.join(tempDir(), "db.sqlite"), PORT: String(port) });
      expect(status).toBe(1);
      expect(stderr).toBe(`error: port ${port} is already in use; stop the other program or set PORT.`);
    } finally {
      if (!hadBuild) fs.rmSync("build/server/index.js");
      server.close();
    }
  });
});

describe("npm start with a damaged database", () => {
  it("refuses to start, in one line naming the file", async () => {
    const file = await demoDatabaseFile(path.join(tempDir(), "db.sqlite"));
    damageTable(file, "evidence");
    const { status, stderr } = start({ DATABASE_PATH: file });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: Database ".*db\.sqlite" is damaged \(.+\); restore the latest backup/);
  });
});

describe("npm start when its server dies", () => {
  it("exits non-zero and names the signal that killed the server", async () => {
    // A folder laid out as the app's: the real migrations, and a server build that is killed
    // by a signal as soon as remix-serve loads it (as the OOM killer or `kill -9` would).
    const root = tempDir();
    fs.symlinkSync(path.resolve("db"), path.join(root, "db"));
    fs.mkdirSync(path.join(root, "build/server"), { recursive: true });
    fs.writeFileSync(path.join(root, "build/server/index.js"), 'process.kill(process.pid, "SIGKILL");\n');
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    // tsx by file URL: the folder has no node_modules of its own.
    const tsx = pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href;
    const result = spawnSync(process.execPath, ["--import", tsx, path.resolve("scripts/start.ts")], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATABASE_PATH: path.join(root, "data/db.sqlite"),
        PORT: String(port),
        HOST: "127.0.0.1",
      } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.status).toBe(128 + os.constants.signals.SIGKILL);
    expect(result.stderr.trim()).toBe("error: the server was killed by SIGKILL");
  });
});
