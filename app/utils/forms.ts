import { useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import type { Phase } from "#db/enums";

/*
 * The one form convention (docs/decisions/0009-one-form-convention.md), shared by server and
 * browser: each form has one zod schema beside it, parsed with conform on both sides; an action
 * answers bad input with a FormResult (status 400) that carries the messages and what was typed,
 * and throws Responses for 403, 404 and 409. Messages are i18n keys made with msg().
 */

/**
 * What an action returns when it does not redirect: conform's submission result (messages per
 * field, form-level messages under "", and the submitted values as `initialValue`), plus the two
 * answers a form needs beyond "fix these fields".
 */
export type FormResult<Conflict = unknown> = SubmissionResult<string[]> & {
  /** The lead moved the review on while the user typed: nothing was saved, the text stays. */
  phaseClosed?: Phase;
  /** Someone saved a newer version first (409): theirs, for the user to compare with their own. */
  conflict?: Conflict;
};

/** conform's name for messages about the whole form rather than one field. */
export const FORM_ERRORS = "";

/** Parses form data with a form's schema, the same way on the server and in the browser. */
export function parseSubmission<Schema extends z.ZodType>(formData: FormData | URLSearchParams, schema: Schema) {
  return parseWithZod(formData, { schema });
}

/** The messages for one field of a result (nested names with dots, "answer.kf-01-q1"). */
export function errorsOf(result: FormResult | null | undefined, name: string): string[] | undefined {
  return result?.error?.[name] ?? undefined;
}

/** The messages about the whole form. */
export function formErrorsOf(result: FormResult | null | undefined): string[] | undefined {
  return errorsOf(result, FORM_ERRORS);
}

/** The value the user sent for a (possibly nested) field name, so a page can show it again. */
export function submittedValue(result: FormResult | null | undefined, name: string): string | string[] | undefined {
  let value: unknown = result?.initialValue;
  for (const part of name.split(".")) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value as string[];
  return undefined;
}

/** The submitted values flattened to the form's own field names ("answer.kf-01-q1"). */
export function submittedValues(result: FormResult | null | undefined): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === "string") values[prefix] = value;
    else if (Array.isArray(value)) values[prefix] = value.filter((item): item is string => typeof item === "string");
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) walk(inner, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(result?.initialValue, "");
  return values;
}

/**
 * A result read the way a page shows it (and a test checks it): messages by field name, the
 * first form-level message, what was typed by field name, and the conflict or closed phase.
 */
export function readResult<Conflict = unknown>(result: FormResult<Conflict> | null | undefined) {
  const errors: Record<string, string[] | undefined> = {};
  for (const [name, messages] of Object.entries(result?.error ?? {})) if (name !== FORM_ERRORS && messages) errors[name] = messages;
  return {
    errors,
    formError: formErrorsOf(result)?.[0],
    values: submittedValues(result),
    conflict: result?.conflict,
    phaseClosed: result?.phaseClosed ?? null,
  };
}

/** Whether an action's answer is a FormResult rather than its success value. */
export function isFormResult(value: unknown): value is FormResult {
  return !!value && typeof value === "object" && "initialValue" in value;
}

/**
 * conform's form state for a page form: validated in the browser with the same schema once a
 * field is left, again on every keystroke after that, and seeded from the action's last result
 * so a refused submission shows its messages and keeps what was typed.
 */
export function useSchemaForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: Schema,
  options: { id?: string; lastResult?: FormResult | null; defaultValue?: DefaultValue<z.input<Schema>> } = {},
) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseSubmission(formData, schema),
  });
}
