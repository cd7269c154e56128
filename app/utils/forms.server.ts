import { parse } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { PHASES, type Phase } from "#db/enums";
import { requireReviewPermission } from "./auth.server";
import { parseSubmission, type FormResult } from "./forms";
import type { Permission } from "./permissions";
import { asRefusal, type Refusal } from "./refusal";
import { msg } from "./validation";

/*
 * The server half of the form convention (docs/decisions/0009-one-form-convention.md):
 * reading the body, answering bad input with 400, and the one way a form learns that the
 * review's phase closed while its user typed.
 */

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

export function badRequest(message: string): never {
  throw data({ message }, { status: 400 });
}

/**
 * Refuses with 400 a body no form of this app sends: JSON, plain text, a multipart body
 * without its boundary. Every action reads its body through here or `readForm`, so a
 * script posting the wrong thing gets a clear answer instead of a server error.
 */
export function requireFormBody(request: Request) {
  const contentType = request.headers.get("Content-Type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) badRequest("This address accepts only a form.");
  if (type === "multipart/form-data" && !/;\s*boundary=/i.test(contentType)) badRequest("This form could not be read.");
}

/** The submitted form, or a 400 when the body is not a form or cannot be read as one. */
export async function readForm(request: Request): Promise<FormData> {
  requireFormBody(request);
  try {
    return await request.formData();
  } catch {
    badRequest("This form could not be read.");
  }
}

type Replyable = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => FormResult };

/** Reads the request's form and parses it with the form's schema (see parseSubmission). */
export async function readSubmission<Schema extends z.ZodType>(request: Request, schema: Schema) {
  return parseSubmission(await readForm(request), schema);
}

/** The form's fields as a submission that can reply, for a refusal that comes before any schema. */
export function unparsedSubmission(formData: FormData): Replyable {
  return parse(formData, { resolve: () => ({ value: {} }) });
}

/**
 * 400: the messages beside their fields (or above the form) and what was typed. `fieldErrors`
 * adds the model's own refusals to the schema's.
 */
export function invalid(submission: Replyable, options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) {
  return data(submission.reply(options), { status: 400 });
}

/** A model's refusal map (`_form` for the whole form) as the options of `invalid`. */
export function modelErrors(errors: Record<string, string[] | undefined>) {
  const { _form: formErrors, ...fields } = errors;
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(fields)) if (messages?.length) fieldErrors[name] = messages;
  return { formErrors, fieldErrors };
}

/**
 * A model's refusal of an item the user may not touch or that is gone (403, 404), answered with
 * the form as typed rather than an error page, for forms whose text would otherwise be lost.
 */
export function refusedWithForm(submission: Replyable, status: 400 | 403 | 404 | 409, errors: Record<string, string[] | undefined>) {
  return data(submission.reply(modelErrors(errors)), { status });
}

/** 409: someone saved first; theirs travels with the user's text so the page can show both. */
export function conflicted<Conflict>(submission: Replyable, conflict: Conflict, formErrors: string[]) {
  return data({ ...submission.reply({ formErrors }), conflict } satisfies FormResult<Conflict>, { status: 409 });
}

/**
 * A model's refusal (a thrown data() with 400, 403, 404 or 409) answered beside the form: its
 * message under the field it names, or above the form, with the typed text and any conflict.
 */
export function refused(submission: Replyable, refusal: Refusal) {
  const reply = submission.reply(refusal.field ? { fieldErrors: { [refusal.field]: [refusal.message] } } : { formErrors: [refusal.message] });
  return data({ ...reply, ...(refusal.conflict === undefined ? {} : { conflict: refusal.conflict }) } satisfies FormResult, { status: refusal.status });
}

/** The phase a thrown 409 refusal names (the guard's "not in this phase"), or null. */
export function phaseClosedBy(error: unknown): Phase | null {
  const refusal = asRefusal(error);
  if (refusal?.status !== 409) return null;
  return (PHASES as readonly unknown[]).includes(refusal.phase) ? (refusal.phase as Phase) : null;
}

export const phaseClosedMessage = (phase: Phase) => msg("errors.phaseClosedForm", { phase });

/** 409: nothing saved because the phase closed; the message sits above the form, the text stays in it. */
export function phaseClosed(submission: Replyable, phase: Phase, message: string = phaseClosedMessage(phase)) {
  return data({ ...submission.reply({ formErrors: [message] }), phaseClosed: phase } satisfies FormResult, { status: 409 });
}

/**
 * The permission check of a form's action. When the only obstacle is the phase (the lead moved
 * the review on while the user typed), the answer is not an error page: `closed` is the reply
 * that gives the form back with its text and says why nothing was saved.
 */
export async function requireFormPermission(
  request: Request,
  reviewId: string | undefined,
  permission: Permission,
  message: (phase: Phase) => string = phaseClosedMessage,
) {
  try {
    return { access: await requireReviewPermission(request, reviewId, permission), closed: null };
  } catch (error) {
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    return { access: null, closed: phaseClosed(unparsedSubmission(await readForm(request)), phase, message(phase)) };
  }
}

/** Fields whose value never travels back to the page. */
const PASSWORD_FIELDS = ["password", "confirm", "current"];

/**
 * A refusal of a form with passwords in it: the messages and what else was typed, the password
 * fields sent back empty.
 */
export function refusedWithoutPasswords(reply: FormResult, status: number, init: ResponseInit = {}) {
  const initialValue: NonNullable<FormResult["initialValue"]> = { ...reply.initialValue };
  for (const name of PASSWORD_FIELDS) if (name in initialValue) initialValue[name] = "";
  return data({ ...reply, initialValue } satisfies FormResult, { ...init, status });
}
