import { databaseHealth } from "#db/client";
import { asyncDb, db, store } from "#app/utils/db.server";

/**
 * 200 when the database can be read and written; 503 otherwise, saying which and why, one line
 * each, for a supervisor or a load balancer (see databaseHealth for what is checked).
 */
export async function loader() {
  // The PostgreSQL client is loaded only on PostgreSQL (already loaded there by the database handle).
  const { read, write } = store === "pg" ? await (await import("#db/pg/client")).pgDatabaseHealth(asyncDb.$pool!) : databaseHealth(db);
  const ok = !read && !write;
  const body = ok ? "ok\n" : `${read ? `database cannot be read: ${read}\n` : ""}${write ? `database cannot be written: ${write}\n` : ""}`;
  return new Response(body, {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
