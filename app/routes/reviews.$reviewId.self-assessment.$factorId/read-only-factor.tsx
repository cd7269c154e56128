import type { useLoaderData } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import type { loader } from "./route";
import { TextBlocks } from "#app/components/paragraphs";
import { useTextLanguage } from "#app/utils/text-language";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export function ReadOnlyFactor({ data }: { data: LoaderData }) {
  const textLang = useTextLanguage();
  const { t } = useFrameworkTranslation("selfAssessment");
  const { factor, answers, assessment, ratingScale, documents } = data;
  const rating = ratingScale.find((entry) => entry.id === assessment?.rating);
  return (
    <>
      {factor.questions.map((question) => {
        const answer = answers[question.id];
        const linked = documents.filter((document) => document.questionIds.includes(question.id));
        return (
          <section key={question.id} className="sa-question" aria-labelledby={`q-${question.id}`}>
            <h2 className="sa-question__title" id={`q-${question.id}`}>
              {t("factor.questionNumber", { number: question.number })} {question.text}
              {answer?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
            </h2>
            {question.subItems.length ? (
              <ul className="sa-sub-items">
                {question.subItems.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
            {answer?.text ? (
              <div className="sa-answer-text" lang={textLang}>
                <TextBlocks text={answer.text} />
              </div>
            ) : (
              <p className="muted">{t("factor.noAnswer")}</p>
            )}
            {linked.length ? (
              <p className="sa-question__documents">
                {t("factor.documentsForQuestion")} {linked.map((document) => document.title).join(", ")}
              </p>
            ) : null}
          </section>
        );
      })}
      <section className="sa-assessment card" aria-labelledby="assessment-title">
        <h2 id="assessment-title">
          {t("factor.assessmentTitle")}
          {assessment?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
        </h2>
        <dl className="facts">
          <dt>{t("factor.rating")}</dt>
          <dd>{rating ? <span className={`pill ${rating.id}`}>{rating.label}</span> : <span className="muted">{t("common:ratings.none")}</span>}</dd>
          <dt>{t("factor.summary")}</dt>
          <dd>
            {assessment?.summary ? (
              <div className="sa-answer-text" lang={textLang}>
                <TextBlocks text={assessment.summary} />
              </div>
            ) : (
              <span className="muted">{t("factor.noSummary")}</span>
            )}
          </dd>
        </dl>
      </section>
    </>
  );
}
