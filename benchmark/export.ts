import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FRAMEWORK_IDS, getFramework } from "./index";
import { listMappingsOf } from "./mappings/index";

export interface ExportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/**
 * `tsx benchmark/export.ts <framework-id>`: prints the parsed framework as
 * JSON, followed by the mappings that join it to other frameworks (`mappings`).
 * The parsed objects are printed as-is so the export can never drift from
 * what the app itself uses.
 */
export function main(argv: readonly string[], io: ExportIo): number {
  const known = FRAMEWORK_IDS.join(", ");
  const [id] = argv;
  if (id === undefined || id.trim() === "") {
    io.stderr(`Usage: tsx benchmark/export.ts <framework-id> (known ids: ${known})\n`);
    return EXIT_USAGE;
  }
  const framework = getFramework(id);
  if (framework === undefined) {
    io.stderr(`Unknown framework id "${id}" (known ids: ${known})\n`);
    return EXIT_USAGE;
  }
  io.stdout(`${JSON.stringify({ ...framework, mappings: listMappingsOf(framework.id) }, null, 2)}\n`);
  return EXIT_OK;
}

// Importing this module (e.g. from tests) must not run the CLI.
function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  // `export.ts <id> | head` closes the pipe early; that is not a failure.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
