import { data } from "@remix-run/node";

/**
 * An expected refusal (bad input, conflict, closed phase, last lead…) thrown as data() by a model
 * or a guard. An action that wants to keep the user's text catches it with asRefusal() and
 * answers with the message next to the form; anything else reaches the error boundary.
 */
export type Refusal = {
  status: 400 | 403 | 404 | 409;
  /** An i18n key or a plain sentence. */
  message: string;
  field?: string;
  conflict?: unknown;
  phase?: string;
};

const STATUSES = new Set([400, 403, 404, 409]);

export function refuse(status: Refusal["status"], message: string, extra: Omit<Refusal, "status" | "message"> = {}): never {
  throw data({ message, ...extra }, { status });
}

/** The refusal carried by a thrown data() value, or null for anything else. */
export function asRefusal(error: unknown): Refusal | null {
  if (!error || typeof error !== "object" || (error as { type?: string }).type !== "DataWithResponseInit") return null;
  const { data: body, init } = error as { data: Omit<Refusal, "status">; init: { status?: number } | null };
  const status = init?.status ?? 500;
  if (!STATUSES.has(status)) return null;
  return { ...body, status: status as Refusal["status"] };
}
