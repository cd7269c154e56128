import type { SheetCell } from "#reports/exports/xlsx";
import { parseTableState } from "#app/utils/table-state";
import type { ReviewAccess } from "#app/utils/auth.server";
import { getI18n, type Locale } from "#app/utils/i18n";
import { frameworkTerms, requireFramework, withTerms } from "#benchmark/index";
import { visiblePlanActions } from "#app/utils/permissions";
import { isoDay, spreadsheetDate } from "#app/utils/dates";
import type { DateCells } from "./evidence-csv.server";
import { filterPlan, listPlan, PLAN_TABLE } from "./recommendation.server";

/**
 * The development plan as rows for a file, read once for the CSV and the XLSX export alike: the
 * same filters and search as the page, quick wins first, then by factor and the team's order,
 * and only the recommendations whose conclusion the reader may read (a host reader: agreed ones; a
 * plan partner: the agreed actions its organisation owns), with each action's plan and progress.
 * The CSV writes dates as text; the XLSX as dates (`dates: "values"`): the start and due days as
 * calendar days that never move, the last update as the review's clock read it.
 */
export async function planExport({
  access,
  locale,
  searchParams,
  dates = "text",
}: {
  access: ReviewAccess;
  locale: Locale;
  searchParams: URLSearchParams;
  dates?: DateCells;
}) {
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
  // A day not set is an empty cell in the workbook (blank for Excel's sort and filter), "" in the CSV.
  const day = (value: string | null): SheetCell => (dates === "text" ? (value ?? "") : value ? { day: spreadsheetDate(value) } : null);
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
    day(row.startDate),
    day(row.dueDate),
    row.indicator,
    row.baseline,
    row.target,
    t(`plan:statuses.${row.status}`),
    t(row.overdue ? "plan:csv.yes" : "plan:csv.no"),
    row.updates,
    day(row.lastUpdateAt ? isoDay(row.lastUpdateAt, review.timeZone) : null),
  ]);
  return { header, records, title: `${t("conclusions:plan.title")} — ${review.hostCity}`, baseName: `${review.hostCity}-development-plan` };
}
