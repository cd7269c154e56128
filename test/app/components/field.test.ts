import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { FieldErrors, TextAreaField, TextField, rowsToFit } from "#app/components/field";
import { getI18n } from "#app/utils/i18n";

describe("a text area's rows", () => {
  it("stay at the minimum for short text and grow with paragraphs and long lines", () => {
    expect(rowsToFit("", { min: 12 })).toBe(12);
    const long = ["a".repeat(200), "", "b".repeat(90), "c"].join("\n");
    // 3 + 1 + 2 + 1 wrapped lines at 80 characters, plus one spare line.
    expect(rowsToFit(long, { min: 4 })).toBe(8);
    expect(rowsToFit("x\n".repeat(100), { max: 40 })).toBe(40);
  });
});

describe("a field's errors", () => {
  it("are announced by a wrapper, so the list inside keeps its list semantics", () => {
    const errors = createElement(FieldErrors, { id: "name-error", errors: ["errors.required", "other message"] });
    const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: getI18n("en") }, errors));
    // The id aria-describedby names is on the alert; no role on the list or its items.
    expect(html).toMatch(/^<div id="name-error" class="field-errors" role="alert"><ul><li>[^<]+<\/li><li>other message<\/li><\/ul><\/div>$/);
    expect(html).not.toContain("errors.required");
  });
});

describe("a text field and a text area", () => {
  const render = (element: Parameters<typeof renderToStaticMarkup>[0]) =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n: getI18n("en") }, element));

  it("tie the control to its label, its hint and its errors, and pass the rest to the control", () => {
    const props = { id: "city", label: "City", hint: "As it is written locally", errors: ["other message"], name: "city", defaultValue: "Lyon" };
    const shown = { input: render(createElement(TextField, props)), textarea: render(createElement(TextAreaField, props)) };
    for (const [tag, html] of Object.entries(shown)) {
      expect(html).toContain('<label for="city">City</label>');
      expect(html).toContain('<p class="hint" id="city-hint">As it is written locally</p>');
      expect(html).toMatch(new RegExp(`<${tag} id="city" aria-invalid="true" aria-describedby="city-hint city-error" name="city"`));
      expect(html).toContain('id="city-error"');
    }
  });

  it("name neither hint nor error when there is none, and get an id of their own without one given", () => {
    const html = render(createElement(TextField, { label: "Name", name: "name" }));
    const id = /<label for="([^"]+)">Name<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<input id="${id}" name="name"/>`);
    expect(html).not.toContain("aria-describedby");
    expect(html).not.toContain("aria-invalid");
  });
});
