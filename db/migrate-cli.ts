import { openCliDb } from "./cli";

const { env, db } = openCliDb();
db.$client.close();
console.log(`Database ${env.DATABASE_PATH} is up to date.`);
