import { progressChapter } from "../progress-chapter";
import type { ReportModel } from "../model";
import { Missing } from "./blocks";

export function Cover({ model }: { model: ReportModel }) {
  const { t } = model.i18n;
  const submitted = model.snapshot.selfAssessment.submittedAt;
  return (
    <header className="report-cover">
      <h2 className="report-kicker">{model.title}</h2>
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
  const progress = progressChapter(model);
  return [
    { id: "report-summary", title: t("sections.executiveSummary") },
    { id: "report-method", title: t("sections.method") },
    { id: "report-overview", title: t("sections.overview") },
    ...model.factors.map((factor) => ({ id: `report-${factor.id}`, title: factor.heading, factor: true })),
    ...(model.isPeerReview ? [{ id: "report-plan", title: t("sections.plan") }] : []),
    ...(progress ? [{ id: "report-progress", title: progress.title }] : []),
    ...(model.hasContextAnnex ? [{ id: "report-context", title: t("sections.annexContext") }] : []),
    { id: "report-documents", title: t("sections.annexDocuments") },
    { id: "report-benchmark", title: t("sections.annexBenchmark") },
  ];
}

export function Contents({ model }: { model: ReportModel }) {
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
