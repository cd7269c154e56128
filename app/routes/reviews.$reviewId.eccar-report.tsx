import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireFramework } from "#benchmark/index";
import { buildAnnualReportModel } from "#reports/annual-report-model";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, SelectField, TextField } from "#app/components/field";
import { TextBlocks } from "#app/components/paragraphs";
import { getAnnualReportSnapshot, parseReportYear, reportYears } from "#app/models/annual-report.server";
import { recordsCityActions, updateCoordinatingEntity } from "#app/models/city-action.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { isoDay } from "#app/utils/dates";
import { isFormResult, readResult, useSchemaForm } from "#app/utils/forms";
import { invalid, readSubmission, requireFormPermission } from "#app/utils/forms.server";
import { LOCALES, pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { guardWrites } from "#app/utils/storage.server";
import { optionalText } from "#app/utils/validation";

function notFound(): never {
  throw data({ message: "cityActions:errors.noPlan" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.eccar-report"));
  const { review } = access;
  const framework = requireFramework(review.frameworkId);
  if (!recordsCityActions(framework)) notFound();
  const now = new Date();
  const years = reportYears(framework, { now, timeZone: review.timeZone });
  const thisYear = Number(isoDay(now, review.timeZone).slice(0, 4));
  const askedYear = new URL(request.url).searchParams.get("year");
  const year = parseReportYear(askedYear, years) ?? thisYear;
  const snapshot = await getAnnualReportSnapshot({ reviewId: review.id, year });
  if (!snapshot) notFound();
  const locale = await getLocale(request);
  const model = buildAnnualReportModel(snapshot, { locale });
  return {
    reviewId: review.id,
    year,
    unknownYear: askedYear !== null && parseReportYear(askedYear, years) === null ? askedYear.slice(0, 20) : null,
    years,
    coordinatingEntity: model.coordinatingEntity,
    canEdit: hasPermission(access, "self-assessment:write"),
    planTitle: model.planTitle,
    itemsLabel: model.terms.Items,
    actionCount: model.actionCount,
    commitments: model.commitments.map((commitment) => ({
      id: commitment.id,
      label: commitment.label,
      title: commitment.title,
      actions: commitment.actions.map((action) => ({
        id: action.id,
        title: action.title,
        status: action.status,
        statusLabel: action.statusLabel,
        period: action.period,
        partners: action.partners,
        indicators: action.indicators,
        results: action.results,
        recorded: action.recorded,
      })),
    })),
  };
}

const CoordinatingEntitySchema = z.object({ intent: z.literal("coordinating-entity"), coordinatingEntity: optionalText(300) });

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const gate = await requireFormPermission(request, params.reviewId, actionPermission("reviews.$reviewId.eccar-report"));
  if (gate.closed) return gate.closed;
  const { review, user } = gate.access;
  const submission = await readSubmission(request, CoordinatingEntitySchema);
  if (!recordsCityActions(requireFramework(review.frameworkId))) notFound();
  if (submission.status !== "success") return invalid(submission);
  await updateCoordinatingEntity({ reviewId: review.id, userId: user.id, entity: submission.value.coordinatingEntity });
  const url = new URL(request.url);
  const year = url.searchParams.get("year");
  return redirect(`/reviews/${review.id}/eccar-report?${new URLSearchParams({ ...(year ? { year } : {}), saved: "1" })}`);
}

export default function AnnualReportPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { reviewId, year, years, coordinatingEntity, canEdit, commitments, actionCount, unknownYear } = loaderData;
  const { t } = useTranslation("cityActions");
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const lastResult = isFormResult(actionData) ? actionData : null;
  const [form] = useSchemaForm(CoordinatingEntitySchema, { id: "coordinating-entity", lastResult });
  const result = lastResult ? readResult(lastResult) : null;
  const typedEntity = result?.values.coordinatingEntity;
  const yearOptions: number[] = [];
  for (let option = years.to; option >= years.from; option -= 1) yearOptions.push(option);
  const pdf = (lang: string) => `/reviews/${reviewId}/eccar-report.pdf?${new URLSearchParams({ year: String(year), lang })}`;

  return (
    <>
      <h1>{t("report.title", { year })}</h1>
      <p className="sa-lead">{t("report.intro", { plan: loaderData.planTitle })}</p>
      {unknownYear ? <p className="notice warn">{t("report.unknownYear", { year: unknownYear, from: years.from, to: years.to, shown: year })}</p> : null}

      <section className="card" aria-labelledby="entity-title">
        <h2 id="entity-title">{t("report.coordinatingEntity")}</h2>
        <p className="hint muted">{t("report.coordinatingEntityHint")}</p>
        {searchParams.get("saved") && !result ? (
          <p className="notice ok" role="status">
            {t("report.entitySaved")}
          </p>
        ) : null}
        {canEdit ? (
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="coordinating-entity" />
            <FormError message={form.errors?.[0] ?? result?.formError} />
            <TextField
              id="coordinating-entity-input"
              name="coordinatingEntity"
              type="text"
              label={t("report.coordinatingEntityLabel")}
              defaultValue={typeof typedEntity === "string" ? typedEntity : coordinatingEntity}
              errors={form.allErrors.coordinatingEntity}
            />
            <div className="actions">
              <button type="submit" disabled={navigation.state === "submitting"}>
                {t("common:actions.save")}
              </button>
            </div>
          </Form>
        ) : (
          <p>{coordinatingEntity || <span className="muted">{t("report.noCoordinatingEntity")}</span>}</p>
        )}
      </section>

      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t("report.export")}</h2>
        <Form method="get" className="inline-form">
          <SelectField
            id="report-year"
            name="year"
            label={t("report.year")}
            defaultValue={String(year)}
            options={yearOptions.map((option) => ({ value: String(option), label: String(option) }))}
          />
          <button type="submit" className="secondary">
            {t("report.showYear")}
          </button>
        </Form>
        <p className="actions">
          {LOCALES.map((lang) => (
            <a key={lang} href={pdf(lang)} className="button" download>
              {t("report.download", { language: t(`report:languageNames.${lang}`) })}
            </a>
          ))}
        </p>
      </section>

      <section aria-labelledby="year-title">
        <h2 id="year-title">{t("report.yearTitle", { items: loaderData.itemsLabel, year })}</h2>
        <p>{actionCount ? t("report.actionCount", { count: actionCount, year }) : t("report.noActions", { year })}</p>
        {commitments.map((commitment) => (
          <article key={commitment.id} className="card annual-commitment">
            <h3>
              <Link to={`/reviews/${reviewId}/self-assessment/${commitment.id}/actions`}>
                {commitment.label} — {commitment.title}
              </Link>
            </h3>
            {commitment.actions.length ? (
              <ul>
                {commitment.actions.map((action) => (
                  <li key={action.id}>
                    <strong>{action.title}</strong> <span className={`pill ${action.status}`}>{action.statusLabel}</span>{" "}
                    <span className="muted">{action.period}</span>
                    {action.partners ? <p className="muted">{t("list.partners", { partners: action.partners })}</p> : null}
                    {action.recorded && action.results ? <TextBlocks text={action.results} /> : <p className="muted">{t("report.noResults", { year })}</p>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("report.noActionInYear", { year })}</p>
            )}
          </article>
        ))}
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.annualReport"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
