import { z } from "zod";

/**
 * Every date and time the workbench shows — pages, CSV, PDF, mail — is written here, and only
 * here (test/app/dates-one-module.test.ts fails on an `Intl.DateTimeFormat` or `toLocale*String`
 * anywhere else). See docs/decisions/0009-dates-in-the-review-time-zone.md.
 *
 * - A moment (a Date, epoch milliseconds or an ISO timestamp) is shown in the review's own time
 *   zone, passed explicitly: the runtime's default zone (UTC on the server, the reader's in the
 *   browser) is never used, so the server and the browser write the same text and React hydrates
 *   without a mismatch.
 * - A moment with a time says its zone ("3 Dec 2026, 14:05 CET", "3 déc. 2026, 14:05 UTC+1"):
 *   readers sit in several countries and a 02:30 on the last Sunday of October happens twice.
 * - A calendar date (YYYY-MM-DD: a visit day, a document's date) has no zone and is shown as is.
 * - The text is put together from Intl's parts rather than Intl's own patterns, whose separators
 *   ("," or " at ", narrow spaces) change between ICU versions, so Node and Chromium agree.
 */

export const DEFAULT_TIME_ZONE = "Europe/Brussels";

/** A Date, epoch milliseconds, or an ISO timestamp. */
export type Moment = Date | number | string;

export type DateOptions = {
  /** The reader's language: "en" or "fr" (a region such as "fr-BE" is accepted). */
  locale: string;
  /** IANA zone, normally the review's `timeZone`. */
  timeZone: string;
};

type MonthStyle = "short" | "long";

// ——— Time zones ———

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * The canonical IANA name for `value` ("europe/paris" → "Europe/Paris"), or null when it names no
 * zone. Offsets such as "+01:00" are refused: they ignore summer time.
 */
export function normaliseTimeZone(value: string): string | null {
  const name = value.trim();
  if (!ZONE_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

let zones: readonly string[] | undefined;

/** Every zone this runtime knows, for a picker (sorted, UTC included). */
export function listTimeZones(): readonly string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
  return zones;
}

/** The zone field of a form: a known IANA name, stored in its canonical spelling. */
export const TimeZoneSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .transform((value, context) => {
    const zone = normaliseTimeZone(value);
    if (zone) return zone;
    context.addIssue({ code: "custom", message: "errors.invalidTimeZone" });
    return z.NEVER;
  });

// ——— Building blocks ———

function intlLocale(locale: string) {
  return locale.toLowerCase().startsWith("fr") ? "fr-FR" : "en-GB";
}

// Building a formatter costs far more than using one: a page of rows reuses a handful.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(intlLocale(locale), options);
    formatters.set(key, made);
  }
  return made;
}

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function parts(format: Intl.DateTimeFormat, date: Date): Parts {
  const out: Parts = {};
  for (const part of format.formatToParts(date)) if (part.type !== "literal") out[part.type] = part.value;
  return out;
}

function toDate(value: Moment): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function calendarToDate(value: string): Date {
  if (!CALENDAR_DATE.test(value)) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
  return new Date(`${value}T00:00:00Z`);
}

function dayParts(date: Date, locale: string, timeZone: string, month: MonthStyle) {
  return parts(formatter(locale, { day: "numeric", month, year: "numeric", timeZone }), date);
}

function joinDay(p: Parts, withYear = true) {
  return withYear ? `${p.day} ${p.month} ${p.year}` : `${p.day} ${p.month}`;
}

function timeParts(date: Date, locale: string, timeZone: string, seconds: boolean) {
  return parts(
    formatter(locale, { hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), hourCycle: "h23", timeZone, timeZoneName: "short" }),
    date,
  );
}

function joinTime(p: Parts, seconds: boolean) {
  return `${p.hour}:${p.minute}${seconds ? `:${p.second}` : ""} ${p.timeZoneName}`;
}

// ——— Moments ———

/** "3 Dec 2026, 14:05 CET" / "3 déc. 2026, 14:05 UTC+1": a moment, with its zone. */
export function formatDateTime(value: Moment, { locale, timeZone, month = "short", seconds = false }: DateOptions & { month?: MonthStyle; seconds?: boolean }) {
  const date = toDate(value);
  return `${joinDay(dayParts(date, locale, timeZone, month))}, ${joinTime(timeParts(date, locale, timeZone, seconds), seconds)}`;
}

/** "3 Dec, 14:05 CET": a moment in a dense table, where the year goes without saying. */
export function formatShortDateTime(value: Moment, { locale, timeZone }: DateOptions) {
  const date = toDate(value);
  return `${joinDay(dayParts(date, locale, timeZone, "short"), false)}, ${joinTime(timeParts(date, locale, timeZone, false), false)}`;
}

/** "3 Dec 2026": the day a moment falls on in the zone (a report's date of issue). */
export function formatDay(value: Moment, { locale, timeZone, month = "short" }: DateOptions & { month?: MonthStyle }) {
  return joinDay(dayParts(toDate(value), locale, timeZone, month));
}

/** "2026-12-03": the day a moment falls on in the zone, as a form field or `<time>` wants it. */
export function isoDay(value: Moment, timeZone: string) {
  const p = parts(formatter("en", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }), toDate(value));
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * "2026-12-03 14:05": a moment in the zone, sortable and the same in every language, for CSV files
 * (whose header names the zone).
 */
export function formatSortableDateTime(value: Moment, timeZone: string) {
  const date = toDate(value);
  const p = parts(formatter("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }), date);
  return `${isoDay(date, timeZone)} ${p.hour}:${p.minute}`;
}

/**
 * A moment as a clock in the zone reads it, for a spreadsheet cell: a Date whose UTC fields hold
 * that reading (to the minute), since a spreadsheet's dates have no zone (the header names it).
 */
export function spreadsheetDateTime(value: Moment, timeZone: string): Date {
  const [day, time] = formatSortableDateTime(value, timeZone).split(" ");
  return new Date(`${day}T${time}:00Z`);
}

/** A calendar date for a spreadsheet cell: midnight of that day, which never moves. */
export function spreadsheetDate(value: string): Date {
  return calendarToDate(value);
}

/** "CET", "CEST", "UTC+1": what a moment's clock time is relative to, in the reader's language. */
export function zoneName(value: Moment, { locale, timeZone }: DateOptions) {
  return timeParts(toDate(value), locale, timeZone, false).timeZoneName ?? timeZone;
}

/** How far the zone's clock is ahead of UTC at a moment, in milliseconds. */
function offsetAt(ms: number, timeZone: string) {
  const p = parts(
    formatter("en", { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23", timeZone }),
    new Date(ms),
  );
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** When a calendar day starts in the zone: "2026-03-29" in Europe/Brussels → 2026-03-28T23:00Z. */
export function startOfDay(day: string, timeZone: string): Date {
  const midnight = calendarToDate(day).getTime();
  const guess = midnight - offsetAt(midnight, timeZone);
  // A second pass settles days on which the clock changes.
  return new Date(midnight - offsetAt(guess, timeZone));
}

/** A calendar day as a span of moments in the zone: `start <= moment < end` (23, 24 or 25 hours). */
export function dayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  const next = new Date(calendarToDate(day).getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { start: startOfDay(day, timeZone), end: startOfDay(next, timeZone) };
}

// ——— Calendar dates (no zone) ———

/** "18 Mar 2026" from "2026-03-18". */
export function formatCalendarDate(value: string, { locale, month = "short" }: { locale: string; month?: MonthStyle }) {
  return joinDay(dayParts(calendarToDate(value), locale, "UTC", month));
}

/** "18 Mar" from "2026-03-18": where the year goes without saying. */
export function formatCalendarDayMonth(value: string, { locale, month = "short" }: { locale: string; month?: MonthStyle }) {
  return joinDay(dayParts(calendarToDate(value), locale, "UTC", month), false);
}

/**
 * "16–18 March 2026", "30 March – 2 April 2026", "30 December 2026 – 2 January 2027": two calendar
 * dates, sharing what they have in common. One date when `end` is missing or the same.
 */
export function formatCalendarRange(start: string, end: string | null, { locale, month = "long" }: { locale: string; month?: MonthStyle }) {
  const from = dayParts(calendarToDate(start), locale, "UTC", month);
  if (!end || end === start) return joinDay(from);
  const to = dayParts(calendarToDate(end), locale, "UTC", month);
  if (from.year !== to.year) return `${joinDay(from)} – ${joinDay(to)}`;
  if (from.month !== to.month) return `${joinDay(from, false)} – ${joinDay(to)}`;
  return `${from.day}–${joinDay(to)}`;
}

/** The functions above bound to one reader's language and one review's zone. */
export function datesFor({ locale, timeZone }: DateOptions) {
  const options = { locale, timeZone };
  return {
    locale,
    timeZone,
    dateTime: (value: Moment, extra: { month?: MonthStyle; seconds?: boolean } = {}) => formatDateTime(value, { ...options, ...extra }),
    shortDateTime: (value: Moment) => formatShortDateTime(value, options),
    day: (value: Moment, extra: { month?: MonthStyle } = {}) => formatDay(value, { ...options, ...extra }),
    isoDay: (value: Moment) => isoDay(value, timeZone),
    calendarDate: (value: string, extra: { month?: MonthStyle } = {}) => formatCalendarDate(value, { locale, ...extra }),
    calendarDayMonth: (value: string) => formatCalendarDayMonth(value, { locale }),
    calendarRange: (start: string, end: string | null, extra: { month?: MonthStyle } = {}) => formatCalendarRange(start, end, { locale, ...extra }),
    wallClockRange: (day: string, start: string, end: string | null) => formatWallClockRange(day, start, end, options),
  };
}

export type Dates = ReturnType<typeof datesFor>;

// ——— Wall-clock times of a calendar day (a visit programme) ———

/** "09:30" or "9:30": a time of day on a 24-hour clock. */
export const WALL_CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The moment a wall-clock time on a calendar day is in the zone ("2026-03-10", "09:30", Europe/Brussels → 08:30Z). */
export function wallClockMoment(day: string, time: string, timeZone: string): Date {
  const match = WALL_CLOCK.exec(time);
  if (!match) throw new RangeError(`Not a time of day: ${time}`);
  const wall = calendarToDate(day).getTime() + (Number(match[1]) * 60 + Number(match[2])) * 60 * 1000;
  // As for startOfDay: a second pass settles the days on which the clock changes.
  return new Date(wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone));
}

/**
 * "09:30–11:00 CET" / "09:30–11:00 UTC+1": a meeting's times as the programme gives them, on the
 * clock of the review's zone, which it names (a reviewer reads it from home before travelling).
 */
export function formatWallClockRange(day: string, start: string, end: string | null, { locale, timeZone }: DateOptions) {
  const zone = zoneName(wallClockMoment(day, start, timeZone), { locale, timeZone });
  return `${end ? `${start}–${end}` : start} ${zone}`;
}
