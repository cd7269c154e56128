import { describe, expect, it } from "vitest";
import { wrapLines } from "#app/components/rating-chart";

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
