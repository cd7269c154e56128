import { describe, expect, it } from "vitest";
import { documentSourceErrors } from "#app/models/document.server";

describe("a document needs a link or a file (the model's rule, whichever form asks)", () => {
  it("refuses a document with neither, on the link field", () => {
    expect(documentSourceErrors({ url: "", hasFile: false })).toEqual({ url: ["selfAssessment:documents.errors.linkOrFile"] });
    expect(documentSourceErrors({ url: null, hasFile: false })).toEqual({ url: ["selfAssessment:documents.errors.linkOrFile"] });
  });

  it("accepts a link, a file, or both", () => {
    expect(documentSourceErrors({ url: "https://belleforge.example/plan.pdf", hasFile: false })).toEqual({});
    expect(documentSourceErrors({ url: "", hasFile: true })).toEqual({});
    expect(documentSourceErrors({ url: "https://belleforge.example/plan.pdf", hasFile: true })).toEqual({});
  });
});
