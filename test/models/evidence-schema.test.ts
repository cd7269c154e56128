import { describe, expect, it } from "vitest";
import { listLocalizedFactors, requireFramework } from "#benchmark/index";
import { evidenceFormSchema } from "#app/models/evidence.server";
import { evidenceSchema } from "#app/models/evidence-schema";
import { errorsOf, parseSubmission } from "#app/utils/forms";

const framework = requireFramework("eurocities-anti-discrimination");
// What the browser builds from the page's factor list, and what the action builds from the framework.
const browser = evidenceSchema(listLocalizedFactors(framework, "fr"));
const server = evidenceFormSchema(framework);

function formOf(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  return form;
}

const quote = {
  kind: "interview-quote",
  interviewId: "demo-int-01",
  text: "Nous publions le bilan du plan\r\nchaque année.",
  factorIds: ["kf-02"],
  polarity: "supports",
};

describe("the evidence form's one schema", () => {
  it("reads a quote the same way in the browser and in the action, with plain line breaks", () => {
    const inBrowser = parseSubmission(formOf({ ...quote, factorNumbers: "7", questionIds: ["kf-02-q1"] }), browser);
    const inAction = parseSubmission(formOf({ ...quote, factorNumbers: "7", questionIds: ["kf-02-q1"] }), server);
    expect(inBrowser.status).toBe("success");
    expect(inBrowser.status === "success" ? inBrowser.value : null).toEqual(inAction.status === "success" ? inAction.value : null);
    expect(inBrowser.status === "success" ? inBrowser.value : null).toMatchObject({
      text: "Nous publions le bilan du plan\nchaque année.",
      factorIds: ["kf-02", "kf-07"],
      questionIds: ["kf-02-q1"],
      documentId: null,
    });
  });

  it("reports every problem at once, beside its field, on both sides alike", () => {
    const form = { kind: "interview-quote", interviewId: "", text: "  ", factorNumbers: "12", questionIds: ["kf-05-q1"], polarity: "sideways" };
    const replies = [browser, server].map((schema) => parseSubmission(formOf(form), schema).reply());
    for (const reply of replies) {
      expect(errorsOf(reply, "text")).toEqual(["errors.required"]);
      expect(errorsOf(reply, "polarity")).toEqual(["errors.invalidChoice"]);
      expect(errorsOf(reply, "factorNumbers")).toEqual(['evidence:errors.unknownFactorNumber|{"value":"12"}']);
      expect(errorsOf(reply, "questionIds")).toEqual(['evidence:errors.questionOutsideFactors|{"number":5}']);
    }
    expect(replies[0]!.error).toEqual(replies[1]!.error);
  });

  it("asks for the interview of a quote and the document of a document item", () => {
    const noInterview = parseSubmission(formOf({ ...quote, interviewId: "" }), browser).reply();
    expect(errorsOf(noInterview, "interviewId")).toEqual(["evidence:errors.interviewRequired"]);
    const noDocument = parseSubmission(formOf({ ...quote, kind: "document" }), browser).reply();
    expect(errorsOf(noDocument, "documentId")).toEqual(["evidence:errors.documentRequired"]);
  });
});

describe("the action's schema", () => {
  it("is built once per framework and reads every save alike", () => {
    expect(evidenceFormSchema(framework)).toBe(server);
    for (const text of ["Première citation.", "Deuxième citation."]) {
      const result = parseSubmission(formOf({ ...quote, text }), evidenceFormSchema(framework));
      expect(result.status).toBe("success");
      expect(result.status === "success" && result.value.text).toBe(text);
    }
    // Another framework gets its own schema, with its own factors.
    const eccar = requireFramework("eccar-10-point-plan");
    expect(evidenceFormSchema(eccar)).not.toBe(server);
  });
});
