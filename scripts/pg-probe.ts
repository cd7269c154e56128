import pg from "pg";
import { pgConnectionProblem } from "#db/pg/client";

// `tsx scripts/pg-probe.ts URL`: exit 0 when PostgreSQL answers at URL, else print why in one line
// and exit 1 (scripts/test.sh uses it to decide whether the PostgreSQL tests run).
const url = process.argv[2] ?? "";
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query("SELECT 1");
  await client.end();
} catch (error) {
  console.log(pgConnectionProblem(url, error));
  process.exit(1);
}
