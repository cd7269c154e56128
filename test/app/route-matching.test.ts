import { createRequire } from "node:module";
import path from "node:path";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import type * as Router from "@remix-run/router";
// The browser's build of the router (unpatched), next to the server's (patched).
import * as browserBuild from "@remix-run/router/dist/router.js";
import { describe, expect, it } from "vitest";

/**
 * The server's route matching (the CommonJS build of @remix-run/router, patched in patches/ to
 * work the route tree out once: docs/decisions/0038) finds the same routes and params as the
 * unpatched browser build, for every kind of address the app has, asked again and again.
 */

const reference = browserBuild as unknown as typeof Router;
const patched = createRequire(import.meta.url)("@remix-run/router") as typeof Router;

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };

/** The app's own routes (app/routes), as a tree, the way Remix builds it for the server. */
function appRoutes(): Route[] {
  const manifest = Object.values(flatRoutes(path.resolve("app")));
  const byParent = new Map<string, Route[]>();
  for (const entry of manifest) {
    const parent = entry.parentId ?? "root";
    const list = byParent.get(parent) ?? [];
    list.push({ id: entry.id!, path: entry.path, index: entry.index, caseSensitive: entry.caseSensitive });
    byParent.set(parent, list);
  }
  const attach = (route: Route): Route => {
    const children = byParent.get(route.id);
    return children ? { ...route, children: children.map(attach) } : route;
  };
  return [attach({ id: "root", path: "" })];
}

const ADDRESSES = [
  "/",
  "/reviews",
  "/reviews/demo",
  "/reviews/demo/evidence",
  "/reviews/demo/evidence/ev-1",
  "/reviews/demo/evidence.csv",
  "/reviews/demo/self-assessment/kf-03",
  "/reviews/demo/self-assessment/kf-03/actions/a-1",
  "/reviews/demo/plan/rec-9",
  "/reviews/other/next-cycle",
  "/benchmark/eurocities-anti-discrimination",
  "/no/such/page",
];

const shape = (matches: ReturnType<typeof reference.matchRoutes>) =>
  matches?.map((match) => ({ id: match.route.id, params: match.params, pathname: match.pathname })) ?? null;

describe("the server's route matching", () => {
  it("is the patched build", () => {
    expect(patched.matchRoutes).not.toBe(reference.matchRoutes);
  });

  it("matches every address as the unpatched router does, the first time and every time after", () => {
    const tree = appRoutes();
    const routes = tree as Router.AgnosticRouteObject[];
    const count = (list: Route[]): number => list.reduce((total, route) => total + 1 + count(route.children ?? []), 0);
    expect(count(tree)).toBeGreaterThan(50);
    for (let round = 0; round < 3; round += 1) {
      for (const address of ADDRESSES) {
        expect(shape(patched.matchRoutes(routes, address)), `${address}, round ${round + 1}`).toEqual(shape(reference.matchRoutes(routes, address)));
      }
    }
    expect(shape(patched.matchRoutes(routes, "/reviews/demo/evidence"))?.map((match) => match.id)).toEqual([
      "root",
      "routes/reviews.$reviewId",
      "routes/reviews.$reviewId.evidence",
    ]);
  });

  it("works out another route tree on its own", () => {
    const one = [{ id: "a", path: "/x/:id" }];
    const two = [{ id: "b", path: "/x/:key" }];
    expect(patched.matchRoutes(one, "/x/7")?.[0]?.params).toEqual({ id: "7" });
    expect(patched.matchRoutes(two, "/x/7")?.[0]?.params).toEqual({ key: "7" });
    expect(patched.matchRoutes(one, "/x/8")?.[0]?.route.id).toBe("a");
  });
});
