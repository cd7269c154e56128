import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, rowsToFit, TextAreaField } from "#app/components/field";
import { Paragraphs } from "#app/components/paragraphs";
import { asRefusal } from "#app/models/conclusion.server";
import { getSummary, saveSummary } from "#app/models/summary.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { formValues, msg, optionalText, parseForm } from "#app/utils/validation";
import { readForm } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.summary"));
  const summary = await getSummary({ reviewId: access.review.id });
  return { summary, canWrite: hasPermission(access, "summary:write") };
}

const SummarySchema = z.object({
  version: z
    .string({ error: msg("conclusions:errors.badVersion") })
    .regex(/^\d+$/, msg("conclusions:errors.badVersion"))
    .transform(Number),
  executiveSummary: optionalText(20_000),
  crossCuttingConclusions: optionalText(20_000),
});

type SummaryConflict = { executiveSummary: string; crossCuttingConclusions: string; version: number };

type SummaryFailure = {
  ok: false;
  errors: Record<string, string[] | undefined>;
  values: Record<string, string | string[]>;
  formError?: string;
  conflict?: SummaryConflict;
};

function fail(status: number, failure: Omit<SummaryFailure, "ok">) {
  return data({ ok: false as const, ...failure } satisfies SummaryFailure, { status });
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const { review, user } = access;
  const form = await readForm(request);
  try {
    authorize(access, actionPermission("reviews.$reviewId.summary"), request);
  } catch (error) {
    // The phase moved on (e.g. the review was issued) while the lead typed: say so, keep the text.
    if (asRefusal(error)?.status !== 409) throw error;
    const formError = review.phase === "issued" ? "conclusions:errors.issued" : "conclusions:errors.wrongPhase";
    return fail(409, { errors: {}, values: formValues(form), formError });
  }
  const parsed = parseForm(SummarySchema, form);
  if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
  try {
    await saveSummary({ reviewId: review.id, userId: user.id, ...parsed.data });
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return fail(refusal.status, { errors: {}, values: parsed.values, formError: refusal.message, conflict: refusal.conflict as SummaryConflict | undefined });
  }
  return redirect(`/reviews/${review.id}/summary?done=summary`);
}

export default function Summary() {
  const { summary, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("conclusions");
  const failure = actionData && !actionData.ok ? actionData : null;
  const conflict = failure?.conflict;
  const value = (name: "executiveSummary" | "crossCuttingConclusions") => (failure ? String(failure.values[name] ?? "") : summary[name]);
  return (
    <>
      <h1>{t("summary.title")}</h1>
      <p className="muted">{t("summary.intro")}</p>
      {searchParams.get("done") === "summary" ? (
        <p className="notice ok" role="status">
          {t("done.summary")}
        </p>
      ) : null}
      {canWrite ? (
        <>
          {conflict ? (
            <div className="conflict card" role="alert">
              <h2>{t("conflict.title")}</h2>
              <p>{t("conflict.intro")}</p>
              <h3>{t("conflict.theirs")}</h3>
              <h4>{t("summary.executiveSummary")}</h4>
              <Paragraphs className="prose" text={conflict.executiveSummary || t("summary.empty")} />
              <h4>{t("summary.crossCutting")}</h4>
              <Paragraphs className="prose" text={conflict.crossCuttingConclusions || t("summary.empty")} />
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="version" value={conflict ? conflict.version : summary.version} />
            {failure && !conflict ? <FormError message={failure.formError} /> : null}
            <TextAreaField
              label={t("summary.executiveSummary")}
              name="executiveSummary"
              className="long-text"
              rows={rowsToFit(value("executiveSummary"), { min: 12, lineChars: 90 })}
              defaultValue={value("executiveSummary")}
              errors={failure?.errors.executiveSummary}
            />
            <TextAreaField
              label={t("summary.crossCutting")}
              name="crossCuttingConclusions"
              className="long-text"
              rows={rowsToFit(value("crossCuttingConclusions"), { min: 12, lineChars: 90 })}
              defaultValue={value("crossCuttingConclusions")}
              errors={failure?.errors.crossCuttingConclusions}
            />
            <div className="actions">
              <button type="submit" disabled={navigation.state !== "idle"}>
                {navigation.state === "submitting" ? t("common:status.saving") : t("summary.save")}
              </button>
              <span className="muted">{t("summary.version", { version: summary.version })}</span>
            </div>
          </Form>
        </>
      ) : (
        <>
          <section aria-labelledby="executive-title">
            <h2 id="executive-title">{t("summary.executiveSummary")}</h2>
            {summary.executiveSummary ? <Paragraphs text={summary.executiveSummary} /> : <p className="muted">{t("summary.empty")}</p>}
          </section>
          <section aria-labelledby="cross-title">
            <h2 id="cross-title">{t("summary.crossCutting")}</h2>
            {summary.crossCuttingConclusions ? <Paragraphs text={summary.crossCuttingConclusions} /> : <p className="muted">{t("summary.empty")}</p>}
          </section>
        </>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.summary"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
