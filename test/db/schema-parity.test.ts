import { getTableConfig, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { describePgTables, describeSqliteTables, PG_ONLY_TABLES, pgTables, sqliteTables, type Shape } from "./schema-shape";

// db/schema.ts (SQLite) and db/pg/schema.ts (PostgreSQL) must describe the same database: a table,
// column, key or index added to one and not the other fails here (see test/db/schema-shape.ts).

describe("the SQLite and PostgreSQL schemas", () => {
  it("have the same tables, apart from those PostgreSQL alone has", () => {
    const names = (described: Record<string, Shape>) => Object.keys(described).sort();
    const pgNames = names(describePgTables(pgTables));
    expect(pgNames.filter((name) => !PG_ONLY_TABLES.includes(name))).toEqual(names(describeSqliteTables(sqliteTables)));
    expect(pgNames).toEqual(expect.arrayContaining(PG_ONLY_TABLES));
    expect(sqliteTables.length).toBeGreaterThan(25);
  });

  it("have the same columns, keys and indexes in every table", () => {
    const sqlite = describeSqliteTables(sqliteTables);
    const pg = describePgTables(pgTables);
    for (const [name, shape] of Object.entries(sqlite)) expect({ table: name, ...pg[name] }).toEqual({ table: name, ...shape });
  });

  it("store every timestamp in milliseconds as a bigint, never a 32-bit integer", () => {
    const pg = describePgTables(pgTables);
    const timestamps = Object.values(pg).flatMap((shape) => Object.values(shape.columns).filter((column) => column.kind === "timestamp-ms"));
    expect(timestamps.length).toBeGreaterThan(40);
    const atColumns = pgTables.flatMap((table) => getTableConfig(table).columns.filter((column) => /_at$/.test(column.name)));
    expect(new Set(atColumns.map((column) => column.getSQLType()))).toEqual(new Set(["bigint"]));
  });

  it("see a missing index, a missing column and a different key as differences", () => {
    const described = describePgTables([pgTable("t", { id: text("id").primaryKey(), n: integer("n") }, (t) => [index("t_n_idx").on(t.n)])]);
    const withoutIndex = describePgTables([pgTable("t", { id: text("id").primaryKey(), n: integer("n") })]);
    const withoutColumn = describePgTables([pgTable("t", { id: text("id").primaryKey() }, (t) => [index("t_n_idx").on(t.id)])]);
    const otherKey = describePgTables([pgTable("t", { id: text("id"), n: integer("n").primaryKey() }, (t) => [index("t_n_idx").on(t.n)])]);
    for (const other of [withoutIndex, withoutColumn, otherKey]) expect(other).not.toEqual(described);
  });
});
