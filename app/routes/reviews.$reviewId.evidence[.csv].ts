import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireFramework } from "#benchmark/index";
import { foldText } from "#app/components/data-table";
import { buildEvidenceCsv, parseEvidenceView } from "#app/models/evidence.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { getI18n } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";

/**
 * The evidence log as CSV: the view in the query string (the table's own URL parameters), every
 * page of it, UTF-8 with a BOM so spreadsheet software reads accents right.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = await requireReviewPermission(request, params.reviewId, "evidence:read", { resource: true });
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const { t } = getI18n(locale);
  const { csv } = await buildEvidenceCsv({
    reviewId: review.id,
    view: parseEvidenceView(url.searchParams),
    framework: requireFramework(review.frameworkId),
    t,
  });
  const city =
    foldText(review.hostCity)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "review";
  const filename = `${t("evidence:meta.log")} ${review.hostCity}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="evidence-${city}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
