import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import "./setup-console";

// Each test file runs in its own process with its own in-memory database and upload folder.
process.env.NODE_ENV = "test";
process.env.DATABASE_PATH = ":memory:";
process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-123";
process.env.UPLOADS_PATH = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-uploads-"));
