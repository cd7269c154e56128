import { useActionData, useSearchParams, type useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { action, loader } from "./route";
import type { Intent } from "./schema";

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;
type FailureData = Extract<NonNullable<ActionData>, { ok: false }>;

export function useFailure(intent: Intent, target?: { field: string; id: string }): FailureData | null {
  const actionData = useActionData<typeof action>();
  if (!actionData || actionData.ok || actionData.intent !== intent) return null;
  if (target && actionData.values[target.field] !== target.id) return null;
  return actionData;
}

export function useFormatDate() {
  const { i18n } = useTranslation();
  return (value: Date | string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

export function Done({ intents }: { intents: Intent[] }) {
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("conclusions");
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

