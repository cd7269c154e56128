import { Form, Link, type useLoaderData } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import type { loader } from "./route";
import { scrollRegion } from "#app/components/scroll-region";

type Interview = ReturnType<typeof useLoaderData<typeof loader>>["interviews"][number];

/** The interviews held so far, with the people met, the quotes logged from each and links to log more or change it. */
export function InterviewList({
  reviewId,
  interviews,
  canWrite,
  highlighted,
  formatDay,
}: {
  reviewId: string;
  interviews: Interview[];
  canWrite: boolean;
  /** The interview just saved or changed. */
  highlighted: (string | null)[];
  formatDay: (iso: string) => string;
}) {
  const { t } = useFrameworkTranslation("evidence");
  return (
    <div {...scrollRegion(t("interviews.caption"))}>
      <table aria-labelledby="interview-list-title">
        <caption className="visually-hidden">{t("interviews.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("interviews.date")}</th>
            <th scope="col">{t("interviews.format")}</th>
            <th scope="col">{t("interviews.place")}</th>
            <th scope="col">{t("interviews.participants")}</th>
            <th scope="col">{t("interviews.reviewers")}</th>
            <th scope="col">{t("interviews.consentNotes")}</th>
            <th scope="col" className="num">
              {t("interviews.quotes")}
            </th>
          </tr>
        </thead>
        <tbody>
          {interviews.map((interview) => (
            <tr key={interview.id} id={`interview-${interview.id}`} className={highlighted.includes(interview.id) ? "highlight" : undefined}>
              <th scope="row">
                <time dateTime={interview.date}>{formatDay(interview.date)}</time>
              </th>
              <td>{t(`formats.${interview.format}`)}</td>
              <td>{interview.place}</td>
              <td>
                <ul className="plain-list">
                  {interview.participants.map((participant, index) => (
                    <li key={index}>
                      {participant.role}
                      {participant.organisation ? `, ${participant.organisation}` : ""} <span className="pill">{t(`categories.${participant.category}`)}</span>
                      {participant.name ? <span className="muted"> · {participant.name}</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{interview.reviewers.map((reviewer) => reviewer.name).join(", ")}</td>
              <td>
                {interview.consentNotes || t("interviews.noConsent")}
                {interview.organisationsWithheld ? <p className="muted">{t("interviews.organisationsWithheld")}</p> : null}
              </td>
              <td className="num">
                <Link to={`/reviews/${reviewId}/evidence?interview=${encodeURIComponent(interview.id)}`}>
                  {t("interviews.showItems", { count: interview.quoteCount })}
                </Link>
                {canWrite ? (
                  <>
                    <br />
                    <Link to={`/reviews/${reviewId}/evidence?form-interview=${encodeURIComponent(interview.id)}`}>{t("interviews.logQuotes")}</Link>
                  </>
                ) : null}
                {interview.canEdit ? (
                  <>
                    <br />
                    <Link
                      to={`?edit=${encodeURIComponent(interview.id)}#interview-form`}
                      aria-label={t("interviews.changeLabel", { date: formatDay(interview.date) })}
                    >
                      {t("interviews.change")}
                    </Link>
                  </>
                ) : null}
                {interview.canEdit && interview.quoteCount === 0 ? (
                  // Only an interview no evidence cites can go; the question is asked once more before it does.
                  <details className="delete-interview">
                    <summary aria-label={t("interviews.deleteLabel", { date: formatDay(interview.date) })}>{t("interviews.delete")}</summary>
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="interviewId" value={interview.id} />
                      <p>{t("interviews.deleteConfirm")}</p>
                      <button type="submit" className="danger">
                        {t("interviews.deleteButton")}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
