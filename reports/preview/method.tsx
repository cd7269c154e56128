import type { ReportModel } from "../model";
import { atAGlance, documentTypeSummary, issueNotes, labelled, visitSentences } from "../wording";
import { Chapter, Missing, Rating, Text } from "./blocks";

export function Summary({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  const { summary } = model.snapshot;
  return (
    <Chapter id="report-summary" title={t("sections.executiveSummary")}>
      <h3>{t("summary.atAGlance")}</h3>
      {atAGlance(model).map((line) => (
        <p key={line} className="report-lead">
          {line}
        </p>
      ))}
      {model.isPeerReview || summary.executiveSummary.trim() ? (
        <>
          <h3>{t("summary.fromTheTeam")}</h3>
          <Text lang={model.snapshot.review.reportLocale} value={summary.executiveSummary} missing={t("summary.noExecutiveSummary")} />
        </>
      ) : null}
      {model.isPeerReview ? (
        <>
          <h3>{t("summary.crossCutting")}</h3>
          <Text lang={model.snapshot.review.reportLocale} value={summary.crossCuttingConclusions} missing={t("summary.noCrossCutting")} />
        </>
      ) : null}
    </Chapter>
  );
}

export function Method({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  const { snapshot, figures } = model;
  const visit = visitSentences(model);
  return (
    <Chapter id="report-method" title={t("sections.method")}>
      <p>{model.isPeerReview ? t("method.peerIntro") : t("method.selfIntro")}</p>
      {model.hasContextAnnex ? null : <p>{t("method.noContextAnnex", { benchmark: model.benchmarkShortTitle })}</p>}
      <h3>{t("method.selfAssessment")}</h3>
      <p>
        {t("method.selfAssessmentFacts", {
          rated: figures.selfRated,
          factors: model.factors.length,
          answered: figures.answered,
          questions: figures.questions,
        })}
      </p>
      {model.isPeerReview ? (
        snapshot.selfAssessment.submittedAt ? (
          <p>{t("method.submittedOn", { date: model.i18n.date(snapshot.selfAssessment.submittedAt) })}</p>
        ) : (
          <Missing>{t("method.notSubmitted")}</Missing>
        )
      ) : null}
      <h3>{t("method.documents")}</h3>
      {model.documents.length > 0 ? (
        <p>{t("method.documentsFacts", { count: model.documents.length, types: documentTypeSummary(model) })}</p>
      ) : (
        <Missing>{t("method.noDocuments")}</Missing>
      )}
      {model.isPeerReview ? (
        <>
          <h3>{t("method.visit")}</h3>
          <p>{visit.dates}</p>
          {visit.facts === null ? (
            <Missing>{t("method.noInterviews")}</Missing>
          ) : (
            <>
              <p>{visit.facts}</p>
              <div className="grid-2">
                <div>
                  <h4>{t("method.categoriesMet")}</h4>
                  <ul>
                    {snapshot.visit.categories.map((entry) => (
                      <li key={entry.category}>
                        {labelled(model, t(`category.${entry.category}`), "")}
                        {entry.people}
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h4>{t("method.organisationsMet")}</h4>
                  {snapshot.visit.organisations.length > 0 ? (
                    <ul>
                      {snapshot.visit.organisations.map((organisation) => (
                        <li key={organisation}>{organisation}</li>
                      ))}
                    </ul>
                  ) : (
                    <Missing>{t("method.noOrganisations")}</Missing>
                  )}
                </div>
              </div>
            </>
          )}
        </>
      ) : null}
      {issueNotes(model).length ? (
        <>
          <h3>{t("method.thisIssue")}</h3>
          {issueNotes(model).map((note) => (
            <p key={note}>{note}</p>
          ))}
        </>
      ) : null}
      <h3>{t("method.ratingScale")}</h3>
      <p>{model.isPeerReview ? t("method.ratingScaleIntro") : t("method.ratingScaleIntroSelf")}</p>
      <dl className="report-scale">
        {model.ratingScale.map((rating) => (
          <div key={rating.id}>
            <dt>
              <Rating rating={rating} />
            </dt>
            <dd>{rating.description}</dd>
          </div>
        ))}
      </dl>
    </Chapter>
  );
}
