import type { SheetCell } from "#reports/exports/xlsx";
import { parseTableState } from "#app/utils/table-state";
import type { ReviewAccess } from "#app/utils/auth.server";
import { getI18n, type Locale } from "#app/utils/i18n";
import { frameworkTerms, requireFramework, withTerms } from "#benchmark/index";
import { visiblePlanActions } from "#app/utils/permissions";
import { isoDay } from "#app/utils/dates";
import { filterPlan, listPlan, PLAN_TABLE } from "./recommendation.server";

/**
 * The development plan as rows for a file, read once for the CSV and the XLSX export alike: the
 * same filters and search as the page, quick wins first, then by factor and the team's order,
 * and only the recommendations whose conclusion the reader may read (a host reader: agreed ones; a
 * plan partner: the agreed actions its organisation owns), with each action's plan and progress.
 */
export async function planExport({ access, locale, searchParams }: { access: ReviewAccess; locale: Locale; searchParams: URLSearchParams }) {
  const { review } = access;
  // The columns name the framework's parts: "Key factor" or "Commitment".
  const t = withTerms(getI18n(locale).t, frameworkTerms(requireFramework(review.frameworkId), locale));
  const view = parseTableState(searchParams, PLAN_TABLE);
  // A plan partner's file holds only the actions its organisation owns, as its page does.
  const rows = filterPlan(visiblePlanActions(access, await listPlan({ reviewId: review.id, frameworkId: review.frameworkId, locale })), view);
  const header = [
    ...["factorNumber", "factorTitle", "position", "text", "priority", "horizon", "service", "inspiration", "state"].map((key) => t(`conclusions:csv.${key}`)),
    // The living plan: who carries each action out, along which axis, when, measured how, where it stands.
    ...["owner", "ownerKind", "axis", "startDate", "dueDate", "indicator", "baseline", "target", "status", "overdue", "updates", "lastUpdate"].map((key) =>
      t(`plan:csv.${key}`, { zone: review.timeZone }),
    ),
  ];
  const records = rows.map((row): SheetCell[] => [
    row.factorNumber,
    row.factorTitle,
    row.position,
    row.text,
    t(`conclusions:priorities.${row.priority}`),
    t(`conclusions:horizons.${row.horizon}`),
    row.responsibleService,
    row.inspiration ?? "",
    t(`conclusions:states.${row.state}`),
    row.owner,
    t(row.ownerPartnerId ? "plan:csv.partner" : "plan:csv.cityService"),
    row.axis,
    row.startDate ?? "",
    row.dueDate ?? "",
    row.indicator,
    row.baseline,
    row.target,
    t(`plan:statuses.${row.status}`),
    t(row.overdue ? "plan:csv.yes" : "plan:csv.no"),
    row.updates,
    row.lastUpdateAt ? isoDay(row.lastUpdateAt, review.timeZone) : "",
  ]);
  return { header, records, title: `${t("conclusions:plan.title")} — ${review.hostCity}`, baseName: `${review.hostCity}-development-plan` };
}
