import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { OverdueMark, PlanStatusPill } from "#app/components/plan-status";
import { FormError, SelectField, TextAreaField, TextField } from "#app/components/field";
import { TextBlocks } from "#app/components/paragraphs";
import { PlanActionSchema, PlanUpdateSchema } from "#app/models/plan-action-schema";
import { addPlanUpdate, listPlanUpdates, savePlanAction } from "#app/models/plan-action.server";
import { listCityPartners } from "#app/models/partner.server";
import { listPlan } from "#app/models/recommendation.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { isFormResult, parseSubmission, readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { invalid, phaseClosed, phaseClosedBy, readForm, refusedWithForm, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, canUpdatePlanAction, loaderPermission, visiblePlanActions } from "#app/utils/permissions";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { useTextLanguage } from "#app/utils/text-language";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { PLAN_STATUSES } from "#db/enums";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.plan_.$recommendationId"));
  const { review } = access;
  const locale = await getLocale(request);
  // The same rule as the plan: a plan partner opens only an action its organisation owns (404 otherwise, as for an unknown one).
  const rows = visiblePlanActions(access, await listPlan({ reviewId: review.id, frameworkId: review.frameworkId, locale }));
  const action = rows.find((row) => row.id === params.recommendationId);
  if (!action) throw data({ message: "plan:errors.unknownAction" }, { status: 404 });
  const canManage = hasPermission(access, "plan:manage");
  return {
    reviewId: review.id,
    action,
    updates: await listPlanUpdates({ reviewId: review.id, recommendationId: action.id }),
    // The city's partners an action may be given to: only for those who plan.
    partners: canManage ? (await listCityPartners({ reviewId: review.id })).map(({ id, name }) => ({ id, name })) : [],
    can: { manage: canManage, update: canUpdatePlanAction(access, action) },
  };
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent !== "save-action" && intent !== "add-update") return invalid(unparsedSubmission(form), { formErrors: ["errors.badRequest"] });
  try {
    authorize(access, actionPermission("reviews.$reviewId.plan_.$recommendationId", intent), request);
  } catch (error) {
    // The review was archived or moved on while the user typed: say so, keep the text.
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    return phaseClosed(unparsedSubmission(form), phase);
  }
  const recommendationId = params.recommendationId ?? "";
  const page = `/reviews/${access.review.id}/plan/${recommendationId}`;
  if (intent === "save-action") {
    const submission = parseSubmission(form, PlanActionSchema);
    if (submission.status !== "success") return invalid(submission);
    const { intent: _intent, ...input } = submission.value;
    const outcome = await savePlanAction({ reviewId: access.review.id, recommendationId, userId: access.user.id, input });
    if (!outcome.ok) return refusedWithForm(submission, outcome.status, outcome.errors);
    return redirect(`${page}?done=saved`);
  }
  const submission = parseSubmission(form, PlanUpdateSchema);
  if (submission.status !== "success") return invalid(submission);
  const { intent: _intent, ...input } = submission.value;
  const outcome = await addPlanUpdate({ reader: access, recommendationId, input });
  if (!outcome.ok) return refusedWithForm(submission, outcome.status, outcome.errors);
  return redirect(`${page}?done=updated#progress`);
}

export const clientAction = keepTextOnFailure;

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** What a form's fields show: what was typed when the server sent it back, else what is saved. */
function typedValues(result: FormResult | null) {
  const values = result ? readResult(result).values : {};
  return (name: string, saved: string) => {
    const value = values[name];
    return typeof value === "string" ? value : saved;
  };
}

type PlanTextName = "ownerService" | "axis" | "startDate" | "dueDate" | "indicator" | "baseline" | "target";

function PlanForm({ loaderData, lastResult }: { loaderData: LoaderData; lastResult: FormResult | null }) {
  const { t } = useFrameworkTranslation("plan");
  const navigation = useNavigation();
  const { action, partners } = loaderData;
  const [form] = useSchemaForm(PlanActionSchema, { id: "plan-action", lastResult });
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const typed = typedValues(lastResult);
  /** A text or date field of the plan: labelled by its name, showing what was typed, else what is saved. */
  const field = (name: PlanTextName, id: string, saved: string, { type = "text", hint }: { type?: "text" | "date"; hint?: string } = {}) => (
    <TextField id={id} name={name} type={type} label={t(`fields.${name}`)} hint={hint} defaultValue={typed(name, saved)} errors={errors[name]} />
  );
  return (
    <Form method="post" {...getFormProps(form)} key={JSON.stringify([action.status, action.dueDate, action.ownerKey, action.updates])}>
      <input type="hidden" name="intent" value="save-action" />
      <FormError message={form.errors?.[0] ?? (lastResult ? readResult(lastResult).formError : undefined)} />
      <div className="grid-2">
        <SelectField
          id="plan-owner-partner"
          name="ownerPartnerId"
          label={t("fields.ownerPartner")}
          hint={t("hints.ownerPartner")}
          defaultValue={typed("ownerPartnerId", action.ownerPartnerId ?? "")}
          errors={errors.ownerPartnerId}
          options={[{ value: "", label: t("noPartner") }, ...partners.map((partner) => ({ value: partner.id, label: partner.name }))]}
        />
        {field("ownerService", "plan-owner-service", action.ownerService)}
      </div>
      {field("axis", "plan-axis", action.plannedAxis, { hint: t("hints.axis") })}
      <div className="grid-2">
        {field("startDate", "plan-start", action.startDate ?? "", { type: "date", hint: t("hints.date") })}
        {field("dueDate", "plan-due", action.dueDate ?? "", { type: "date", hint: t("hints.date") })}
      </div>
      {field("indicator", "plan-indicator", action.indicator)}
      <div className="grid-2">
        {field("baseline", "plan-baseline", action.baseline, { hint: t("hints.baseline") })}
        {field("target", "plan-target", action.target)}
      </div>
      <SelectField
        id="plan-status"
        name="status"
        label={t("fields.status")}
        defaultValue={typed("status", action.status)}
        errors={errors.status}
        options={PLAN_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <div className="actions">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("action.save")}
        </button>
      </div>
    </Form>
  );
}

function UpdateForm({ loaderData, lastResult }: { loaderData: LoaderData; lastResult: FormResult | null }) {
  const { t } = useTranslation("plan");
  const navigation = useNavigation();
  const { action, updates } = loaderData;
  const [form] = useSchemaForm(PlanUpdateSchema, { id: "plan-update", lastResult });
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const typed = typedValues(lastResult);
  return (
    <Form method="post" {...getFormProps(form)} key={updates.length}>
      <input type="hidden" name="intent" value="add-update" />
      <FormError message={form.errors?.[0] ?? (lastResult ? readResult(lastResult).formError : undefined)} />
      <TextAreaField id="update-note" name="note" label={t("fields.note")} rows={4} defaultValue={typed("note", "")} errors={errors.note} />
      <div className="grid-2">
        <TextField
          id="update-value"
          name="value"
          type="text"
          label={t("fields.value")}
          hint={t("hints.value")}
          defaultValue={typed("value", "")}
          errors={errors.value}
        />
        <SelectField
          id="update-status"
          name="status"
          label={t("fields.newStatus")}
          defaultValue={typed("status", action.status)}
          errors={errors.status}
          options={PLAN_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("action.addUpdate")}
        </button>
      </div>
    </Form>
  );
}

export default function PlanActionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("plan");
  const dates = useDates();
  const textLanguage = useTextLanguage();
  const { reviewId, action, updates, can } = loaderData;
  const result = isFormResult(actionData) ? actionData : null;
  const intent = result ? readResult(result).values.intent : undefined;
  const done = searchParams.get("done");
  const day = (value: string | null) => (value ? dates.calendarDate(value) : "—");
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to={`/reviews/${reviewId}/plan`}>{t("action.back")}</Link> › {t("action.title")}
      </p>
      <h1>{t("action.title")}</h1>
      {done === "saved" ? (
        <p className="notice ok" role="status">
          {t("action.saved")}
        </p>
      ) : done === "updated" ? (
        <p className="notice ok" role="status">
          {t("action.updated")}
        </p>
      ) : null}
      <section className="card" aria-labelledby="action-facts">
        <h2 id="action-facts">{t("action.facts")}</h2>
        <dl className="facts">
          <dt>{t("action.recommendation")}</dt>
          <dd lang={textLanguage}>{action.text}</dd>
          <dt>{t("action.factor")}</dt>
          <dd>
            {action.factorNumber}. {action.factorTitle}
          </dd>
          <dt>{t("fields.owner")}</dt>
          <dd>{action.owner ? (action.ownerPartnerId ? `${action.owner} (${t("partner")})` : action.owner) : "—"}</dd>
          <dt>{t("fields.axis")}</dt>
          <dd>{action.axis}</dd>
          <dt>{t("fields.startDate")}</dt>
          <dd>{day(action.startDate)}</dd>
          <dt>{t("fields.dueDate")}</dt>
          <dd>
            {day(action.dueDate)}
            <OverdueMark overdue={action.overdue} />
          </dd>
          <dt>{t("fields.indicator")}</dt>
          <dd>
            {action.indicator
              ? action.baseline
                ? t("action.indicatorLine", { indicator: action.indicator, baseline: action.baseline, target: action.target || "…" })
                : action.indicator
              : "—"}
          </dd>
          <dt>{t("fields.status")}</dt>
          <dd>
            <PlanStatusPill status={action.status} />
          </dd>
        </dl>
      </section>
      {can.manage ? (
        <section className="card" aria-labelledby="plan-form-title">
          <h2 id="plan-form-title">{t("action.planTitle")}</h2>
          <PlanForm loaderData={loaderData} lastResult={intent === "save-action" ? result : null} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="progress" id="progress-log">
        <h2 id="progress">{t("action.logTitle")}</h2>
        {updates.length ? (
          <ol className="plain-list plan-log">
            {updates.map((update) => (
              <li key={update.id}>
                <h3>
                  <time dateTime={new Date(update.createdAt).toISOString()}>
                    {t("action.logEntry", { date: dates.dateTime(update.createdAt), author: update.authorName ?? t("action.unknownAuthor") })}
                  </time>{" "}
                  · <PlanStatusPill status={update.status} />
                </h3>
                {update.value ? <p>{t("action.logValue", { value: update.value })}</p> : null}
                <TextBlocks text={update.note} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("action.logNone")}</p>
        )}
        {can.update ? (
          <>
            <h3>{t("action.updateTitle")}</h3>
            <UpdateForm loaderData={loaderData} lastResult={intent === "add-update" ? result : null} />
          </>
        ) : null}
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.planAction"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
