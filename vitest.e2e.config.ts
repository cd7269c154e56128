import { defineConfig } from "vitest/config";

// Browser journeys: one built app on a throwaway database, real Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    setupFiles: ["test/setup-console.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
