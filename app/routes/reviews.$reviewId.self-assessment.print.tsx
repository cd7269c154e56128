import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useHydrated } from "#app/utils/hydrated";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { localize, requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { TextBlocks } from "#app/components/paragraphs";
import { listContextNotes } from "#app/models/context.server";
import { listDocuments } from "#app/models/document.server";
import { listAllAnswers } from "#app/models/self-assessment-progress.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import { getLocale } from "#app/utils/locale.server";
import { pageTitle } from "#app/utils/i18n";
import { useDates } from "#app/utils/use-dates";
import { scrollRegion } from "#app/components/scroll-region";
import { useTextLanguage } from "#app/utils/text-language";

/** The whole self-assessment on one page, as the peer team reads it before the visit or on paper. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.self-assessment.print"));
  const locale = await getLocale(request);
  const l = (text: { fr: string; en: string }) => localize(text, locale);
  const framework = requireFramework(review.frameworkId);
  const [saved, documents, notes] = await Promise.all([
    listAllAnswers({ reviewId: review.id }),
    listDocuments({ reviewId: review.id }),
    listContextNotes({ reviewId: review.id }),
  ]);
  const factorNumber = Object.fromEntries(framework.keyFactors.map((factor) => [factor.id, factor.number]));
  const questionLabel = Object.fromEntries(
    framework.keyFactors.flatMap((factor) => factor.guidingQuestions.map((question, index) => [question.id, `${factor.number}.${index + 1}`])),
  );
  return {
    reviewId: review.id,
    hostCity: review.hostCity,
    country: review.country,
    frameworkTitle: l(framework.title),
    frameworkVersion: review.frameworkVersion,
    submission: saved.submission,
    ratingLabels: Object.fromEntries(framework.ratingScale.map((rating) => [rating.id, l(rating.label)])),
    factors: framework.keyFactors
      .filter((factor) => !factor.retired)
      .map((factor) => ({
        id: factor.id,
        number: factor.number,
        title: l(factor.title),
        statement: l(factor.statement),
        questions: factor.guidingQuestions
          .filter((question) => !question.retired)
          .map((question, index) => ({
            id: question.id,
            number: index + 1,
            text: l(question.text),
            subItems: question.subItems?.map(l) ?? [],
            answer: saved.answers[question.id] ?? null,
          })),
        assessment: saved.factors[factor.id] ?? null,
        documents: documents
          .filter((document) => document.links.some((link) => link.factorId === factor.id))
          .map((document) => ({ id: document.id, title: document.title })),
      })),
    context: framework.contextualFactors.map((factor) => ({
      id: factor.id,
      title: l(factor.title),
      description: l(factor.description),
      note: notes[factor.id] ?? null,
    })),
    documents: documents.map((document) => ({
      id: document.id,
      title: document.title,
      type: document.type,
      date: document.date,
      author: document.author,
      url: document.url,
      fileName: document.fileName,
      answers: [
        ...new Set(document.links.map((link) => (link.questionId ? questionLabel[link.questionId] : String(factorNumber[link.factorId] ?? link.factorId)))),
      ].filter(Boolean),
    })),
  };
}

function PrintButton() {
  const { t } = useFrameworkTranslation();
  // Printing needs the browser's script; without it the browser's own menu does the same.
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button type="button" onClick={() => window.print()}>
      {t("actions.print")}
    </button>
  );
}

export default function PrintableSelfAssessment() {
  const textLang = useTextLanguage();
  const { reviewId, hostCity, country, frameworkTitle, frameworkVersion, submission, ratingLabels, factors, context, documents } =
    useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("selfAssessment");
  const dates = useDates();
  const formatDateTime = (value: Date | string) => dates.dateTime(value, { month: "long" });
  return (
    <article className="sa-print">
      <p className="breadcrumb no-print">
        <Link to={`/reviews/${reviewId}/self-assessment`}>{t("overview.title")}</Link> › {t("print.title")}
      </p>
      <header className="sa-print__cover">
        <h1>{t("print.heading", { city: hostCity })}</h1>
        <dl className="facts">
          <dt>{t("print.city")}</dt>
          <dd>
            {hostCity} ({country})
          </dd>
          <dt>{t("print.framework")}</dt>
          <dd>
            {frameworkTitle} ({frameworkVersion})
          </dd>
          <dt>{t("print.status")}</dt>
          <dd>{submission ? t("submittedOn", { name: submission.byName ?? "—", when: formatDateTime(submission.at) }) : t("print.notSubmitted")}</dd>
        </dl>
        <div className="actions no-print">
          <PrintButton />
        </div>
      </header>

      <nav className="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">{t("print.contents")}</h2>
        <ol>
          {factors.map((factor) => (
            <li key={factor.id}>
              <a href={`#${factor.id}`}>
                {factor.number}. {factor.title}
              </a>
            </li>
          ))}
          {/* A framework without contextual factors (ECCAR) has no such section. */}
          {context.length ? (
            <li>
              <a href="#context">{t("context.title")}</a>
            </li>
          ) : null}
          <li>
            <a href="#documents">{t("documents.title")}</a>
          </li>
        </ol>
      </nav>

      {factors.map((factor) => (
        <section key={factor.id} id={factor.id} className="factor" aria-labelledby={`${factor.id}-title`}>
          <h2 id={`${factor.id}-title`}>
            {factor.number}. {factor.title}
          </h2>
          <p className="sa-statement">{factor.statement}</p>
          <p>
            <strong>{t("factor.rating")}:</strong>{" "}
            {factor.assessment?.rating ? (
              <span className={`pill ${factor.assessment.rating}`}>{ratingLabels[factor.assessment.rating]}</span>
            ) : (
              <span className="muted">{t("common:ratings.none")}</span>
            )}
            {factor.assessment?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
          </p>
          <h3>{t("factor.summary")}</h3>
          {factor.assessment?.summary ? (
            <div className="sa-answer-text" lang={textLang}>
              <TextBlocks text={factor.assessment.summary} />
            </div>
          ) : (
            <p className="muted">{t("factor.noSummary")}</p>
          )}
          {factor.questions.map((question) => (
            <div key={question.id} className="sa-print-question">
              <h3>
                {factor.number}.{question.number} {question.text}
                {question.answer?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
              </h3>
              {question.subItems.length ? (
                <ul className="sa-sub-items">
                  {question.subItems.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : null}
              {question.answer ? (
                <div className="sa-answer-text" lang={textLang}>
                  <TextBlocks text={question.answer.text} />
                </div>
              ) : (
                <p className="muted">{t("factor.noAnswer")}</p>
              )}
            </div>
          ))}
          <p>
            <strong>{t("factor.documents")}:</strong>{" "}
            {factor.documents.length ? (
              factor.documents.map((document) => document.title).join(" ; ")
            ) : (
              <span className="muted">{t("factor.noDocuments")}</span>
            )}
          </p>
        </section>
      ))}

      {context.length ? (
        <section id="context" className="factor" aria-labelledby="context-title">
          <h2 id="context-title">{t("context.title")}</h2>
          {context.map((factor) => (
            <div key={factor.id} className="sa-print-question">
              <h3>
                {factor.title}
                {factor.note?.effect ? <span className={`pill sa-effect-${factor.note.effect}`}>{t(`context.effects.${factor.note.effect}`)}</span> : null}
                {factor.note?.changedSinceSubmission ? <span className="pill sa-changed">{t("changedSinceSubmission")}</span> : null}
              </h3>
              <p className="muted">{factor.description}</p>
              {factor.note?.note ? (
                <div className="sa-answer-text" lang={textLang}>
                  <TextBlocks text={factor.note.note} />
                </div>
              ) : (
                <p className="muted">{t("context.noNote")}</p>
              )}
            </div>
          ))}
        </section>
      ) : null}

      <section id="documents" className="factor" aria-labelledby="documents-print-title">
        <h2 id="documents-print-title">{t("documents.title")}</h2>
        {documents.length ? (
          <div {...scrollRegion(t("documents.title"))}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("documents.fields.title")}</th>
                  <th scope="col">{t("documents.fields.type")}</th>
                  <th scope="col">{t("documents.fields.date")}</th>
                  <th scope="col">{t("documents.fields.author")}</th>
                  <th scope="col">{t("documents.columns.answers")}</th>
                  <th scope="col">{t("documents.columns.source")}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((document) => (
                  <tr key={document.id}>
                    <td>{document.title}</td>
                    <td>{t(`documents.types.${document.type}`)}</td>
                    <td>{document.date ? dates.calendarDate(document.date) : "—"}</td>
                    <td>{document.author || "—"}</td>
                    <td>{document.answers.join(", ")}</td>
                    <td className="sa-print-source">
                      {document.url ? <a href={document.url}>{document.url}</a> : null}
                      {document.url && document.fileName ? <br /> : null}
                      {document.fileName ? <a href={`/reviews/${reviewId}/documents/${document.id}/file`}>{document.fileName}</a> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("documents.none")}</p>
        )}
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("titles.selfAssessmentOf", { city: data.hostCity }) : t("titles.selfAssessment")));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
