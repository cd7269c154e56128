import type conclusions from "#app/locales/en/conclusions";
import type evidence from "#app/locales/en/evidence";
import type en from "#app/locales/en/feedbackReport";
import type selfAssessment from "#app/locales/en/selfAssessment";
import { getI18n, type Locale } from "#app/utils/i18n";
import { frameworkTerms, type FrameworkTerms } from "#benchmark/terms";
import type { Parts } from "#benchmark/schema";
import { DEFAULT_TIME_ZONE, formatCalendarDate, formatCalendarRange, formatDay } from "#app/utils/dates";

/**
 * The report's own words, in French and English, come from the `feedbackReport` namespace of
 * the app's translations (app/locales/{en,fr}/feedbackReport.ts) through the same i18next
 * instances as the pages, so plural rules agree: French treats 0 as singular. Benchmark texts
 * (titles, statements, questions, rating labels) come from the framework data. The builders
 * stay pure: `createReportI18n(locale)` gives them a `t` bound to the report's language.
 */
/** A report is written in one of the app's languages. */
export type ReportLocale = Locale;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type PluralBase<K> = K extends `${infer B}_one` ? B : never;
/** The report's own keys, and the labels it shares with the pages (one word per value, in one place). */
export type ReportKey =
  | Leaves<typeof en>
  | PluralBase<Leaves<typeof en>>
  | `conclusions:${Leaves<Pick<typeof conclusions, "priorities" | "horizons">>}`
  | `evidence:${Leaves<Pick<typeof evidence, "attributions" | "attributionWithRole">>}`
  | `selfAssessment:documents.types.${Leaves<(typeof selfAssessment)["documents"]["types"]>}`;

export type ReportI18n = {
  locale: ReportLocale;
  /** `count` picks the `_one`/`_other` form when the key has them. */
  t: (key: ReportKey, params?: Record<string, string | number>) => string;
  /** "16 March 2026" / "16 mars 2026", from a YYYY-MM-DD date, or the day an ISO timestamp falls on in the review's zone. */
  date: (value: string) => string;
  /** "from 16 to 18 March 2026" style ranges for the visit, to use in a sentence. */
  dateRange: (start: string, end: string | null) => string;
  /** "16–18 March 2026": the same range on its own, e.g. on the cover. */
  dateSpan: (start: string, end: string | null) => string;
  /** "a, b and c" */
  list: (items: string[]) => string;
};

// Roboto, the embedded font, has no narrow no-break space, which Intl uses in French.
const NARROW_NBSP = /\u202f/g;

/** `timeZone`: the review's, in which a timestamp's day is read (a calendar date has none). */
/** `parts`: the review's framework's, so every sentence names its parts ("commitment") — benchmark/terms.ts. */
export function createReportI18n(locale: ReportLocale, timeZone: string = DEFAULT_TIME_ZONE, parts?: Parts): ReportI18n {
  const fixed = getI18n(locale).getFixedT(locale, "feedbackReport");
  const terms: Partial<FrameworkTerms> = parts ? frameworkTerms({ parts }, locale) : {};
  // i18next picks the `_one`/`_other` form from `count` with Intl.PluralRules (0 is singular in French).
  // The annexes are lettered in order: without contextual factors (ECCAR) the documents are Annex A.
  const annexes = parts?.contextualFactors === false ? { documentsAnnex: "A", benchmarkAnnex: "B" } : { documentsAnnex: "B", benchmarkAnnex: "C" };
  const t: ReportI18n["t"] = (key, params = {}) => fixed(key, { ...terms, ...annexes, ...params });
  const date = (value: string) =>
    (value.length === 10 ? formatCalendarDate(value, { locale, month: "long" }) : formatDay(value, { locale, timeZone, month: "long" })).replace(
      NARROW_NBSP,
      "\u00a0",
    );
  // "16–18 March 2026": closed up between day numbers; "30 March – 2 April 2026": spaced between words.
  const span = (start: string, end: string | null) => formatCalendarRange(start, end, { locale, month: "long" }).replace(NARROW_NBSP, "\u00a0");
  const dateSpan = (start: string, end: string | null) => span(start, end);
  const dateRange = (start: string, end: string | null) => {
    if (!end || end === start) return locale === "fr" ? `le ${date(start)}` : `on ${date(start)}`;
    const range = span(start, end);
    return locale === "fr" ? `du ${range.replace(/\s–\s|–/, " au ")}` : `from ${range.replace(/\s–\s|–/, " to ")}`;
  };
  const list = (items: string[]) => {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(t("listJoin"))}${t("listLast")}${items[items.length - 1]}`;
  };
  return { locale, t, date, dateRange, dateSpan, list };
}
