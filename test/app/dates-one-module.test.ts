import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every date the app shows goes through app/utils/dates.ts, which always names the zone and the
 * language. A formatter made anywhere else would use the machine's zone (UTC on the server, the
 * reader's in the browser) and bring back the hydration mismatches and unlabelled times.
 */
const ROOTS = ["app", "reports", "db", "scripts"];
const THE_MODULE = path.join("app", "utils", "dates.ts");
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: "Intl.DateTimeFormat", pattern: /\bIntl\s*\.\s*DateTimeFormat\b|\bDateTimeFormat\s*\(/ },
  { name: "toLocale*String", pattern: /\.toLocale(?:Date|Time)?String\s*\(/ },
  { name: "a local-time getter", pattern: /\.(?:getHours|getMinutes|getDate|getDay|getMonth|getFullYear|getTimezoneOffset)\s*\(/ },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "migrations" ? [] : sourceFiles(full);
    return /\.(?:ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

function offences(text: string) {
  return text
    .split("\n")
    .flatMap((line, index) => FORBIDDEN.filter(({ pattern }) => pattern.test(line)).map(({ name }) => `${index + 1}: ${name}: ${line.trim()}`));
}

describe("dates are formatted in one module", () => {
  it("finds what it looks for", () => {
    expect(offences('const f = new Intl.DateTimeFormat("fr", { dateStyle: "long" });')).toHaveLength(1);
    expect(offences("when.toLocaleDateString('en')")).toHaveLength(1);
    expect(offences("String(value.toLocaleString())")).toHaveLength(1);
    expect(offences("const hour = date.getHours();")).toHaveLength(1);
    expect(offences('formatDateTime(at, { locale, timeZone }); new Intl.NumberFormat("fr")')).toEqual([]);
  });

  it("no file of app/, reports/, db/ or scripts/ but app/utils/dates.ts formats a date itself", () => {
    const found = ROOTS.flatMap(sourceFiles)
      .filter((file) => file !== THE_MODULE)
      .flatMap((file) => offences(fs.readFileSync(file, "utf8")).map((offence) => `${file}:${offence}`));
    expect(found, "use app/utils/dates.ts (useDates() in a component)").toEqual([]);
  });
});
