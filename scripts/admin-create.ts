import crypto from "node:crypto";
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { fail, openCliDb } from "#db/cli";
import { users } from "#db/schema";
import { hash } from "@node-rs/argon2";
import { getI18n } from "#app/utils/i18n";
import { PASSWORD_PROBLEMS, passwordProblem } from "#app/utils/password.server";

/**
 * `npm run admin:create -- --email you@city.eu [--name "…"] [--password-stdin]`
 * Creates the instance administrator. The password is asked for on a terminal, read from
 * stdin with --password-stdin, or generated and printed once; there is never a default.
 */
function readArgs() {
  try {
    return parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
}
const args = readArgs();
const email = z.email().safeParse(args.email?.trim().toLowerCase());
if (!email.success) fail("usage: npm run admin:create -- --email ADDRESS [--name NAME] [--password-stdin]");

function lowerFirst(text: string) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  if (args["password-stdin"]) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return { password: Buffer.concat(chunks).toString("utf8").trim(), generated: false };
  }
  if (process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question("Password (empty to generate one): ");
    rl.close();
    if (answer) return { password: answer, generated: false };
  }
  return { password: crypto.randomBytes(18).toString("base64url"), generated: true };
}

const { password, generated } = await readPassword();
const problem = await passwordProblem(password, email.data);
// The pages' own message, in English, as a command-line line: "error: the password …".
if (problem) fail(lowerFirst(getI18n("en").t(PASSWORD_PROBLEMS[problem])));
const { db } = openCliDb();
if (db.select({ id: users.id }).from(users).where(eq(users.email, email.data)).get()) {
  fail(`an account with the email ${email.data} already exists.`);
}
const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
db.insert(users)
  .values({ id: crypto.randomUUID(), email: email.data, name: args.name?.trim() || "Administrator", passwordHash, isAdmin: true })
  .run();
db.$client.close();
console.log(`Administrator ${email.data} created.`);
if (generated) console.log(`Generated password (shown once, store it safely): ${password}`);
