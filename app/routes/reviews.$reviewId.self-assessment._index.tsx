import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { z } from "zod";
import { localize, requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError } from "#app/components/field";
import { countCityActions, recordsCityActions } from "#app/models/city-action.server";
import { countWaitingSuggestions } from "#app/models/prefill.server";
import { getSelfAssessmentProgress, submitSelfAssessment } from "#app/models/self-assessment-progress.server";
import { accessOf, getPreviousRatings } from "#app/models/cycle.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { getLocale } from "#app/utils/locale.server";
import { msg } from "#app/utils/validation";
import { readResult } from "#app/utils/forms";
import { invalid, readSubmission, requireFormPermission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { scrollRegion } from "#app/components/scroll-region";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.self-assessment._index"));
  const { review } = access;
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  const progress = await getSelfAssessmentProgress({ reviewId: review.id });
  if (!progress) throw data({ message: "errors.pageNotFound" }, { status: 404 });
  const titles = Object.fromEntries(framework.keyFactors.map((factor) => [factor.id, localize(factor.title, locale)]));
  // The previous cycle's ratings beside each factor, as on the factor page: the peers' only where the reader may read them there.
  let peerShown = false;
  const previousCycle = await getPreviousRatings({
    reviewId: review.id,
    peerReadable: async (previous) => (peerShown = (await accessOf([previous.id], access.user.id))[0]?.peer ?? false),
  });
  return {
    reviewId: review.id,
    kind: review.kind,
    factors: progress.factors.map((factor) => ({
      ...factor,
      title: titles[factor.factorId] ?? factor.factorId,
      previous: previousCycle ? (previousCycle.factors.get(factor.factorId) ?? { self: null, peer: null }) : null,
    })),
    previousCycle: previousCycle
      ? {
          date: previousCycle.review.issuedAt ?? previousCycle.review.createdAt,
          // The peers' rating line only where there was a peer review and the reader may read it there.
          peerShown: peerShown && previousCycle.review.kind === "peer-review",
        }
      : null,
    totals: progress.totals,
    submission: progress.submission,
    canSubmit: hasPermission(access, "self-assessment:write"),
    // A plan of action (ECCAR): how many actions the city runs under each commitment.
    actionCounts: recordsCityActions(framework) ? await countCityActions({ reviewId: review.id }) : null,
    // …and the suggestions waiting from the city's other review (EUROCITIES), to decide one by one.
    prefill: recordsCityActions(framework) ? await countWaitingSuggestions(access, locale) : null,
  };
}

const SubmitSchema = z.object({ intent: z.literal("submit", { error: msg("errors.badRequest") }) });

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  // The phase moved on while the page was open: nothing is submitted, the page says why.
  const { access, closed } = await requireFormPermission(request, params.reviewId, actionPermission("reviews.$reviewId.self-assessment._index"), (phase) =>
    msg("selfAssessment:overview.submitClosed", { phase }),
  );
  if (closed) return closed;
  const submission = await readSubmission(request, SubmitSchema);
  if (submission.status !== "success") return invalid(submission, { formErrors: ["errors.badRequest"] });
  await submitSelfAssessment({ reviewId: access.review.id, userId: access.user.id });
  return redirect(`/reviews/${access.review.id}/self-assessment?submitted=1`);
}

function Meter({ id, label, value, max, children }: { id: string; label: string; value: number; max: number; children?: ReactNode }) {
  return (
    <div className="sa-meter">
      <div className="sa-meter__label" id={`${id}-label`}>
        {label}
      </div>
      <progress className="progress" id={id} max={Math.max(max, 1)} value={value} aria-labelledby={`${id}-label`} aria-describedby={`${id}-value`} />
      <div className="sa-meter__value" id={`${id}-value`}>
        {children}
      </div>
    </div>
  );
}

export default function SelfAssessmentOverview() {
  const { reviewId, kind, factors, totals, submission, canSubmit, actionCounts, prefill, previousCycle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("selfAssessment");
  const dates = useDates();
  const formatDateTime = (value: Date | string) => dates.dateTime(value, { month: "long" });
  const changedFactors = factors.filter((factor) => factor.changedSinceSubmission);
  const missing = [
    totals.answered < totals.questions ? t("overview.missing.questions", { count: totals.questions - totals.answered }) : null,
    totals.rated < totals.factors ? t("overview.missing.ratings", { count: totals.factors - totals.rated }) : null,
    totals.summaries < totals.factors ? t("overview.missing.summaries", { count: totals.factors - totals.summaries }) : null,
    totals.factorsWithDocuments < totals.factors ? t("overview.missing.documents", { count: totals.factors - totals.factorsWithDocuments }) : null,
    totals.contextDescribed < totals.contextualFactors ? t("overview.missing.context", { count: totals.contextualFactors - totals.contextDescribed }) : null,
  ].filter((line): line is string => line !== null);
  const internal = kind === "self-assessment";
  const ratingName = (rating: string | null) => (rating ? t(`common:ratings.${rating}`) : t("conclusions:overview.notRated"));

  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p className="sa-lead">{t("overview.intro")}</p>
      <p className="actions no-print">
        <Link to={`/reviews/${reviewId}/self-assessment/print`} className="button secondary">
          {t("overview.printable")}
        </Link>
        <Link to={`/reviews/${reviewId}/documents`}>{t("overview.documentsLink", { count: totals.documents })}</Link>
        {totals.contextualFactors ? <Link to={`/reviews/${reviewId}/context`}>{t("overview.contextLink")}</Link> : null}
      </p>

      <section aria-labelledby="progress-title" className="card sa-progress">
        <h2 id="progress-title">{t("overview.progress")}</h2>
        <div className="sa-meters">
          <Meter id="meter-questions" label={t("overview.meters.questions")} value={totals.answered} max={totals.questions}>
            {t("overview.of", { done: totals.answered, total: totals.questions })}
          </Meter>
          <Meter id="meter-ratings" label={t("overview.meters.ratings")} value={totals.rated} max={totals.factors}>
            {t("overview.of", { done: totals.rated, total: totals.factors })}
          </Meter>
          <Meter id="meter-summaries" label={t("overview.meters.summaries")} value={totals.summaries} max={totals.factors}>
            {t("overview.of", { done: totals.summaries, total: totals.factors })}
          </Meter>
          <Meter id="meter-documents" label={t("overview.meters.documents")} value={totals.factorsWithDocuments} max={totals.factors}>
            {t("overview.of", { done: totals.factorsWithDocuments, total: totals.factors })}
          </Meter>
          {totals.contextualFactors ? (
            <Meter id="meter-context" label={t("overview.meters.context")} value={totals.contextDescribed} max={totals.contextualFactors}>
              {t("overview.of", { done: totals.contextDescribed, total: totals.contextualFactors })}
            </Meter>
          ) : null}
        </div>
      </section>

      {prefill ? (
        <section aria-labelledby="prefill-title" className="card no-print">
          <h2 id="prefill-title">{t("cityActions:prefill.overviewTitle", { city: prefill.source.city })}</h2>
          <p className="hint muted">{t("cityActions:prefill.overviewIntro", { framework: prefill.source.framework })}</p>
          {prefill.commitments.some((commitment) => commitment.waiting > 0) ? (
            <ul>
              {prefill.commitments
                .filter((commitment) => commitment.waiting > 0)
                .map((commitment) => (
                  <li key={commitment.factorId}>
                    <Link to={`/reviews/${reviewId}/self-assessment/${commitment.factorId}/actions?from=${prefill.source.id}#suggestions`}>
                      {t("cityActions:prefill.overviewCount", { label: commitment.label, count: commitment.waiting })}
                    </Link>{" "}
                    — {commitment.title}
                  </li>
                ))}
            </ul>
          ) : (
            <p>{t("cityActions:prefill.overviewNone")}</p>
          )}
        </section>
      ) : null}

      {previousCycle ? (
        <p className="hint" data-previous-cycle>
          {t("cycles:carried.previousIntro", { date: dates.day(previousCycle.date, { month: "long" }) })}
        </p>
      ) : null}
      <div {...scrollRegion(t("overview.tableCaption"))}>
        <table className="sa-overview">
          <caption>{t("overview.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("overview.columns.factor")}</th>
              <th scope="col">{t("overview.columns.answered")}</th>
              <th scope="col">{t("overview.columns.rating")}</th>
              <th scope="col">{t("overview.columns.summary")}</th>
              <th scope="col">{t("overview.columns.documents")}</th>
              {actionCounts ? <th scope="col">{t("cityActions:list.title")}</th> : null}
              {submission ? <th scope="col">{t("overview.columns.changes")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {factors.map((factor) => (
              <tr key={factor.factorId}>
                <th scope="row">
                  <Link to={`/reviews/${reviewId}/self-assessment/${factor.factorId}`}>
                    {factor.number}. {factor.title}
                  </Link>
                </th>
                <td>
                  {t("overview.of", { done: factor.answered, total: factor.questions })}
                  {factor.answered === factor.questions ? <span className="visually-hidden"> — {t("overview.complete")}</span> : null}
                </td>
                <td>
                  {factor.rating ? (
                    <span className={`pill ${factor.rating}`}>{t(`common:ratings.${factor.rating}`)}</span>
                  ) : (
                    <span className="muted">{t("common:ratings.none")}</span>
                  )}
                  {factor.previous && previousCycle ? (
                    <span className="sa-previous">
                      {previousCycle.peerShown
                        ? t("cycles:carried.previousShort", { self: ratingName(factor.previous.self), peer: ratingName(factor.previous.peer) })
                        : t("cycles:carried.previousShortSelfOnly", { self: ratingName(factor.previous.self) })}
                    </span>
                  ) : null}
                </td>
                <td>{factor.hasSummary ? t("overview.yes") : <span className="muted">{t("overview.no")}</span>}</td>
                <td>{factor.documents}</td>
                {actionCounts ? (
                  <td>
                    <Link to={`/reviews/${reviewId}/self-assessment/${factor.factorId}/actions`}>{actionCounts[factor.factorId] ?? 0}</Link>
                  </td>
                ) : null}
                {submission ? <td>{factor.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="submit-title" className="card sa-submit">
        <h2 id="submit-title">{internal ? t("overview.submit.titleInternal") : t("overview.submit.title")}</h2>
        {searchParams.get("submitted") && submission ? (
          <p className="notice ok" role="status">
            {internal ? t("overview.submit.doneInternal") : t("overview.submit.done")}
          </p>
        ) : null}
        {submission ? (
          <p>
            {t("submittedOn", { name: submission.byName ?? "—", when: formatDateTime(submission.at) })}
            {changedFactors.length || totals.contextChanged ? (
              <>
                {" "}
                {t("overview.submit.changedSince", { count: changedFactors.length })}
                {totals.contextChanged ? ` ${t("overview.submit.contextChanged")}` : ""}
              </>
            ) : (
              <> {t("overview.submit.noChanges")}</>
            )}
          </p>
        ) : (
          <p>{canSubmit ? (internal ? t("overview.submit.explainInternal") : t("overview.submit.explain")) : t("overview.submit.notYet")}</p>
        )}
        {canSubmit ? (
          <>
            {missing.length ? (
              <div className="notice warn">
                <p>{t("overview.submit.stillMissing")}</p>
                <ul>
                  {missing.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <FormError message={readResult(actionData).formError} />
            {!submission || changedFactors.length || totals.contextChanged ? (
              <Form method="post">
                <button type="submit" name="intent" value="submit" disabled={navigation.state !== "idle"}>
                  {submission ? t("overview.submit.resubmit") : internal ? t("overview.submit.buttonInternal") : t("overview.submit.button")}
                </button>
              </Form>
            ) : null}
            <p className="muted">{t("overview.submit.afterwards")}</p>
          </>
        ) : null}
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.selfAssessment"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
