import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useHydrated } from "#app/utils/hydrated";

function Probe() {
  return createElement("p", null, useHydrated() ? "script" : "html");
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("useHydrated", () => {
  it("is false on the server, so the browser's first render matches the HTML", () => {
    expect(renderToString(createElement(Probe))).toBe("<p>html</p>");
  });

  it("is the only way the app asks whether its script runs", () => {
    const own = sources(path.resolve("app")).filter((file) => /set[A-Z]?[a-z]*Hydrated\b|function useHydrated/.test(fs.readFileSync(file, "utf8")));
    expect(own.map((file) => path.relative(process.cwd(), file))).toEqual([path.join("app", "utils", "hydrated.ts")]);
  });
});
