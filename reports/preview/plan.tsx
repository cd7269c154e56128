import type { RecommendationView, ReportModel } from "../model";
import { Chapter, Missing } from "./blocks";

function PlanTable({ model, items, caption }: { model: ReportModel; items: RecommendationView[]; caption: string }) {
  const { t } = model.i18n;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("plan.ref")}</th>
            <th scope="col">{t("plan.recommendation")}</th>
            <th scope="col">{t("plan.priority")}</th>
            <th scope="col">{t("plan.service")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((rec) => (
            <tr key={rec.id}>
              <th scope="row">
                {rec.ref}
                {rec.draft ? <span className="report-draft"> {t("plan.draft")}</span> : null}
              </th>
              <td>
                {rec.text}
                <br />
                <span className="muted">{t("sections.factor", { number: rec.factorNumber, title: rec.factorTitle })}</span>
              </td>
              <td>{rec.priorityLabel}</td>
              <td>{rec.service.trim() || t("plan.noService")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Plan({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  const { quickWins, longTerm } = model.plan;
  return (
    <Chapter id="report-plan" title={t("sections.plan")}>
      <p>{t("plan.intro")}</p>
      {quickWins.length + longTerm.length === 0 ? (
        <Missing>{model.final ? t("plan.none") : t("plan.noneDraft")}</Missing>
      ) : (
        <>
          <h3>{t("plan.quickWins")}</h3>
          {quickWins.length ? <PlanTable model={model} items={quickWins} caption={t("plan.quickWins")} /> : <Missing>{t("plan.noQuickWins")}</Missing>}
          <h3>{t("plan.longTerm")}</h3>
          {longTerm.length ? <PlanTable model={model} items={longTerm} caption={t("plan.longTerm")} /> : <Missing>{t("plan.noLongTerm")}</Missing>}
        </>
      )}
    </Chapter>
  );
}
