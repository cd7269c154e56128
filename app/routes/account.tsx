import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, SelectField, TextField } from "#app/components/field";
import { NewPasswordFields } from "#app/components/new-password-fields";
import { changePassword, endAllSessions, getAccount, updatePreferences } from "#app/models/user.server";
import { requireUser } from "#app/utils/auth.server";
import { isFormResult, parseSubmission, readResult, useSchemaForm } from "#app/utils/forms";
import { invalid, readForm, refusedWithoutPasswords, unparsedSubmission } from "#app/utils/forms.server";
import { LOCALES, pageTitle } from "#app/utils/i18n";
import { localeCookie } from "#app/utils/locale.server";
import { mailConfigured } from "#app/utils/mail.server";
import { confirmedPassword, newPasswordFields } from "#app/utils/password-rules";
import { clearSessionCookie, getSessionId } from "#app/utils/session.server";
import { guardWrites } from "#app/utils/storage.server";
import { choice, msg } from "#app/utils/validation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = await getAccount({ userId: user.id });
  if (!account) throw redirect("/login");
  return { account, mailConfigured: mailConfigured() };
}

const PasswordSchema = confirmedPassword(
  z.object({
    intent: z.literal("password"),
    current: z.string({ error: msg("errors.required") }).max(1000, msg("errors.tooLong", { max: 1000 })),
    ...newPasswordFields,
  }),
);

const PreferencesSchema = z.object({
  intent: z.literal("preferences"),
  locale: choice(LOCALES),
  // A checkbox left unticked is not sent at all.
  mailNotifications: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

const SignOutSchema = z.object({ intent: z.literal("sign-out-everywhere") });

const SCHEMAS = { password: PasswordSchema, preferences: PreferencesSchema, "sign-out-everywhere": SignOutSchema } as const;

export const action = guardWrites(writeAction);

async function writeAction({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (!(intent in SCHEMAS)) return invalid(unparsedSubmission(form), { formErrors: ["errors.fixBelow"] });
  if (intent === "password") {
    const submission = parseSubmission(form, PasswordSchema);
    if (submission.status !== "success") return refusedWithoutPasswords(submission.reply(), 400);
    const changed = await changePassword({ userId: user.id, sessionId: await getSessionId(request), ...submission.value });
    if (!changed.ok) return refusedWithoutPasswords(submission.reply({ fieldErrors: { [changed.field]: [changed.message] } }), 400);
    return redirect("/account?saved=password");
  }
  if (intent === "preferences") {
    const submission = parseSubmission(form, PreferencesSchema);
    if (submission.status !== "success") return invalid(submission);
    await updatePreferences({ userId: user.id, ...submission.value });
    // The pages switch to the chosen language on this browser too.
    return redirect("/account?saved=preferences", { headers: { "Set-Cookie": await localeCookie.serialize(submission.value.locale) } });
  }
  await endAllSessions({ userId: user.id });
  return clearSessionCookie(request, "/login?notice=signed-out-everywhere");
}

export default function Account() {
  const { account, mailConfigured } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("accounts");
  const result = isFormResult(actionData) ? actionData : null;
  const { values } = readResult(result);
  const sentIntent = values.intent;
  const [passwordForm, passwordFields] = useSchemaForm(PasswordSchema, { id: "password", lastResult: sentIntent === "password" ? result : null });
  const [preferencesForm, preferencesFields] = useSchemaForm(PreferencesSchema, {
    id: "preferences",
    lastResult: sentIntent === "preferences" ? result : null,
  });
  const busy = navigation.state !== "idle";
  const saved = searchParams.get("saved");
  return (
    <section className="narrow">
      <h1>{t("account.title")}</h1>
      <p className="muted">{t("account.signedInAs", { name: account.name, email: account.email })}</p>

      <h2>{t("account.passwordTitle")}</h2>
      {saved === "password" ? (
        <p className="notice ok" role="status">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <FormError message={passwordForm.errors?.[0]} />
      <Form method="post" className="card" {...getFormProps(passwordForm)}>
        <input type="hidden" name="intent" value="password" />
        <input type="text" name="username" autoComplete="username" value={account.email} readOnly hidden />
        <TextField
          label={t("account.current")}
          name="current"
          type="password"
          autoComplete="current-password"
          required
          errors={passwordFields.current.errors}
        />
        <NewPasswordFields errors={{ password: passwordFields.password.errors, confirm: passwordFields.confirm.errors }} />
        <button type="submit" disabled={busy}>
          {t("account.changePassword")}
        </button>
      </Form>

      <h2>{t("account.preferencesTitle")}</h2>
      {saved === "preferences" ? (
        <p className="notice ok" role="status">
          {t("account.preferencesSaved")}
        </p>
      ) : null}
      <FormError message={preferencesForm.errors?.[0]} />
      <Form method="post" className="card" {...getFormProps(preferencesForm)}>
        <input type="hidden" name="intent" value="preferences" />
        <SelectField
          label={t("account.locale")}
          name="locale"
          defaultValue={String(sentIntent === "preferences" ? (values.locale ?? account.locale) : account.locale)}
          options={LOCALES.map((value) => ({ value, label: t(`common:languages.${value}`) }))}
          errors={preferencesFields.locale.errors}
        />
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="mailNotifications" defaultChecked={account.mailNotifications} aria-describedby="mail-hint" />{" "}
            {t("account.mailNotifications")}
          </label>
          <p className="hint" id="mail-hint">
            {mailConfigured ? t("account.mailHint") : t("account.mailNotConfigured")}
          </p>
        </div>
        <button type="submit" disabled={busy}>
          {t("account.savePreferences")}
        </button>
      </Form>

      <h2>{t("account.sessionsTitle")}</h2>
      <p>{t("account.sessionsIntro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit" className="secondary" disabled={busy}>
          {t("account.signOutEverywhere")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.account"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
