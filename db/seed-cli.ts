import { fail, openCliDb } from "./cli";
import { hasDemoReview, removeDemo, seedDemo } from "./seed/index";

const reset = process.argv.includes("--reset");
const { db, env } = openCliDb();
if (!env.seedDemo) fail("demo accounts are not created when NODE_ENV=production; set DEMO=1 to allow them.");
if (hasDemoReview(db)) {
  if (!reset) {
    console.log("The demo review is already loaded (run `npm run db:seed -- --reset` to load it afresh).");
    process.exit(0);
  }
  removeDemo(db);
}
await seedDemo(db);
db.$client.close();
console.log(`Demo review loaded into ${env.DATABASE_PATH}.`);
