import { describe, expect, it, vi } from "vitest";
import { keptMomentFormats } from "#app/routes/reviews.$reviewId.evidence/labels";
import { datesFor } from "#app/utils/dates";

describe("the moments the evidence log shows", () => {
  it("are formatted once per language and zone, from one render of the page to the next", () => {
    const ms = Date.UTC(2026, 2, 16, 13, 5);
    const paris = datesFor({ locale: "fr", timeZone: "Europe/Paris" });
    const dateTime = vi.spyOn(paris, "dateTime");
    const shortDateTime = vi.spyOn(paris, "shortDateTime");
    const first = keptMomentFormats(paris);
    expect(first.moment(ms)).toBe(datesFor({ locale: "fr", timeZone: "Europe/Paris" }).dateTime(ms));
    expect(first.short(ms)).toBe(datesFor({ locale: "fr", timeZone: "Europe/Paris" }).shortDateTime(ms));
    // The next render (a new `dates` of the same language and zone) finds them.
    const again = keptMomentFormats(datesFor({ locale: "fr", timeZone: "Europe/Paris" }));
    expect(again.moment(ms)).toBe(first.moment(ms));
    expect(again.short(ms)).toBe(first.short(ms));
    expect(dateTime).toHaveBeenCalledTimes(1);
    expect(shortDateTime).toHaveBeenCalledTimes(1);
  });

  it("are kept apart by language and by zone", () => {
    const ms = Date.UTC(2026, 2, 16, 23, 30);
    const texts = [
      keptMomentFormats(datesFor({ locale: "fr", timeZone: "Europe/Paris" })).moment(ms),
      keptMomentFormats(datesFor({ locale: "en", timeZone: "Europe/Paris" })).moment(ms),
      keptMomentFormats(datesFor({ locale: "en", timeZone: "UTC" })).moment(ms),
    ];
    expect(texts).toEqual(["17 mars 2026, 00:30 UTC+1", "17 Mar 2026, 00:30 CET", "16 Mar 2026, 23:30 UTC"]);
  });
});
