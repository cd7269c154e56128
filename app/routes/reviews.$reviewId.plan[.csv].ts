import type { LoaderFunctionArgs } from "@remix-run/node";
import { planExport } from "#app/models/plan-export.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv.server";
import { getLocale } from "#app/utils/locale.server";
import { loaderPermission } from "#app/utils/permissions";

/**
 * The development plan as CSV (written by app/utils/csv.server.ts, as every CSV the app sends):
 * the same rows as the XLSX export (app/models/plan-export.server.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.plan[.csv]"), { resource: true });
  const locale = await getLocale(request);
  const { header, records, baseName } = await planExport({ access, locale, searchParams: new URL(request.url).searchParams });
  const fileName = `${baseName}.csv`;
  // A plan holds tens of rows, not thousands: one batch. Its cells are text and numbers only.
  return csvResponse({ batches: [[header, ...(records as (string | number)[][])]], fileName, asciiName: fileName.replace(/[^\w.-]/g, "_"), locale });
}
