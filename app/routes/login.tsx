import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, TextField } from "#app/components/field";
import { getLoginDelay, verifyLogin } from "#app/models/user.server";
import { requireSameOrigin } from "#app/utils/auth.server";
import { clientAddress } from "#app/utils/client-address.server";
import { getEnv } from "#app/utils/env.server";
import { createUserSession, getSessionUser, hasControlCharacter, safeRedirect } from "#app/utils/session.server";
import { msg } from "#app/utils/validation";
import { readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { readSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";

/** A redirect target with CR, LF or another control character is a forged link, not a typo. */
function requirePlainRedirect(redirectTo: string | null | undefined) {
  if (redirectTo && hasControlCharacter(redirectTo)) {
    throw data({ message: "auth:login.badRedirect" }, { status: 400 });
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  requirePlainRedirect(redirectTo);
  const user = await getSessionUser(request);
  if (user) throw redirect(safeRedirect(redirectTo));
  return { showDemo: getEnv().seedDemo };
}

type LoginSubmission = Awaited<ReturnType<typeof readSubmission<typeof LoginSchema>>>;

/** A refused sign-in: the messages, the email as typed, never the password. */
function refuseLogin(
  submission: LoginSubmission,
  status: number,
  options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> },
  init: ResponseInit = {},
) {
  const reply: FormResult = submission.reply(options);
  return data({ ...reply, initialValue: { ...reply.initialValue, password: "" } } satisfies FormResult, { ...init, status });
}

const LoginSchema = z.object({
  // conform sends an empty field as missing: "required" is the message either way.
  email: z
    .string({ error: msg("errors.required") })
    .trim()
    .min(1, msg("errors.required"))
    .max(320, msg("errors.tooLong", { max: 320 }))
    .pipe(z.email(msg("errors.invalidEmail"))),
  password: z
    .string({ error: msg("errors.required") })
    .min(1, msg("errors.required"))
    .max(1000, msg("errors.tooLong", { max: 1000 })),
  redirectTo: z.string().optional(),
});

export const action = guardWrites(writeAction);

async function writeAction({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const submission = await readSubmission(request, LoginSchema);
  if (submission.status !== "success") return refuseLogin(submission, 400, { formErrors: ["errors.fixBelow"] });
  const { email, password, redirectTo } = submission.value;
  requirePlainRedirect(redirectTo);
  const address = clientAddress(request);
  const wait = await getLoginDelay({ email, address });
  if (wait > 0) {
    return refuseLogin(
      submission,
      429,
      { formErrors: [msg("auth:login.throttled", { seconds: Math.ceil(wait / 1000) })] },
      { headers: { "Retry-After": String(Math.ceil(wait / 1000)) } },
    );
  }
  const user = await verifyLogin({ email, password, address });
  if (!user) return refuseLogin(submission, 400, { formErrors: ["auth:login.invalid"] });
  if (user.deactivated) return refuseLogin(submission, 403, { fieldErrors: { email: ["auth:login.deactivated"] } });
  return createUserSession({ request, userId: user.id, locale: user.locale, redirectTo: safeRedirect(redirectTo) });
}

export default function Login() {
  const { showDemo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("auth");
  const [form, fields] = useSchemaForm(LoginSchema, { id: "login", lastResult: actionData });
  const { formError, values } = readResult(actionData);
  const notice = searchParams.get("notice");
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      {notice === "password-reset" || notice === "signed-out-everywhere" ? (
        <p className="notice ok" role="status">
          {t(`login.notices.${notice}`)}
        </p>
      ) : null}
      <FormError message={form.errors?.[0] ?? formError} />
      <Form method="post" data-login="" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          label={t("login.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={String(values.email ?? "")}
          errors={fields.email.errors}
        />
        <TextField label={t("login.password")} name="password" type="password" autoComplete="current-password" required errors={fields.password.errors} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      {showDemo ? <p className="muted">{t("login.demo")}</p> : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.signIn"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
