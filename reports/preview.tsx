import type { ReactNode } from "react";
import { TextBlocks } from "#app/components/paragraphs";
import { ratingChartSvg } from "./chart";
import type { FactorView, RatingView, RecommendationView, ReportModel } from "./model";
import {
  atAGlance,
  documentTypeSummary,
  findingAttribution,
  QUOTED_KINDS,
  quoteText,
  recommendationMeta,
  visitSentences,
} from "./wording";

/*
 * The feedback report as HTML, rendered from the same ReportModel as the PDF so the team reads
 * exactly what it will export. Section ids double as the contents' anchors. Print rules in
 * app.css ("Feedback report preview") give each chapter its own page.
 */

function Text({ value, missing }: { value: string; missing?: string }) {
  if (!value.trim()) return missing ? <Missing>{missing}</Missing> : null;
  return <TextBlocks text={value} paragraphClassName="report-text" />;
}

/** "Label: " with the no-break space French puts before the colon. */
function colon(model: ReportModel, label: string) {
  return `${label}${model.locale === "fr" ? "\u00a0: " : ": "}`;
}

function Missing({ children }: { children: ReactNode }) {
  return <p className="report-missing">{children}</p>;
}

function Rating({ rating }: { rating: RatingView }) {
  return <span className={`pill ${rating.id ?? "none"}`}>{rating.label}</span>;
}

function Chapter({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="report-chapter" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function Cover({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  const submitted = model.snapshot.selfAssessment.submittedAt;
  return (
    <header className="report-cover">
      <p className="report-kicker">{model.title}</p>
      <p className="report-city">
        {model.hostCity} <span className="muted">({model.country})</span>
      </p>
      <p>
        <span className="muted">{t("cover.against")}</span> {model.benchmarkTitle}
        <br />
        <span className="muted">
          {t("cover.version", { version: model.framework.version, publisher: model.framework.publisher, year: model.framework.year })}
        </span>
      </p>
      <dl className="facts">
        {model.isPeerReview ? (
          <>
            <dt>{t("cover.visit")}</dt>
            <dd>{model.visitSpan ?? t("cover.visitNotSet")}</dd>
          </>
        ) : (
          <>
            <dt>{t("cover.submitted")}</dt>
            <dd>{submitted ? model.i18n.date(submitted) : t("cover.notSubmitted")}</dd>
          </>
        )}
        <dt>{t("cover.issued")}</dt>
        <dd>{model.issuedLabel ?? <strong className="report-draft">{t("cover.draft")}</strong>}</dd>
        <dt>{model.isPeerReview ? t("cover.peerTeam") : t("cover.selfTeam")}</dt>
        <dd>
          {model.team.length > 0 ? (
            <ul className="report-team">
              {model.team.map((member) => (
                <li key={`${member.role}-${member.name}`}>
                  <strong>{member.name}</strong>
                  {member.affiliation ? ` — ${member.affiliation}` : ""}
                  {member.role === "lead-expert" ? <span className="muted"> ({member.roleLabel})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <Missing>{model.isPeerReview ? t("cover.noPeerTeam") : t("cover.noSelfTeam")}</Missing>
          )}
        </dd>
      </dl>
      {model.final ? null : <p className="notice warn">{t("cover.draftNote")}</p>}
    </header>
  );
}

type Entry = { id: string; title: string; factor?: boolean };

function entries(model: ReportModel): Entry[] {
  const { t } = model.i18n;
  return [
    { id: "report-summary", title: t("sections.executiveSummary") },
    { id: "report-method", title: t("sections.method") },
    { id: "report-overview", title: t("sections.overview") },
    ...model.factors.map((factor) => ({ id: `report-${factor.id}`, title: factor.heading, factor: true })),
    ...(model.isPeerReview ? [{ id: "report-plan", title: t("sections.plan") }] : []),
    { id: "report-context", title: t("sections.annexContext") },
    { id: "report-documents", title: t("sections.annexDocuments") },
    { id: "report-benchmark", title: t("sections.annexBenchmark") },
  ];
}

function Contents({ model }: { model: ReportModel }) {
  return (
    <nav className="report-toc" aria-labelledby="report-toc-title">
      <h2 id="report-toc-title">{model.i18n.t("contents")}</h2>
      <ol>
        {entries(model).map((entry) => (
          <li key={entry.id} className={entry.factor ? "report-toc-factor" : undefined}>
            <a href={`#${entry.id}`}>{entry.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Summary({ model }: { model: ReportModel }) {
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
          <Text value={summary.executiveSummary} missing={t("summary.noExecutiveSummary")} />
        </>
      ) : null}
      {model.isPeerReview ? (
        <>
          <h3>{t("summary.crossCutting")}</h3>
          <Text value={summary.crossCuttingConclusions} missing={t("summary.noCrossCutting")} />
        </>
      ) : null}
    </Chapter>
  );
}

function Method({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  const { snapshot, figures } = model;
  const visit = visitSentences(model);
  return (
    <Chapter id="report-method" title={t("sections.method")}>
      <p>{model.isPeerReview ? t("method.peerIntro") : t("method.selfIntro")}</p>
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
                        {colon(model, t(`category.${entry.category}`))}
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

function Overview({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  const peer = model.isPeerReview;
  const chartTitle = peer ? t("overview.chartTitle") : t("overview.chartTitleSelf");
  return (
    <Chapter id="report-overview" title={t("sections.overview")}>
      <p>{peer ? t("overview.intro") : t("overview.introSelf")}</p>
      <figure className="report-chart">
        <figcaption>{chartTitle}</figcaption>
        {/* Our own markup (reports/chart.ts escapes every label); the table below carries the same data accessibly. */}
        <div role="img" aria-label={chartTitle} dangerouslySetInnerHTML={{ __html: ratingChartSvg(model) }} />
      </figure>
      <div className="table-scroll">
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

function FactorChapter({ model, factor }: { model: ReportModel; factor: FactorView }) {
  const { t } = model.i18n;
  const { self, peer } = factor;
  return (
    <Chapter id={`report-${factor.id}`} title={factor.heading}>
      <p className="report-statement">{factor.statement}</p>
      <h3>{t("factor.selfAssessment")}</h3>
      {self.rating.id ? (
        <p>
          {colon(model, t("factor.selfRating"))}
          <Rating rating={self.rating} />
        </p>
      ) : (
        <Missing>{t("factor.notRated")}</Missing>
      )}
      <Text value={self.summary} missing={t("factor.noSummary")} />
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
              <Text value={answer.text} />
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
                  <blockquote className={QUOTED_KINDS.has(finding.kind) ? "quoted" : undefined}>{quoteText(model, finding)}</blockquote>
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
                  {colon(model, t("factor.peerRating"))}
                  <Rating rating={peer.conclusion.rating} />
                </p>
              ) : (
                <Missing>{t("factor.notRatedByPeers")}</Missing>
              )}
              {peer.conclusion.differs ? <p className="muted">{t("factor.differs", { self: self.rating.label })}</p> : null}
              <h4>{t("factor.strengths")}</h4>
              <Text value={peer.conclusion.strengths} missing={t("factor.noStrengths")} />
              <h4>{t("factor.improvements")}</h4>
              <Text value={peer.conclusion.improvements} missing={t("factor.noImprovements")} />
            </>
          ) : (
            <Missing>{t("factor.noConclusion")}</Missing>
          )}
          <h3>{t("factor.recommendations")}</h3>
          {peer.recommendations.length === 0 ? (
            <Missing>
              {peer.recommendationsWithheld || !peer.conclusion || peer.conclusion.draft
                ? t("factor.noAgreedRecommendations")
                : t("factor.noRecommendations")}
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

function PlanTable({ model, items, caption }: { model: ReportModel; items: RecommendationView[]; caption: string }) {
  const { t } = model.i18n;
  return (
    <div className="table-scroll">
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

function Plan({ model }: { model: ReportModel }) {
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

function ContextAnnex({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
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
            {colon(model, t("context.effect"))}
            <span className={`pill ${factor.effect ?? "none"}`}>{factor.effectLabel}</span>
          </p>
          <h4>{t("context.note")}</h4>
          {factor.note ? (
            <div className="report-note">
              <Text value={factor.note} />
            </div>
          ) : (
            <Missing>{t("context.noNote")}</Missing>
          )}
        </section>
      ))}
    </Chapter>
  );
}

function DocumentsAnnex({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  return (
    <Chapter id="report-documents" title={t("sections.annexDocuments")}>
      {model.documents.length === 0 ? (
        <Missing>{t("documents.none")}</Missing>
      ) : (
        <>
          <p>{t("documents.intro")}</p>
          <div className="table-scroll">
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

function BenchmarkAnnex({ model }: { model: ReportModel }) {
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

export function ReportPreview({ model }: { model: ReportModel }) {
  return (
    <article className="report" lang={model.locale}>
      {model.final ? null : (
        <div className="report-watermark" aria-hidden="true">
          {model.i18n.t("watermark")}
        </div>
      )}
      <Cover model={model} />
      <Contents model={model} />
      <Summary model={model} />
      <Method model={model} />
      <Overview model={model} />
      {model.factors.map((factor) => (
        <FactorChapter key={factor.id} model={model} factor={factor} />
      ))}
      {model.isPeerReview ? <Plan model={model} /> : null}
      <ContextAnnex model={model} />
      <DocumentsAnnex model={model} />
      <BenchmarkAnnex model={model} />
    </article>
  );
}
