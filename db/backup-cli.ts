import { backupDatabase } from "./backup";
import { fail, openCliDb } from "./cli";

const target = process.argv[2];
if (!target || target.startsWith("-")) fail("usage: npm run db:backup -- FILE");
const { db } = openCliDb();
try {
  const written = await backupDatabase(db, target);
  console.log(`Backup written to ${written}.`);
} catch (error) {
  fail((error as Error).message);
} finally {
  db.$client.close();
}
