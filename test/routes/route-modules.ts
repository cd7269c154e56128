import fs from "node:fs";
import path from "node:path";
import type { run } from "../utils";

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
