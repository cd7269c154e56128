import crypto from "node:crypto";
import type { TestProject } from "vitest/node";
import { createPgDb, migratePgDb, pgConnectionProblem } from "#db/pg/client";
import { onServer, withDatabase } from "./pg-store";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/** One migrated database that every test file of the PostgreSQL half copies (test/pg-store.ts). */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("The PostgreSQL half needs TEST_DATABASE_URL (scripts/test.sh sets it when PostgreSQL is running)");
  const template = `wb_template_${crypto.randomBytes(5).toString("hex")}`;
  try {
    // Byte order and ASCII-only case, as SQLite compares and lower()s text (decision 0032).
    await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${template}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`));
  } catch (error) {
    throw new Error(pgConnectionProblem(serverUrl, error));
  }
  const db = createPgDb(withDatabase(serverUrl, template), { max: 1 });
  await migratePgDb(db);
  await db.$client.end();
  project.provide("pgTemplate", template);
  return async () => {
    await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
}
