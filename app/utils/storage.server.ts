import { data, type ActionFunctionArgs } from "@remix-run/node";
import { unparsedSubmission } from "./forms.server";
import { logStorageFailure, storageFailureOf } from "./storage-failure.server";
import { formValues } from "./validation";

/** The form-level message: app/locales/{en,fr}/common.ts errors.cannotSave. */
export const CANNOT_SAVE = "errors.cannotSave";

/** The text fields of a form, never a password or a file: what goes back to the page. */
function typeable(submitted: FormData) {
  const form = new FormData();
  for (const [name, value] of submitted) if (typeof value === "string" && !/password/i.test(name)) form.append(name, value);
  return form;
}

/**
 * 503 with the form back: the form-level message above the form and what was typed, in the shape
 * of the form convention (conform's reply, docs/decisions/0009), and in the older
 * `{ ok, errors, values, formError }` shape that a few pages still read.
 */
export function cannotSave(submitted: FormData | null) {
  const form = submitted && typeable(submitted);
  const reply = form ? unparsedSubmission(form).reply({ formErrors: [CANNOT_SAVE] }) : { status: "error" as const, error: { "": [CANNOT_SAVE] } };
  return data({ ...reply, ok: false as const, errors: {}, values: form ? formValues(form) : {}, formError: CANNOT_SAVE, cannotSave: true }, { status: 503 });
}

/**
 * Every action that writes is exported through this guard: a storage failure anywhere in it (a
 * model's insert, the audit row, a session) becomes `cannotSave` with the submitted form, instead
 * of an error page that would take the form, and the text in it, away. Other errors pass through.
 */
export function guardWrites<Action extends (args: ActionFunctionArgs) => Promise<unknown>>(action: Action): Action {
  const guarded = async (args: ActionFunctionArgs) => {
    // The action reads the body; a copy is kept to give the form back if the write fails.
    const copy = args.request.clone();
    try {
      return await action(args);
    } catch (error) {
      const code = storageFailureOf(error);
      if (!code) throw error;
      logStorageFailure(args.request, code, error);
      const form = await copy.formData().catch(() => null);
      return cannotSave(form);
    }
  };
  return guarded as Action;
}
