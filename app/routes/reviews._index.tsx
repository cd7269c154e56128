import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { listAllReviews, listReviewsForUser } from "#app/models/review.server";
import { requireUser } from "#app/utils/auth.server";
import { pageTitle } from "#app/utils/i18n";
import { formatCalendarDate } from "#app/utils/dates";
import { scrollRegion } from "#app/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Archived reviews are put away: listed only when asked for (?archived=1).
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  const [mine, all] = await Promise.all([
    listReviewsForUser({ userId: user.id, includeArchived }),
    user.isAdmin ? listAllReviews({ includeArchived }) : Promise.resolve(null),
  ]);
  return { mine, all, includeArchived };
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
  archivedAt: string | Date | null;
};

/** One table of reviews; the fourth column says the reader's role, or (for the administrator) who leads. */
function ReviewTable<T extends ReviewRow>({
  caption,
  rows,
  fourth,
  linked,
  settings = false,
}: {
  caption: string;
  rows: T[];
  fourth: { header: string; cell: (review: T) => string };
  linked: boolean;
  /** The administrator's way into a review's settings (archive, lead role) without being a member. */
  settings?: boolean;
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
            {settings ? <th scope="col">{t("list.settings")}</th> : null}
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
                {review.archivedAt ? <span className="pill"> {t("list.archived")}</span> : null}
              </td>
              <td>{t(`common:kinds.${review.kind}`)}</td>
              <td>{t(`common:phases.${review.phase}`)}</td>
              <td>{fourth.cell(review)}</td>
              <td>
                <VisitDate value={review.visitStart} />
              </td>
              {settings ? (
                <td>
                  <Link to={`/reviews/${review.id}/settings`} aria-label={t("list.settingsOf", { city: review.hostCity })}>
                    {t("list.settings")}
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Reviews() {
  const { mine, all, includeArchived } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reviews");
  const [searchParams] = useSearchParams();
  const toggled = new URLSearchParams(searchParams);
  if (includeArchived) toggled.delete("archived");
  else toggled.set("archived", "1");
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p className="no-print">
        <Link to={{ search: toggled.toString() }} data-archived-filter>
          {includeArchived ? t("list.hideArchived") : t("list.showArchived")}
        </Link>
      </p>
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
            settings
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
