import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseTableState } from "#app/utils/table-state";
import { filterPlan, listPlan, PLAN_TABLE } from "#app/models/recommendation.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { csvResponse } from "#app/utils/csv.server";
import { getI18n } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { loaderPermission, visibleConclusions } from "#app/utils/permissions";

/**
 * The development plan as CSV (written by app/utils/csv.server.ts, as every CSV the app sends):
 * the same filters and search as the page, quick wins first, then by factor and the team's order.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.plan[.csv]"), { resource: true });
  const { review } = access;
  const locale = await getLocale(request);
  const { t } = getI18n(locale);
  const view = parseTableState(new URL(request.url).searchParams, PLAN_TABLE);
  const rows = filterPlan(visibleConclusions(access, await listPlan({ reviewId: review.id, frameworkId: review.frameworkId, locale })), view);
  const header = ["factorNumber", "factorTitle", "position", "text", "priority", "horizon", "service", "inspiration", "state"].map((key) =>
    t(`conclusions:csv.${key}`),
  );
  const records = rows.map((row) => [
    row.factorNumber,
    row.factorTitle,
    row.position,
    row.text,
    t(`conclusions:priorities.${row.priority}`),
    t(`conclusions:horizons.${row.horizon}`),
    row.responsibleService,
    row.inspiration ?? "",
    t(`conclusions:states.${row.state}`),
  ]);
  const fileName = `${review.hostCity}-development-plan.csv`;
  // A plan holds tens of rows, not thousands: one batch.
  return csvResponse({ batches: [[header, ...records]], fileName, asciiName: fileName.replace(/[^\w.-]/g, "_"), locale });
}
