import { defineConfig } from "vitest/config";

// Unit and integration tests: no Remix plugin, a fresh in-memory database per test file.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    setupFiles: ["test/setup.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
  },
});
