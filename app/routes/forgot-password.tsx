import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, TextField } from "#app/components/field";
import { requestPasswordReset } from "#app/models/password-reset.server";
import { requireSameOrigin } from "#app/utils/auth.server";
import { formatDateTime } from "#app/utils/dates";
import { isFormResult, readResult, useSchemaForm } from "#app/utils/forms";
import { invalid, readSubmission } from "#app/utils/forms.server";
import { getI18n, isLocale, pageTitle } from "#app/utils/i18n";
import { mailConfigured, sendMail } from "#app/utils/mail.server";
import { appOrigin } from "#app/models/notification.server";
import { guardWrites } from "#app/utils/storage.server";
import { msg } from "#app/utils/validation";

export async function loader(_args: LoaderFunctionArgs) {
  return { mailConfigured: mailConfigured() };
}

const ForgotSchema = z.object({
  email: z
    .string({ error: msg("errors.required") })
    .trim()
    .min(1, msg("errors.required"))
    .max(320, msg("errors.tooLong", { max: 320 }))
    .pipe(z.email(msg("errors.invalidEmail"))),
});

export const action = guardWrites(writeAction);

async function writeAction({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = await readSubmission(request, ForgotSchema);
  if (submission.status !== "success") return invalid(submission);
  const { email } = submission.value;
  if (mailConfigured()) {
    const reset = await requestPasswordReset({ email });
    if (reset) {
      const { account, token, expiresAt } = reset;
      const t = getI18n(isLocale(account.locale) ? account.locale : "en").getFixedT(null, "accounts");
      // The answer does not wait for the mail: an address with an account answers as fast as one without.
      void sendMail({
        to: account.email,
        subject: t("mail.resetSubject"),
        text: t("mail.resetText", {
          email: account.email,
          link: `${appOrigin(request)}/reset-password/${token}`,
          until: formatDateTime(expiresAt, { locale: account.locale, timeZone: "UTC" }) + " UTC",
        }),
      });
    }
  }
  // The same answer for every address, with or without an account.
  return { sent: true as const, email };
}

export default function ForgotPassword() {
  const { mailConfigured } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("accounts");
  const result = isFormResult(actionData) ? actionData : null;
  const [form, fields] = useSchemaForm(ForgotSchema, { id: "forgot-password", lastResult: result });
  const { values } = readResult(result);
  const sent = actionData && !isFormResult(actionData) ? actionData : null;
  return (
    <section className="narrow">
      <h1>{t("forgot.title")}</h1>
      {!mailConfigured ? (
        <p className="notice warn">{t("forgot.noMail")}</p>
      ) : sent ? (
        <p className="notice ok" role="status">
          {t("forgot.sent", { email: sent.email })}
        </p>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <FormError message={form.errors?.[0]} />
          <Form method="post" {...getFormProps(form)}>
            <TextField
              label={t("forgot.email")}
              name="email"
              type="email"
              autoComplete="username"
              required
              defaultValue={String(values.email ?? "")}
              errors={fields.email.errors}
            />
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("forgot.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t("forgot.backToLogin")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.forgotPassword"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
