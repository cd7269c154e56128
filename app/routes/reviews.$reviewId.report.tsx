import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { useMemo } from "react";
import { createReportI18n } from "#reports/i18n";
import { buildReportModel, type ReportModel } from "#reports/model";
import { ReportPreview } from "#reports/preview";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { getReaderReportSnapshot } from "#app/models/report.server";
import { listIssuedReports } from "#app/models/review.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import { LOCALES, pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { useDates } from "#app/utils/use-dates";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.report"));
  const { review } = access;
  const locale = await getLocale(request);
  const snapshot = await getReaderReportSnapshot({ reviewId: review.id, reader: access });
  if (!snapshot) throw data({ message: "errors.pageNotFound" }, { status: 404 });
  const issued = review.phase === "issued";
  // The preview of an issued review shows the issued text; before that, the draft.
  const issuedAt = issued ? snapshot.review.issuedAt : null;
  return {
    // Only the report's own content leaves the server, as this reader may read it: the model
    // keeps only the part of the snapshot it shows, and drafts only for who may read them.
    model: withoutFunctions(buildReportModel(snapshot, { locale, issuedAt })),
    hostCity: snapshot.review.hostCity,
    reviewId: review.id,
    reportLocale: snapshot.review.reportLocale,
    issuedAt,
    // The current issue's files; earlier (superseded) versions stay listed on the review's home.
    files: issued ? (await listIssuedReports({ reviewId: review.id })).filter((file) => !file.supersededAt) : [],
    // The factual check's record (comments, answers, outcomes) for whoever reads its threads.
    factualCheckCsv: hasPermission(access, "comments:read") ? `/reviews/${review.id}/factual-check.csv` : null,
  };
}

/** The model minus its formatting functions, which the page rebuilds from the locale. */
function withoutFunctions(model: ReportModel) {
  const { i18n: _i18n, ...data } = model;
  return data;
}

export default function ReportPage() {
  const { model: data, reviewId, reportLocale, issuedAt, files, factualCheckCsv } = useLoaderData<typeof loader>();
  const model = useMemo<ReportModel>(
    () => ({ ...data, i18n: createReportI18n(data.locale, data.snapshot.review.timeZone, data.framework.parts) }) as ReportModel,
    [data],
  );
  const { t } = useFrameworkTranslation("report");
  const dates = useDates();
  const formatDate = (value: string | Date) => dates.day(value, { month: "long" });
  return (
    <>
      <div className="no-print">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <p className={`notice ${issuedAt ? "ok" : "warn"}`}>{issuedAt ? t("issuedStatus", { date: formatDate(issuedAt) }) : t("draftStatus")}</p>
        <h2>{t("download")}</h2>
        <ul className="report-downloads">
          {LOCALES.map((lang) => {
            const file = files.find((candidate) => candidate.locale === lang);
            return (
              <li key={lang}>
                <a href={`/reviews/${reviewId}/report.pdf?lang=${lang}${file ? `&version=${file.version}` : ""}`} download hrefLang={lang}>
                  {t("downloadIn", { language: t(`languageNames.${lang}`) })}
                </a>{" "}
                ·{" "}
                <a href={`/reviews/${reviewId}/report.docx?lang=${lang}`} download hrefLang={lang}>
                  {t("downloadDocxIn", { language: t(`languageNames.${lang}`) })}
                </a>
                {lang === reportLocale ? <span className="muted"> ({t("defaultLanguage")})</span> : null}
                {file ? (
                  <span className="muted">
                    {" "}
                    — {t("pages", { count: file.pages })} — {t("sha256")}: <code>{file.sha256}</code>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
        <p className="muted">{t("accessibleFormats")}</p>
        {factualCheckCsv ? (
          <p className="factual-check-export">
            <a href={factualCheckCsv} download>
              {t("factualCheckCsv")}
            </a>
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t("print")}
          </button>
        </div>
      </div>
      <ReportPreview model={model} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("titles.reportOf", { city: data.hostCity }) : t("titles.report")));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
