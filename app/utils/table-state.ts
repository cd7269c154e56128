/**
 * A table view as data: the accent-insensitive search and the view (search, filters, sort,
 * columns, grouping, page) read from and written to URL parameters. Pure, so the server's
 * queries, the CSV exports and the browser's DataTable share it.
 */
import { foldText } from "#db/search-text";

/** The words of a search query, folded; a row matches when it contains every one. */
export function searchTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

export function matchesSearch(foldedText: string, terms: readonly string[]): boolean {
  return terms.every((term) => foldedText.includes(term));
}
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

export const OWN_KEYS = ["q", "sort", "cols", "group", "page"] as const;

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
          .filter(Boolean),
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
  const params = new URLSearchParams(base ? foreignParams(base, config) : []);
  if (state.q) params.set("q", state.q);
  for (const key of config.filterKeys) for (const value of state.filters[key] ?? []) params.append(key, value);
  const sort = serializeSort(state.sort);
  if (sort && sort !== serializeSort(config.defaultSort ?? [])) params.set("sort", sort);
  for (const column of state.columns ?? []) params.append("cols", column);
  if (state.group) params.set("group", state.group);
  if (state.page > 1) params.set("page", String(state.page));
  return params;
}

/** Parameters the table does not own (another page's state, a tab): kept as they are across view changes. */
export function foreignParams(params: URLSearchParams, config: TableConfig): [string, string][] {
  const owned = new Set<string>([...OWN_KEYS, ...config.filterKeys, ...(config.transientKeys ?? [])]);
  return [...params].filter(([key]) => !owned.has(key));
}

/**
 * The columns a view asks for, in the table's order; null when that is the default set, so the
 * default view keeps a clean URL.
 */
export function normaliseColumns(list: readonly string[] | null, hideable: readonly string[], defaultColumns?: readonly string[]) {
  if (!list) return null;
  const wanted = hideable.filter((cid) => list.includes(cid));
  const fallback = defaultColumns ?? hideable;
  return wanted.length === fallback.length && wanted.every((cid) => fallback.includes(cid)) ? null : wanted;
}
