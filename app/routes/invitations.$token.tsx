import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, SelectField, TextField } from "#app/components/field";
import { NewPasswordFields } from "#app/components/new-password-fields";
import { acceptInvitation, getInvitation, invitationAccount, joinByInvitation } from "#app/models/invitation.server";
import { requireSameOrigin } from "#app/utils/auth.server";
import { LOCALES, pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { confirmedPassword, newPasswordFields } from "#app/utils/password-rules";
import { createUserSession, getSessionUser } from "#app/utils/session.server";
import { choice, requiredText } from "#app/utils/validation";
import { isFormResult, parseSubmission, readResult, useSchemaForm } from "#app/utils/forms";
import { readForm, refusedWithoutPasswords, unparsedSubmission } from "#app/utils/forms.server";
import { guardWrites } from "#app/utils/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const state = await getInvitation({ token: params.token ?? "" });
  const locale = await getLocale(request);
  if (state.status !== "valid") {
    // Same page for unknown, used and expired links, with the reason; 404/410 for clients.
    return data({ state: state.status, invitation: null, locale }, { status: state.status === "unknown" ? 404 : 410 });
  }
  const { email, role, hostCity } = state.invitation;
  return { state: state.status, invitation: { email, role, hostCity }, locale, account: await accountState(request, email) };
}

/**
 * An invitation to an address that already has an account is accepted by that account, signed
 * in; null when the address has no account yet (the page then creates one).
 */
async function accountState(request: Request, email: string) {
  const account = await invitationAccount({ email });
  if (!account) return null;
  const user = await getSessionUser(request);
  return user?.id === account.id ? ("signed-in" as const) : user ? ("other-account" as const) : ("signed-out" as const);
}

const AcceptSchema = confirmedPassword(z.object({ name: requiredText(200), locale: choice(LOCALES), ...newPasswordFields }));

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const form = await readForm(request);
  const token = params.token ?? "";
  if (form.get("intent") === "join") {
    const user = await getSessionUser(request);
    if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: `/invitations/${token}` })}`);
    const joined = await joinByInvitation({ token, userId: user.id });
    if (joined.status === "accepted") return redirect(`/reviews/${joined.reviewId}`);
    const status = joined.status === "unknown" ? 404 : joined.status === "other-account" ? 403 : 410;
    const message = `auth:invitation.${joined.status === "other-account" ? "otherAccount" : joined.status}`;
    return data(unparsedSubmission(form).reply({ formErrors: [message] }), { status });
  }
  // Passwords are never sent back to the page.
  const submission = parseSubmission(form, AcceptSchema);
  if (submission.status !== "success") return refusedWithoutPasswords(submission.reply({ formErrors: ["errors.fixBelow"] }), 400);
  const result = await acceptInvitation({ token, ...submission.value });
  if (result.status === "invalid-password") {
    return refusedWithoutPasswords(submission.reply({ formErrors: ["errors.fixBelow"], fieldErrors: { password: [result.message] } }), 400);
  }
  if (result.status !== "accepted") {
    return refusedWithoutPasswords(submission.reply({ formErrors: [`auth:invitation.${result.status}`] }), result.status === "unknown" ? 404 : 410);
  }
  return createUserSession({ request, userId: result.userId, locale: submission.value.locale, redirectTo: `/reviews/${result.reviewId}` });
}

export default function AcceptInvitation() {
  const loaded = useLoaderData<typeof loader>();
  const { state, invitation, locale } = loaded;
  const account = "account" in loaded ? loaded.account : null;
  const { token } = useParams();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("auth");
  const result = isFormResult(actionData) ? actionData : null;
  const [form, fields] = useSchemaForm(AcceptSchema, { id: "invitation", lastResult: result });
  const { formError, values } = readResult(result);
  if (!invitation) {
    return (
      <section className="narrow">
        <h1>{t("invitation.title", { city: "…" })}</h1>
        <p className="form-error" role="alert">
          {t(`invitation.${state}`)}
        </p>
      </section>
    );
  }
  if (account) {
    return (
      <section className="narrow">
        <h1>{t("invitation.title", { city: invitation.hostCity })}</h1>
        <p>{t("invitation.existingIntro", { role: t(`common:roles.${invitation.role}`), email: invitation.email })}</p>
        <FormError message={formError} />
        {account === "signed-in" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("invitation.join")}
            </button>
          </Form>
        ) : account === "other-account" ? (
          <p>{t("invitation.otherAccount", { email: invitation.email })}</p>
        ) : (
          <p>
            <Link to={`/login?${new URLSearchParams({ redirectTo: `/invitations/${token}` })}`}>
              {t("invitation.signInToAccept", { email: invitation.email })}
            </Link>
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("invitation.title", { city: invitation.hostCity })}</h1>
      <p>{t("invitation.intro", { role: t(`common:roles.${invitation.role}`), email: invitation.email })}</p>
      <FormError message={form.errors?.[0] ?? formError} />
      <Form method="post" {...getFormProps(form)}>
        <TextField label={t("invitation.name")} name="name" autoComplete="name" required defaultValue={String(values.name ?? "")} errors={fields.name.errors} />
        <SelectField
          label={t("invitation.locale")}
          name="locale"
          defaultValue={String(values.locale ?? locale)}
          options={LOCALES.map((value) => ({ value, label: t(`common:languages.${value}`) }))}
          errors={fields.locale.errors}
        />
        <NewPasswordFields
          errors={{ password: fields.password.errors, confirm: fields.confirm.errors }}
          labels={{ password: t("invitation.password"), confirm: t("invitation.confirm") }}
        />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("invitation.submit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.invitation"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
