import { ratingChartSvg } from "../chart";
import type { ReportModel } from "../model";
import { progressChapter } from "../progress-chapter";
import { Chapter } from "./blocks";

/**
 * "Progress since the review of …" as the PDF and the Word document have it
 * (reports/progress-chapter.ts): the chart of ratings per factor across cycles followed by the table
 * holding the same ratings, the share of the previous recommendations implemented, and the
 * verdict on each. Nothing for a review that follows none.
 */
export function Progress({ model }: { model: ReportModel }) {
  const chapter = progressChapter(model);
  if (!chapter) return null;
  return (
    <Chapter id="report-progress" title={chapter.title}>
      <p>{chapter.intro}</p>
      <h3>{chapter.ratingsTitle}</h3>
      {/* The chart, then its table, as the overview chapter has them: the report's column is too narrow to set them side by side legibly. */}
      <figure className="report-chart">
        <figcaption className="visually-hidden">{chapter.ratingsTitle}</figcaption>
        {/* Our own markup (reports/chart.ts escapes every label); the table after it carries the same ratings. */}
        <div role="img" aria-label={chapter.chartAlt} dangerouslySetInnerHTML={{ __html: ratingChartSvg(chapter.chart) }} />
      </figure>
      <div className="table-scroll" role="region" aria-label={chapter.ratingsTitle} tabIndex={0}>
        <table className="progress-table">
          <caption className="visually-hidden">{chapter.ratingsTitle}</caption>
          <thead>
            <tr>
              {chapter.headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chapter.rows.map((row) => (
              <tr key={row.factor}>
                <th scope="row">{row.factor}</th>
                {row.ratings.map((cell, i) => (
                  <td key={i}>
                    <span className={`pill ${cell.rating ?? "none"}`}>{cell.label}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{chapter.recommendationsTitle}</h3>
      <p className="report-progress-share">{chapter.share}</p>
      <div className="table-scroll" role="region" aria-label={chapter.recommendationsTitle} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{chapter.recommendationsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{chapter.lineHeaders[0]}</th>
              <th scope="col">{chapter.lineHeaders[1]}</th>
            </tr>
          </thead>
          <tbody>
            {chapter.lines.map((line, i) => (
              <tr key={i}>
                <td>
                  {line.text}
                  <br />
                  <span className="muted">{line.factorRef}</span>
                </td>
                <td>
                  {line.verdict === "implemented" ? <strong>{line.verdictLabel}</strong> : line.verdict ? line.verdictLabel : <em>{line.verdictLabel}</em>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Chapter>
  );
}
