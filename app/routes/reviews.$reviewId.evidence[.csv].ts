import type { LoaderFunctionArgs } from "@remix-run/node";
import { foldText } from "#db/search-text";
import { frameworkTerms, requireFramework, withTerms } from "#benchmark/index";
import { evidenceCsvRecords } from "#app/models/evidence-csv.server";
import { parseEvidenceView } from "#app/models/evidence-log.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import { csvResponse } from "#app/utils/csv.server";
import { getI18n } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";

/**
 * The evidence log as CSV: the view in the query string (the table's own URL parameters), every
 * page of it, streamed as it is read (app/utils/csv.server.ts writes every CSV the app sends).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.evidence[.csv]"), { resource: true });
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  // The columns name the framework's parts: "Key factors" or "Commitments".
  const t = withTerms(getI18n(locale).t, frameworkTerms(framework, locale));
  const batches = evidenceCsvRecords({
    reviewId: review.id,
    view: parseEvidenceView(url.searchParams),
    framework,
    timeZone: review.timeZone,
    t,
  });
  const city =
    foldText(review.hostCity)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "review";
  const filename = `${t("evidence:meta.log")} ${review.hostCity}.csv`;
  return csvResponse({ batches, fileName: filename, asciiName: `evidence-${city}.csv`, locale });
}
