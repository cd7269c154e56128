import crypto from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { passwordResets, sessions, users } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { PASSWORD_PROBLEMS, passwordProblem } from "#app/utils/password.server";
import { writeAudit } from "./audit.server";
import { hashPassword, newId, normaliseEmail } from "./user.server";

/** A reset link works for one hour, once. */
export const RESET_TTL_MS = 60 * 60 * 1000;
/** A second link for the same account within this time is not mailed (no mail bombing through the form). */
const RESEND_AFTER_MS = 2 * 60 * 1000;

function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/**
 * A new single-use link for an account; earlier unused links of the account stop working. Only
 * the token's hash is stored, so the link exists once: in the mail, or on the administrator's
 * screen. `createdBy` is the administrator who made it to pass on, or null.
 */
export async function createPasswordReset({ userId, createdBy = null, now = new Date() }: { userId: string; createdBy?: string | null; now?: Date }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await transaction(db, async (tx) => {
    await tx
      .delete(passwordResets)
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
      .run();
    await tx
      .insert(passwordResets)
      .values({ id: newId(), userId, tokenHash: hashToken(token), expiresAt, createdBy, createdAt: now })
      .run();
    if (createdBy) await writeAudit(tx, { reviewId: null, userId: createdBy, action: "make-reset-link", entity: "account", entityId: userId });
  });
  return { token, expiresAt };
}

/**
 * What /forgot-password does with an address: a link for an active account with that address,
 * unless one was made moments ago; null otherwise. The page answers the same either way.
 */
export async function requestPasswordReset({ email, now = new Date() }: { email: string; now?: Date }) {
  const account = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
  if (!account || account.deactivatedAt) return null;
  const recent = await db
    .select({ createdAt: passwordResets.createdAt })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, account.id), isNull(passwordResets.usedAt), gt(passwordResets.createdAt, new Date(now.getTime() - RESEND_AFTER_MS))))
    .orderBy(desc(passwordResets.createdAt))
    .get();
  if (recent) return null;
  return { account, ...(await createPasswordReset({ userId: account.id, now })) };
}

export type ResetState = { status: "valid"; userId: string; email: string; resetId: string } | { status: "unknown" | "used" | "expired" };

/** Whether a link still works: unknown (never made, forged or replaced), used, expired, or valid. */
export async function getPasswordReset({ token, now = new Date() }: { token: string; now?: Date }): Promise<ResetState> {
  const row = await db
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      usedAt: passwordResets.usedAt,
      expiresAt: passwordResets.expiresAt,
      email: users.email,
      deactivatedAt: users.deactivatedAt,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)))
    .get();
  if (!row || row.deactivatedAt) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
  return { status: "valid", userId: row.userId, email: row.email, resetId: row.id };
}

/**
 * Sets the new password through a valid link, in one transaction: the link is used up, the
 * password changed, and every session of the account ended (whoever had it signed in is out).
 */
export async function resetPassword({ token, password, now = new Date() }: { token: string; password: string; now?: Date }) {
  const state = await getPasswordReset({ token, now });
  if (state.status !== "valid") return state;
  const problem = await passwordProblem(password, state.email);
  if (problem) return { status: "invalid-password" as const, message: PASSWORD_PROBLEMS[problem] };
  const passwordHash = await hashPassword(password);
  const done = await transaction(db, async (tx) => {
    const marked = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, state.resetId), isNull(passwordResets.usedAt)))
      .run();
    // A double submit: only the first one sets the password.
    if (marked.changes !== 1) return false;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, state.userId)).run();
    await tx.delete(sessions).where(eq(sessions.userId, state.userId)).run();
    await writeAudit(tx, { reviewId: null, userId: state.userId, action: "reset-password", entity: "account", entityId: state.userId });
    return true;
  });
  if (!done) return { status: "used" as const };
  return { status: "done" as const, userId: state.userId };
}
