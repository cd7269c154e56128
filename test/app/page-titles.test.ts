import { describe, expect, it } from "vitest";
import type { MetaFunction } from "@remix-run/node";
import { resources } from "#app/locales/index";
import { LOCALES, type Locale } from "#app/utils/i18n";

const routes = import.meta.glob<{ meta?: MetaFunction }>("/app/routes/**/*.{ts,tsx}");

function titleIn(meta: MetaFunction, locale: Locale): string {
  const descriptors = meta({
    data: undefined,
    params: {},
    location: { pathname: "/", search: "", hash: "", state: null, key: "default" },
    matches: [{ id: "root", pathname: "/", params: {}, data: { locale, user: null }, handle: undefined, meta: [] }],
    error: undefined,
  });
  const title = descriptors?.find((descriptor) => "title" in descriptor);
  return String((title as { title?: unknown } | undefined)?.title ?? "");
}

describe("page titles", () => {
  it("are written in the reader's language on every page that has a meta, from that language's translations", async () => {
    const withMeta: string[] = [];
    for (const [path, load] of Object.entries(routes)) {
      const { meta } = await load();
      if (!meta) continue;
      withMeta.push(path);
      const titles = Object.fromEntries(LOCALES.map((locale) => [locale, titleIn(meta, locale)])) as Record<Locale, string>;
      expect(titles.fr, path).not.toBe(titles.en);
      for (const locale of LOCALES) {
        const { appName, titles: pages } = resources[locale].common;
        const page = titles[locale].endsWith(` — ${appName}`) ? titles[locale].slice(0, -` — ${appName}`.length) : titles[locale];
        expect(page === appName || (Object.values(pages) as string[]).includes(page), `${path} (${locale}): "${titles[locale]}"`).toBe(true);
      }
    }
    expect(withMeta.length).toBeGreaterThanOrEqual(22);
  });
});
