import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "#benchmark/locales";
import { frameworkTerms, withTerms } from "#benchmark/terms";
import type { Framework } from "#benchmark/schema";
import { NAMESPACES, resources } from "#app/locales/index";

export { LOCALES, type Locale };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The settings every instance starts from (also a plain instance's in the tests, to compare with). */
export function i18nOptions(locale: Locale) {
  return {
    lng: locale,
    fallbackLng: "en",
    supportedLngs: [...LOCALES],
    resources,
    ns: NAMESPACES,
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // The console stays for our own messages: no sponsor notice on start-up or in test output.
    showSupportNotice: false,
  } as const;
}

/**
 * A fresh i18next instance. Resources are bundled, so initialisation is
 * synchronous and the server and the browser render the same text on first paint.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init(i18nOptions(locale));
  remember(instance);
  return instance;
}

/** How many translations an instance keeps; past it, it starts again (texts naming people or dates vary). */
const REMEMBERED = 5000;

/**
 * Makes an instance remember what each `t` call gave: its resources are bundled and its language
 * never changes, so the same key with the same options always gives the same text. A page calls
 * `t` some hundreds of times and i18next works each one out again (key lookup, fallbacks, plural
 * and context suffixes, interpolation): about a sixth of the evidence log's render (decision 0036).
 * Only calls whose options are all strings, numbers, booleans, null or lists of strings are kept;
 * anything else (objects to interpolate, `returnObjects`) is worked out every time.
 */
function remember(instance: I18n) {
  const translate = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const known = new Map<string, unknown>();
  const t = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    const id = rest.length ? null : callId(key, options);
    if (id === null) return translate(key, options, ...rest);
    if (known.has(id)) return known.get(id);
    const text = translate(key, options);
    if (known.size >= REMEMBERED) known.clear();
    known.set(id, text);
    return text;
  };
  instance.t = t as unknown as I18n["t"];
}

/** One string per distinct call (each part prefixed by its length, so no two calls share one), or null when it cannot be kept. */
function callId(key: unknown, options: unknown): string | null {
  if (typeof key !== "string") return null;
  let id = `${key.length}:${key}`;
  if (options === undefined) return id;
  if (typeof options !== "object" || options === null) return null;
  for (const [name, value] of Object.entries(options)) {
    const part = optionPart(value);
    if (part === null) return null;
    id += `|${name.length}:${name}${part}`;
  }
  return id;
}

function optionPart(value: unknown): string | null {
  switch (typeof value) {
    case "string":
      return `s${value.length}:${value}`;
    case "number":
    case "boolean":
      return `${(typeof value)[0]}${String(value)};`;
    case "undefined":
      return "u";
    default:
      // getFixedT(null, ns) passes `lngs: null`.
      if (value === null) return "n";
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return null;
      return `a${value.length}[${value.map((item: string) => `${item.length}:${item}`).join("")}`;
  }
}

const shared = new Map<Locale, I18n>();

/**
 * The instance for a language, made once per process (or browser tab). Nothing ever changes
 * its language or resources, so every request in that language can share it: a page render
 * does not pay for building one.
 */
export function getI18n(locale: Locale): I18n {
  let instance = shared.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    shared.set(locale, instance);
  }
  return instance;
}

type MetaMatchLike = { id: string; data: unknown; error?: unknown };

/** The reader's language in a route's `meta`, as the root loader chose it (English if it is not there). */
export function metaLocale(matches: readonly MetaMatchLike[]): Locale {
  const data = matches.find((match) => match.id === "root")?.data;
  const locale = data && typeof data === "object" && "locale" in data ? data.locale : undefined;
  return isLocale(locale) ? locale : "en";
}

/**
 * A page's `<title>` in the reader's language: "Evidence log — Benchmark workbench". `page`
 * names the page with the `common` namespace's `t` (or returns data the loader already
 * translated); without it the title is the app's name alone.
 */
export function pageTitle(matches: readonly MetaMatchLike[], page?: (t: TFunction<"common">) => string): { title: string }[] {
  const locale = metaLocale(matches);
  const base = getI18n(locale).getFixedT(null, "common");
  // Under a review, the title names the framework's parts ("Conclusions par engagement" on ECCAR).
  const layout = matches.find((match) => match.id === "routes/reviews.$reviewId")?.data;
  const parts = layout && typeof layout === "object" && "framework" in layout ? (layout.framework as { parts?: Framework["parts"] } | null)?.parts : undefined;
  const t = parts ? withTerms(base, frameworkTerms({ parts }, locale)) : base;
  const appName = t("appName");
  // A refused or missing page is named for what happened, not for the page that was asked for.
  // Remix gives every match `error: null` when nothing failed (undefined in some callers).
  const error = matches.find((match) => match.error !== undefined && match.error !== null)?.error;
  const name = error === undefined ? page?.(t) : errorTitle(t, error);
  return [{ title: name ? `${name} — ${appName}` : appName }];
}

/** The title of an error page: "Page not found", "Access refused", else "Error 500". */
function errorTitle(t: TFunction<"common">, error: unknown): string {
  const status = error && typeof error === "object" && "status" in error && typeof error.status === "number" ? error.status : 500;
  if (status === 404) return t("titles.notFound");
  if (status === 403) return t("titles.forbidden");
  return t("titles.error", { status });
}
