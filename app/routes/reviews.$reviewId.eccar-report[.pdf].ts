import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireFramework } from "#benchmark/index";
import { parseReportYear, renderAnnualReportPdf, reportYears } from "#app/models/annual-report.server";
import { recordsCityActions } from "#app/models/city-action.server";
import { getReview } from "#app/models/review.server";
import { notFound, requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import { isLocale, LOCALES } from "#app/utils/i18n";

/**
 * The city's annual report on its plan of action for one year, as a PDF download:
 * `?year=YYYY&lang=fr|en` (lang defaults to the review's report language). Built from the current
 * data each time. A year or language the report does not know is a 400 naming the allowed values.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.eccar-report[.pdf]"), { resource: true });
  const { review } = access;
  const framework = requireFramework(review.frameworkId);
  // A review on a framework without city actions (EUROCITIES) has no annual report to give.
  if (!recordsCityActions(framework)) notFound();
  const query = new URL(request.url).searchParams;
  const years = reportYears(framework, { now: new Date(), timeZone: review.timeZone });
  const askedYear = query.get("year");
  const year = parseReportYear(askedYear, years);
  if (year === null) {
    const message =
      askedYear === null
        ? `Say which year: ?year=YYYY, from ${years.from} to ${years.to}.`
        : `Unknown year "${askedYear}". Use a year from ${years.from} to ${years.to}.`;
    return Response.json({ message, allowed: { year: years, lang: LOCALES } }, { status: 400 });
  }
  const askedLang = query.get("lang");
  if (askedLang !== null && !isLocale(askedLang)) {
    return Response.json(
      { message: `Unknown language "${askedLang}". Use one of: ${LOCALES.join(", ")}.`, allowed: { year: years, lang: LOCALES } },
      { status: 400 },
    );
  }
  const file = await renderAnnualReportPdf({
    reviewId: review.id,
    year,
    locale: askedLang ?? (await getReview({ reviewId: review.id }))?.reportLocale ?? "en",
  });
  if (!file) notFound();
  return new Response(new Uint8Array(file.buffer), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.buffer.length),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "X-Report-SHA256": file.sha256,
      // Built from the data as it is now: never cached.
      "Cache-Control": "private, no-store",
    },
  });
}
