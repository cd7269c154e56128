import { afterAll, inject } from "vitest";
import "./setup";
import { databaseFromTemplate } from "./pg-store";

// The PostgreSQL half: this test file runs on a database of its own, copied from the migrated
// template (test/pg-global-setup.ts), instead of an in-memory SQLite one.
const database = await databaseFromTemplate(process.env.TEST_DATABASE_URL!, inject("pgTemplate"));
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await globalThis.__workbenchAsyncDb?.$pool?.end();
  await database.drop();
});
