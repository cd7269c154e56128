import type { FactorView, RecommendationView, ReportModel } from "../model";
import { findingAttribution, labelled, QUOTED_KINDS, quoteText, recommendationMeta } from "../wording";
import { Chapter, Missing, Rating, Text } from "./blocks";

function Recommendation({ model, rec }: { model: ReportModel; rec: RecommendationView }) {
  const { t } = model.i18n;
  return (
    <li className="report-recommendation">
      <strong className="report-ref">{rec.ref}</strong>
      <div>
        <p className="report-text">{rec.text}</p>
        <p className="muted">{recommendationMeta(model, rec)}</p>
        {rec.inspiration ? <p className="muted">{t("factor.inspiration", { city: rec.inspiration.city })}</p> : null}
      </div>
    </li>
  );
}

export function FactorChapter({ model, factor }: { model: ReportModel; factor: FactorView }) {
  const { t } = model.i18n;
  const { self, peer } = factor;
  return (
    <Chapter id={`report-${factor.id}`} title={factor.heading}>
      <p className="report-statement">{factor.statement}</p>
      <h3>{t("factor.selfAssessment")}</h3>
      {self.rating.id ? (
        <p>
          {labelled(model, t("factor.selfRating"), "")}
          <Rating rating={self.rating} />
        </p>
      ) : (
        <Missing>{t("factor.notRated")}</Missing>
      )}
      <Text lang={model.snapshot.review.reportLocale} value={self.summary} missing={t("factor.noSummary")} />
      {peer ? (
        <p className="muted">{t("factor.answered", { answered: self.answered, questions: factor.questions.length })}</p>
      ) : (
        <>
          <h4>{t("factor.answers")}</h4>
          {self.answers.length === 0 ? <Missing>{t("factor.noAnswers")}</Missing> : null}
          {self.answers.map((answer) => (
            <div key={answer.question}>
              <p>
                <strong>{answer.question}</strong>
              </p>
              <Text lang={model.snapshot.review.reportLocale} value={answer.text} />
            </div>
          ))}
        </>
      )}
      {peer ? (
        <>
          <h3>{t("factor.evidence")}</h3>
          {peer.evidence.total === 0 ? (
            <Missing>{t("factor.noEvidence")}</Missing>
          ) : (
            <>
              <p>
                {t("factor.evidenceCounts", {
                  count: peer.evidence.total,
                  supports: peer.evidence.supports,
                  mixed: peer.evidence.mixed,
                  contradicts: peer.evidence.contradicts,
                })}
              </p>
              {peer.evidence.findings.length === 0 ? <Missing>{t("factor.noFindings")}</Missing> : null}
              {peer.evidence.findings.map((finding) => (
                <figure key={finding.id} className="report-quote">
                  <blockquote className={QUOTED_KINDS.has(finding.kind) ? "quoted" : undefined} lang={finding.language ?? model.snapshot.review.reportLocale}>
                    {quoteText(model, finding)}
                  </blockquote>
                  <figcaption>{findingAttribution(model, finding)}</figcaption>
                </figure>
              ))}
              {peer.evidence.moreCited > 0 ? <p className="muted">{t("factor.moreCited", { count: peer.evidence.moreCited })}</p> : null}
            </>
          )}
          <h3>{t("factor.conclusion")}</h3>
          {peer.conclusion ? (
            <>
              {peer.conclusion.draft ? <p className="report-draft">{t("factor.draftConclusion")}</p> : null}
              {peer.conclusion.rating.id ? (
                <p>
                  {labelled(model, t("factor.peerRating"), "")}
                  <Rating rating={peer.conclusion.rating} />
                </p>
              ) : (
                <Missing>{t("factor.notRatedByPeers")}</Missing>
              )}
              {peer.conclusion.differs ? <p className="muted">{t("factor.differs", { self: self.rating.label })}</p> : null}
              <h4>{t("factor.strengths")}</h4>
              <Text lang={model.snapshot.review.reportLocale} value={peer.conclusion.strengths} missing={t("factor.noStrengths")} />
              <h4>{t("factor.improvements")}</h4>
              <Text lang={model.snapshot.review.reportLocale} value={peer.conclusion.improvements} missing={t("factor.noImprovements")} />
            </>
          ) : (
            <Missing>{t("factor.noConclusion")}</Missing>
          )}
          <h3>{t("factor.recommendations")}</h3>
          {peer.recommendations.length === 0 ? (
            <Missing>
              {peer.recommendationsWithheld || !peer.conclusion || peer.conclusion.draft ? t("factor.noAgreedRecommendations") : t("factor.noRecommendations")}
            </Missing>
          ) : (
            <>
              {peer.recommendations.some((rec) => rec.draft) ? <p className="report-draft">{t("factor.draftRecommendations")}</p> : null}
              <ol className="report-recommendations">
                {peer.recommendations.map((rec) => (
                  <Recommendation key={rec.id} model={model} rec={rec} />
                ))}
              </ol>
            </>
          )}
        </>
      ) : null}
    </Chapter>
  );
}
