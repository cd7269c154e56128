import { ratingChartSvg, reportChartInput } from "../chart";
import type { ReportModel } from "../model";
import { Chapter, Rating } from "./blocks";

export function Overview({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  const peer = model.isPeerReview;
  const chartTitle = peer ? t("overview.chartTitle") : t("overview.chartTitleSelf");
  return (
    <Chapter id="report-overview" title={t("sections.overview")}>
      <p>{peer ? t("overview.intro") : t("overview.introSelf")}</p>
      <figure className="report-chart">
        <figcaption>{chartTitle}</figcaption>
        {/* Our own markup (reports/chart.ts escapes every label); the table below carries the same data accessibly. */}
        <div role="img" aria-label={chartTitle} dangerouslySetInnerHTML={{ __html: ratingChartSvg(reportChartInput(model)) }} />
      </figure>
      <div className="table-scroll" role="region" aria-label={chartTitle} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{chartTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t("overview.factor")}</th>
              <th scope="col">{t("overview.self")}</th>
              {peer ? (
                <>
                  <th scope="col">{t("overview.peer")}</th>
                  <th scope="col" className="report-number">
                    {t("overview.evidence")}
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {model.factors.map((factor) => (
              <tr key={factor.id}>
                <th scope="row">
                  <a href={`#report-${factor.id}`}>
                    {factor.number}. {factor.title}
                  </a>
                </th>
                <td>
                  <Rating rating={factor.self.rating} />
                </td>
                {peer ? (
                  <>
                    <td>
                      {factor.peer?.conclusion ? (
                        <>
                          <Rating rating={factor.peer.conclusion.rating} />
                          {factor.peer.conclusion.draft ? <strong className="report-draft"> ({t("overview.draftMark")})</strong> : null}
                          {factor.peer.conclusion.differs ? <span className="muted"> — {t("overview.differs")}</span> : null}
                        </>
                      ) : (
                        <span className="report-missing">{t("overview.noConclusion")}</span>
                      )}
                    </td>
                    <td className="report-number">{factor.peer?.evidence.total ?? 0}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {peer && model.factors.some((f) => f.peer?.conclusion?.differs) ? <p className="muted">{t("overview.differsNote")}</p> : null}
      {peer && model.factors.some((f) => f.peer?.conclusion?.draft) ? <p className="muted">{t("overview.draftNote")}</p> : null}
    </Chapter>
  );
}
