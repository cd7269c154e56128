import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, TextField } from "#app/components/field";
import { getLoginDelay, verifyLogin } from "#app/models/user.server";
import { requireSameOrigin } from "#app/utils/auth.server";
import { clientAddress } from "#app/utils/client-address.server";
import { getEnv } from "#app/utils/env.server";
import { createUserSession, getSessionUser, hasControlCharacter, safeRedirect } from "#app/utils/session.server";
import { formFailure, msg, parseForm } from "#app/utils/validation";
import { readForm } from "#app/utils/forms.server";
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

const LoginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, msg("errors.required"))
    .max(320, msg("errors.tooLong", { max: 320 }))
    .pipe(z.email(msg("errors.invalidEmail"))),
  password: z
    .string()
    .min(1, msg("errors.required"))
    .max(1000, msg("errors.tooLong", { max: 1000 })),
  redirectTo: z.string().optional(),
});

export const action = guardWrites(writeAction);

async function writeAction({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const parsed = parseForm(LoginSchema, await readForm(request));
  // Never echo the password back.
  const values = { ...parsed.values, password: "" };
  if (!parsed.ok) return data(formFailure(values, "errors.fixBelow", parsed.errors), { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  requirePlainRedirect(redirectTo);
  const address = clientAddress(request);
  const wait = await getLoginDelay({ email, address });
  if (wait > 0) {
    return data(formFailure(values, msg("auth:login.throttled", { seconds: Math.ceil(wait / 1000) })), {
      status: 429,
      headers: { "Retry-After": String(Math.ceil(wait / 1000)) },
    });
  }
  const user = await verifyLogin({ email, password, address });
  if (!user) {
    return data(formFailure(values, "auth:login.invalid"), { status: 400 });
  }
  return createUserSession({ request, userId: user.id, locale: user.locale, redirectTo: safeRedirect(redirectTo) });
}

export default function Login() {
  const { showDemo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("auth");
  const values = actionData?.values ?? {};
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <FormError message={actionData?.formError} />
      <Form method="post" data-login="" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          label={t("login.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={String(values.email ?? "")}
          errors={actionData?.errors.email}
        />
        <TextField label={t("login.password")} name="password" type="password" autoComplete="current-password" required errors={actionData?.errors.password} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      {showDemo ? <p className="muted">{t("login.demo")}</p> : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.signIn"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
