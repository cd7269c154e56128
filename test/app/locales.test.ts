import { describe, expect, it } from "vitest";
import { resources } from "#app/locales/index";
import { LOCALES } from "#app/utils/i18n";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every string's path, "namespace:deep.key", plural forms kept as they are written. */
function leaves(node: unknown, prefix: string, out: Map<string, string> = new Map()): Map<string, string> {
  if (typeof node === "string") out.set(prefix, node);
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) leaves(value, prefix.endsWith(":") ? `${prefix}${key}` : `${prefix}.${key}`, out);
  return out;
}

function keysOf(locale: (typeof LOCALES)[number]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [namespace, words] of Object.entries(resources[locale])) leaves(words, `${namespace}:`, out);
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();

/**
 * What two languages disagree on: a key only one has; a plural key missing its `_one` or its
 * `_other` form (i18next needs both in English and in French, where 0 takes `_one`); a text
 * that does not use the same {{variables}} as its translation.
 */
function differences(a: Map<string, string>, b: Map<string, string>, names: [string, string]): string[] {
  const problems: string[] = [];
  for (const [here, there, name, other] of [
    [a, b, names[0], names[1]],
    [b, a, names[1], names[0]],
  ] as const) {
    for (const [key, text] of here) {
      if (!there.has(key)) problems.push(`${key} is in ${name} but not in ${other}`);
      else if (name === names[0] && variables(text).join() !== variables(there.get(key)!).join())
        problems.push(`${key} uses {{${variables(text).join(", ")}}} in ${name} but {{${variables(there.get(key)!).join(", ")}}} in ${other}`);
      if (PLURAL_SUFFIX.test(key)) {
        const base = key.replace(PLURAL_SUFFIX, "");
        for (const form of ["one", "other"]) if (!here.has(`${base}_${form}`)) problems.push(`${base} has plural forms in ${name} but no _${form}`);
        if (here.has(base)) problems.push(`${base} is both a plain key and a plural in ${name}`);
      }
    }
  }
  return [...new Set(problems)].sort();
}

describe("translations", () => {
  it("have the same keys, plural forms and variables in every language, in every namespace", () => {
    const [first, ...others] = LOCALES;
    const reference = keysOf(first);
    expect(reference.size).toBeGreaterThan(500);
    for (const locale of others) expect(differences(reference, keysOf(locale), [first, locale])).toEqual([]);
  });

  it("tell a key missing in one language apart, however deep, and a plural missing a form", () => {
    const en = leaves({ a: { b: { c: "C {{n}}" } }, d_one: "one", d_other: "{{count}} d", e_other: "e", f: "f" }, "ns:");
    const fr = leaves({ a: { b: { c: "C {{m}}" } }, d_one: "un", d_other: "{{count}} d", e_other: "e", g: "g" }, "ns:");
    expect(differences(en, fr, ["en", "fr"])).toEqual([
      "ns:a.b.c uses {{n}} in en but {{m}} in fr",
      "ns:e has plural forms in en but no _one",
      "ns:e has plural forms in fr but no _one",
      "ns:f is in en but not in fr",
      "ns:g is in fr but not in en",
    ]);
  });
});
