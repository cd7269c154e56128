import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { localize, requireFramework } from "#benchmark/index";
import { RatingChart } from "#app/components/rating-chart";
import { getI18n } from "#app/utils/i18n";
import { buildReportModel } from "#reports/model";
import { ratingChartSvg, reportChartInput, wrapLines } from "#reports/chart";
import { FRAMEWORK_ID, fullSnapshot } from "./fixtures";

describe("the rating chart's labels", () => {
  it("keep a short title on one line", () => {
    expect(wrapLines("2. Strategy", 44)).toEqual(["2. Strategy"]);
  });

  it("wrap the longest French title on two lines, whole words only", () => {
    const lines = wrapLines("7. La lutte contre la discrimination dans les services essentiels", 44);
    expect(lines).toEqual(["7. La lutte contre la discrimination dans", "les services essentiels"]);
    expect(lines.every((line) => line.length <= 44)).toBe(true);
  });

  it("end the last line with an ellipsis when the text needs more lines", () => {
    const lines = wrapLines("one two three four five six seven eight", 10);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });
});

/** The bars of an SVG string, then the legend's swatches: their widths, in drawing order. */
const barWidths = (svg: string) => [...svg.matchAll(/<rect x="184" y="[\d.]+" width="([\d.]+)" height="6"/g)].map((match) => Number(match[1]));

describe("one rating chart for the page and the report", () => {
  it("draws the same bars on the conclusions page as in the report, for the same ratings", () => {
    const model = buildReportModel(fullSnapshot(), { locale: "en", issuedAt: null });
    const report = ratingChartSvg(reportChartInput(model));
    const framework = requireFramework(FRAMEWORK_ID);
    const rows = model.factors.map((factor) => ({
      number: factor.number,
      label: factor.title,
      self: factor.self.rating.id,
      peer: factor.peer?.conclusion?.rating.id ?? null,
    }));
    const page = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: getI18n("en") },
        createElement(RatingChart, {
          rows,
          title: "Self-rating and peer rating",
          scale: framework.ratingScale.map((rating) => ({ id: rating.id, label: localize(rating.label, "en") })),
        }),
      ),
    );
    expect(barWidths(page)).toEqual(barWidths(report));
    expect(barWidths(report).length).toBeGreaterThan(model.factors.length);
    // On the page it is an image with a name and a description that lists every value.
    expect(page).toContain('role="img"');
    expect(page).toContain("<title>Self-rating and peer rating</title>");
    expect(page).toMatch(/<desc>Bar chart\..*Factor 1: self-rating [^,]+, peer rating/);
  });

  it("lays out any scale: five positions for the ECCAR implementation scale", () => {
    const svg = ratingChartSvg({
      levels: ["Not started", "Planned", "In progress", "Implemented", "Embedded in policy"],
      series: [{ label: "Self-rating", color: "#8fb0d6" }],
      rows: [{ number: 1, title: "A commitment", bars: [{ level: 5, missing: "" }] }],
    });
    // A bar at the top position is as long as the plot (5 steps of the 5-step scale); then the legend's swatch.
    expect(barWidths(svg)).toEqual([295, 14]);
    expect(svg).not.toContain("<title>");
  });
});
