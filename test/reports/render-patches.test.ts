import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildFeedbackReport } from "#reports/feedback-report";
import { installedSpeedPatches, renderPdf, setSpeedPatches } from "#reports/render";
import type { ReviewSnapshot } from "#reports/snapshot";
import { getReportSnapshot } from "#app/models/report.server";
import { DEMO_REVIEW_ID, loadDemoReview } from "../utils";
import { pdfPages } from "./text";

/*
 * reports/render.ts patches pdfmake's internals for speed (decision 0007). The patches may change
 * the bytes (fewer, longer text runs) but never what a reader gets: the same demo report, rendered
 * with and without them, must give the same text, page by page.
 */

let snapshot: ReviewSnapshot;

beforeAll(async () => {
  await loadDemoReview();
  snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
});

afterEach(() => setSpeedPatches(true));

describe("the PDF adapter's speed patches", () => {
  it("both find pdfmake's internals in the shape they expect (a pdfmake upgrade that moves them fails here)", () => {
    expect(installedSpeedPatches()).toEqual(["shared word-shaping cache", "one text run per line and style"]);
  });

  it.each([
    ["en", "2026-04-20T09:30:00.000Z"],
    ["fr", null],
  ] as const)(
    "leave the text of the %s report unchanged (issued at %s)",
    async (locale, issuedAt) => {
      const definition = () => buildFeedbackReport(snapshot, { locale, issuedAt });
      const patched = await renderPdf(definition());
      setSpeedPatches(false);
      const unpatched = await renderPdf(definition());
      setSpeedPatches(true);

      // The patches are really on in one render and off in the other: the bytes differ...
      expect(patched.buffer.equals(unpatched.buffer)).toBe(false);
      // ...and a reader gets the same pages with the same text.
      expect(patched.pages).toBe(unpatched.pages);
      const patchedText = pdfPages(patched.buffer);
      expect(patchedText.join("").length).toBeGreaterThan(10_000);
      expect(patchedText).toEqual(pdfPages(unpatched.buffer));
    },
    60_000,
  );
});
