import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { listAllReviews, listReviewsForUser } from "#app/models/review.server";
import { requireUser } from "#app/utils/auth.server";
import { pageTitle } from "#app/utils/i18n";
import { formatCalendarDate } from "#app/utils/dates";
import { scrollRegion } from "#app/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [mine, all] = await Promise.all([listReviewsForUser({ userId: user.id }), user.isAdmin ? listAllReviews() : Promise.resolve(null)]);
  return { mine, all };
}

/** A visit date ("2026-03-16", a calendar day with no time zone) in the reader's language. */
function VisitDate({ value }: { value: string | null }) {
  const { i18n } = useTranslation();
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatCalendarDate(value, { locale: i18n.language })}</time>;
}

type ReviewRow = {
  id: string;
  hostCity: string;
  country: string;
  kind: "peer-review" | "self-assessment";
  phase: string;
  visitStart: string | null;
};

/** One table of reviews; the fourth column says the reader's role, or (for the administrator) who leads. */
function ReviewTable<T extends ReviewRow>({
  caption,
  rows,
  fourth,
  linked,
}: {
  caption: string;
  rows: T[];
  fourth: { header: string; cell: (review: T) => string };
  linked: boolean;
}) {
  const { t } = useTranslation("reviews");
  return (
    <div {...scrollRegion(caption)}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("list.city")}</th>
            <th scope="col">{t("list.kind")}</th>
            <th scope="col">{t("list.phase")}</th>
            <th scope="col">{fourth.header}</th>
            <th scope="col">{t("list.visit")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((review) => (
            <tr key={review.id}>
              <td>
                {linked ? (
                  <Link to={`/reviews/${review.id}`}>
                    {review.hostCity} ({review.country})
                  </Link>
                ) : (
                  `${review.hostCity} (${review.country})`
                )}
              </td>
              <td>{t(`common:kinds.${review.kind}`)}</td>
              <td>{t(`common:phases.${review.phase}`)}</td>
              <td>{fourth.cell(review)}</td>
              <td>
                <VisitDate value={review.visitStart} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Reviews() {
  const { mine, all } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reviews");
  return (
    <>
      <h1>{t("list.title")}</h1>
      {mine.length ? (
        <ReviewTable caption={t("list.title")} rows={mine} fourth={{ header: t("list.role"), cell: (review) => t(`common:roles.${review.role}`) }} linked />
      ) : (
        <p>{t("list.none")}</p>
      )}
      {all ? (
        <section aria-labelledby="all-reviews">
          <h2 id="all-reviews">{t("list.all")}</h2>
          <p className="muted">{t("list.adminNote")}</p>
          <p>
            <Link className="button" to="/reviews/new">
              {t("list.new")}
            </Link>
          </p>
          <ReviewTable
            caption={t("list.all")}
            rows={all}
            fourth={{ header: t("list.leads"), cell: (review) => review.leads.join(", ") || "—" }}
            linked={false}
          />
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.reviews"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
