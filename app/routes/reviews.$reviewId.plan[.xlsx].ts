import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildExportOffThread } from "#reports/render-pool";
import { planExport } from "#app/models/plan-export.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { fileResponse } from "#app/utils/download.server";
import { getI18n } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { loaderPermission } from "#app/utils/permissions";

/**
 * The development plan as an XLSX workbook: the same rows as the CSV (and the same rule on who
 * reads which: app/models/plan-export.server.ts), numbers as numbers, dates as Excel dates, in the reader's language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.plan[.xlsx]"), { resource: true });
  const locale = await getLocale(request);
  const { t } = getI18n(locale);
  const { header, records, title, baseName } = await planExport({ access, locale, searchParams: new URL(request.url).searchParams, dates: "values" });
  const bytes = await buildExportOffThread({ kind: "xlsx", sheet: { name: t("conclusions:plan.title"), header, rows: records, title, locale } });
  return fileResponse({ bytes, format: "xlsx", fileName: `${baseName}.xlsx` });
}
