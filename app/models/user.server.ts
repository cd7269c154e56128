import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { data } from "@remix-run/node";
import { and, asc, eq, ne } from "drizzle-orm";
import { loginAttempts, reviewMembers, reviews, sessions, users } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { PASSWORD_PROBLEMS, passwordProblem } from "#app/utils/password.server";
import { writeAudit } from "./audit.server";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, ARGON2);
}

export function newId() {
  return crypto.randomUUID();
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function getUserByEmail({ email }: { email: string }) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
}

export async function createUser({
  email,
  name,
  password,
  locale = "en",
  organisation = "",
  isAdmin = false,
}: {
  email: string;
  name: string;
  password: string;
  locale?: "fr" | "en";
  organisation?: string;
  isAdmin?: boolean;
}) {
  await requireAcceptablePassword(password, email);
  const id = newId();
  const passwordHash = await hashPassword(password);
  await db.insert(users).values({ id, email: normaliseEmail(email), name, locale, organisation, isAdmin, passwordHash });
  return { id };
}

// Failures count per account on one client, and per client across accounts; never per account
// alone, or anyone could lock a user out by typing wrong passwords from elsewhere. Past the free
// failures, each further attempt waits twice as long as the last, up to MAX_DELAY_MS.
const FREE_FAILURES_PER_ACCOUNT = 5;
// A whole office may sign in through one address: it gets more tries before slowing down.
const FREE_FAILURES_PER_CLIENT = 20;
const MAX_DELAY_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 60 * 60 * 1000;

function throttleKeys(email: string, address: string) {
  return [
    { key: `account:${normaliseEmail(email)} client:${address}`, free: FREE_FAILURES_PER_ACCOUNT },
    { key: `client:${address}`, free: FREE_FAILURES_PER_CLIENT },
  ];
}

/** Milliseconds this client must wait before trying this account again. */
export async function getLoginDelay({ email, address, now = Date.now() }: { email: string; address: string; now?: number }) {
  let wait = 0;
  for (const { key } of throttleKeys(email, address)) {
    const row = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get();
    if (row?.lockedUntil) wait = Math.max(wait, row.lockedUntil.getTime() - now);
  }
  return Math.max(0, wait);
}

/** One more failure on `key`, read and written in one transaction: concurrent failures, on any instance, all count. */
async function recordFailure({ key, free }: { key: string; free: number }, now: number) {
  await transaction(db, async (tx) => {
    const row = await tx.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get();
    const stale = !row || now - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
    const failures = stale ? 1 : row.failures + 1;
    const delay = failures > free ? Math.min(1000 * 2 ** (failures - free), MAX_DELAY_MS) : 0;
    const values = { key, failures, lastFailureAt: new Date(now), lockedUntil: delay ? new Date(now + delay) : null };
    await tx.insert(loginAttempts).values(values).onConflictDoUpdate({ target: loginAttempts.key, set: values });
  });
}

/**
 * Checks a password; the same work is done for unknown emails so timing does not reveal accounts.
 * A deactivated account is told so, but only after its right password: the message reveals
 * nothing to someone guessing.
 */
export async function verifyLogin({
  email,
  password,
  address,
  now = Date.now(),
}: {
  email: string;
  password: string;
  address: string;
  now?: number;
}): Promise<{ id: string; locale: "fr" | "en"; deactivated: boolean } | null> {
  const row = await db
    .select({ id: users.id, locale: users.locale, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
  const valid = await verify(row?.passwordHash ?? (await getDummyHash()), password).catch(() => false);
  const [accountOnClient, client] = throttleKeys(email, address);
  if (row && valid) {
    // Only this account's count on this client is forgotten: signing in to one's own account
    // must not reset a client's count of guesses at other accounts.
    await db.delete(loginAttempts).where(eq(loginAttempts.key, accountOnClient!.key));
    return { id: row.id, locale: row.locale, deactivated: row.deactivatedAt !== null };
  }
  await recordFailure(accountOnClient!, now);
  await recordFailure(client!, now);
  return null;
}

// A real hash of a random string, so unknown emails cost the same as known ones.
let dummyHash: Promise<string> | undefined;
function getDummyHash() {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  return dummyHash;
}

/** A password refused by the length, common-password and email rules is a 400 with the reason's key. */
async function requireAcceptablePassword(password: string, email: string) {
  const problem = await passwordProblem(password, email);
  if (problem) throw data({ message: PASSWORD_PROBLEMS[problem], field: "password" }, { status: 400 });
}

/** Changes one's own password: the current one must be right; other sessions of the account end. */
export async function changePassword({
  userId,
  sessionId,
  current,
  password,
}: {
  userId: string;
  sessionId: string | null;
  current: string;
  password: string;
}): Promise<{ ok: true } | { ok: false; field: "current" | "password"; message: string }> {
  const row = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw data({ message: "errors.accountNotFound" }, { status: 404 });
  if (!(await verify(row.passwordHash, current).catch(() => false))) return { ok: false, field: "current", message: "accounts:account.wrongCurrent" };
  const problem = await passwordProblem(password, row.email);
  if (problem) return { ok: false, field: "password", message: PASSWORD_PROBLEMS[problem] };
  const passwordHash = await hashPassword(password);
  await transaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    // Whoever else had the old password signed in is signed out; this browser stays in.
    await tx
      .delete(sessions)
      .where(sessionId ? and(eq(sessions.userId, userId), ne(sessions.id, sessionId)) : eq(sessions.userId, userId))
      .run();
    await writeAudit(tx, { reviewId: null, userId, action: "change-password", entity: "account", entityId: userId });
  });
  return { ok: true };
}

/** The account's language (pages after sign-in, mails) and whether notifications are mailed. */
export async function updatePreferences({ userId, locale, mailNotifications }: { userId: string; locale: "fr" | "en"; mailNotifications: boolean }) {
  await db.update(users).set({ locale, mailNotifications }).where(eq(users.id, userId));
}

export async function getAccount({ userId }: { userId: string }) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, mailNotifications: users.mailNotifications })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

/** Ends every session of the account, on every browser. */
export async function endAllSessions({ userId }: { userId: string }) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Every account with its reviews (and its role on each), for the administrator. */
export async function listAccounts() {
  const accounts = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      organisation: users.organisation,
      isAdmin: users.isAdmin,
      createdAt: users.createdAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .orderBy(asc(users.name), asc(users.email));
  const memberships = await db
    .select({ userId: reviewMembers.userId, reviewId: reviews.id, hostCity: reviews.hostCity, phase: reviews.phase, role: reviewMembers.role })
    .from(reviewMembers)
    .innerJoin(reviews, eq(reviews.id, reviewMembers.reviewId))
    .orderBy(asc(reviews.hostCity));
  return accounts.map((account) => ({
    ...account,
    reviews: memberships.filter((membership) => membership.userId === account.id).map(({ userId: _userId, ...membership }) => membership),
  }));
}

/**
 * Deactivates an account (it cannot sign in, its sessions end now, it is told nothing more) or
 * reactivates it. An administrator cannot deactivate their own account: someone must be left to
 * undo it.
 */
export async function setAccountActive({ userId, active, by }: { userId: string; active: boolean; by: string }) {
  if (!active && userId === by) throw data({ message: "accounts:admin.notYourself", field: "userId" }, { status: 409 });
  const row = await db.select({ id: users.id, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw data({ message: "accounts:admin.unknownAccount" }, { status: 404 });
  if (active === (row.deactivatedAt === null)) return;
  await transaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ deactivatedAt: active ? null : new Date() })
      .where(eq(users.id, userId))
      .run();
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    await writeAudit(tx, { reviewId: null, userId: by, action: active ? "reactivate" : "deactivate", entity: "account", entityId: userId });
  });
}
