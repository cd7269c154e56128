import type { ReportModel } from "../model";
import { labelled } from "../wording";
import { Chapter, Missing, Text } from "./blocks";

export function ContextAnnex({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  if (!model.hasContextAnnex) return null;
  return (
    <Chapter id="report-context" title={t("sections.annexContext")}>
      <p>{t("context.intro")}</p>
      {model.context.every((factor) => !factor.note && !factor.effect) ? <Missing>{t("context.none")}</Missing> : null}
      {model.context.map((factor) => (
        <section key={factor.id} className="report-context" aria-labelledby={`report-${factor.id}`}>
          <h3 id={`report-${factor.id}`}>{factor.title}</h3>
          <p>{factor.description}</p>
          <p className="muted">
            {t("context.implications")} — {factor.implications}
          </p>
          <p>
            {labelled(model, t("context.effect"), "")}
            <span className={`pill ${factor.effect ?? "none"}`}>{factor.effectLabel}</span>
          </p>
          <h4>{t("context.note")}</h4>
          {factor.note ? (
            <div className="report-note">
              <Text lang={model.snapshot.review.reportLocale} value={factor.note} />
            </div>
          ) : (
            <Missing>{t("context.noNote")}</Missing>
          )}
        </section>
      ))}
    </Chapter>
  );
}

export function DocumentsAnnex({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  return (
    <Chapter id="report-documents" title={t("sections.annexDocuments")}>
      {model.documents.length === 0 ? (
        <Missing>{t("documents.none")}</Missing>
      ) : (
        <>
          <p>{t("documents.intro")}</p>
          <div className="table-scroll" role="region" aria-label={t("sections.annexDocuments")} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("sections.annexDocuments")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("documents.title")}</th>
                  <th scope="col">{t("documents.type")}</th>
                  <th scope="col">{t("documents.date")}</th>
                  <th scope="col">{t("documents.origin")}</th>
                </tr>
              </thead>
              <tbody>
                {model.documents.map((doc) => (
                  <tr key={doc.id}>
                    <td>{doc.title}</td>
                    <td>{doc.typeLabel}</td>
                    <td>{doc.dateLabel}</td>
                    <td>{doc.originLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Chapter>
  );
}

export function BenchmarkAnnex({ model }: { model: ReportModel }) {
  const { t, locale } = model.i18n;
  const { framework } = model;
  return (
    <Chapter id="report-benchmark" title={t("sections.annexBenchmark")}>
      <p>
        {t("benchmarkAnnex.intro", {
          benchmark: model.benchmarkTitle,
          version: framework.version,
          publisher: framework.publisher,
          year: framework.year,
        })}
      </p>
      <h3>
        {t("benchmarkAnnex.standard")} — {framework.standard.title[locale]}
      </h3>
      <Text value={framework.standard.statement[locale]} />
      {model.factors.map((factor) => (
        <section key={factor.id} aria-labelledby={`report-benchmark-${factor.id}`}>
          <h3 id={`report-benchmark-${factor.id}`}>
            {factor.number}. {factor.title}
          </h3>
          <p className="report-statement">{factor.statement}</p>
          <h4>{t("benchmarkAnnex.questions")}</h4>
          <ol>
            {factor.questions.map((question) => (
              <li key={question.id}>
                {question.text}
                {question.subItems.length > 0 ? (
                  <ul>
                    {question.subItems.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </Chapter>
  );
}
