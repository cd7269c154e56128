import type { LoaderFunctionArgs } from "@remix-run/node";
import { factualCheckExport } from "#app/models/factual-comment-export.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv.server";
import { getLocale } from "#app/utils/locale.server";
import { loaderPermission } from "#app/utils/permissions";

/**
 * The factual check as CSV (app/utils/csv.server.ts, the reader's separators): every comment with
 * its answers and closing, who and when. Whoever reads the threads may export them.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.factual-check[.csv]"), { resource: true });
  const locale = await getLocale(request);
  const { header, records, baseName } = await factualCheckExport({ access, locale });
  const fileName = `${baseName}.csv`;
  // A factual check holds tens of entries: one batch.
  return csvResponse({ batches: [[header, ...records]], fileName, asciiName: fileName.replace(/[^\w.-]/g, "_"), locale });
}
