import type { z } from "zod";
import { FrameworkSchema, type Framework } from "./schema";

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

/* The id is read defensively because this runs on unvalidated input: the
 * message must still say which framework is broken. */
function idOf(input: unknown): string {
  if (typeof input === "object" && input !== null && "id" in input) {
    const id = (input as { id: unknown }).id;
    if (typeof id === "string" && id.trim() !== "") return id;
  }
  return "<unknown>";
}

export function formatFrameworkError(input: unknown, error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  const detail = first === undefined ? "unknown error" : `${formatPath(first.path)}: ${first.message}`;
  const more = rest.length > 0 ? ` (+${rest.length} more issue${rest.length === 1 ? "" : "s"})` : "";
  return `Framework "${idOf(input)}" is invalid: ${detail}${more}`;
}

/**
 * Validates a framework data file. Throws a one-line Error naming the
 * framework and the first offending path, so a broken data file fails fast at
 * import with a message that points at the fix.
 */
export function parseFramework(input: unknown): Framework {
  const result = FrameworkSchema.safeParse(input);
  if (!result.success) throw new Error(formatFrameworkError(input, result.error));
  return result.data;
}
