import { sql } from "drizzle-orm";
import { db } from "#app/utils/db.server";

/** 200 when the database answers a query; 503 otherwise. */
export async function loader() {
  try {
    db.get(sql`select 1`);
    return new Response("ok\n", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch (error) {
    return new Response(`database unavailable: ${(error as Error).message}\n`, {
      status: 503,
      headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
    });
  }
}
