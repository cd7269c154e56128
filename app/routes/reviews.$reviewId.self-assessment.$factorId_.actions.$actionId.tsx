// Over 400 lines for now: one city action's form and its year-by-year results; the results table is the seam to split next.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { frameworkTerms, getKeyFactor, itemLabel, localize, localizedRatingScale, requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, SelectField, TextAreaField, TextField } from "#app/components/field";
import { TextBlocks } from "#app/components/paragraphs";
import { actionYearSchema, cityActionSchema, DeleteYearSchema, YEAR_MAX, YEAR_MIN } from "#app/models/city-action-schema";
import {
  actionStatuses,
  createCityAction,
  deleteActionYear,
  deleteCityAction,
  getCityAction,
  recordsCityActions,
  saveActionYear,
  updateCityAction,
} from "#app/models/city-action.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { isoDay } from "#app/utils/dates";
import { isFormResult, parseSubmission, readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { conflicted, invalid, readForm, refusedWithForm, requireFormPermission, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { guardWrites } from "#app/utils/storage.server";

/** "new" in the address opens an empty form for a new action. */
const NEW = "new";

function notFound(message = "cityActions:errors.unknownAction"): never {
  throw data({ message }, { status: 404 });
}

/** The review's plan and the commitment in the address, or 404 (a framework without city actions has none). */
function requireCommitment(frameworkId: string, factorId: string | undefined) {
  const framework = requireFramework(frameworkId);
  if (!recordsCityActions(framework)) notFound("cityActions:errors.noPlan");
  const commitment = getKeyFactor(framework, factorId ?? "");
  if (!commitment) notFound("cityActions:errors.unknownCommitment");
  return { framework, commitment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.self-assessment.$factorId_.actions.$actionId"));
  const { review } = access;
  const { framework, commitment } = requireCommitment(review.frameworkId, params.factorId);
  const isNew = params.actionId === NEW;
  const action = isNew ? null : await getCityAction({ reviewId: review.id, actionId: params.actionId ?? "" });
  if (!isNew && (!action || action.factorId !== commitment.id)) notFound();
  const canWrite = hasPermission(access, "self-assessment:write") && !commitment.retired;
  // Nobody may write, so there is no form to open: a reader is sent to the list.
  if (isNew && !canWrite) throw redirect(`/reviews/${review.id}/self-assessment/${commitment.id}/actions`);
  const locale = await getLocale(request);
  const terms = frameworkTerms(framework, locale);
  return {
    reviewId: review.id,
    terms,
    commitment: {
      id: commitment.id,
      label: itemLabel(terms, commitment.number),
      title: localize(commitment.title, locale),
      objective: localize(commitment.statement, locale),
    },
    action,
    statuses: localizedRatingScale(framework, locale).map(({ id, label }) => ({ id: id as string, label })),
    canWrite,
    thisYear: Number(isoDay(new Date(), review.timeZone).slice(0, 4)),
  };
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const gate = await requireFormPermission(request, params.reviewId, actionPermission("reviews.$reviewId.self-assessment.$factorId_.actions.$actionId"));
  if (gate.closed) return gate.closed;
  const { review, user } = gate.access;
  const form = await readForm(request);
  const { framework, commitment } = requireCommitment(review.frameworkId, params.factorId);
  if (commitment.retired) notFound();
  const statuses = actionStatuses(framework);
  const actionId = params.actionId ?? "";
  const list = `/reviews/${review.id}/self-assessment/${commitment.id}/actions`;
  const intent = form.get("intent");

  if (intent === "save") {
    const submission = parseSubmission(form, cityActionSchema(statuses));
    if (submission.status !== "success") return invalid(submission);
    const { intent: _intent, version, ...input } = submission.value;
    const outcome =
      actionId === NEW
        ? await createCityAction({ reviewId: review.id, factorId: commitment.id, userId: user.id, input })
        : await updateCityAction({ reviewId: review.id, actionId, userId: user.id, version, input });
    if (!outcome.ok) {
      if (outcome.status === 409) return conflicted(submission, outcome.current ?? null, outcome.errors._form ?? []);
      return refusedWithForm(submission, outcome.status, outcome.errors);
    }
    return redirect(`${list}?saved=${outcome.id}`);
  }
  if (actionId === NEW) return invalid(unparsedSubmission(form), { formErrors: ["errors.badRequest"] });
  if (intent === "delete") {
    const outcome = await deleteCityAction({ reviewId: review.id, actionId, userId: user.id });
    if (!outcome.ok) return refusedWithForm(unparsedSubmission(form), outcome.status, outcome.errors);
    return redirect(`${list}?deleted=1`);
  }
  if (intent === "save-year" || intent === "delete-year") {
    const submission = parseSubmission(form, intent === "save-year" ? actionYearSchema(statuses) : DeleteYearSchema);
    if (submission.status !== "success") return invalid(submission);
    const value = submission.value;
    const outcome =
      value.intent === "save-year"
        ? await saveActionYear({ reviewId: review.id, actionId, userId: user.id, input: { year: value.year, status: value.status, results: value.results } })
        : await deleteActionYear({ reviewId: review.id, actionId, userId: user.id, year: value.year });
    if (!outcome.ok) return refusedWithForm(submission, outcome.status, outcome.errors);
    return redirect(`${list}/${actionId}?${value.intent === "save-year" ? "yearSaved" : "yearDeleted"}=${value.year}`);
  }
  return invalid(unparsedSubmission(form), { formErrors: ["errors.badRequest"] });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function ActionForm({ data: loaderData, lastResult }: { data: LoaderData; lastResult: FormResult | null }) {
  const { t } = useTranslation("cityActions");
  const navigation = useNavigation();
  const { action, statuses } = loaderData;
  const schema = useMemo(() => cityActionSchema(statuses.map((status) => status.id)), [statuses]);
  const [form] = useSchemaForm(schema, { id: "city-action", lastResult });
  const result = lastResult ? readResult(lastResult) : null;
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const typed = (name: string, saved: string) => {
    const value = result?.values[name];
    return typeof value === "string" ? value : saved;
  };
  const conflict = result?.conflict as { version: number; updatedByName: string | null } | null | undefined;
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" {...getFormProps(form)} key={`${action?.id ?? NEW}-${action?.version ?? 0}`} className="city-action-form">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={conflict?.version ?? action?.version ?? 0} />
      <FormError message={form.errors?.[0] ?? result?.formError} />
      {conflict ? <p className="notice warn">{t("form.conflict", { name: conflict.updatedByName ?? "—" })}</p> : null}
      <TextField
        id="action-title"
        name="title"
        type="text"
        label={t("fields.title")}
        defaultValue={typed("title", action?.title ?? "")}
        errors={errors.title}
      />
      <TextAreaField
        id="action-description"
        name="description"
        label={t("fields.description")}
        rows={5}
        defaultValue={typed("description", action?.description ?? "")}
        errors={errors.description}
      />
      <div className="grid-2">
        <TextField
          id="action-service"
          name="responsibleService"
          type="text"
          label={t("fields.responsibleService")}
          defaultValue={typed("responsibleService", action?.responsibleService ?? "")}
          errors={errors.responsibleService}
        />
        <SelectField
          id="action-status"
          name="status"
          label={t("fields.status")}
          hint={t("form.statusHint")}
          defaultValue={typed("status", action?.status ?? "")}
          errors={errors.status}
          options={[{ value: "", label: t("form.chooseStatus") }, ...statuses.map((status) => ({ value: status.id, label: status.label }))]}
        />
      </div>
      <TextAreaField
        id="action-partners"
        name="partners"
        label={t("fields.partners")}
        hint={t("form.partnersHint")}
        rows={2}
        defaultValue={typed("partners", action?.partners ?? "")}
        errors={errors.partners}
      />
      <div className="grid-2">
        <TextField
          id="action-start"
          name="startYear"
          type="text"
          inputMode="numeric"
          label={t("fields.startYear")}
          hint={t("form.yearHint", { min: YEAR_MIN, max: YEAR_MAX })}
          defaultValue={typed("startYear", action ? String(action.startYear) : String(loaderData.thisYear))}
          errors={errors.startYear}
        />
        <TextField
          id="action-end"
          name="endYear"
          type="text"
          inputMode="numeric"
          label={t("fields.endYear")}
          hint={t("form.endYearHint")}
          defaultValue={typed("endYear", action?.endYear ? String(action.endYear) : "")}
          errors={errors.endYear}
        />
      </div>
      <TextField
        id="action-budget"
        name="budget"
        type="text"
        label={t("fields.budget")}
        hint={t("form.budgetHint")}
        defaultValue={typed("budget", action?.budget ?? "")}
        errors={errors.budget}
      />
      <TextAreaField
        id="action-indicators"
        name="indicators"
        label={t("fields.indicators")}
        hint={t("form.indicatorsHint")}
        rows={3}
        defaultValue={typed("indicators", action?.indicators ?? "")}
        errors={errors.indicators}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("common:status.saving") : action ? t("form.save") : t("form.add")}
        </button>
        <Link to={`/reviews/${loaderData.reviewId}/self-assessment/${loaderData.commitment.id}/actions`}>{t("common:actions.cancel")}</Link>
      </div>
    </Form>
  );
}

function YearForm({ data: loaderData, lastResult }: { data: LoaderData; lastResult: FormResult | null }) {
  const { t } = useTranslation("cityActions");
  const navigation = useNavigation();
  const { action, statuses, thisYear } = loaderData;
  const schema = useMemo(() => actionYearSchema(statuses.map((status) => status.id)), [statuses]);
  const [form] = useSchemaForm(schema, { id: "action-year", lastResult });
  const result = lastResult ? readResult(lastResult) : null;
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const typed = (name: string, saved: string) => {
    const value = result?.values[name];
    return typeof value === "string" ? value : saved;
  };
  if (!action) return null;
  const year = Math.max(action.startYear, Math.min(thisYear, action.endYear ?? thisYear));
  const recorded = action.years.find((entry) => entry.year === year);
  return (
    <Form method="post" {...getFormProps(form)} key={`${action.id}-${action.years.length}-${action.years.map((entry) => entry.results.length).join(".")}`}>
      <input type="hidden" name="intent" value="save-year" />
      <FormError message={form.errors?.[0] ?? result?.formError} />
      <div className="grid-2">
        <TextField
          id="year-year"
          name="year"
          type="text"
          inputMode="numeric"
          label={t("fields.year")}
          defaultValue={typed("year", String(year))}
          errors={errors.year}
        />
        <SelectField
          id="year-status"
          name="status"
          label={t("fields.yearStatus")}
          defaultValue={typed("status", recorded?.status ?? action.status)}
          errors={errors.status}
          options={statuses.map((status) => ({ value: status.id, label: status.label }))}
        />
      </div>
      <TextAreaField
        id="year-results"
        name="results"
        label={t("fields.results")}
        hint={t("form.resultsHint")}
        rows={4}
        defaultValue={typed("results", recorded?.results ?? "")}
        errors={errors.results}
      />
      <div className="actions">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("years.save")}
        </button>
      </div>
    </Form>
  );
}

export default function CityActionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("cityActions");
  const navigation = useNavigation();
  const { reviewId, commitment, action, statuses, canWrite } = loaderData;
  const result = isFormResult(actionData) ? actionData : null;
  const intentOf = (value: FormResult | null) => (value ? readResult(value).values.intent : undefined);
  const statusLabel = (id: string) => statuses.find((status) => status.id === id)?.label ?? id;
  const list = `/reviews/${reviewId}/self-assessment/${commitment.id}/actions`;
  const otherError = result && !["save", "save-year"].includes(String(intentOf(result))) ? readResult(result).formError : undefined;

  return (
    <>
      <p className="breadcrumb no-print">
        <Link to={`/reviews/${reviewId}/self-assessment`}>{t("selfAssessment:overview.title")}</Link> ›{" "}
        <Link to={`/reviews/${reviewId}/self-assessment/${commitment.id}`}>{commitment.label}</Link> › <Link to={list}>{t("list.title")}</Link>
      </p>
      <h1>{action ? action.title : t("form.newTitle", { label: commitment.label })}</h1>
      <p className="sa-statement">
        {commitment.label} — {commitment.title}
      </p>
      <FormError message={otherError} />
      {canWrite ? (
        <section className="card" aria-labelledby="action-form-title">
          <h2 id="action-form-title">{action ? t("form.editTitle") : t("form.addTitle")}</h2>
          <ActionForm data={loaderData} lastResult={intentOf(result) === "save" ? result : null} />
        </section>
      ) : action ? (
        <section className="card" aria-labelledby="action-facts-title">
          <h2 id="action-facts-title">{t("form.readTitle")}</h2>
          <dl className="facts">
            <dt>{t("fields.status")}</dt>
            <dd>
              <span className={`pill ${action.status}`}>{statusLabel(action.status)}</span>
            </dd>
            <dt>{t("fields.responsibleService")}</dt>
            <dd>{action.responsibleService || "—"}</dd>
            <dt>{t("fields.partners")}</dt>
            <dd>{action.partners || "—"}</dd>
            <dt>{t("fields.period")}</dt>
            <dd>{action.endYear ? t("period.range", { start: action.startYear, end: action.endYear }) : t("period.since", { start: action.startYear })}</dd>
            <dt>{t("fields.budget")}</dt>
            <dd>{action.budget || "—"}</dd>
            <dt>{t("fields.indicators")}</dt>
            <dd>{action.indicators || "—"}</dd>
          </dl>
          {action.description ? <TextBlocks text={action.description} /> : null}
        </section>
      ) : null}

      {action ? (
        <section className="card" aria-labelledby="years-title">
          <h2 id="years-title">{t("years.title")}</h2>
          <p className="hint muted">{t("years.hint")}</p>
          {action.years.length ? (
            <ul className="plain-list action-years">
              {action.years.map((entry) => (
                <li key={entry.year}>
                  <h3>
                    {entry.year} · <span className={`pill ${entry.status}`}>{statusLabel(entry.status)}</span>
                  </h3>
                  {entry.results ? <TextBlocks text={entry.results} /> : <p className="muted">{t("years.noResults")}</p>}
                  {canWrite ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete-year" />
                      <input type="hidden" name="year" value={entry.year} />
                      <button type="submit" className="secondary" disabled={navigation.state === "submitting"}>
                        {t("years.delete", { year: entry.year })}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("years.none")}</p>
          )}
          {canWrite ? (
            <>
              <h3>{t("years.record")}</h3>
              <YearForm data={loaderData} lastResult={intentOf(result) === "save-year" ? result : null} />
            </>
          ) : null}
        </section>
      ) : null}

      {action && canWrite ? (
        <Form
          method="post"
          className="actions"
          onSubmit={(event) => {
            if (!window.confirm(t("form.confirmDelete", { title: action.title }))) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="danger" disabled={navigation.state === "submitting"}>
            {t("form.delete")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => data?.action?.title ?? t("titles.cityAction"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
