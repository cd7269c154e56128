import { defineConfig } from "vitest/config";

// The PostgreSQL half of the model and route suites: the same files as vitest.config.ts runs on
// SQLite, each on a database of its own on TEST_DATABASE_URL's server (test/pg-store.ts).
export default defineConfig({
  test: {
    include: ["test/models/**/*.test.ts", "test/routes/**/*.test.ts"],
    exclude: ["node_modules/**"],
    globalSetup: ["test/pg-global-setup.ts"],
    setupFiles: ["test/setup-pg.ts"],
    env: { TEST_STORE: "pg" },
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
