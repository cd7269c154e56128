import { useLoaderData } from "@remix-run/react";
import { createContext, useContext, useMemo } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { useDates } from "#app/utils/use-dates";
import type { Dates } from "#app/utils/dates";
import { EVIDENCE_KINDS, PARTICIPANT_CATEGORIES, POLARITIES, type EvidenceKind } from "#db/enums";
import { isFormResult, readResult, type FormResult } from "#app/utils/forms";
import type { Done, loader } from "./route";

export const INTERVIEW_SOURCED: readonly string[] = ["interview-quote", "focus-group-note"] satisfies EvidenceKind[];

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
export type InterviewChoice = LoaderData["facets"]["interviews"][number];

// One flag for the whole page (not one effect per cell): true once the page runs in the browser.
export const HydratedContext = createContext(false);
export const useHydrated = () => useContext(HydratedContext);

/**
 * `format`, asked once per distinct value: a visit's many interviews fall on a few days. `made`
 * may outlive the render (kept moments, below); past `limit` values it starts again.
 */
function once<T>(format: (value: T) => string, made = new Map<T, string>(), limit = Infinity) {
  return (value: T) => {
    let text = made.get(value);
    if (text === undefined) {
      text = format(value);
      if (made.size >= limit) made.clear();
      made.set(value, text);
    }
    return text;
  };
}

/** How many moments of each kind are kept per language and zone; past it, the list starts again. */
const KEPT_MOMENTS = 2000;
const keptMoments = new Map<string, { moment: Map<number, string>; short: Map<number, string> }>();

/** A row's two ways of showing a moment (in full; short, in the cell), kept across renders for `dates`' language and zone. */
export function keptMomentFormats(dates: Dates) {
  const scope = `${dates.locale}|${dates.timeZone}`;
  let made = keptMoments.get(scope);
  if (!made) {
    made = { moment: new Map(), short: new Map() };
    keptMoments.set(scope, made);
  }
  // A moment reads the same in a given language and zone for as long as the process lives, and a
  // log's pages show the same rows again after each save: two formatToParts calls saved per moment (decision 0036).
  return {
    moment: once((ms: number) => dates.dateTime(ms), made.moment, KEPT_MOMENTS),
    short: once((ms: number) => dates.shortDateTime(ms), made.short, KEPT_MOMENTS),
  };
}

/** Dates in the review's zone and the reader's language: the same text before and after hydration. */
function useDateFormat() {
  const dates = useDates();
  return useMemo(() => {
    return {
      ...keptMomentFormats(dates),
      day: once((iso: string) => dates.calendarDate(iso)),
      shortDay: once((iso: string) => dates.calendarDayMonth(iso)),
    };
  }, [dates]);
}

type InterviewBasics = { id: string; date: string; format: "interview" | "focus-group"; place: string };

/**
 * Labels of the review's interviews ("16 Mar 2026 · Focus group · Maison des associations"),
 * built once per render and shared by the form, the filters and the cells.
 */
function useInterviewLabels() {
  const { t } = useFrameworkTranslation("evidence");
  const { facets } = useLoaderData<typeof loader>();
  const format = useDateFormat();
  return useMemo(() => {
    const withPlace = t("interviewLabel", { date: "\u0001", format: "\u0002", place: "\u0003" });
    const withoutPlace = t("interviewLabelNoPlace", { date: "\u0001", format: "\u0002" });
    const formats = { interview: t("formats.interview"), "focus-group": t("formats.focus-group") };
    const label = (interview: Omit<InterviewBasics, "id">, short: boolean) =>
      (interview.place ? withPlace : withoutPlace)
        .replace("\u0001", short ? format.shortDay(interview.date) : format.day(interview.date))
        .replace("\u0002", formats[interview.format])
        .replace("\u0003", interview.place);
    const long = new Map(facets.interviews.map((interview) => [interview.id, label(interview, false)]));
    const short = new Map(facets.interviews.map((interview) => [interview.id, label(interview, true)]));
    return {
      long: (interview: InterviewBasics) => long.get(interview.id) ?? label(interview, false),
      short: (interview: InterviewBasics) => short.get(interview.id) ?? label(interview, true),
    };
  }, [t, facets.interviews, format]);
}

/**
 * Everything the cells print, translated and formatted once per render of the page: a page of
 * rows would otherwise make hundreds of translation and date-formatting calls.
 */
export function useCellLabels() {
  const { t } = useFrameworkTranslation("evidence");
  const { factors } = useLoaderData<typeof loader>();
  const format = useDateFormat();
  const interviews = useInterviewLabels();
  return useMemo(() => {
    const slot = "\u0000";
    const pattern = (key: string) => {
      const text = t(key, { date: slot });
      return (date: string) => text.replace(slot, date);
    };
    const record = <K extends string>(keys: readonly K[], prefix: string) =>
      Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)])) as Record<K, string>;
    return {
      kinds: record(EVIDENCE_KINDS, "kinds"),
      polarities: record(POLARITIES, "polarities"),
      categories: record(PARTICIPANT_CATEGORIES, "categories"),
      origins: record(["peer-team", "host-city"] as const, "origins"),
      factors: new Map(
        factors.map((factor) => [
          factor.id,
          { short: t("factorShort", { number: factor.number }), long: t("factorLabel", { number: factor.number, title: factor.title }) },
        ]),
      ),
      readAll: t("log.readAll"),
      hostDocument: t("log.hostDocument"),
      openDocument: t("log.openDocument"),
      sourceDocument: (title: string) => t("log.sourceDocument", { title }),
      edit: t("log.edit"),
      view: t("log.view"),
      remove: t("log.delete"),
      editLabel: pattern("log.editLabel"),
      viewLabel: pattern("log.viewLabel"),
      deleteLabel: pattern("log.deleteLabel"),
      // The same moment is shown twice per row (cell and button label): formatted once, and kept.
      moment: format.moment,
      short: format.short,
      day: format.day,
      interview: interviews.short,
      interviewLong: interviews.long,
    };
  }, [t, factors, format, interviews]);
}

export type CellLabels = ReturnType<typeof useCellLabels>;
export const CellLabelsContext = createContext<CellLabels | null>(null);
export const useLabels = () => useContext(CellLabelsContext)!;

/**
 * The ids of the rows the table shows. A context, not a prop of the logging form: a view change
 * then re-renders only what reads it (the form's "saved but hidden by the filters" note), not the
 * whole form (decision 0037).
 */
export const RowsShownContext = createContext<readonly string[]>([]);
export const useRowsShown = () => useContext(RowsShownContext);

/** What the row links and buttons need from the page: its query string and one shared delete fetcher. */
export type RowActions = { search: string; deleteUrl: string; submitDelete: (form: HTMLFormElement) => void };
export const RowActionsContext = createContext<RowActions | null>(null);
export const useRowActions = () => useContext(RowActionsContext)!;

/**
 * The action's answer to one of the page's fetchers, read alike for a write that worked and a
 * refusal (a FormResult: its messages by field, the form's message under `_form`, what was sent).
 */
export function readOutcome(value: Done | FormResult | null | undefined) {
  if (!value) return null;
  if (!isFormResult(value)) return value;
  const { errors, formError, values } = readResult(value);
  return {
    ok: false as const,
    intent: typeof values.intent === "string" ? values.intent : "",
    errors: formError ? { ...errors, _form: [formError] } : errors,
    values,
  };
}
