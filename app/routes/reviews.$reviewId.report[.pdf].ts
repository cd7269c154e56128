import type { LoaderFunctionArgs } from "@remix-run/node";
import { getIssuedReport, renderReportPdf, storeIssuedReports } from "#app/models/report.server";
import { getReview, listIssuedReports } from "#app/models/review.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import { isLocale, LOCALES } from "#app/utils/i18n";

function pdfResponse({ pdf, fileName, sha256, issued }: { pdf: Buffer; fileName: string; sha256: string; issued: boolean }) {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "X-Report-SHA256": sha256,
      // A draft changes with the data: never cached. The issued file never changes.
      "Cache-Control": issued ? "private, no-cache" : "private, no-store",
      ...(issued ? { ETag: `"${sha256}"` } : {}),
    },
  });
}

/**
 * The report as a PDF download, `?lang=fr|en` (default: the review's report language).
 * Issued review: the stored file, byte for byte. Before that: a draft built from the current data.
 * `?version=N` serves an issued version as stored, also a superseded one or while a correction
 * is under way.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.report[.pdf]"), { resource: true });
  const { review } = access;
  const asked = new URL(request.url).searchParams.get("lang");
  if (asked !== null && !isLocale(asked)) {
    return Response.json({ message: `Unknown language "${asked}". Use one of: ${LOCALES.join(", ")}.`, allowed: LOCALES }, { status: 400 });
  }
  const full = await getReview({ reviewId: review.id });
  const locale = asked ?? full?.reportLocale ?? "en";
  const versionAsked = new URL(request.url).searchParams.get("version");
  if (versionAsked !== null) {
    const version = /^[1-9]\d{0,5}$/.test(versionAsked) ? Number(versionAsked) : null;
    const stored = version === null ? null : await getIssuedReport({ reviewId: review.id, locale, version });
    if (!stored) return Response.json({ message: `No issued version "${versionAsked}" of this report in this language.` }, { status: 404 });
    return pdfResponse({ ...stored, issued: true });
  }

  if (review.phase === "issued") {
    let stored = await getIssuedReport({ reviewId: review.id, locale });
    if (!stored && (await listIssuedReports({ reviewId: review.id })).length) {
      return Response.json({ message: `The report was not issued in this language.` }, { status: 404 });
    }
    if (!stored) {
      // Only a review marked issued outside the app (seed, migration) lacks its files: store them
      // once now, with the review's own issue date, and serve them as stored from then on.
      await storeIssuedReports({ reviewId: review.id, issuedAt: full?.issuedAt ?? new Date(0) });
      stored = await getIssuedReport({ reviewId: review.id, locale });
    }
    if (stored) return pdfResponse({ ...stored, issued: true });
  }

  const draft = await renderReportPdf({ reviewId: review.id, locale, reader: access });
  return pdfResponse({ pdf: draft.buffer, fileName: draft.fileName, sha256: draft.sha256, issued: draft.issued });
}
