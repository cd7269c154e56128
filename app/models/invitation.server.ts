import crypto from "node:crypto";
import { data } from "@remix-run/node";
import { and, desc, eq, isNull } from "drizzle-orm";
import { invitations, reviewMembers, reviews, users, type Role } from "#db/schema";
import { db } from "#app/utils/db.server";
import { passwordProblem } from "#app/utils/password.server";
import { writeAudit } from "./audit.server";
import { hashPassword, newId, normaliseEmail } from "./user.server";

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export async function listPendingInvitations({ reviewId, now = new Date() }: { reviewId: string; now?: Date }) {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(and(eq(invitations.reviewId, reviewId), isNull(invitations.usedAt)))
    .orderBy(desc(invitations.createdAt));
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() < now.getTime() }));
}

export function newToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export function insertInvitation(
  tx: Tx,
  {
    reviewId,
    email,
    role,
    affiliation,
    createdBy,
    token,
  }: { reviewId: string; email: string; role: Role; affiliation: string; createdBy: string; token: string },
) {
  const id = newId();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  tx.insert(invitations)
    .values({
      id,
      reviewId,
      email,
      role,
      affiliation,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy,
    })
    .run();
  writeAudit(tx, { reviewId, userId: createdBy, action: "invite", entity: "invitation", entityId: id, after: { email, role } });
  return expiresAt;
}

/**
 * Adds a member. An email with an account joins directly; any other gets a single-use
 * invitation whose link (valid 14 days) is returned, since the instance may have no mail server.
 */
export async function inviteMember({
  reviewId,
  email,
  role,
  affiliation,
  invitedBy,
}: {
  reviewId: string;
  email: string;
  role: Role;
  affiliation: string;
  invitedBy: string;
}): Promise<{ status: "invited"; token: string; expiresAt: Date } | { status: "already-member" }> {
  const normalised = normaliseEmail(email);
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, normalised)).get();
  if (existing) {
    const member = await db
      .select({ role: reviewMembers.role })
      .from(reviewMembers)
      .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, existing.id)))
      .get();
    if (member) return { status: "already-member" };
  }
  // An existing account gets an invitation too: it joins only when its owner accepts, signed in,
  // and the lead cannot tell from the answer whether the address has an account.
  const token = newToken();
  const expiresAt = db.transaction((tx) => insertInvitation(tx, { reviewId, email: normalised, role, affiliation, createdBy: invitedBy, token }));
  return { status: "invited", token, expiresAt };
}

/**
 * The owner of an existing account accepts an invitation sent to its address: the account joins
 * the review with the invited role, and the link stops working.
 */
export async function joinByInvitation({ token, userId }: { token: string; userId: string }) {
  const state = await getInvitation({ token });
  if (state.status !== "valid") return state;
  const { invitation } = state;
  const account = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (account?.email !== invitation.email) return { status: "other-account" as const };
  const full = await db.select({ affiliation: invitations.affiliation }).from(invitations).where(eq(invitations.id, invitation.id)).get();
  const joined = db.transaction((tx) => {
    const marked = tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .run();
    if (marked.changes !== 1) return false;
    const member = tx
      .select({ role: reviewMembers.role })
      .from(reviewMembers)
      .where(and(eq(reviewMembers.reviewId, invitation.reviewId), eq(reviewMembers.userId, userId)))
      .get();
    if (!member) {
      tx.insert(reviewMembers)
        .values({ reviewId: invitation.reviewId, userId, role: invitation.role, affiliation: full?.affiliation ?? "" })
        .run();
    }
    writeAudit(tx, {
      reviewId: invitation.reviewId,
      userId,
      action: "accept",
      entity: "invitation",
      entityId: invitation.id,
      after: { role: invitation.role },
    });
    return true;
  });
  if (!joined) return { status: "used" as const };
  return { status: "accepted" as const, reviewId: invitation.reviewId };
}

/** Whether an invitation's address already has an account (its owner then signs in to accept). */
export async function invitationAccount({ email }: { email: string }) {
  return (
    (await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, normaliseEmail(email)))
      .get()) ?? null
  );
}

export async function revokeInvitation({ reviewId, invitationId, userId }: { reviewId: string; invitationId: string; userId: string }) {
  const row = await db
    .select({ id: invitations.id, email: invitations.email })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.reviewId, reviewId), isNull(invitations.usedAt)))
    .get();
  if (!row) throw data({ message: "This invitation does not exist or was already used." }, { status: 404 });
  db.transaction((tx) => {
    tx.delete(invitations).where(eq(invitations.id, row.id)).run();
    writeAudit(tx, { reviewId, userId, action: "revoke", entity: "invitation", entityId: row.id, before: { email: row.email } });
  });
}

export type InvitationState =
  { status: "valid"; invitation: { id: string; email: string; role: Role; reviewId: string; hostCity: string } } | { status: "unknown" | "used" | "expired" };

export async function getInvitation({ token, now = new Date() }: { token: string; now?: Date }): Promise<InvitationState> {
  const row = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      reviewId: invitations.reviewId,
      usedAt: invitations.usedAt,
      expiresAt: invitations.expiresAt,
      hostCity: reviews.hostCity,
    })
    .from(invitations)
    .innerJoin(reviews, eq(reviews.id, invitations.reviewId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt.getTime() < now.getTime()) return { status: "expired" };
  const { usedAt: _u, expiresAt: _e, ...invitation } = row;
  return { status: "valid", invitation };
}

/** Creates the account and the membership in one transaction; the link then stops working. */
export async function acceptInvitation({ token, name, locale, password }: { token: string; name: string; locale: "fr" | "en"; password: string }) {
  const state = await getInvitation({ token });
  if (state.status !== "valid") return state;
  const { invitation } = state;
  const taken = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).get();
  if (taken) return { status: "used" as const };
  const problem = passwordProblem(password, invitation.email);
  if (problem) return { status: "invalid-password" as const, message: `auth:invitation.${problem}` };
  const passwordHash = await hashPassword(password);
  const userId = newId();
  const full = await db.select({ affiliation: invitations.affiliation }).from(invitations).where(eq(invitations.id, invitation.id)).get();
  db.transaction((tx) => {
    // Guard against a double submit racing: only the first marks the invitation used.
    const marked = tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .run();
    if (marked.changes !== 1) throw data({ message: "This invitation was already used." }, { status: 409 });
    tx.insert(users).values({ id: userId, email: invitation.email, name, locale, passwordHash }).run();
    tx.insert(reviewMembers)
      .values({ reviewId: invitation.reviewId, userId, role: invitation.role, affiliation: full?.affiliation ?? "" })
      .run();
    writeAudit(tx, {
      reviewId: invitation.reviewId,
      userId,
      action: "accept",
      entity: "invitation",
      entityId: invitation.id,
      after: { role: invitation.role, name },
    });
  });
  return { status: "accepted" as const, userId, reviewId: invitation.reviewId };
}
