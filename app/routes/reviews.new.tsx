import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FRAMEWORK_IDS, listFrameworks, localize } from "#benchmark/index";
import { REVIEW_KINDS } from "#db/enums";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, SelectField, TextField } from "#app/components/field";
import { createReview } from "#app/models/review.server";
import { requireAdmin } from "#app/utils/auth.server";
import { LOCALES, pageTitle } from "#app/utils/i18n";
import { DEFAULT_TIME_ZONE, listTimeZones, TimeZoneSchema } from "#app/utils/dates";
import { getLocale } from "#app/utils/locale.server";
import { choice, msg, optionalDateSchema, requiredText } from "#app/utils/validation";
import { isFormResult, readResult, useSchemaForm } from "#app/utils/forms";
import { invalid, readSubmission } from "#app/utils/forms.server";
import { guardWrites } from "#app/utils/storage.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const locale = await getLocale(request);
  return {
    frameworks: listFrameworks().map((framework) => ({
      id: framework.id,
      label: `${localize(framework.title, locale)} (${framework.version})`,
    })),
    timeZones: listTimeZones(),
  };
}

const NewReviewSchema = z
  .object({
    hostCity: requiredText(200),
    country: requiredText(200),
    frameworkId: choice(FRAMEWORK_IDS as unknown as [string, ...string[]]),
    kind: choice(REVIEW_KINDS),
    visitStart: optionalDateSchema,
    visitEnd: optionalDateSchema,
    reportLocale: choice(LOCALES),
    // A client that sends no zone (a script, an older form) gets the default.
    timeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
    leadEmail: z
      .string({ error: msg("errors.required") })
      .trim()
      .min(1, msg("errors.required"))
      .pipe(z.email(msg("errors.invalidEmail"))),
  })
  .refine((value) => !value.visitStart || !value.visitEnd || value.visitEnd >= value.visitStart, {
    path: ["visitEnd"],
    message: "reviews:new.visitOrder",
  });

export const action = guardWrites(writeAction);

async function writeAction({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const submission = await readSubmission(request, NewReviewSchema);
  if (submission.status !== "success") return invalid(submission, { formErrors: ["errors.fixBelow"] });
  const created = await createReview({ input: submission.value, createdBy: user.id });
  const origin = new URL(request.url).origin;
  return {
    ok: true as const,
    reviewId: created.id,
    hostCity: submission.value.hostCity,
    invitationUrl: created.invitationToken ? `${origin}/invitations/${created.invitationToken}` : null,
  };
}

export default function NewReview() {
  const { frameworks, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("reviews");
  const result = isFormResult(actionData) ? actionData : null;
  const [form, fields] = useSchemaForm(NewReviewSchema, { id: "new-review", lastResult: result });
  const { values, formError } = readResult(result);
  if (actionData && "ok" in actionData) {
    return (
      <section>
        <h1>{t("new.title")}</h1>
        <p className="notice ok" role="status">
          {t("new.created")} {actionData.hostCity}
        </p>
        {actionData.invitationUrl ? (
          <>
            <p>{t("new.invitationLink")}</p>
            <p>
              <code className="invitation-link">{actionData.invitationUrl}</code>
            </p>
          </>
        ) : null}
        <p>
          <Link to="/reviews">{t("list.title")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>{t("new.title")}</h1>
      <FormError message={form.errors?.[0] ?? formError} />
      <Form method="post" {...getFormProps(form)}>
        <TextField label={t("new.hostCity")} name="hostCity" required defaultValue={String(values.hostCity ?? "")} errors={fields.hostCity.errors} />
        <TextField label={t("new.country")} name="country" required defaultValue={String(values.country ?? "")} errors={fields.country.errors} />
        <SelectField
          label={t("new.framework")}
          name="frameworkId"
          defaultValue={String(values.frameworkId ?? frameworks[0]?.id ?? "")}
          options={frameworks.map((framework) => ({ value: framework.id, label: framework.label }))}
          errors={fields.frameworkId.errors}
        />
        <SelectField
          label={t("new.kind")}
          name="kind"
          defaultValue={String(values.kind ?? "peer-review")}
          options={REVIEW_KINDS.map((kind) => ({ value: kind, label: t(`common:kinds.${kind}`) }))}
          errors={fields.kind.errors}
        />
        <TextField label={t("new.visitStart")} name="visitStart" type="date" defaultValue={String(values.visitStart ?? "")} errors={fields.visitStart.errors} />
        <TextField label={t("new.visitEnd")} name="visitEnd" type="date" defaultValue={String(values.visitEnd ?? "")} errors={fields.visitEnd.errors} />
        <SelectField
          label={t("new.reportLocale")}
          name="reportLocale"
          defaultValue={String(values.reportLocale ?? "en")}
          options={LOCALES.map((value) => ({ value, label: t(`common:languages.${value}`) }))}
          errors={fields.reportLocale.errors}
        />
        <TextField
          label={t("new.timeZone")}
          hint={t("new.timeZoneHint")}
          name="timeZone"
          list="time-zones"
          autoComplete="off"
          spellCheck={false}
          required
          defaultValue={String(values.timeZone ?? DEFAULT_TIME_ZONE)}
          errors={fields.timeZone.errors}
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <TextField
          label={t("new.leadEmail")}
          hint={t("new.leadHint")}
          name="leadEmail"
          type="email"
          required
          defaultValue={String(values.leadEmail ?? "")}
          errors={fields.leadEmail.errors}
        />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("new.create")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.newReview"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
