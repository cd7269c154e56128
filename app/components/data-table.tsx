import {
  flexRender,
  getCoreRowModel,
  getExpandedRowModel,
  getFilteredRowModel,
  getGroupedRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type Row,
  type RowData,
  type VisibilityState,
} from "@tanstack/react-table";
import { useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { foldText } from "#db/search-text";

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

// ---- Search ------------------------------------------------------------------

/** The words of a search query, folded; a row matches when it contains every one. */
export function searchTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

export function matchesSearch(foldedText: string, terms: readonly string[]): boolean {
  return terms.every((term) => foldedText.includes(term));
}

function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(plainText).join(" ");
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") return "";
  return String(value);
}

// A row's folded text is computed once per row object, not once per column and keystroke.
const foldedRows = new WeakMap<object, string>();

function foldedRowText<T>(row: Row<T>): string {
  const key = row.original as object;
  const cached = foldedRows.get(key);
  if (cached !== undefined) return cached;
  const text = foldText(
    row
      .getAllCells()
      .map((cell) => {
        const meta = cell.column.columnDef.meta;
        return meta?.searchValue ? meta.searchValue(row.original) : plainText(cell.getValue());
      })
      .join(" \u0000 ")
  );
  foldedRows.set(key, text);
  return text;
}

/** Global filter: every word of the query appears somewhere in the row, accents and case ignored. */
export const accentInsensitiveFilter: FilterFn<unknown> = (row, _columnId, query: string) =>
  matchesSearch(foldedRowText(row), searchTerms(query));
accentInsensitiveFilter.autoRemove = (value) => !value;

/** Column filter: the cell's value (or one of its values, for lists) is among the chosen ones. */
const includesAnyFilter: FilterFn<unknown> = (row, columnId, chosen: string[]) => {
  const value = row.getValue(columnId);
  const values = Array.isArray(value) ? value.map(plainText) : [plainText(value)];
  return chosen.some((wanted) => values.includes(wanted));
};
includesAnyFilter.autoRemove = (value) => !Array.isArray(value) || value.length === 0;

// ---- State in the URL -------------------------------------------------------

export type SortEntry = { id: string; desc: boolean };

/** Everything that makes a view of a table, small enough to live in the URL and be shared. */
export type TableState = {
  q: string;
  sort: SortEntry[];
  /** Filter values by URL parameter name; several values mean "any of these". */
  filters: Record<string, string[]>;
  /** Visible columns; null means the view's default. */
  columns: string[] | null;
  group: string | null;
  /** 1-based. */
  page: number;
};

export type TableConfig = {
  /** URL parameters that are filters (column ids for client-side tables, anything the server understands otherwise). */
  filterKeys: readonly string[];
  defaultSort?: readonly SortEntry[];
  /** Parameters that describe a moment, not the view (e.g. "deleted=…"), dropped when the view changes. */
  transientKeys?: readonly string[];
};

const OWN_KEYS = ["q", "sort", "cols", "group", "page"] as const;

function parseSort(value: string): SortEntry[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const match = /^([A-Za-z0-9_-]+)(?:\.(asc|desc))?$/.exec(part);
      return match ? [{ id: match[1]!, desc: match[2] === "desc" }] : [];
    });
}

export function serializeSort(sort: readonly SortEntry[]): string {
  return sort.map((entry) => `${entry.id}.${entry.desc ? "desc" : "asc"}`).join(",");
}

/** Reads a table view from URL parameters. The last `sort` wins, so a sort button can override a hidden field. */
export function parseTableState(params: URLSearchParams, config: TableConfig): TableState {
  const filters: Record<string, string[]> = {};
  for (const key of config.filterKeys) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((value) => value.trim())
          .filter(Boolean)
      ),
    ];
    if (values.length) filters[key] = values;
  }
  const sort = parseSort(params.getAll("sort").at(-1) ?? "");
  const columns = params
    .getAll("cols")
    .map((value) => value.trim())
    .filter(Boolean);
  const page = Number.parseInt(params.getAll("page").at(-1) ?? "", 10);
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    sort: sort.length ? sort : [...(config.defaultSort ?? [])],
    filters,
    columns: columns.length ? [...new Set(columns)] : null,
    group: params.get("group")?.trim() || null,
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The URL parameters of a view; parameters the table does not own are kept from `base`. */
export function tableStateToSearchParams(state: TableState, config: TableConfig, base?: URLSearchParams): URLSearchParams {
  const owned = new Set<string>([...OWN_KEYS, ...config.filterKeys, ...(config.transientKeys ?? [])]);
  const params = new URLSearchParams();
  for (const [key, value] of base ?? []) if (!owned.has(key)) params.append(key, value);
  if (state.q) params.set("q", state.q);
  for (const key of config.filterKeys) for (const value of state.filters[key] ?? []) params.append(key, value);
  const sort = serializeSort(state.sort);
  if (sort && sort !== serializeSort(config.defaultSort ?? [])) params.set("sort", sort);
  for (const column of state.columns ?? []) params.append("cols", column);
  if (state.group) params.set("group", state.group);
  if (state.page > 1) params.set("page", String(state.page));
  return params;
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
    [config, searchParams, setSearchParams]
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
};

export const DEFAULT_PAGE_SIZE = 50;

function columnId<T>(column: ColumnDef<T, unknown>): string {
  if (column.id) return column.id;
  if ("accessorKey" in column && typeof column.accessorKey === "string") return column.accessorKey;
  throw new Error("Every DataTable column needs an id or an accessorKey");
}

function useColumnLabel() {
  const { t } = useTranslation();
  return <T,>(column: Column<T, unknown>) => {
    const key = column.columnDef.meta?.labelKey;
    return key ? (t(key) as string) : column.id;
  };
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
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const labelOf = useColumnLabel();
  const uid = useId();
  const formId = `${id}-tools`;
  const captionId = `${id}-caption`;
  const server = mode === "server";
  const [searchParams] = useSearchParams();

  const ids = useMemo(() => columns.map(columnId), [columns]);
  const hideable = useMemo(
    () => columns.filter((column) => !column.meta?.hidden && column.enableHiding !== false).map(columnId),
    [columns]
  );
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
    [server, state.filters, ids]
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
    rowCount: server ? rowCount ?? data.length : undefined,
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

  const total = server ? rowCount ?? data.length : table.getPrePaginationRowModel().rows.filter((row) => !row.getIsGrouped()).length;
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

  function normaliseColumns(list: string[] | null) {
    if (!list) return null;
    const wanted = hideable.filter((cid) => list.includes(cid));
    const fallback = defaultColumns ?? hideable;
    return wanted.length === fallback.length && wanted.every((cid) => fallback.includes(cid)) ? null : wanted;
  }

  // Without JavaScript the tools are a plain GET form; with it, the same fields update the URL in place.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(timer.current);
    const submitter = (event.nativeEvent as SubmitEvent).submitter ?? null;
    const form = new FormData(event.currentTarget, submitter);
    const params = new URLSearchParams();
    for (const [key, value] of form) if (typeof value === "string") params.append(key, value);
    const next = parseTableState(params, config);
    onStateChange({ ...next, columns: normaliseColumns(next.columns) });
  }

  const preserved = [...searchParams].filter(
    ([key]) => !(OWN_KEYS as readonly string[]).includes(key) && !config.filterKeys.includes(key) && !config.transientKeys?.includes(key)
  );
  const currentSort = serializeSort(state.sort);
  const leafColumns = table.getVisibleLeafColumns();
  const rows = table.getRowModel().rows;

  const clearHref = `?${new URLSearchParams(preserved)}`;

  return (
    <section className="data-table" aria-labelledby={captionId}>
      <form
        method="get"
        id={formId}
        className="table-tools no-print"
        onSubmit={submit}
        role="search"
        aria-label={searchLabel ?? t("table.search")}
      >
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
            <select
              id={`${uid}-group`}
              name="group"
              value={state.group ?? ""}
              onChange={(event) => change({ group: event.target.value || null })}
            >
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
          <details className="column-chooser field">
            <summary>{t("table.columns")}</summary>
            <fieldset>
              <legend className="visually-hidden">{t("table.columns")}</legend>
              {table
                .getAllLeafColumns()
                .filter((column) => hideable.includes(column.id))
                .map((column) => (
                  <label key={column.id} className="choice">
                    <input
                      type="checkbox"
                      name="cols"
                      value={column.id}
                      checked={shown.includes(column.id)}
                      onChange={(event) => {
                        const list = event.target.checked ? [...shown, column.id] : shown.filter((cid) => cid !== column.id);
                        if (!list.length) return;
                        onStateChange({ ...state, q: draft.trim(), columns: normaliseColumns(list) });
                      }}
                    />{" "}
                    {labelOf(column)}
                  </label>
                ))}
            </fieldset>
          </details>
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

      <div className="table-scroll">
        <table aria-busy={loading || undefined}>
          <caption id={captionId}>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => {
                  const column = header.column;
                  const label = labelOf(column);
                  const sorted = state.sort[0]?.id === column.id ? (state.sort[0].desc ? "desc" : "asc") : null;
                  if (!column.getCanSort()) {
                    return (
                      <th key={header.id} scope="col" className={column.columnDef.meta?.className}>
                        {label}
                      </th>
                    );
                  }
                  const nextDesc = sorted ? sorted === "asc" : Boolean(column.columnDef.sortDescFirst);
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={column.columnDef.meta?.className}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                    >
                      <button
                        type="submit"
                        form={formId}
                        name="sort"
                        value={`${column.id}.${nextDesc ? "desc" : "asc"}`}
                        className="sort-button"
                      >
                        {label}
                        <span aria-hidden="true" className="sort-indicator">
                          {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}
                        </span>
                        {sorted ? (
                          <span className="visually-hidden"> ({t(sorted === "asc" ? "table.sortAscending" : "table.sortDescending")})</span>
                        ) : null}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
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
    </section>
  );
}

type TableBodyProps<T> = {
  rows: Row<T>[];
  /** The visible columns, as a key: the body re-renders when they change. */
  columnKey: string;
  groupOption: DataTableGroupOption | null;
  renderGroupHeader?: DataTableProps<T>["renderGroupHeader"];
  rowHeaderColumn?: string;
  emptyMessage: ReactNode;
  rowClassName?: (row: T) => string | undefined;
};

function TableBodyRows<T>({
  rows,
  columnKey,
  groupOption,
  renderGroupHeader,
  rowHeaderColumn,
  emptyMessage,
  rowClassName,
}: TableBodyProps<T>) {
  const span = columnKey.split(",").length;
  const bodies: { header: Row<T> | null; rows: Row<T>[] }[] = [];
  for (const row of rows) {
    if (row.getIsGrouped()) bodies.push({ header: row, rows: [] });
    else {
      if (!bodies.length) bodies.push({ header: null, rows: [] });
      bodies[bodies.length - 1]!.rows.push(row);
    }
  }
  if (!bodies.length) {
    return (
      <tbody>
        <tr>
          <td colSpan={span}>{emptyMessage}</td>
        </tr>
      </tbody>
    );
  }
  return (
    <>
      {bodies.map((body, index) => (
        <tbody key={body.header?.id ?? `rows-${index}`}>
          {body.header && groupOption ? (
            <tr className="group-header">
              <th scope="rowgroup" colSpan={span}>
                {renderGroupHeader
                  ? renderGroupHeader({ option: groupOption, value: body.header.groupingValue, rowsOnPage: body.rows.length })
                  : `${groupOption.label}: ${plainText(body.header.groupingValue)} (${body.rows.length})`}
              </th>
            </tr>
          ) : null}
          {body.rows.map((row) => (
            <tr key={row.id} className={rowClassName?.(row.original)}>
              {row.getVisibleCells().map((cell) => {
                const className = cell.column.columnDef.meta?.className;
                const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                return cell.column.id === rowHeaderColumn ? (
                  <th key={cell.id} scope="row" className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={cell.id} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      ))}
    </>
  );
}

/**
 * The rows, rendered again only when the rows or the columns change: a navigation starting
 * (the table turns busy) or the search box being typed into does not redraw 50 rows.
 * Render functions passed by the view are compared by identity of the rows they draw.
 */
const TableBody = memo(
  TableBodyRows,
  (before, after) =>
    before.rows === after.rows &&
    before.columnKey === after.columnKey &&
    before.groupOption?.value === after.groupOption?.value &&
    before.rowHeaderColumn === after.rowHeaderColumn &&
    before.emptyMessage === after.emptyMessage
) as typeof TableBodyRows;
