import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { frameworkTerms, getKeyFactor, itemLabel, localize, localizedRatingScale, requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { TextBlocks } from "#app/components/paragraphs";
import { listCityActions, recordsCityActions } from "#app/models/city-action.server";
import { decideSuggestion, loadPrefillView, resolvePrefillSource } from "#app/models/prefill.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { isFormResult } from "#app/utils/forms";
import { invalid, readSubmission, refusedWithForm, requireFormPermission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { guardWrites } from "#app/utils/storage.server";
import { DecideSchema, PrefillSuggestions } from "#app/components/prefill-suggestions";

function notFound(message: string): never {
  throw data({ message }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.self-assessment.$factorId_.actions._index"));
  const { review } = access;
  const framework = requireFramework(review.frameworkId);
  if (!recordsCityActions(framework)) notFound("cityActions:errors.noPlan");
  const commitment = getKeyFactor(framework, params.factorId ?? "");
  if (!commitment) notFound("cityActions:errors.unknownCommitment");
  const locale = await getLocale(request);
  const terms = frameworkTerms(framework, locale);
  const actions = await listCityActions({ reviewId: review.id, factorId: commitment.id });
  // Suggestions from the city's other review (EUROCITIES), through the mapping: never carried silently.
  const prefill = await loadPrefillView(access, { from: new URL(request.url).searchParams.get("from"), factorId: commitment.id, locale });
  if (!prefill.ok) throw data({ message: prefill.message }, { status: prefill.status });
  const active = framework.keyFactors.filter((candidate) => !candidate.retired);
  const index = active.findIndex((candidate) => candidate.id === commitment.id);
  const neighbour = (position: number) => {
    const other = active[position];
    return other ? { id: other.id, label: itemLabel(terms, other.number), title: localize(other.title, locale) } : null;
  };
  return {
    reviewId: review.id,
    terms,
    commitment: {
      id: commitment.id,
      label: itemLabel(terms, commitment.number),
      title: localize(commitment.title, locale),
      objective: localize(commitment.statement, locale),
    },
    actions: actions.map((action) => ({
      id: action.id,
      title: action.title,
      description: action.description,
      status: action.status,
      responsibleService: action.responsibleService,
      partners: action.partners,
      startYear: action.startYear,
      endYear: action.endYear,
      source: action.source,
      latestYear: action.years[0] ?? null,
    })),
    statuses: localizedRatingScale(framework, locale).map(({ id, label }) => ({ id: id as string, label })),
    canWrite: hasPermission(access, "self-assessment:write") && !commitment.retired,
    prefill: prefill.view,
    previous: index > 0 ? neighbour(index - 1) : null,
    next: index >= 0 ? neighbour(index + 1) : null,
  };
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const gate = await requireFormPermission(request, params.reviewId, actionPermission("reviews.$reviewId.self-assessment.$factorId_.actions._index"));
  if (gate.closed) return gate.closed;
  const access = gate.access;
  // The body first, as every action does: a body that is not a form is a 400 whatever the page.
  const submission = await readSubmission(request, DecideSchema);
  const framework = requireFramework(access.review.frameworkId);
  if (!recordsCityActions(framework)) notFound("cityActions:errors.noPlan");
  const commitment = getKeyFactor(framework, params.factorId ?? "");
  if (!commitment || commitment.retired) notFound("cityActions:errors.unknownCommitment");
  if (submission.status !== "success") return invalid(submission);
  const { from, type, id, decision } = submission.value;
  const locale = await getLocale(request);
  // The other review is checked again as this member reads it now: a refusal is the error page, as on the page itself.
  const resolved = await resolvePrefillSource(access, from, locale);
  if (!resolved.ok) throw data({ message: resolved.message }, { status: resolved.status });
  const outcome = await decideSuggestion({ target: access, resolved, factorId: commitment.id, type, id, decision, locale });
  if (!outcome.ok) return refusedWithForm(submission, outcome.status === 400 ? 400 : 409, { "": [outcome.message] });
  const query = new URLSearchParams({ from, decided: decision, ...(outcome.actionId ? { action: outcome.actionId } : {}) });
  return redirect(`/reviews/${access.review.id}/self-assessment/${commitment.id}/actions?${query}#suggestions`);
}

export const clientAction = keepTextOnFailure;

export default function CommitmentActions() {
  const { reviewId, commitment, actions, statuses, canWrite, prefill, previous, next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("cityActions");
  const [searchParams] = useSearchParams();
  const statusLabel = (id: string) => statuses.find((status) => status.id === id)?.label ?? id;
  const base = `/reviews/${reviewId}/self-assessment`;
  const saved = searchParams.get("saved");
  const deleted = searchParams.get("deleted");
  const decided = searchParams.get("decided");
  const acceptedAction = actions.find((entry) => entry.id === searchParams.get("action"));

  return (
    <>
      <p className="breadcrumb no-print">
        <Link to={base}>{t("selfAssessment:overview.title")}</Link> › <Link to={`${base}/${commitment.id}`}>{commitment.label}</Link> › {t("list.title")}
      </p>
      <h1>
        {commitment.label} — {commitment.title}
      </h1>
      <p className="sa-statement">{commitment.objective}</p>
      {saved ? (
        <p className="notice ok" role="status">
          {t("list.saved")}
        </p>
      ) : null}
      {deleted ? (
        <p className="notice ok" role="status">
          {t("list.deleted")}
        </p>
      ) : null}

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t("list.title")}</h2>
        <p className="hint muted">{t("list.intro")}</p>
        {actions.length ? (
          <ul className="plain-list city-actions">
            {actions.map((action) => (
              <li key={action.id} className="card city-action">
                <h3>
                  <Link to={`${base}/${commitment.id}/actions/${action.id}`}>{action.title}</Link>{" "}
                  <span className={`pill ${action.status}`}>{statusLabel(action.status)}</span>
                </h3>
                <p className="muted">
                  {action.endYear ? t("period.range", { start: action.startYear, end: action.endYear }) : t("period.since", { start: action.startYear })}
                  {action.responsibleService ? ` · ${action.responsibleService}` : ""}
                  {action.partners ? ` · ${t("list.partners", { partners: action.partners })}` : ""}
                </p>
                {action.description ? <TextBlocks text={action.description} /> : null}
                {action.latestYear ? (
                  <p>
                    <strong>{t("list.latestYear", { year: action.latestYear.year, status: statusLabel(action.latestYear.status) })}</strong>{" "}
                    {action.latestYear.results ? action.latestYear.results.split("\n")[0] : t("years.noResults")}
                  </p>
                ) : (
                  <p className="muted">{t("years.none")}</p>
                )}
                {action.source ? <p className="muted small">{action.source}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="notice">{t("list.none")}</p>
        )}
        {canWrite ? (
          <p className="actions">
            <Link to={`${base}/${commitment.id}/actions/new`} className="button">
              {t("list.add")}
            </Link>
          </p>
        ) : null}
      </section>

      {decided === "accepted" || decided === "rejected" ? (
        <p className="notice ok" role="status">
          {decided === "rejected"
            ? t("prefill.rejected")
            : acceptedAction
              ? t("prefill.acceptedAction", { title: acceptedAction.title })
              : t("prefill.accepted")}
        </p>
      ) : null}
      <PrefillSuggestions view={prefill} canDecide={canWrite} result={isFormResult(actionData) ? actionData : null} />

      <nav className="sa-pager no-print" aria-label={t("list.pager")}>
        {previous ? (
          <Link to={`${base}/${previous.id}/actions`} rel="prev">
            <span aria-hidden="true">← </span>
            {previous.label} — {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`${base}/${next.id}/actions`} rel="next">
            {next.label} — {next.title}
            <span aria-hidden="true"> →</span>
          </Link>
        ) : null}
      </nav>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? `${data.commitment.label} — ${data.commitment.title}` : t("titles.cityActions")));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
