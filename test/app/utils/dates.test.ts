import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dayBounds,
  datesFor,
  formatCalendarDate,
  formatCalendarRange,
  formatDateTime,
  formatDay,
  formatShortDateTime,
  formatSortableDateTime,
  isoDay,
  normaliseTimeZone,
  startOfDay,
  TimeZoneSchema,
  formatWallClockRange,
  wallClockMoment,
  zoneName,
} from "#app/utils/dates";

const BRUSSELS = { timeZone: "Europe/Brussels" };
const en = { locale: "en", ...BRUSSELS };
const fr = { locale: "fr", ...BRUSSELS };

// 2026: summer time starts on Sunday 29 March at 01:00 UTC and ends on Sunday 25 October at 01:00 UTC.
describe("a moment in the review's zone, in the reader's language, with its zone", () => {
  it("says CET and UTC+1 in winter", () => {
    expect(formatDateTime("2026-12-03T13:05:00Z", en)).toBe("3 Dec 2026, 14:05 CET");
    expect(formatDateTime("2026-12-03T13:05:00Z", fr)).toBe("3 déc. 2026, 14:05 UTC+1");
  });

  it("moves the clock on the last Sunday of March: 01:59 CET is followed by 03:00 CEST", () => {
    expect(formatDateTime("2026-03-29T00:59:00Z", en)).toBe("29 Mar 2026, 01:59 CET");
    expect(formatDateTime("2026-03-29T01:00:00Z", en)).toBe("29 Mar 2026, 03:00 CEST");
    expect(formatDateTime("2026-03-29T00:59:00Z", fr)).toBe("29 mars 2026, 01:59 UTC+1");
    expect(formatDateTime("2026-03-29T01:00:00Z", fr)).toBe("29 mars 2026, 03:00 UTC+2");
  });

  it("tells apart the two 02:30s of the last Sunday of October", () => {
    const first = "2026-10-25T00:30:00Z";
    const second = "2026-10-25T01:30:00Z";
    expect(formatDateTime(first, en)).toBe("25 Oct 2026, 02:30 CEST");
    expect(formatDateTime(second, en)).toBe("25 Oct 2026, 02:30 CET");
    expect(formatDateTime(first, fr)).toBe("25 oct. 2026, 02:30 UTC+2");
    expect(formatDateTime(second, fr)).toBe("25 oct. 2026, 02:30 UTC+1");
  });

  it("writes long months, seconds and the short table form on request", () => {
    expect(formatDateTime("2026-07-03T13:05:09Z", { ...fr, month: "long" })).toBe("3 juillet 2026, 15:05 UTC+2");
    expect(formatDateTime("2026-07-03T13:05:09Z", { ...en, seconds: true })).toBe("3 Jul 2026, 15:05:09 CEST");
    expect(formatShortDateTime("2026-07-03T13:05:09Z", en)).toBe("3 Jul, 15:05 CEST");
    expect(formatShortDateTime(Date.parse("2026-07-03T13:05:09Z"), fr)).toBe("3 juil., 15:05 UTC+2");
  });

  it("follows the review's zone, not the machine's", () => {
    const moment = new Date("2026-12-03T13:05:00Z");
    expect(formatDateTime(moment, { locale: "en", timeZone: "America/New_York" })).toBe("3 Dec 2026, 08:05 GMT-5");
    expect(formatDateTime(moment, { locale: "en", timeZone: "UTC" })).toBe("3 Dec 2026, 13:05 UTC");
    expect(zoneName(moment, { locale: "en", timeZone: "Europe/Lisbon" })).toBe("WET");
  });

  it("puts a late-evening UTC moment on the next day in Brussels", () => {
    expect(formatDay("2026-09-03T22:30:00Z", en)).toBe("4 Sept 2026");
    expect(formatDay("2026-09-03T22:30:00Z", { ...fr, month: "long" })).toBe("4 septembre 2026");
    expect(isoDay("2026-09-03T22:30:00Z", "Europe/Brussels")).toBe("2026-09-04");
    expect(isoDay("2026-09-03T22:30:00Z", "UTC")).toBe("2026-09-03");
  });

  it("writes a sortable form for CSV files", () => {
    expect(formatSortableDateTime("2026-03-29T01:00:00Z", "Europe/Brussels")).toBe("2026-03-29 03:00");
    expect(formatSortableDateTime("2026-01-05T23:59:00Z", "Europe/Brussels")).toBe("2026-01-06 00:59");
  });

  it("refuses what is not a moment rather than print 'Invalid Date'", () => {
    expect(() => formatDateTime("yesterday", en)).toThrow(/Not a date/);
  });
});

describe("a calendar date has no zone", () => {
  it("keeps its day in every zone and language", () => {
    expect(formatCalendarDate("2026-03-18", { locale: "en" })).toBe("18 Mar 2026");
    expect(formatCalendarDate("2026-03-18", { locale: "fr", month: "long" })).toBe("18 mars 2026");
    expect(datesFor({ locale: "en", timeZone: "Pacific/Auckland" }).calendarDate("2026-03-18")).toBe("18 Mar 2026");
    expect(datesFor({ locale: "fr", timeZone: "America/Los_Angeles" }).calendarDayMonth("2026-03-18")).toBe("18 mars");
  });

  it("shares what two dates have in common in a range", () => {
    expect(formatCalendarRange("2026-03-16", "2026-03-18", { locale: "en" })).toBe("16–18 March 2026");
    expect(formatCalendarRange("2026-03-16", "2026-03-18", { locale: "fr" })).toBe("16–18 mars 2026");
    expect(formatCalendarRange("2026-03-30", "2026-04-02", { locale: "fr" })).toBe("30 mars – 2 avril 2026");
    expect(formatCalendarRange("2026-12-30", "2027-01-02", { locale: "en" })).toBe("30 December 2026 – 2 January 2027");
    expect(formatCalendarRange("2026-03-16", null, { locale: "en" })).toBe("16 March 2026");
  });
});

describe("a calendar day as moments in the zone", () => {
  it("starts at local midnight and lasts 23 hours when the clocks go forward, 25 when they go back", () => {
    expect(startOfDay("2026-03-29", "Europe/Brussels").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    const spring = dayBounds("2026-03-29", "Europe/Brussels");
    expect(spring.end.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3600_000);
    const autumn = dayBounds("2026-10-25", "Europe/Brussels");
    expect(autumn.start.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3600_000);
    expect(dayBounds("2026-03-18", "UTC").start.toISOString()).toBe("2026-03-18T00:00:00.000Z");
  });
});

describe("a wall-clock time of a visit day", () => {
  it("is the moment the zone's clock shows it, also on the day the clocks go forward", () => {
    expect(wallClockMoment("2026-03-10", "09:30", "Europe/Brussels").toISOString()).toBe("2026-03-10T08:30:00.000Z");
    expect(wallClockMoment("2026-03-29", "09:30", "Europe/Brussels").toISOString()).toBe("2026-03-29T07:30:00.000Z");
    expect(wallClockMoment("2026-03-10", "09:30", "UTC").toISOString()).toBe("2026-03-10T09:30:00.000Z");
  });

  it("is shown as the programme gives it, naming the zone in the reader's language", () => {
    expect(formatWallClockRange("2026-03-10", "09:30", "11:00", en)).toBe("09:30–11:00 CET");
    expect(formatWallClockRange("2026-03-10", "09:30", "11:00", fr)).toBe("09:30–11:00 UTC+1");
    expect(formatWallClockRange("2026-06-10", "14:00", null, en)).toBe("14:00 CEST");
  });
});

describe("time zone names", () => {
  it("accepts IANA names in their canonical spelling and refuses the rest", () => {
    expect(normaliseTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(normaliseTimeZone(" Europe/Brussels ")).toBe("Europe/Brussels");
    expect(normaliseTimeZone("UTC")).toBe("UTC");
    expect(normaliseTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(normaliseTimeZone("+01:00")).toBeNull();
    expect(normaliseTimeZone("")).toBeNull();
  });

  it("gives a form field an i18n message for a name it does not know", () => {
    expect(TimeZoneSchema.safeParse("europe/brussels")).toEqual({ success: true, data: "Europe/Brussels" });
    const bad = TimeZoneSchema.safeParse("Brussels time");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("errors.invalidTimeZone");
    expect(TimeZoneSchema.safeParse("  ").error?.issues[0]?.message).toBe("errors.required");
  });
});

/**
 * The server runs in UTC and the readers' browsers in Europe/Paris: the same moment must read the
 * same in both, or React reports a hydration mismatch. Node applies a change of process.env.TZ at once.
 */
describe("whatever zone the machine runs in", () => {
  const original = process.env.TZ;
  const sample = () => [
    formatDateTime("2026-10-25T00:30:00Z", en),
    formatDateTime("2026-10-25T01:30:00Z", fr),
    formatShortDateTime("2026-03-29T01:00:00Z", fr),
    formatDay("2026-09-03T22:30:00Z", en),
    formatCalendarDate("2026-03-18", { locale: "fr" }),
    formatCalendarRange("2026-03-30", "2026-04-02", { locale: "en" }),
    formatSortableDateTime("2026-01-05T23:59:00Z", "Europe/Brussels"),
    startOfDay("2026-03-29", "Europe/Brussels").toISOString(),
  ];
  let inUtc: string[];
  beforeAll(() => {
    process.env.TZ = "UTC";
    inUtc = sample();
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(["Europe/Paris", "Europe/Brussels", "America/New_York", "Pacific/Kiritimati"])("%s, every text is the same as in UTC", (zone) => {
    process.env.TZ = zone;
    // The machine's zone did change: a local-time getter now reads differently.
    expect(new Date("2026-10-25T00:30:00Z").getHours()).not.toBe(0);
    expect(sample()).toEqual(inUtc);
  });
});
