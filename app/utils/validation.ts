import { z } from "zod";

/**
 * Zod messages are i18n keys (namespace "common" unless prefixed "ns:"), optionally with
 * parameters after a "|": the same schema serves server and browser, and the page shows
 * the message in the reader's language.
 */
export function msg(key: string, params?: Record<string, string | number>) {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function splitMessage(message: string): { key: string; params: Record<string, unknown> } {
  const bar = message.indexOf("|");
  if (bar === -1) return { key: message, params: {} };
  try {
    return { key: message.slice(0, bar), params: JSON.parse(message.slice(bar + 1)) as Record<string, unknown> };
  } catch {
    return { key: message, params: {} };
  }
}

/** Trimmed text, required, at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string({ error: msg("errors.required") })
    .trim()
    .min(1, msg("errors.required"))
    .max(max, msg("errors.tooLong", { max }));
}

/** Trimmed text that may be empty, at most `max` characters. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, msg("errors.tooLong", { max }))
    .optional()
    .transform((value) => value ?? "");
}

function isRealDate(value: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const dateSchema = z.string().trim().refine(isRealDate, msg("errors.invalidDate"));

/** An ISO date or nothing: empty form fields become null. */
export const optionalDateSchema = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isRealDate(value), msg("errors.invalidDate"));

export const optionalHttpUrlSchema = z
  .string()
  .trim()
  .max(2000, msg("errors.tooLong", { max: 2000 }))
  .optional()
  .transform((value) => (value ? value : null))
  .refine((value) => {
    if (value === null) return true;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, msg("errors.invalidUrl"));

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: msg("errors.invalidChoice") });
}

export type FieldErrors = Record<string, string[] | undefined>;

/** Form fields as a plain object; repeated names (checkbox groups) become arrays. */
export function formValues(form: FormData, arrays: readonly string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    const all = form.getAll(name).filter((value): value is string => typeof value === "string");
    values[name] = arrays.includes(name) ? all : (all[0] ?? "");
  }
  for (const name of arrays) values[name] ??= [];
  return values;
}
