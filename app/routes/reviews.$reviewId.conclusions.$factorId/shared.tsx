import { useActionData, useSearchParams, type useLoaderData } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { getFormProps } from "@conform-to/react";
import type { z } from "zod";
import { isFormResult, readResult, submittedValue, useSchemaForm, type FormResult } from "#app/utils/forms";
import { useDates } from "#app/utils/use-dates";
import type { action, loader } from "./route";
import type { Intent } from "./schema";

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
/**
 * The action's last FormResult if it answered this form: several forms post here, so the intent
 * (and the item, for a list) the user sent tells which form it was for.
 */
export function useFormResult(intent: Intent, target?: { field: string; id: string }): FormResult | null {
  const actionData = useActionData<typeof action>();
  if (!isFormResult(actionData)) return null;
  if (submittedValue(actionData, "intent") !== intent) return null;
  if (target && submittedValue(actionData, target.field) !== target.id) return null;
  return actionData;
}

/** The same result, read for display: messages by field, the form's message, the typed values. */
export function useFailure(intent: Intent, target?: { field: string; id: string }) {
  const result = useFormResult(intent, target);
  return result ? readResult(result) : null;
}

/**
 * conform's state for one form of the page, validated in the browser with the form's schema and
 * seeded from the server's answer to it.
 */
export function usePageForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: Schema,
  id: string,
  intent: Intent,
  target?: { field: string; id: string },
) {
  const lastResult = useFormResult(intent, target);
  const [form] = useSchemaForm(schema, { id, lastResult });
  return {
    formProps: getFormProps(form),
    /** What the user sent last time, to put back in the fields. */
    values: lastResult ? readResult(lastResult).values : null,
    /** Messages by field name, from the browser's check or the server's answer. */
    errors: form.allErrors as Record<string, string[] | undefined>,
    formError: form.errors?.[0],
  };
}

export function useFormatDate() {
  const dates = useDates();
  return (value: Date | string) => dates.dateTime(value);
}

export function Done({ intents }: { intents: Intent[] }) {
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("conclusions");
  const done = searchParams.get("done");
  if (!done || !(intents as string[]).includes(done)) return null;
  return (
    <p className="notice ok" role="status">
      {t(`done.${done}`)}
    </p>
  );
}

export function excerpt(text: string, max = 140) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
