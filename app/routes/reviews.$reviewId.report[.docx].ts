import type { LoaderFunctionArgs } from "@remix-run/node";
import { getIssuedReport, getIssuedReportDocx, renderReportDocx, storeIssuedReports } from "#app/models/report.server";
import { getReview } from "#app/models/review.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { fileResponse } from "#app/utils/download.server";
import { isLocale, LOCALES } from "#app/utils/i18n";
import { loaderPermission } from "#app/utils/permissions";

/**
 * The report as a Word document, `?lang=fr|en` (default: the review's report language), from the
 * same snapshot as the PDF. Issued review: the stored file, byte for byte. Before that: a draft
 * built from the current data, with what this reader may read.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.report[.docx]"), { resource: true });
  const { review } = access;
  const asked = new URL(request.url).searchParams.get("lang");
  if (asked !== null && !isLocale(asked)) {
    return Response.json({ message: `Unknown language "${asked}". Use one of: ${LOCALES.join(", ")}.`, allowed: LOCALES }, { status: 400 });
  }
  const full = await getReview({ reviewId: review.id });
  const locale = asked ?? full?.reportLocale ?? "en";

  if (review.phase === "issued") {
    // As for the PDF: a review marked issued outside the app gets its files stored once, now.
    if (!(await getIssuedReport({ reviewId: review.id, locale }))) await storeIssuedReports({ reviewId: review.id, issuedAt: full?.issuedAt ?? new Date(0) });
    const stored = await getIssuedReportDocx({ reviewId: review.id, locale });
    if (stored) {
      return fileResponse({
        bytes: stored.docx,
        format: "docx",
        fileName: stored.fileName,
        headers: { "X-Report-SHA256": stored.sha256, "Cache-Control": "private, no-cache", ETag: `"${stored.sha256}"` },
      });
    }
  }

  const draft = await renderReportDocx({ reviewId: review.id, locale, reader: access });
  return fileResponse({ bytes: draft.buffer, format: "docx", fileName: draft.fileName, headers: { "X-Report-SHA256": draft.sha256 } });
}
