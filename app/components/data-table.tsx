import {
  getCoreRowModel,
  getExpandedRowModel,
  getFilteredRowModel,
  getGroupedRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type RowData,
  type VisibilityState,
} from "@tanstack/react-table";
import { useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  foreignParams,
  normaliseColumns,
  parseTableState,
  serializeSort,
  tableStateToSearchParams,
  type TableConfig,
  type TableState,
} from "#app/utils/table-state";
import { accentInsensitiveFilter, ColumnChooser, includesAnyFilter, TableBody, TableHead } from "./data-table-parts";

declare module "@tanstack/react-table" {
  // The type parameters must match the library's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** i18n key of the column's name: header, column chooser, filters. Columns live at module scope, so a key, not text. */
    labelKey?: string;
    /** Never shown as a column (e.g. the value a view groups by) and left out of the chooser. */
    hidden?: boolean;
    /** Text the global search looks at for this column when its value is not plain text. */
    searchValue?: (row: TData) => string;
    /** Extra class on the column's cells (e.g. "num" for figures). */
    className?: string;
  }
}

/**
 * The table view kept in the page's URL, so that a link reproduces it. Changing it navigates
 * (Remix reruns the loaders, so a server-side table gets its new rows the same way).
 */
export function useUrlTableState(config: TableConfig) {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseTableState(searchParams, config), [searchParams, config]);
  const setState = useCallback(
    (next: TableState, options: { replace?: boolean } = {}) => {
      setSearchParams(tableStateToSearchParams(next, config, searchParams), {
        replace: options.replace ?? false,
        preventScrollReset: true,
      });
    },
    [config, searchParams, setSearchParams],
  );
  return [state, setState] as const;
}

// ---- The table --------------------------------------------------------------

export type DataTableFilter = {
  /** URL parameter (and, for client-side tables, the column it filters). */
  id: string;
  label: string;
  type: "select" | "date";
  /** For selects, including the empty "all" option with the view's own wording. */
  options?: readonly { value: string; label: string }[];
};

export type DataTableGroupOption = { value: string; label: string; columnId: string };

export type DataTableProps<T> = {
  /** Distinguishes several tables on a page; used for element ids. */
  id: string;
  caption: ReactNode;
  /** Declared at module scope by the view. */
  columns: ColumnDef<T, unknown>[];
  data: T[];
  getRowId: (row: T) => string;
  config: TableConfig;
  state: TableState;
  onStateChange: (next: TableState, options?: { replace?: boolean }) => void;
  /**
   * "client": the table searches, filters, sorts and pages the rows it is given.
   * "server": the rows arrive searched, filtered, sorted and paged (pass rowCount); grouping still happens here.
   */
  mode?: "client" | "server";
  rowCount?: number;
  pageSize?: number;
  filters?: readonly DataTableFilter[];
  groupOptions?: readonly DataTableGroupOption[];
  renderGroupHeader?: (group: { option: DataTableGroupOption; value: unknown; rowsOnPage: number }) => ReactNode;
  /** Columns shown when the URL does not choose (default: every column). */
  defaultColumns?: readonly string[];
  /** Column whose cells head their rows (<th scope="row">). */
  rowHeaderColumn?: string;
  searchLabel?: string;
  emptyMessage?: ReactNode;
  /** Data is on its way; by default, while a navigation to this same page loads the next view. */
  busy?: boolean;
  rowClassName?: (row: T) => string | undefined;
  /** Where a server-mode table's rows were worked out: by the server, or in the browser from a copy of every row. */
  source?: "server" | "browser";
};

export const DEFAULT_PAGE_SIZE = 50;

function columnId<T>(column: ColumnDef<T, unknown>): string {
  if (column.id) return column.id;
  if ("accessorKey" in column && typeof column.accessorKey === "string") return column.accessorKey;
  throw new Error("Every DataTable column needs an id or an accessorKey");
}

export function DataTable<T>({
  id,
  caption,
  columns,
  data,
  getRowId,
  config,
  state,
  onStateChange,
  mode = "client",
  rowCount,
  pageSize = DEFAULT_PAGE_SIZE,
  filters = [],
  groupOptions = [],
  renderGroupHeader,
  defaultColumns,
  rowHeaderColumn,
  searchLabel,
  emptyMessage,
  busy,
  rowClassName,
  source,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const uid = useId();
  const formId = `${id}-tools`;
  const captionId = `${id}-caption`;
  const server = mode === "server";
  const [searchParams] = useSearchParams();

  const ids = useMemo(() => columns.map(columnId), [columns]);
  const hideable = useMemo(() => columns.filter((column) => !column.meta?.hidden && column.enableHiding !== false).map(columnId), [columns]);
  const shown = state.columns ?? defaultColumns ?? hideable;
  const columnVisibility = useMemo(() => {
    const visibility: VisibilityState = {};
    for (const column of columns) {
      const cid = columnId(column);
      visibility[cid] = !column.meta?.hidden && (column.enableHiding === false || shown.includes(cid));
    }
    return visibility;
  }, [columns, shown]);

  const columnFilters = useMemo<ColumnFiltersState>(
    () =>
      server
        ? []
        : Object.entries(state.filters)
            .filter(([key]) => ids.includes(key))
            .map(([key, values]) => ({ id: key, value: values })),
    [server, state.filters, ids],
  );
  const groupOption = groupOptions.find((option) => option.value === state.group) ?? null;
  // Stable pieces of table state, so the row model (and the rows rendered from it) is rebuilt only when the view changes.
  const sorting = useMemo(() => state.sort.filter((entry) => ids.includes(entry.id)), [state.sort, ids]);
  const groupColumn = groupOption?.columnId ?? null;
  const grouping = useMemo(() => (groupColumn ? [groupColumn] : []), [groupColumn]);
  const pagination = useMemo(() => ({ pageIndex: state.page - 1, pageSize }), [state.page, pageSize]);
  const navigation = useNavigation();
  const location = useLocation();
  const loading = busy ?? (navigation.state === "loading" && navigation.location?.pathname === location.pathname);

  const table = useReactTable<T>({
    data,
    columns,
    getRowId: (row) => getRowId(row),
    state: {
      sorting,
      columnFilters,
      globalFilter: server ? "" : state.q,
      columnVisibility,
      grouping,
      expanded: true,
      pagination,
    },
    manualSorting: server,
    manualFiltering: server,
    manualPagination: server,
    rowCount: server ? (rowCount ?? data.length) : undefined,
    autoResetPageIndex: false,
    groupedColumnMode: false,
    globalFilterFn: accentInsensitiveFilter as FilterFn<T>,
    getColumnCanGlobalFilter: () => true,
    defaultColumn: { filterFn: includesAnyFilter as FilterFn<T> },
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: server ? undefined : getFilteredRowModel(),
    getSortedRowModel: server ? undefined : getSortedRowModel(),
    getGroupedRowModel: getGroupedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
    getPaginationRowModel: server ? undefined : getPaginationRowModel(),
  });

  const total = server ? (rowCount ?? data.length) : table.getPrePaginationRowModel().rows.filter((row) => !row.getIsGrouped()).length;
  const pages = Math.max(1, table.getPageCount());
  const page = Math.min(state.page, pages);

  // The search box is typed into; the URL follows a moment later, not on every key.
  const [draft, setDraft] = useState(state.q);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setDraft(state.q), [state.q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (patch: Partial<TableState>, options?: { replace?: boolean }) => {
    clearTimeout(timer.current);
    onStateChange({ ...state, q: draft.trim(), page: 1, ...patch }, options);
  };

  const columnsOf = (list: string[] | null) => normaliseColumns(list, hideable, defaultColumns);

  // Without JavaScript the tools are a plain GET form; with it, the same fields update the URL in place.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(timer.current);
    const submitter = (event.nativeEvent as SubmitEvent).submitter ?? null;
    const form = new FormData(event.currentTarget, submitter);
    const params = new URLSearchParams();
    for (const [key, value] of form) if (typeof value === "string") params.append(key, value);
    const next = parseTableState(params, config);
    onStateChange({ ...next, columns: columnsOf(next.columns) });
  }

  const preserved = foreignParams(searchParams, config);
  const currentSort = serializeSort(state.sort);
  const leafColumns = table.getVisibleLeafColumns();
  const rows = table.getRowModel().rows;

  const clearHref = `?${new URLSearchParams(preserved)}`;

  return (
    <div className="data-table" data-source={source}>
      <form method="get" id={formId} className="table-tools no-print" onSubmit={submit} role="search" aria-label={searchLabel ?? t("table.search")}>
        {preserved.map(([key, value], index) => (
          <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
        ))}
        {currentSort ? <input type="hidden" name="sort" value={currentSort} /> : null}
        <div className="field table-search">
          <label htmlFor={`${uid}-q`}>{searchLabel ?? t("table.search")}</label>
          <input
            id={`${uid}-q`}
            type="search"
            name="q"
            value={draft}
            onChange={(event) => {
              const value = event.target.value;
              setDraft(value);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => onStateChange({ ...state, q: value.trim(), page: 1 }, { replace: true }), 300);
            }}
          />
        </div>
        {filters.map((filter) => (
          <div className="field" key={filter.id}>
            <label htmlFor={`${uid}-${filter.id}`}>{filter.label}</label>
            {filter.type === "date" ? (
              <input
                id={`${uid}-${filter.id}`}
                type="date"
                name={filter.id}
                value={state.filters[filter.id]?.[0] ?? ""}
                onChange={(event) => change({ filters: { ...state.filters, [filter.id]: event.target.value ? [event.target.value] : [] } })}
              />
            ) : (
              <select
                id={`${uid}-${filter.id}`}
                name={filter.id}
                value={state.filters[filter.id]?.[0] ?? ""}
                onChange={(event) => change({ filters: { ...state.filters, [filter.id]: event.target.value ? [event.target.value] : [] } })}
              >
                {filter.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </div>
        ))}
        {groupOptions.length ? (
          <div className="field">
            <label htmlFor={`${uid}-group`}>{t("table.groupBy")}</label>
            <select id={`${uid}-group`} name="group" value={state.group ?? ""} onChange={(event) => change({ group: event.target.value || null })}>
              <option value="">{t("table.noGrouping")}</option>
              {groupOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {hideable.length > 1 ? (
          <ColumnChooser
            columns={table.getAllLeafColumns().filter((column) => hideable.includes(column.id))}
            shown={shown}
            onChange={(list) => onStateChange({ ...state, q: draft.trim(), columns: columnsOf(list) })}
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="secondary">
            {t("actions.filter")}
          </button>
          <a
            href={clearHref}
            onClick={(event) => {
              event.preventDefault();
              setDraft("");
              onStateChange({ q: "", sort: [...(config.defaultSort ?? [])], filters: {}, columns: state.columns, group: null, page: 1 });
            }}
          >
            {t("actions.clear")}
          </a>
        </div>
      </form>

      <p role="status" className="muted table-count">
        {t("table.rows", { count: total })}
      </p>

      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table aria-busy={loading || undefined}>
          <caption id={captionId}>{caption}</caption>
          <TableHead headerGroups={table.getHeaderGroups()} sort={state.sort} formId={formId} />
          <TableBody
            rows={rows}
            columnKey={leafColumns.map((column) => column.id).join(",")}
            groupOption={groupOption}
            renderGroupHeader={renderGroupHeader}
            rowHeaderColumn={rowHeaderColumn}
            emptyMessage={emptyMessage ?? t("table.noRows")}
            rowClassName={rowClassName}
          />
        </table>
      </div>

      {pages > 1 ? (
        <nav className="pagination no-print" aria-label={t("table.page", { page, pages })}>
          <button type="submit" form={formId} name="page" value={page - 1} className="secondary" disabled={page <= 1}>
            {t("table.previous")}
          </button>
          <span>{t("table.page", { page, pages })}</span>
          <button type="submit" form={formId} name="page" value={page + 1} className="secondary" disabled={page >= pages}>
            {t("table.next")}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
