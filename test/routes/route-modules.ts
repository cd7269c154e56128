import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { pdfPages } from "../reports/text";
import type { Outcome, run } from "../utils";

/** Every route module under app/routes/, flat files and folder routes, as the route tests walk them. */

export type RouteModule = {
  default?: unknown;
  loader?: Parameters<typeof run>[0];
  action?: Parameters<typeof run>[0];
};

const ROUTES_DIR = path.resolve("app/routes");
const modules = import.meta.glob<RouteModule>(["../../app/routes/*.{ts,tsx}", "../../app/routes/*/route.{ts,tsx}"]);
// A folder route (`reviews.$reviewId.evidence/route.tsx`) is named after its folder, as Remix names it.
const routeName = (file: string) => file.replace(/^.*\/routes\//, "").replace(/\/route\.(ts|tsx)$|\.(ts|tsx)$/, "");

/** Route names as ROUTE_ACCESS keys them: the file name without extension, or the folder's name. */
export const routeFiles = fs
  .readdirSync(ROUTES_DIR, { withFileTypes: true })
  .filter((entry) =>
    entry.isDirectory() ? ["route.ts", "route.tsx"].some((file) => fs.existsSync(path.join(ROUTES_DIR, entry.name, file))) : /\.(ts|tsx)$/.test(entry.name),
  )
  .map((entry) => routeName(entry.name))
  .sort();

export async function loadRoute(name: string): Promise<RouteModule> {
  const key = Object.keys(modules).find((candidate) => routeName(candidate) === name);
  if (!key) throw new Error(`No module for route ${name}`);
  return modules[key]!();
}

/** The source text of a route module (a folder route's route.tsx), for checks on what it calls. */
export function routeSource(name: string): string {
  for (const file of [`${name}.tsx`, `${name}.ts`, `${name}/route.tsx`, `${name}/route.ts`]) {
    const full = path.join(ROUTES_DIR, file);
    if (fs.existsSync(full)) return fs.readFileSync(full, "utf8");
  }
  throw new Error(`No source for route ${name}`);
}

/**
 * Each URL a route stands for, with every value given for each of its parameters (a route with a
 * parameter that has no values stands for none): `reviews.$reviewId.evidence[.csv]` is
 * `/reviews/demo/evidence.csv`.
 */
export function routeAddresses(name: string, values: Record<string, string[]>): { path: string; params: Record<string, string> }[] {
  let addresses = [{ segments: [] as string[], params: {} as Record<string, string> }];
  for (const segment of name.split(/\.(?![^[]*\])/).filter((part) => part !== "_index")) {
    if (segment.startsWith("$")) {
      // "$factorId_": the trailing "_" only keeps the page out of its parent's layout.
      const param = segment.slice(1).replace(/_$/, "");
      const choices = values[param] ?? [];
      addresses = addresses.flatMap((address) =>
        choices.map((value) => ({ segments: [...address.segments, value], params: { ...address.params, [param]: value } })),
      );
    } else {
      addresses = addresses.map((address) => ({ ...address, segments: [...address.segments, segment.replace(/\[(.*?)\]/g, "$1").replace(/_$/, "")] }));
    }
  }
  return addresses.map(({ segments, params }) => ({ path: `/${segments.join("/")}`.replace(/\/\./g, "."), params }));
}

/**
 * Everything the client would receive, as text: JSON of the data (leaving out the fields named in
 * `omit`), or the file's text — a zipped file (XLSX, DOCX, QDPX) as the text of every part inside it.
 */
export async function receivedText(outcome: Outcome, omit: ReadonlySet<string> = new Set()): Promise<string> {
  const { data } = outcome;
  if (data instanceof ArrayBuffer) {
    const bytes = Buffer.from(data);
    if (bytes.subarray(0, 2).toString("latin1") === "PK") {
      const zip = await JSZip.loadAsync(bytes);
      const parts = await Promise.all(Object.values(zip.files).map((file) => (file.dir ? "" : file.async("string"))));
      return parts.join("\n");
    }
    return bytes.subarray(0, 5).toString("latin1") === "%PDF-" ? pdfPages(bytes).join("\n") : bytes.toString("utf8");
  }
  if (typeof data === "string") return data;
  return JSON.stringify(data ?? null, (key, value: unknown) => (omit.has(key) ? undefined : value instanceof Map || value instanceof Set ? [...value] : value));
}
