import { defineConfig } from "vitest/config";

// The PostgreSQL half of the model and route suites: the same files as vitest.config.ts runs on
// SQLite, each on a database of its own on TEST_DATABASE_URL's server (test/pg-store.ts).
export default defineConfig({
  test: {
    include: ["test/models/**/*.test.ts", "test/routes/**/*.test.ts"],
    exclude: [
      "node_modules/**",
      // About the SQLite file itself (damaged pages, a full page limit); PostgreSQL's health is
      // test/db/pg-health.test.ts.
      "test/routes/healthz.test.ts",
    ],
    globalSetup: ["test/pg-global-setup.ts"],
    setupFiles: ["test/setup-pg.ts"],
    env: { TEST_STORE: "pg" },
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
