import { frameworkTerms, itemLabel, localize, localizedRatingScale, requireFramework, type FrameworkTerms } from "#benchmark/index";
import { getI18n } from "#app/utils/i18n";
import type { ReportLocale } from "./i18n";
import type { AnnualReportAction, AnnualReportSnapshot } from "./annual-report-snapshot";

/**
 * The annual report's content, decided once from a snapshot: every commitment of the plan in its
 * order, each with the actions carried out in the year (their status that year, partners,
 * indicators and results) or the sentence saying there was none. The PDF sections render this.
 */
export type AnnualReportOptions = { locale: ReportLocale };

export type AnnualActionView = {
  id: string;
  title: string;
  description: string;
  /** The status the team recorded for the year, else the action's status now. */
  status: string;
  statusLabel: string;
  responsibleService: string;
  partners: string;
  indicators: string;
  budget: string;
  /** "since 2024", "2024–2026", "2026". */
  period: string;
  /** Empty when nothing was recorded for the year (`recorded` false). */
  results: string;
  recorded: boolean;
};

export type CommitmentView = {
  id: string;
  number: number;
  /** "Commitment 3" / "Engagement 3". */
  label: string;
  title: string;
  objective: string;
  actions: AnnualActionView[];
};

export type AnnualReportModel = {
  locale: ReportLocale;
  t: (key: string, params?: Record<string, string | number>) => string;
  terms: FrameworkTerms;
  year: number;
  hostCity: string;
  country: string;
  coordinatingEntity: string;
  planTitle: string;
  planShortTitle: string;
  publisher: string;
  frameworkVersion: string;
  frameworkYear: number;
  commitments: CommitmentView[];
  /** Commitments of the plan without any action in the year. */
  withoutAction: CommitmentView[];
  actionCount: number;
  /** Actions per status that year, in the scale's order, only statuses that occur. */
  statusCounts: { id: string; label: string; count: number }[];
};

export function buildAnnualReportModel(snapshot: AnnualReportSnapshot, options: AnnualReportOptions): AnnualReportModel {
  const { locale } = options;
  const framework = requireFramework(snapshot.framework.id);
  const fixed = getI18n(locale).getFixedT(locale, "annualReport");
  const t = (key: string, params: Record<string, string | number> = {}) => fixed(key, params) as string;
  const terms = frameworkTerms(framework, locale);
  const l = (text: { fr: string; en: string }) => localize(text, locale);
  const scale = localizedRatingScale(framework, locale);
  const statusLabel = (id: string) => scale.find((rating) => rating.id === id)?.label ?? id;
  const period = (action: AnnualReportAction) => {
    if (action.endYear === null) return t("period.since", { start: action.startYear });
    if (action.endYear === action.startYear) return String(action.startYear);
    return t("period.range", { start: action.startYear, end: action.endYear });
  };
  const view = (action: AnnualReportAction): AnnualActionView => {
    const status = action.yearRecord?.status ?? action.status;
    return {
      id: action.id,
      title: action.title,
      description: action.description,
      status,
      statusLabel: statusLabel(status),
      responsibleService: action.responsibleService,
      partners: action.partners,
      indicators: action.indicators,
      budget: action.budget,
      period: period(action),
      results: action.yearRecord?.results ?? "",
      recorded: action.yearRecord !== null,
    };
  };

  const commitments = framework.keyFactors
    .filter((factor) => !factor.retired || snapshot.actions.some((action) => action.factorId === factor.id))
    .map((factor): CommitmentView => ({
      id: factor.id,
      number: factor.number,
      label: itemLabel(terms, factor.number),
      title: l(factor.title),
      objective: l(factor.statement),
      actions: snapshot.actions.filter((action) => action.factorId === factor.id).map(view),
    }));
  const actions = commitments.flatMap((commitment) => commitment.actions);
  return {
    locale,
    t,
    terms,
    year: snapshot.year,
    hostCity: snapshot.review.hostCity,
    country: snapshot.review.country,
    coordinatingEntity: snapshot.review.coordinatingEntity.trim(),
    planTitle: l(framework.title),
    planShortTitle: l(framework.shortTitle ?? framework.title),
    publisher: framework.publisher,
    frameworkVersion: framework.version,
    frameworkYear: framework.year,
    commitments,
    withoutAction: commitments.filter((commitment) => commitment.actions.length === 0),
    actionCount: actions.length,
    statusCounts: scale
      .map((rating) => ({ id: rating.id as string, label: rating.label, count: actions.filter((action) => action.status === rating.id).length }))
      .filter((entry) => entry.count > 0),
  };
}
