import { flexRender, type Column, type FilterFn, type HeaderGroup, type Row } from "@tanstack/react-table";
import { memo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { foldText } from "#db/search-text";
import { matchesSearch, searchTerms, type SortEntry } from "#app/utils/table-state";
import type { DataTableGroupOption, DataTableProps } from "./data-table";

// The parts of a DataTable: how a row matches the search and the filters, the header row, the
// column chooser and the rows.

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
      .join(" \u0000 "),
  );
  foldedRows.set(key, text);
  return text;
}

/** Global filter: every word of the query appears somewhere in the row, accents and case ignored. */
export const accentInsensitiveFilter: FilterFn<unknown> = (row, _columnId, query: string) => matchesSearch(foldedRowText(row), searchTerms(query));
accentInsensitiveFilter.autoRemove = (value) => !value;

/** Column filter: the cell's value (or one of its values, for lists) is among the chosen ones. */
export const includesAnyFilter: FilterFn<unknown> = (row, columnId, chosen: string[]) => {
  const value = row.getValue(columnId);
  const values = Array.isArray(value) ? value.map(plainText) : [plainText(value)];
  return chosen.some((wanted) => values.includes(wanted));
};
includesAnyFilter.autoRemove = (value) => !Array.isArray(value) || value.length === 0;

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

function TableBodyRows<T>({ rows, columnKey, groupOption, renderGroupHeader, rowHeaderColumn, emptyMessage, rowClassName }: TableBodyProps<T>) {
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
export const TableBody = memo(
  TableBodyRows,
  (before, after) =>
    before.rows === after.rows &&
    before.columnKey === after.columnKey &&
    before.groupOption?.value === after.groupOption?.value &&
    before.rowHeaderColumn === after.rowHeaderColumn &&
    before.emptyMessage === after.emptyMessage,
) as typeof TableBodyRows;

export function useColumnLabel() {
  // Under a review, a column names the framework's parts: "Key factors" or "Commitments".
  const { t } = useFrameworkTranslation();
  return <T,>(column: Column<T, unknown>) => {
    const key = column.columnDef.meta?.labelKey;
    return key ? (t(key) as string) : column.id;
  };
}

/** The header row: each sortable column's name is a submit button of the tools form, so sorting works without script. */
export function TableHead<T>({ headerGroups, sort, formId }: { headerGroups: HeaderGroup<T>[]; sort: readonly SortEntry[]; formId: string }) {
  const { t } = useTranslation();
  const labelOf = useColumnLabel();
  return (
    <thead>
      {headerGroups.map((headerGroup) => (
        <tr key={headerGroup.id}>
          {headerGroup.headers.map((header) => {
            const column = header.column;
            const label = labelOf(column);
            const sorted = sort[0]?.id === column.id ? (sort[0].desc ? "desc" : "asc") : null;
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
                <button type="submit" form={formId} name="sort" value={`${column.id}.${nextDesc ? "desc" : "asc"}`} className="sort-button">
                  {label}
                  <span aria-hidden="true" className="sort-indicator">
                    {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}
                  </span>
                  {sorted ? <span className="visually-hidden"> ({t(sorted === "asc" ? "table.sortAscending" : "table.sortDescending")})</span> : null}
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

/** The column chooser: a checkbox per column that can be hidden; the last one shown cannot be unticked. */
export function ColumnChooser<T>({
  columns,
  shown,
  onChange,
}: {
  columns: Column<T, unknown>[];
  shown: readonly string[];
  onChange: (shown: string[]) => void;
}) {
  const { t } = useTranslation();
  const labelOf = useColumnLabel();
  return (
    <details className="column-chooser field">
      <summary>{t("table.columns")}</summary>
      <fieldset>
        <legend className="visually-hidden">{t("table.columns")}</legend>
        {columns.map((column) => (
          <label key={column.id} className="choice">
            <input
              type="checkbox"
              name="cols"
              value={column.id}
              checked={shown.includes(column.id)}
              onChange={(event) => {
                const list = event.target.checked ? [...shown, column.id] : shown.filter((cid) => cid !== column.id);
                if (!list.length) return;
                onChange(list);
              }}
            />{" "}
            {labelOf(column)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
