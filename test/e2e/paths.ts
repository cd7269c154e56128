import path from "node:path";

export const E2E_DIR = path.resolve("test-results/e2e");
export const TEMPLATE_DB = path.join(E2E_DIR, "template.sqlite");
