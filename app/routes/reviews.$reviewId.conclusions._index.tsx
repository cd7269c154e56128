import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { localize, requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { RatingChart } from "#app/components/rating-chart";
import { listConclusionOverview } from "#app/models/conclusion.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { getLocale } from "#app/utils/locale.server";
import { pageTitle } from "#app/utils/i18n";
import { canReadDraftConclusions, loaderPermission } from "#app/utils/permissions";
import { scrollRegion } from "#app/components/scroll-region";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.conclusions._index"));
  const { review } = access;
  const locale = await getLocale(request);
  // Who may not read drafts sees the agreed conclusions only; the evidence log stays with the peer team.
  const agreedOnly = !canReadDraftConclusions(access);
  const showEvidence = hasPermission(access, "evidence:read");
  const rows = await listConclusionOverview({ reviewId: review.id, frameworkId: review.frameworkId, agreedOnly });
  return {
    reviewId: review.id,
    agreedOnly,
    showEvidence,
    showComments: hasPermission(access, "comments:read"),
    scale: requireFramework(review.frameworkId).ratingScale.map((rating) => ({ id: rating.id, label: localize(rating.label, locale) })),
    rows: rows.map(({ title, evidenceCount, ...row }) => ({
      ...row,
      title: localize(title, locale),
      evidenceCount: showEvidence ? evidenceCount : null,
    })),
  };
}

export default function ConclusionsOverview() {
  const { reviewId, rows, agreedOnly, showEvidence, showComments, scale } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("conclusions");
  const rating = (value: string | null) => (value ? t(`common:ratings.${value}`) : t("common:ratings.none"));
  const agreed = rows.filter((row) => row.state === "agreed").length;
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p>{t("overview.intro")}</p>
      <p>
        <strong>{t("overview.agreedCount", { done: agreed, total: rows.length })}</strong>
        {agreedOnly ? <span className="muted"> — {t("overview.agreedOnlyNote")}</span> : null}
      </p>
      <div className="conclusions-overview">
        <figure className="card rating-chart-figure" aria-labelledby="rating-chart-caption">
          <figcaption id="rating-chart-caption">{t("overview.chartTitle", { count: rows.length })}</figcaption>
          {/* On a phone the chart scrolls sideways at a readable size; a scrolling box must take keyboard focus. */}
          <div className="rating-chart-scroll" role="group" aria-labelledby="rating-chart-caption" tabIndex={0}>
            <RatingChart
              title={t("overview.chartTitle", { count: rows.length })}
              scale={scale}
              rows={rows.map((row) => ({ number: row.number, label: row.title, self: row.selfRating, peer: row.peerRating }))}
            />
          </div>
        </figure>
        <div {...scrollRegion(t("overview.tableCaption"))}>
          <table className="conclusions-table">
            <caption>{t("overview.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("overview.factor")}</th>
                <th scope="col">{t("overview.selfRating")}</th>
                <th scope="col">{t("overview.peerRating")}</th>
                <th scope="col">{t("overview.divergence")}</th>
                {showEvidence ? <th scope="col">{t("overview.evidence")}</th> : null}
                <th scope="col">{t("overview.recommendations")}</th>
                {showComments ? <th scope="col">{t("overview.openComments")}</th> : null}
                <th scope="col">{t("overview.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.factorId}>
                  <th scope="row">
                    <Link to={`/reviews/${reviewId}/conclusions/${row.factorId}`}>
                      {row.number}. {row.title}
                    </Link>
                  </th>
                  <td>
                    <span className={`pill ${row.selfRating ?? ""}`}>{rating(row.selfRating)}</span>
                  </td>
                  <td>
                    <span className={`pill ${row.peerRating ?? ""}`}>{rating(row.peerRating)}</span>
                  </td>
                  <td>
                    {row.divergence.kind === "peer-higher" || row.divergence.kind === "peer-lower" ? (
                      <strong>{t(`divergence.${row.divergence.kind}`, { count: row.divergence.steps })}</strong>
                    ) : (
                      t(`divergence.${row.divergence.kind}`)
                    )}
                  </td>
                  {showEvidence ? <td className="numeric">{row.evidenceCount}</td> : null}
                  <td className="numeric">{row.recommendationCount}</td>
                  {showComments ? <td className="numeric">{row.openComments}</td> : null}
                  <td>
                    <span className={`pill state-${row.state}`}>{t(`states.${row.state}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.conclusions"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
