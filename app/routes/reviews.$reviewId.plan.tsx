import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { useTranslation } from "react-i18next";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { listLocalizedFactors, requireFramework } from "#benchmark/index";
import { DataTable, useUrlTableState } from "#app/components/data-table";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { OverdueMark, PlanStatusPill } from "#app/components/plan-status";
import { listPlan, PLAN_TABLE, type PlanRow } from "#app/models/recommendation.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { CommentThreads } from "#app/components/comment-thread";
import { listComments } from "#app/models/comment.server";
import { answerThreadForm } from "#app/models/factual-comment-actions.server";
import { isCommentIntent } from "#app/models/factual-comment-schema";
import { invalid, phaseClosed, phaseClosedBy, readForm, unparsedSubmission } from "#app/utils/forms.server";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { guardWrites } from "#app/utils/storage.server";
import { getLocale } from "#app/utils/locale.server";
import { pageTitle } from "#app/utils/i18n";
import { actionPermission, canReadDraftConclusions, loaderPermission, visiblePlanActions } from "#app/utils/permissions";
import type { TableState } from "#app/utils/table-state";
import { formatCalendarDate } from "#app/utils/dates";
import { HORIZONS, PLAN_STATUSES, PRIORITIES, type PlanStatus, type Priority } from "#db/enums";
import { useTextLanguage } from "#app/utils/text-language";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.plan"));
  const { review } = access;
  const locale = await getLocale(request);
  const agreedOnly = !canReadDraftConclusions(access);
  // A plan partner reads only the actions its organisation owns; the rest read the plan as they read conclusions.
  const rows = visiblePlanActions(access, await listPlan({ reviewId: review.id, frameworkId: review.frameworkId, locale }));
  const framework = requireFramework(review.frameworkId);
  const distinct = <T,>(values: T[], key: (value: T) => string) => [...new Map(values.map((value) => [key(value), value])).values()];
  return {
    reviewId: review.id,
    // The view's URL parameters, shared with the CSV export (which reads the same ones).
    table: PLAN_TABLE,
    agreedOnly,
    rows,
    factors: listLocalizedFactors(framework, locale).map(({ id, number, title }) => ({ id, number, title })),
    services: [...new Set(rows.map((row) => row.responsibleService).filter(Boolean))].sort((a, b) => a.localeCompare(b, locale)),
    owners: distinct(rows, (row) => row.ownerKey)
      .map((row) => ({ value: row.ownerKey, label: row.owner || "—" }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    axes: [...new Set(rows.map((row) => row.axis))].sort((a, b) => a.localeCompare(b, locale, { numeric: true })),
    ownOnly: !hasPermission(access, "conclusions:read"),
    locale,
    phase: review.phase,
    // The factual check's threads on the plan as a whole and on its recommendations.
    comments: hasPermission(access, "comments:read") ? await listComments({ reviewId: review.id, parts: ["plan", "recommendation"] }) : null,
    can: {
      comment: hasPermission(access, "comments:write"),
      reply: hasPermission(access, "comments:reply"),
      resolve: hasPermission(access, "comments:resolve"),
    },
  };
}

export const action = guardWrites(writeAction);

/** The page's only forms are the factual check's: a comment on the plan or one recommendation, an answer, a closing. */
async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (!isCommentIntent(intent)) return invalid(unparsedSubmission(form), { formErrors: ["conclusions:errors.unknownIntent"] });
  try {
    authorize(access, actionPermission("reviews.$reviewId.plan", intent), request);
  } catch (error) {
    // The phase moved on (e.g. the review was issued) while the user typed: say so, keep the text.
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    return phaseClosed(unparsedSubmission(form), phase, phase === "issued" ? "conclusions:errors.issued" : "conclusions:errors.wrongPhase");
  }
  return answerThreadForm({
    request,
    access,
    form,
    intent,
    target: (about) => (about ? { part: "recommendation", recommendationId: about } : { part: "plan" }),
    scope: { parts: ["plan", "recommendation"] },
    page: `/reviews/${access.review.id}/plan`,
  });
}

export const clientAction = keepTextOnFailure;

/** The recommendations a comment may be about, numbered within their factor as on the factor's page. */
function recommendationChoices(rows: readonly PlanRow[], label: (number: string, text: string) => string) {
  const ordered = [...rows].sort((a, b) => a.factorNumber - b.factorNumber || a.position - b.position);
  return ordered.map((row) => {
    const number = ordered.filter((other) => other.factorId === row.factorId && other.position <= row.position).length;
    const text = row.text.replace(/\s+/g, " ").trim();
    return { id: row.id, label: label(`${row.factorNumber}.${number}`, text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text) };
  });
}

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

function PriorityCell({ value }: { value: Priority }) {
  const { t } = useFrameworkTranslation("conclusions");
  return <span className={`pill priority-${value}`}>{t(`priorities.${value}`)}</span>;
}

function HorizonCell({ value }: { value: string }) {
  const { t } = useFrameworkTranslation("conclusions");
  return <>{t(`horizons.${value}`)}</>;
}

function StateCell({ value }: { value: string }) {
  const { t } = useFrameworkTranslation("conclusions");
  return <span className={`pill state-${value}`}>{t(`states.${value}`)}</span>;
}

function FactorCell({ row }: { row: PlanRow }) {
  const { reviewId } = useLoaderData<typeof loader>();
  return (
    <Link to={`/reviews/${reviewId}/conclusions/${row.factorId}#recommendations`}>
      {row.factorNumber}. {row.factorTitle}
    </Link>
  );
}

const column = createColumnHelper<PlanRow>();

/** A recommendation as the team wrote it, marked with the review's language, opening its plan action. */
function WrittenText({ row }: { row: PlanRow }) {
  const { reviewId } = useLoaderData<typeof loader>();
  return (
    <Link to={`/reviews/${reviewId}/plan/${row.id}`} lang={useTextLanguage()}>
      {row.text}
    </Link>
  );
}

/** Where an action stands; an overdue one says so in words (and an icon), not by colour alone. */
function StatusCell({ row }: { row: PlanRow }) {
  return (
    <>
      <PlanStatusPill status={row.status} />
      <OverdueMark overdue={row.overdue} />
    </>
  );
}

function DayCell({ value }: { value: string | null }) {
  const { locale } = useLoaderData<typeof loader>();
  return value ? <time dateTime={value}>{formatCalendarDate(value, { locale })}</time> : <>—</>;
}

function OwnerCell({ row }: { row: PlanRow }) {
  const { t } = useTranslation("plan");
  if (!row.owner) return <>—</>;
  return row.ownerPartnerId ? (
    <>
      {row.owner} <span className="muted">({t("partner")})</span>
    </>
  ) : (
    <>{row.owner}</>
  );
}

const STATUS_RANK = Object.fromEntries(PLAN_STATUSES.map((status, index) => [status, index])) as Record<PlanStatus, number>;

const COLUMNS = [
  column.accessor("factorId", {
    id: "factor",
    meta: { labelKey: "conclusions:plan.factor", searchValue: (row) => `${row.factorNumber} ${row.factorTitle}` },
    cell: ({ row }) => <FactorCell row={row.original} />,
  }),
  column.accessor("text", {
    id: "text",
    enableHiding: false,
    meta: { labelKey: "conclusions:plan.recommendation", className: "plan-text" },
    cell: ({ row }) => <WrittenText row={row.original} />,
  }),
  column.accessor("ownerKey", {
    id: "owner",
    meta: { labelKey: "plan:fields.owner", searchValue: (row) => row.owner },
    sortingFn: (a, b) => a.original.owner.localeCompare(b.original.owner),
    cell: ({ row }) => <OwnerCell row={row.original} />,
  }),
  column.accessor("axis", {
    id: "axis",
    meta: { labelKey: "plan:fields.axis" },
    sortingFn: (a, b) => a.original.axis.localeCompare(b.original.axis, undefined, { numeric: true }),
  }),
  // Undated actions sort last either way.
  column.accessor((row) => row.startDate ?? undefined, {
    id: "start",
    meta: { labelKey: "plan:fields.startDate" },
    sortUndefined: "last",
    cell: (info) => <DayCell value={info.getValue() ?? null} />,
  }),
  column.accessor((row) => row.dueDate ?? undefined, {
    id: "due",
    meta: { labelKey: "plan:fields.dueDate" },
    sortUndefined: "last",
    cell: (info) => <DayCell value={info.getValue() ?? null} />,
  }),
  column.accessor("indicator", {
    id: "indicator",
    meta: { labelKey: "plan:fields.indicator" },
    cell: ({ row }) =>
      row.original.indicator ? (
        <>
          {row.original.indicator}
          {row.original.baseline ? ` (${row.original.baseline} → ${row.original.target || "…"})` : ""}
        </>
      ) : (
        "—"
      ),
  }),
  column.accessor("status", {
    id: "status",
    meta: { labelKey: "plan:fields.status" },
    sortingFn: (a, b) => STATUS_RANK[a.original.status] - STATUS_RANK[b.original.status],
    cell: ({ row }) => <StatusCell row={row.original} />,
  }),
  // What the "overdue" filter reads: never shown as a column (the status cell says it).
  column.accessor((row) => (row.overdue ? "yes" : "no"), { id: "overdue", meta: { hidden: true } }),
  column.accessor("priority", {
    id: "priority",
    sortingFn: (a, b, id) => PRIORITY_RANK[a.getValue<Priority>(id)] - PRIORITY_RANK[b.getValue<Priority>(id)],
    meta: { labelKey: "conclusions:plan.priority" },
    cell: (info) => <PriorityCell value={info.getValue()} />,
  }),
  column.accessor("horizon", {
    id: "horizon",
    // The plan is grouped by horizon; sorting by it would only reorder the groups.
    enableSorting: false,
    meta: { labelKey: "conclusions:plan.horizon" },
    cell: (info) => <HorizonCell value={info.getValue()} />,
  }),
  column.accessor("responsibleService", {
    id: "service",
    meta: { labelKey: "conclusions:plan.service" },
  }),
  column.accessor("inspiration", {
    id: "inspiration",
    meta: { labelKey: "conclusions:plan.inspiration" },
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("state", {
    id: "state",
    meta: { labelKey: "conclusions:plan.state" },
    cell: (info) => <StateCell value={info.getValue()} />,
  }),
];

// Grouped by horizon unless the reader asks otherwise: "no grouping" is kept in the URL as group=none.
function fromUrl(state: TableState): TableState {
  return { ...state, group: state.group === "none" ? null : (state.group ?? "horizon") };
}

function toUrl(state: TableState): TableState {
  return { ...state, group: state.group === null ? "none" : state.group === "horizon" ? null : state.group };
}

export default function Plan() {
  const { reviewId, table, rows, agreedOnly, factors, services, owners, axes, ownOnly, comments, can, phase } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("conclusions");
  const { t: tp } = useTranslation("plan");
  const overdue = rows.filter((row) => row.overdue).length;
  const [urlState, setUrlState] = useUrlTableState(table);
  const navigation = useNavigation();
  const location = useLocation();
  const state = fromUrl(urlState);
  const quickWins = rows.filter((row) => row.horizon === "quick-win").length;
  const all = { value: "", label: t("plan.all") };
  return (
    <>
      <h1>{t("plan.title")}</h1>
      <p>{ownOnly ? tp("ownIntro") : t("plan.intro")}</p>
      <ul className="plan-counts">
        <li>
          {t("colon", { label: t("plan.quickWins") })} {t("plan.count", { count: quickWins })}
        </li>
        <li>
          {t("colon", { label: t("plan.longTerm") })} {t("plan.count", { count: rows.length - quickWins })}
        </li>
        <li>
          {t("colon", { label: tp("overdue") })}{" "}
          {overdue ? <Link to={`?overdue=yes`}>{tp("actionCount", { count: overdue })}</Link> : tp("actionCount", { count: overdue })}
        </li>
      </ul>
      {agreedOnly ? <p className="muted">{t("plan.agreedOnlyNote")}</p> : null}
      <p className="no-print">
        <a href={`/reviews/${reviewId}/plan.csv${location.search}`} download>
          {t("plan.csv")}
        </a>{" "}
        ·{" "}
        <a href={`/reviews/${reviewId}/plan.xlsx${location.search}`} download>
          {t("plan.xlsx")}
        </a>
      </p>
      <DataTable
        id="plan"
        caption={t("plan.title")}
        columns={COLUMNS}
        data={rows}
        getRowId={(row) => row.id}
        config={table}
        state={state}
        onStateChange={(next, options) => setUrlState(toUrl(next), options)}
        rowHeaderColumn="text"
        rowClassName={(row) => (row.overdue ? "plan-overdue" : undefined)}
        searchLabel={t("plan.search")}
        emptyMessage={t("plan.none")}
        busy={navigation.state === "loading"}
        filters={[
          {
            id: "factor",
            label: t("plan.factor"),
            type: "select",
            options: [all, ...factors.map((factor) => ({ value: factor.id, label: `${factor.number}. ${factor.title}` }))],
          },
          {
            id: "priority",
            label: t("plan.priority"),
            type: "select",
            options: [all, ...PRIORITIES.map((priority) => ({ value: priority, label: t(`priorities.${priority}`) }))],
          },
          { id: "service", label: t("plan.service"), type: "select", options: [all, ...services.map((service) => ({ value: service, label: service }))] },
          {
            id: "horizon",
            label: t("plan.horizon"),
            type: "select",
            options: [all, ...HORIZONS.map((horizon) => ({ value: horizon, label: t(`horizons.${horizon}`) }))],
          },
          { id: "owner", label: tp("fields.owner"), type: "select", options: [all, ...owners] },
          {
            id: "status",
            label: tp("fields.status"),
            type: "select",
            options: [all, ...PLAN_STATUSES.map((status) => ({ value: status, label: tp(`statuses.${status}`) }))],
          },
          { id: "axis", label: tp("fields.axis"), type: "select", options: [all, ...axes.map((axis) => ({ value: axis, label: axis }))] },
          {
            id: "overdue",
            label: tp("overdue"),
            type: "select",
            options: [all, { value: "yes", label: tp("overdueOnly") }, { value: "no", label: tp("notOverdue") }],
          },
        ]}
        groupOptions={[
          { value: "horizon", label: t("plan.horizon"), columnId: "horizon" },
          { value: "factor", label: t("plan.factor"), columnId: "factor" },
          { value: "owner", label: tp("byOwner"), columnId: "owner" },
        ]}
        renderGroupHeader={({ option, value, rowsOnPage }) => {
          const label =
            option.value === "horizon"
              ? value === "quick-win"
                ? t("plan.quickWins")
                : t("plan.longTerm")
              : option.value === "owner"
                ? (owners.find((owner) => owner.value === value)?.label ?? String(value))
                : (() => {
                    const factor = factors.find((candidate) => candidate.id === value);
                    return factor ? `${factor.number}. ${factor.title}` : String(value);
                  })();
          return (
            <>
              {label} <span className="muted">({t("plan.count", { count: rowsOnPage })})</span>
            </>
          );
        }}
      />
      <CommentThreads
        comments={comments}
        can={can}
        factualCheck={phase === "factual-check"}
        draftKey="comment:plan"
        empty={t("comments.nonePlan")}
        about={{
          page: t("comments.aboutPlan"),
          recommendations: recommendationChoices(rows, (number, text) => t("comments.aboutRecommendation", { number, text })),
        }}
      />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.plan"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
