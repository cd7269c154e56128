import { asyncDbOf } from "./async-db";
import { fail, openCliDb } from "./cli";
import { hasDemoReview, removeDemo, seedDemo } from "./seed/index";

const reset = process.argv.includes("--reset");
const { db, env } = openCliDb();
if (!env.seedDemo) fail("demo accounts are not created when NODE_ENV=production; set DEMO=1 to allow them.");
const asyncDb = asyncDbOf(db);
if (await hasDemoReview(asyncDb)) {
  if (!reset) {
    console.log("The demo review is already loaded (run `npm run db:seed -- --reset` to load it afresh).");
    process.exit(0);
  }
  await removeDemo(asyncDb);
}
await seedDemo(asyncDb);
db.$client.close();
console.log(`Demo review loaded into ${env.DATABASE_PATH}.`);
