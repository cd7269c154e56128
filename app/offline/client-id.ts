import { z } from "zod";

/*
 * The id a browser gives an item it logs (an evidence item, an interview) before sending it, so
 * that sending it twice saves it once (docs/decisions/0022-offline-visit.md). Browser-safe.
 */

export const CLIENT_ID_FIELD = "clientId";

const ClientIdSchema = z.uuid();

/** The form's client id: undefined when none was sent, null when what was sent is not a uuid. */
export function readClientId(form: FormData): string | null | undefined {
  const value = form.get(CLIENT_ID_FIELD);
  if (value === null || value === "") return undefined;
  const parsed = ClientIdSchema.safeParse(value);
  return parsed.success ? parsed.data.toLowerCase() : null;
}
