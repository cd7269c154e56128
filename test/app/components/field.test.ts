import { describe, expect, it } from "vitest";
import { rowsToFit } from "#app/components/field";

describe("a text area's rows", () => {
  it("stay at the minimum for short text and grow with paragraphs and long lines", () => {
    expect(rowsToFit("", { min: 12 })).toBe(12);
    const long = ["a".repeat(200), "", "b".repeat(90), "c"].join("\n");
    // 3 + 1 + 2 + 1 wrapped lines at 80 characters, plus one spare line.
    expect(rowsToFit(long, { min: 4 })).toBe(8);
    expect(rowsToFit("x\n".repeat(100), { max: 40 })).toBe(40);
  });
});
