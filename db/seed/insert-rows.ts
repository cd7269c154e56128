import { getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { AsyncDb } from "../async-db";

/**
 * The most parameters one seed statement passes: PostgreSQL allows 65,535 per statement and
 * SQLite 32,766, so a many-row insert is split below both.
 */
export const MAX_PARAMETERS = 30_000;

/**
 * Inserts `rows` into `table` in as few statements as the parameter limit allows (drizzle passes
 * every column of the table for every row of a multi-row insert), each awaited in turn.
 */
export async function insertRows<T extends SQLiteTable>(db: AsyncDb, table: T, rows: T["$inferInsert"][]) {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(table)).length));
  for (let index = 0; index < rows.length; index += perStatement) {
    await db
      .insert(table)
      .values(rows.slice(index, index + perStatement) as never)
      .run();
  }
}
