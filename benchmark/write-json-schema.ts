import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderFrameworkJsonSchema } from "./json-schema";

// Resolved from this file so the CLI works from any working directory.
export const FRAMEWORK_JSON_SCHEMA_PATH = fileURLToPath(new URL("./framework.schema.json", import.meta.url));

writeFileSync(FRAMEWORK_JSON_SCHEMA_PATH, renderFrameworkJsonSchema(), "utf8");
process.stdout.write(`Wrote ${FRAMEWORK_JSON_SCHEMA_PATH}\n`);
