import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError } from "#app/components/field";
import { NewPasswordFields } from "#app/components/new-password-fields";
import { getPasswordReset, resetPassword } from "#app/models/password-reset.server";
import { requireSameOrigin } from "#app/utils/auth.server";
import { readResult, useSchemaForm } from "#app/utils/forms";
import { readSubmission, refusedWithoutPasswords } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { confirmedPassword, newPasswordFields } from "#app/utils/password-rules";
import { guardWrites } from "#app/utils/storage.server";

const STATUS = { unknown: 404, used: 410, expired: 410 } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await getPasswordReset({ token: params.token ?? "" });
  // A used, expired or unknown link says which, with a way to ask again; 404/410 for clients.
  if (state.status !== "valid") return data({ state: state.status, email: null }, { status: STATUS[state.status] });
  return { state: state.status, email: state.email };
}

const ResetSchema = confirmedPassword(z.object(newPasswordFields));

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = await readSubmission(request, ResetSchema);
  if (submission.status !== "success") return refusedWithoutPasswords(submission.reply(), 400);
  const result = await resetPassword({ token: params.token ?? "", password: submission.value.password });
  if (result.status === "invalid-password") return refusedWithoutPasswords(submission.reply({ fieldErrors: { password: [result.message] } }), 400);
  if (result.status !== "done") return refusedWithoutPasswords(submission.reply({ formErrors: [`accounts:reset.${result.status}`] }), STATUS[result.status]);
  return redirect("/login?notice=password-reset");
}

export default function ResetPassword() {
  const { state, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("accounts");
  const [form, fields] = useSchemaForm(ResetSchema, { id: "reset-password", lastResult: actionData });
  const { formError } = readResult(actionData);
  if (state !== "valid") {
    return (
      <section className="narrow">
        <h1>{t("reset.title")}</h1>
        <p className="form-error" role="alert">
          {t(`reset.${state}`)}
        </p>
        <p>
          <Link to="/forgot-password">{t("reset.askAgain")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("reset.title")}</h1>
      <p>{t("reset.intro", { email })}</p>
      <FormError message={form.errors?.[0] ?? formError} />
      {formError ? (
        <p>
          <Link to="/forgot-password">{t("reset.askAgain")}</Link>
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="text" name="username" autoComplete="username" value={email ?? ""} readOnly hidden />
        <NewPasswordFields errors={{ password: fields.password.errors, confirm: fields.confirm.errors }} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("reset.submit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.resetPassword"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
