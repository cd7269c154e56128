import { z } from "zod";
import { describe, expect, it } from "vitest";
import { createI18n } from "#app/utils/i18n";
import { formErrorsOf, errorsOf, parseSubmission, submittedValue, submittedValues, type FormResult } from "#app/utils/forms";
import { invalid, phaseClosed, phaseClosedBy, readForm, readSubmission, unparsedSubmission } from "#app/utils/forms.server";
import { msg, optionalText, requiredText, splitMessage } from "#app/utils/validation";

const NoteSchema = z.object({
  title: requiredText(20),
  note: optionalText(100),
  tags: z.array(z.string()).max(2, msg("errors.tooLong", { max: 2 })),
});

function form(fields: [string, string][]) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return body;
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request("http://localhost/form", { method: "POST", body, headers });
}

describe("the form convention", () => {
  it("parses a form with its schema: empty fields are missing, repeated names an array", () => {
    const submission = parseSubmission(
      form([
        ["title", " Plan "],
        ["note", ""],
        ["tags", "a"],
      ]),
      NoteSchema,
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({ title: "Plan", note: "", tags: ["a"] });
  });

  it("answers bad input with 400, the i18n keys beside their fields and what was typed", async () => {
    const submission = parseSubmission(
      form([
        ["title", ""],
        ["note", "gardé"],
        ["tags", "a"],
        ["tags", "b"],
        ["tags", "c"],
      ]),
      NoteSchema,
    );
    const reply = invalid(submission);
    expect(reply.init?.status).toBe(400);
    const result: FormResult = reply.data;
    expect(errorsOf(result, "title")).toEqual(["errors.required"]);
    expect(errorsOf(result, "tags")).toEqual(['errors.tooLong|{"max":2}']);
    expect(submittedValue(result, "note")).toBe("gardé");
    expect(submittedValue(result, "tags")).toEqual(["a", "b", "c"]);
    // The key reads in the reader's language.
    const { key, params } = splitMessage(errorsOf(result, "tags")![0]!);
    expect(createI18n("fr").t(key, params)).not.toBe(key);
  });

  it("adds the model's refusals to a valid submission, form-level ones under the form", () => {
    const submission = parseSubmission(form([["title", "Plan"]]), NoteSchema);
    const result = invalid(submission, { formErrors: ["errors.fixBelow"], fieldErrors: { title: ["errors.conflict"] } }).data;
    expect(formErrorsOf(result)).toEqual(["errors.fixBelow"]);
    expect(errorsOf(result, "title")).toEqual(["errors.conflict"]);
    expect(submittedValue(result, "title")).toBe("Plan");
  });

  it("gives back dotted field names as the form wrote them", () => {
    const result = unparsedSubmission(
      form([
        ["answer.kf-01-q1", "Réponse"],
        ["version.kf-01-q1", "3"],
        ["summary", "Résumé"],
      ]),
    ).reply();
    expect(submittedValue(result, "answer.kf-01-q1")).toBe("Réponse");
    expect(submittedValues(result)).toEqual({ "answer.kf-01-q1": "Réponse", "version.kf-01-q1": "3", summary: "Résumé" });
  });

  it("says the phase closed while the user typed with 409, the message above the form and the text kept", () => {
    const reply = phaseClosed(unparsedSubmission(form([["title", "Trop tard"]])), "issued");
    expect(reply.init?.status).toBe(409);
    expect(reply.data.phaseClosed).toBe("issued");
    expect(formErrorsOf(reply.data)).toEqual(['errors.phaseClosedForm|{"phase":"issued"}']);
    expect(submittedValue(reply.data, "title")).toBe("Trop tard");
    const { key, params } = splitMessage(formErrorsOf(reply.data)![0]!);
    expect(createI18n("en").t(key, params)).toContain("“Issued”");
  });

  it("tells a phase refusal from any other error", () => {
    const closed = { type: "DataWithResponseInit", data: { message: "no", phase: "drafting" }, init: { status: 409 } };
    const forbidden = { type: "DataWithResponseInit", data: { message: "no", phase: "drafting" }, init: { status: 403 } };
    expect(phaseClosedBy(closed)).toBe("drafting");
    expect(phaseClosedBy(forbidden)).toBeNull();
    expect(phaseClosedBy(new Error("boom"))).toBeNull();
  });

  it("refuses a body that is not a form with 400", async () => {
    const json = post(JSON.stringify({ title: "x" }), { "Content-Type": "application/json" });
    await expect(readForm(json)).rejects.toMatchObject({ init: { status: 400 } });
    await expect(readSubmission(post("title=x", { "Content-Type": "text/plain" }), NoteSchema)).rejects.toMatchObject({ init: { status: 400 } });
    const ok = await readSubmission(post(new URLSearchParams({ title: "x" })), NoteSchema);
    expect(ok.status).toBe("success");
  });
});

describe("a page form seeded from the last result", () => {
  it("shows the messages and the typed text the server sent back, before any script runs", async () => {
    const { createElement } = await import("react");
    const { renderToString } = await import("react-dom/server");
    const { getInputProps } = await import("@conform-to/react");
    const { useSchemaForm } = await import("#app/utils/forms");
    const lastResult = invalid(parseSubmission(form([["title", "x".repeat(30)]]), NoteSchema)).data;
    function Page() {
      const [formMeta, fields] = useSchemaForm(NoteSchema, { lastResult });
      return createElement(
        "form",
        { id: formMeta.id },
        createElement("input", getInputProps(fields.title, { type: "text" })),
        createElement("p", { className: "error" }, fields.title.errors?.join(",")),
      );
    }
    const html = renderToString(createElement(Page));
    expect(html).toContain(`value="${"x".repeat(30)}"`);
    expect(html).toContain("errors.tooLong|{&quot;max&quot;:20}");
  });
});
