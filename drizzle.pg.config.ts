import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations, generated from its own schema (`npm run db:generate:pg`); SQLite's stay in drizzle.config.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/migrations-pg",
});
