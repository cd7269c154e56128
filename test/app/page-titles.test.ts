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

describe("the title of", () => {
  const root = (locale: Locale) => ({ id: "root", pathname: "/", params: {}, data: { locale, user: null }, handle: undefined, meta: [] });
  const args = (matches: unknown[], data?: unknown) =>
    ({ data, params: {}, location: { pathname: "/", search: "", hash: "", state: null, key: "default" }, matches, error: undefined }) as never;
  const titleOf = (descriptors: ReturnType<MetaFunction>) => String((descriptors?.find((descriptor) => "title" in descriptor) as { title?: unknown })?.title);

  it("a page nothing matched (404) names the error, in the reader's language", async () => {
    const { meta } = await import("#app/root");
    const notFound = { ...root("fr"), error: { status: 404, statusText: "Not Found", data: null, internal: true } };
    expect(titleOf(meta(args([notFound])))).toBe("Page introuvable — Atelier du référentiel");
  });

  it("a refused page (403) is the refusal, not the page that was asked for", async () => {
    const { meta } = await import("#app/routes/reviews.$reviewId.evidence/route");
    const refused = {
      id: "routes/reviews.$reviewId.evidence",
      pathname: "/",
      params: {},
      data: undefined,
      handle: undefined,
      meta: [],
      error: { status: 403 },
    };
    expect(titleOf(meta(args([root("en"), refused])))).toBe("Access refused — Benchmark workbench");
  });

  it("a page that loaded is named for itself, though Remix gives each of its matches `error: null`", async () => {
    const { meta } = await import("#app/routes/reviews.$reviewId.evidence/route");
    const loaded = { id: "routes/reviews.$reviewId.evidence", pathname: "/", params: {}, data: undefined, handle: undefined, meta: [], error: null };
    expect(titleOf(meta(args([{ ...root("en"), error: null }, loaded])))).toBe("Evidence log — Benchmark workbench");
  });

  it("a factor's self-assessment page differs from its conclusion page", async () => {
    const selfAssessment = await import("#app/routes/reviews.$reviewId.self-assessment.$factorId/route");
    const conclusion = await import("#app/routes/reviews.$reviewId.conclusions.$factorId/route");
    const data = { factor: { number: 3, title: "Data" } };
    for (const locale of LOCALES) {
      const a = titleOf(selfAssessment.meta(args([root(locale)], data)));
      const b = titleOf(conclusion.meta(args([root(locale)], data)));
      expect(a).toContain("3. Data");
      expect(b).toContain("3. Data");
      expect(a).not.toBe(b);
    }
  });
});
