import { is, type Column } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pgSchema from "#db/pg/schema";
import * as sqliteSchema from "#db/schema";

// Each dialect's schema reduced to what both must agree on: tables, columns (name, kind of value,
// null or not, default or not, allowed values, unique), primary keys, foreign keys (with what a
// delete does) and indexes. Column types differ by dialect; each becomes the kind of value it holds.

/**
 * Tables PostgreSQL has and SQLite has not, each with its reason: uploaded files are rows there
 * and files under UPLOADS_PATH here (docs/decisions/0029-postgresql-beside-sqlite.md).
 */
export const PG_ONLY_TABLES = ["stored_files"];

export type Shape = {
  columns: Record<string, { kind: string; notNull: boolean; hasDefault: boolean; enumValues: string[] | null; unique: string | null }>;
  /** Its columns in order (SQLite keeps no name for a primary key, and PostgreSQL cuts names at 63 bytes). */
  primaryKey: string[];
  foreignKeys: string[];
  indexes: string[];
};

export const SQLITE_KINDS: Record<string, string> = {
  SQLiteText: "text",
  SQLiteTextJson: "json",
  SQLiteInteger: "integer",
  SQLiteTimestamp: "timestamp-ms",
  SQLiteBoolean: "boolean",
  SQLiteBlobBuffer: "bytes",
};

export function pgKind(column: Column) {
  if (column.columnType === "PgCustomColumn") return { bigint: "timestamp-ms", bytea: "bytes" }[column.getSQLType()] ?? column.getSQLType();
  return { PgText: "text", PgJsonb: "json", PgInteger: "integer", PgBoolean: "boolean" }[column.columnType] ?? column.columnType;
}

function columnShape(column: Column, kind: string) {
  return {
    kind,
    notNull: column.notNull,
    hasDefault: column.hasDefault,
    enumValues: column.enumValues?.length ? [...column.enumValues] : null,
    unique: column.isUnique ? (column.uniqueName ?? "") : null,
  };
}

type Config = ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>;

function keysAndIndexes(config: Config): Omit<Shape, "columns"> {
  const names = (columns: Column[]) => columns.map((column) => column.name).join(",");
  const single = config.columns.filter((column) => column.primary).map((column) => column.name);
  const composite = config.primaryKeys.map((key) => `(${names(key.columns)})`);
  return {
    primaryKey: [...single, ...composite].sort(),
    foreignKeys: config.foreignKeys
      .map((key) => {
        const reference = key.reference();
        return `${names(reference.columns)} → ${(reference.foreignTable as unknown as { [key: symbol]: string })[Symbol.for("drizzle:Name")]}(${names(reference.foreignColumns)}) on delete ${key.onDelete ?? "no action"}`;
      })
      .sort(),
    indexes: config.indexes
      .map((index) => {
        const columns = index.config.columns.map((column) => (column as Column).name).join(",");
        return `${index.config.name}${index.config.unique ? " unique" : ""}(${columns})`;
      })
      .sort(),
  };
}

export function describePgTables(tables: PgTable[]): Record<string, Shape> {
  return Object.fromEntries(
    tables.map((table) => {
      const config = pgConfig(table);
      const columns = Object.fromEntries(config.columns.map((column) => [column.name, columnShape(column, pgKind(column))]));
      return [config.name, { columns, ...keysAndIndexes(config) }];
    }),
  );
}

export function describeSqliteTables(tables: SQLiteTable[]): Record<string, Shape> {
  return Object.fromEntries(
    tables.map((table) => {
      const config = sqliteConfig(table);
      const columns = Object.fromEntries(
        config.columns.map((column) => [column.name, columnShape(column, SQLITE_KINDS[column.columnType] ?? column.columnType)]),
      );
      return [config.name, { columns, ...keysAndIndexes(config) }];
    }),
  );
}

export const sqliteTables: SQLiteTable[] = Object.values(sqliteSchema).flatMap((value: unknown) => (is(value, SQLiteTable) ? [value] : []));
export const pgTables: PgTable[] = Object.values(pgSchema).flatMap((value: unknown) => (is(value, PgTable) ? [value] : []));
