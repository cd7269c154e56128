import { useLoaderData } from "@remix-run/react";
import { describeAttribution } from "#app/models/attribution";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { POLARITIES } from "#db/enums";
import type { loader } from "./route";
import { excerpt, useFormatDate, type LoaderData } from "./shared";
import { TextBlocks } from "#app/components/paragraphs";
import { useTextLanguage } from "#app/utils/text-language";

export function SelfAssessmentPanel() {
  const textLang = useTextLanguage();
  const { self, factor } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("conclusions");
  const answers = new Map((self.answers ?? []).map((answer) => [answer.questionId, answer.text]));
  return (
    <section className="card" aria-labelledby="self-title">
      <h2 id="self-title">{t("factor.selfAssessment")}</h2>
      <dl className="facts">
        <dt>{t("factor.selfRating")}</dt>
        <dd>
          <span className={`pill ${self.rating ?? ""}`}>{self.rating ? t(`common:ratings.${self.rating}`) : t("common:ratings.none")}</span>
        </dd>
        <dt>{t("factor.selfSummary")}</dt>
        <dd className="prose" lang={textLang}>
          {self.summary.trim() ? <TextBlocks text={self.summary} /> : <span className="muted">{t("factor.noSummary")}</span>}
        </dd>
      </dl>
      {self.answers ? (
        <>
          <h3>{t("factor.answers")}</h3>
          {factor.questions.map((question) => {
            const answer = answers.get(question.id)?.trim();
            return (
              <details key={question.id} className="answer">
                <summary>{question.text}</summary>
                <div className="prose" lang={textLang}>
                  {answer ? <TextBlocks text={answer} /> : <span className="muted">{t("factor.notAnswered")}</span>}
                </div>
              </details>
            );
          })}
        </>
      ) : null}
    </section>
  );
}

export function EvidenceItem({ item, cited }: { item: NonNullable<LoaderData["evidence"]>[number]; cited: boolean }) {
  // A quote in another language than the review's (an English remark on a French review) says so.
  const textLang = useTextLanguage(item.language);
  const { t } = useFrameworkTranslation("conclusions");
  const formatDate = useFormatDate();
  const source = item.interviewId
    ? t(item.interviewFormat === "focus-group" ? "factor.focusGroup" : "factor.interview", { date: item.interviewDate ?? "" })
    : item.documentTitle
      ? t("factor.document", { title: item.documentTitle })
      : t(`sources.${item.source}`);
  return (
    <li>
      <details className="evidence-item">
        <summary>
          <span className="pill">{t(`evidence:kinds.${item.kind}`)}</span> <span lang={textLang}>{excerpt(item.text)}</span>
          {cited ? (
            <>
              {" "}
              <span className="pill cited">{t("factor.cited")}</span>
            </>
          ) : null}
        </summary>
        <blockquote className="prose" lang={textLang}>
          {item.text}
        </blockquote>
        <dl className="facts">
          <dt>{t("factor.attribution")}</dt>
          <dd>{describeAttribution(t, item) || t("factor.anonymous")}</dd>
          <dt>{t("factor.source")}</dt>
          <dd>
            {source}
            {item.participants.length ? (
              <span className="muted"> — {[...new Set(item.participants.map((participant) => t(`categories.${participant.category}`)))].join(", ")}</span>
            ) : null}
          </dd>
        </dl>
        <p className="muted">{t("factor.loggedBy", { name: item.createdByName ?? "—", date: formatDate(item.createdAt) })}</p>
      </details>
    </li>
  );
}

export function EvidencePanel() {
  const { evidence, citations } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("conclusions");
  if (!evidence) return null;
  const cited = new Set(citations ?? []);
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">
        {t("factor.evidence")} <span className="muted">({t("factor.evidenceCount", { count: evidence.length })})</span>
      </h2>
      {evidence.length === 0 ? <p>{t("factor.noEvidence")}</p> : null}
      {evidence.length
        ? POLARITIES.map((polarity) => {
            const items = evidence.filter((item) => item.polarity === polarity);
            return (
              <section key={polarity} aria-labelledby={`polarity-${polarity}`} className={`polarity-group ${polarity}`}>
                <h3 id={`polarity-${polarity}`}>
                  <span className={`pill ${polarity}`}>{t(`factor.polarity.${polarity}`)}</span> <span className="muted">({items.length})</span>
                </h3>
                {items.length ? (
                  <ul className="evidence-list">
                    {items.map((item) => (
                      <EvidenceItem key={item.id} item={item} cited={cited.has(item.id)} />
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("factor.noEvidenceInGroup")}</p>
                )}
              </section>
            );
          })
        : null}
    </section>
  );
}

export function TriangulationNotice() {
  const { triangulation: status } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("conclusions");
  if (!status) return null;
  if (status.status === "triangulated") {
    return <p className="notice ok">{t("triangulation.triangulated", { sources: status.sources.map((source) => t(`sources.${source}`)).join(", ") })}</p>;
  }
  if (status.status === "single-source") {
    return (
      <p className="notice warn triangulation-flag">
        <strong>{t("triangulation.flag")}.</strong> {t("triangulation.single-source", { source: t(`sources.${status.source}`) })}
      </p>
    );
  }
  return <p className="notice warn">{t("triangulation.none")}</p>;
}
