import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { localize, requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { getCoverage, type Balance } from "#app/models/evidence-coverage.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import { getLocale } from "#app/utils/locale.server";
import { pageTitle } from "#app/utils/i18n";
import { scrollRegion } from "#app/components/scroll-region";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.coverage"));
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  const coverage = await getCoverage({ reviewId: review.id, framework });
  return {
    reviewId: review.id,
    factors: coverage.map((factor) => ({
      ...factor,
      title: localize(factor.title, locale),
      questions: factor.questions.map((question) => ({ ...question, text: localize(question.text, locale) })),
    })),
  };
}

// While the team logs evidence elsewhere, the figures refresh when the page is looked at again.
const REFRESH_MS = 30_000;

function useLiveRevalidation() {
  const revalidator = useRevalidator();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    };
    const timer = setInterval(refresh, REFRESH_MS);
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener("focus", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener("focus", refresh);
    };
  }, [revalidator]);
}

function BalanceBar({ balance }: { balance: Balance }) {
  const { t } = useFrameworkTranslation("evidence");
  if (!balance.total) return null;
  const share = (n: number) => `${(n / balance.total) * 100}%`;
  return (
    <>
      <span className="balance-bar" aria-hidden="true">
        <span className="balance-bar__supports" style={{ width: share(balance.supports) }} />
        <span className="balance-bar__mixed" style={{ width: share(balance.mixed) }} />
        <span className="balance-bar__contradicts" style={{ width: share(balance.contradicts) }} />
      </span>
      <span className="visually-hidden">{t("coverage.balanceText", balance)}</span>
    </>
  );
}

function Counts({ balance }: { balance: Balance }) {
  const { t } = useFrameworkTranslation("evidence");
  return (
    <>
      <td className={`num${balance.total ? "" : " gap"}`}>{balance.total || <span className="gap-label">{t("coverage.none")}</span>}</td>
      <td className="num">{balance.supports}</td>
      <td className="num">{balance.mixed}</td>
      <td className="num">{balance.contradicts}</td>
      <td>
        <BalanceBar balance={balance} />
      </td>
      <td className="num">{balance.documents}</td>
    </>
  );
}

export default function Coverage() {
  const { reviewId, factors } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("evidence");
  useLiveRevalidation();
  const covered = factors.filter((factor) => factor.balance.total > 0).length;
  const questions = factors.flatMap((factor) => factor.questions);
  const gaps = factors.filter((factor) => factor.balance.total === 0).map((factor) => factor.number);
  return (
    <>
      <h1>{t("coverage.title")}</h1>
      <p className="muted">{t("coverage.intro")}</p>
      <p>
        {t("coverage.summary", {
          covered,
          total: factors.length,
          questions: questions.filter((question) => question.balance.total > 0).length,
          questionTotal: questions.length,
        })}
      </p>
      {gaps.length ? <p className="notice warn">{t("coverage.gaps", { list: gaps.join(", ") })}</p> : null}
      <div {...scrollRegion(t("coverage.caption"))}>
        <table className="coverage">
          <caption>
            {t("coverage.caption")} <span className="muted">— {t("coverage.refreshed")}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("coverage.factorOrQuestion")}</th>
              <th scope="col" className="num">
                {t("coverage.total")}
              </th>
              <th scope="col" className="num">
                {t("coverage.supports")}
              </th>
              <th scope="col" className="num">
                {t("coverage.mixed")}
              </th>
              <th scope="col" className="num">
                {t("coverage.contradicts")}
              </th>
              <th scope="col">{t("coverage.balance")}</th>
              <th scope="col" className="num">
                {t("coverage.documents")}
              </th>
            </tr>
          </thead>
          {factors.map((factor) => (
            <tbody key={factor.id} className="coverage-factor">
              <tr className="coverage-factor__row">
                <th scope="row">
                  {/* Every factor opens the log filtered to it, empty or not: a gap is where the team logs next.
                      The link is named by its visible text (WCAG 2.5.3); the counts are the row's own cells. */}
                  <Link to={`/reviews/${reviewId}/evidence?factor=${factor.id}`}>{t("factorLabel", { number: factor.number, title: factor.title })}</Link>
                </th>
                <Counts balance={factor.balance} />
              </tr>
              {factor.questions.map((question) => (
                <tr key={question.id} className="coverage-question">
                  <th scope="row">
                    <span className="coverage-question__number">{t("coverage.question", { factor: factor.number, question: question.number })}</span>{" "}
                    <span className="coverage-question__text">{question.text}</span>
                  </th>
                  <Counts balance={question.balance} />
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.coverage"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
