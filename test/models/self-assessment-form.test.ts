import { describe, expect, it } from "vitest";
import { parseContextNotes, parseWholeForm } from "#app/models/self-assessment-form";
import { ANSWER_MAX_LENGTH } from "#app/models/self-assessment-fields";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("reading the self-assessment forms", () => {
  it("reads every answer with the version it was written from, forced over a newer one, and leaves out one given up", () => {
    const parsed = parseWholeForm(
      form({
        "answer.kf-01-q1": "Mine",
        "version.kf-01-q1": "2",
        "answer.kf-01-q2": "Mine over theirs",
        "version.kf-01-q2": "1",
        "force.kf-01-q2": "4",
        "answer.kf-01-q3": "Given up",
        "version.kf-01-q3": "1",
        "take.kf-01-q3": "",
        factorVersion: "3",
        rating: "partly-in-place",
        summary: "A summary",
      }),
    );
    expect(parsed.errors).toEqual({});
    expect(parsed.answers).toEqual([
      { questionId: "kf-01-q1", text: "Mine", version: 2 },
      { questionId: "kf-01-q2", text: "Mine over theirs", version: 4 },
    ]);
    expect(parsed.assessment).toEqual({ rating: "partly-in-place", summary: "A summary", version: 3 });
  });

  it("names the field of a text over its limit and refuses a forged version", () => {
    const parsed = parseWholeForm(form({ "answer.kf-01-q1": "x".repeat(ANSWER_MAX_LENGTH + 1), "answer.kf-01-q2": "ok", "version.kf-01-q2": "-1" }));
    expect(parsed.errors["answer.kf-01-q1"]).toHaveLength(1);
    expect(parsed.errors._form).toEqual(["selfAssessment:errors.badVersion"]);
    expect(parsed.answers.map((answer) => answer.questionId)).toEqual(["kf-01-q1"]);
  });

  it("reads the contextual notes the same way, each with its effect", () => {
    const parsed = parseContextNotes(
      form({
        "note.cf-data-availability": "Little data",
        "version.cf-data-availability": "1",
        "effect.cf-data-availability": "hinders",
        "note.cf-legal-framework": "",
        "version.cf-legal-framework": "0",
        "note.cf-other": "Theirs kept",
        "take.cf-other": "",
      }),
    );
    expect(parsed.errors).toEqual({});
    expect(parsed.notes).toEqual([
      { contextualFactorId: "cf-data-availability", note: "Little data", effect: "hinders", version: 1 },
      { contextualFactorId: "cf-legal-framework", note: "", effect: null, version: 0 },
    ]);
  });
});
