import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDb, migratePgDb, pgMigrations, pgMigrationState } from "#db/pg/client";
import { freshPgDatabase, logPgSkip, pgSkipReason } from "./pg";
import { describePgTables, pgTables, type Shape } from "./schema-shape";

// The committed PostgreSQL migrations (db/migrations-pg) applied to a fresh database on the live
// server build exactly what db/pg/schema.ts describes, read back from information_schema and
// pg_catalog (indexes are not in information_schema).

logPgSkip("test/db/pg-migrate.test.ts");

const KINDS: Record<string, string> = { text: "text", jsonb: "json", integer: "integer", bigint: "timestamp-ms", boolean: "boolean", bytea: "bytes" };

async function describeDatabase(client: pg.Client): Promise<Record<string, Shape>> {
  const shapes: Record<string, Shape> = {};
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  for (const { table_name } of tables.rows) shapes[table_name] = { columns: {}, primaryKey: [], foreignKeys: [], indexes: [] };

  const uniques = await client.query<{ table_name: string; column_name: string; constraint_name: string }>(
    `SELECT tc.table_name, ku.column_name, tc.constraint_name FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage ku ON ku.constraint_name = tc.constraint_name AND ku.table_schema = tc.table_schema
     WHERE tc.table_schema = 'public' AND tc.constraint_type = 'UNIQUE'`,
  );
  const uniqueOf = new Map(uniques.rows.map((row) => [`${row.table_name}.${row.column_name}`, row.constraint_name]));
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
  }>(`SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = 'public'`);
  for (const row of columns.rows) {
    shapes[row.table_name]!.columns[row.column_name] = {
      kind: KINDS[row.data_type] ?? row.data_type,
      notNull: row.is_nullable === "NO",
      hasDefault: row.column_default !== null || row.is_identity === "YES",
      enumValues: null,
      unique: uniqueOf.get(`${row.table_name}.${row.column_name}`) ?? null,
    };
  }

  const primaryKeys = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT tc.table_name, array_agg(ku.column_name::text ORDER BY ku.ordinal_position) AS columns
     FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage ku ON ku.constraint_name = tc.constraint_name AND ku.table_schema = tc.table_schema
     WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' GROUP BY tc.table_name, tc.constraint_name`,
  );
  for (const row of primaryKeys.rows) {
    shapes[row.table_name]!.primaryKey = row.columns.length === 1 ? row.columns : [`(${row.columns.join(",")})`];
  }

  // Column order within a foreign key and an index is kept by pg_catalog alone.
  const names = (keys: string, relation: string) =>
    `(SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum)`;
  const foreignKeys = await client.query<{ table_name: string; foreign_table: string; rule: string; columns: string[]; foreign_columns: string[] }>(
    `SELECT t.relname::text AS table_name, ft.relname::text AS foreign_table, rc.delete_rule AS rule,
       ${names("c.conkey", "c.conrelid")} AS columns, ${names("c.confkey", "c.confrelid")} AS foreign_columns
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class ft ON ft.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN information_schema.referential_constraints rc ON rc.constraint_name = c.conname AND rc.constraint_schema = n.nspname
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  for (const row of foreignKeys.rows) {
    shapes[row.table_name]!.foreignKeys.push(
      `${row.columns.join(",")} → ${row.foreign_table}(${row.foreign_columns.join(",")}) on delete ${row.rule.toLowerCase()}`,
    );
  }

  const indexes = await client.query<{ table_name: string; name: string; is_unique: boolean; columns: string[] }>(
    `SELECT t.relname::text AS table_name, i.relname::text AS name, ix.indisunique AS is_unique, ${names("ix.indkey", "t.oid")} AS columns
     FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.contype IN ('p', 'u'))`,
  );
  for (const row of indexes.rows) shapes[row.table_name]!.indexes.push(`${row.name}${row.is_unique ? " unique" : ""}(${row.columns.join(",")})`);

  for (const shape of Object.values(shapes)) {
    shape.primaryKey.sort();
    shape.foreignKeys.sort();
    shape.indexes.sort();
  }
  return shapes;
}

describe("the PostgreSQL migrations", () => {
  let database: Awaited<ReturnType<typeof freshPgDatabase>>;
  beforeAll(async () => {
    if (!pgSkipReason) database = await freshPgDatabase("migrate");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.runIf(!pgSkipReason)("build on a fresh database what db/pg/schema.ts describes, and are recorded once", async () => {
    const db = createPgDb(database.url, { max: 1 });
    try {
      expect(await pgMigrationState(db.$client)).toEqual({ state: "none", applied: 0, known: pgMigrations().length });
      await migratePgDb(db);
      await migratePgDb(db);
      expect(await pgMigrationState(db.$client)).toEqual({ state: "current", applied: pgMigrations().length, known: pgMigrations().length });
    } finally {
      await db.$client.end();
    }

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const actual = await describeDatabase(client);
      const expected = describePgTables(pgTables);
      // Allowed values are checked in code, not by the database.
      for (const shape of Object.values(expected)) for (const column of Object.values(shape.columns)) column.enumValues = null;
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const [name, shape] of Object.entries(expected)) expect({ table: name, ...actual[name] }).toEqual({ table: name, ...shape });

      // A millisecond timestamp of today and of the year 3000 fit; the default is the current millisecond.
      await client.query(`INSERT INTO users (id, email, name, password_hash, deactivated_at) VALUES ('u1', 'a@b.test', 'A', 'x', 32503680000000)`);
      const row = await client.query<{ created_at: string; deactivated_at: string }>(`SELECT created_at, deactivated_at FROM users`);
      expect(Math.abs(Number(row.rows[0]!.created_at) - Date.now())).toBeLessThan(60_000);
      expect(row.rows[0]!.deactivated_at).toBe("32503680000000");

      // Every table moves the change counter the evidence log's cache keys on, with every write
      // statement, committed or not (0004_change_counter); a table added later must too.
      const triggers = await client.query<{ table_name: string }>(
        `SELECT DISTINCT event_object_table AS table_name FROM information_schema.triggers WHERE trigger_name = 'count_change' AND trigger_schema = 'public'`,
      );
      expect(triggers.rows.map((row) => row.table_name).sort()).toEqual(Object.keys(expected).sort());
      const counter = async () =>
        Number((await client.query<{ n: string }>(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM change_counter`)).rows[0]!.n);
      const before = await counter();
      await client.query(`UPDATE users SET name = 'B'`);
      expect(await counter()).toBe(before + 1);
      await client.query("BEGIN");
      await client.query(`DELETE FROM users WHERE id = 'nobody'`);
      await client.query("ROLLBACK");
      expect(await counter()).toBe(before + 2);
    } finally {
      await client.end();
    }
  });
});
