import type { LoaderFunctionArgs } from "@remix-run/node";
import { foldText } from "#db/search-text";
import { frameworkTerms, requireFramework, withTerms } from "#benchmark/index";
import type { SheetCell } from "#reports/exports/xlsx";
import { buildExportOffThread } from "#reports/render-pool";
import { evidenceExportRecords } from "#app/models/evidence-csv.server";
import { parseEvidenceView } from "#app/models/evidence-log.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { fileResponse } from "#app/utils/download.server";
import { getI18n } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { loaderPermission } from "#app/utils/permissions";

/**
 * The evidence log as an XLSX workbook: the same view and columns as the CSV export (the table's
 * URL parameters), with real dates (the review's clock, named in the header) in place of text.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.evidence[.xlsx]"), { resource: true });
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  // The columns name the framework's parts, as the CSV's do: "Key factors" or "Commitments".
  const t = withTerms(getI18n(locale).t, frameworkTerms(framework, locale));
  const batches = evidenceExportRecords({
    reviewId: review.id,
    view: parseEvidenceView(url.searchParams),
    framework,
    timeZone: review.timeZone,
    t,
    dates: "values",
  });
  const records: SheetCell[][] = [];
  for await (const batch of batches) records.push(...batch);
  const [header = [], ...rows] = records;
  const city =
    foldText(review.hostCity)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "review";
  const title = `${t("evidence:meta.log")} ${review.hostCity}`;
  const bytes = await buildExportOffThread({ kind: "xlsx", sheet: { name: t("evidence:meta.log"), header: header.map(String), rows, title, locale } });
  return fileResponse({ bytes, format: "xlsx", fileName: `evidence-${city}.xlsx` });
}
