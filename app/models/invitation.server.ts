import crypto from "node:crypto";
import { data } from "@remix-run/node";
import { and, desc, eq, isNull } from "drizzle-orm";
import { invitations, reviewMembers, reviews, users, type Role } from "#db/schema";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { getEnv } from "#app/utils/env.server";
import { PASSWORD_PROBLEMS, passwordProblem } from "#app/utils/password.server";
import { writeAudit } from "./audit.server";
import { notify } from "./notification.server";
import { hashPassword, newId, normaliseEmail } from "./user.server";

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export const INVITATION_STATES = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationListState = (typeof INVITATION_STATES)[number];

/**
 * An invitation's link token, derived from its id with the server's secret (HMAC-SHA256), so the
 * lead can copy the link again at any time while the database keeps only its hash: reading the
 * database is not enough to accept an invitation (docs/decisions/0021-invitation-links-derived.md).
 */
export function invitationToken(invitationId: string) {
  return crypto.createHmac("sha256", getEnv().SESSION_SECRET).update(`invitation:${invitationId}`).digest("base64url");
}

/** Every invitation of the review with its state, newest first; pending and expired ones with their link. */
export async function listInvitations({ reviewId, now = new Date() }: { reviewId: string; now?: Date }) {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      tokenHash: invitations.tokenHash,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(eq(invitations.reviewId, reviewId))
    .orderBy(desc(invitations.createdAt));
  return rows.map(({ tokenHash, ...row }) => {
    const state: InvitationListState = row.revokedAt ? "revoked" : row.usedAt ? "accepted" : row.expiresAt.getTime() < now.getTime() ? "expired" : "pending";
    const token = invitationToken(row.id);
    // An invitation made before links were derived has no link to copy: "resend" gives it one.
    const linkToken = (state === "pending" || state === "expired") && hashToken(token) === tokenHash ? token : null;
    return { ...row, state, token: linkToken };
  });
}

export function newToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

type Tx = AsyncDb;

export async function insertInvitation(
  tx: Tx,
  {
    reviewId,
    email,
    role,
    affiliation,
    createdBy,
    partnerId = null,
  }: { reviewId: string; email: string; role: Role; affiliation: string; createdBy: string; partnerId?: string | null },
) {
  const id = newId();
  const token = invitationToken(id);
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await tx
    .insert(invitations)
    .values({
      id,
      reviewId,
      email,
      role,
      affiliation,
      partnerId,
      tokenHash: hashToken(token),
      expiresAt,
      createdBy,
    })
    .run();
  await writeAudit(tx, {
    reviewId,
    userId: createdBy,
    action: "invite",
    entity: "invitation",
    entityId: id,
    after: { email, role, ...(partnerId ? { partnerId } : {}) },
  });
  return { id, token, expiresAt };
}

/**
 * Invites an address to the review with a single-use link valid 14 days (returned, since the
 * instance may have no mail server). An address already invited and not yet joined gets that
 * same invitation renewed (new role and affiliation, 14 days from now, the same link), never a
 * second one. An address with an account is invited too, never added silently: its owner accepts
 * signed in, and is told in the app. The answer is the same whether or not the address has an account.
 */
export async function inviteMember({
  reviewId,
  email,
  role,
  affiliation,
  invitedBy,
  origin,
  partnerId = null,
}: {
  reviewId: string;
  email: string;
  role: Role;
  affiliation: string;
  invitedBy: string;
  /** A plan partner's organisation, from the register of the review's city. */
  partnerId?: string | null;
  /** Where the app is reached (appOrigin(request)), for the link in the account's notification. */
  origin?: string;
}): Promise<{ status: "invited" | "renewed"; token: string; expiresAt: Date } | { status: "already-member" }> {
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
  const open = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.reviewId, reviewId), eq(invitations.email, normalised), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt))
    .get();
  const inviter = await db.select({ name: users.name }).from(users).where(eq(users.id, invitedBy)).get();
  const result = await transaction(db, async (tx) => {
    const made = open
      ? { ...(await renewInvitation(tx, { reviewId, invitationId: open.id, role, affiliation, partnerId, userId: invitedBy })), status: "renewed" as const }
      : { ...(await insertInvitation(tx, { reviewId, email: normalised, role, affiliation, partnerId, createdBy: invitedBy })), status: "invited" as const };
    if (existing) {
      // The invitation mail goes to the address anyway; the account is also told in the app.
      await notify(tx, {
        reviewId,
        kind: "invitation",
        params: { role, by: inviter?.name ?? "", path: `/invitations/${made.token}` },
        to: [existing.id],
        origin: origin ?? "",
        mail: false,
      });
    }
    return made;
  });
  return { status: result.status, token: result.token, expiresAt: result.expiresAt };
}

/** A renewed invitation: 14 more days from now, with the role and affiliation given, and its (derived) link. */
async function renewInvitation(
  tx: Tx,
  {
    reviewId,
    invitationId,
    role,
    affiliation,
    partnerId,
    userId,
  }: { reviewId: string; invitationId: string; role?: Role; affiliation?: string; partnerId?: string | null; userId: string },
) {
  const token = invitationToken(invitationId);
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await tx
    .update(invitations)
    .set({
      expiresAt,
      tokenHash: hashToken(token),
      ...(role ? { role, partnerId: partnerId ?? null } : {}),
      ...(affiliation !== undefined ? { affiliation } : {}),
    })
    .where(eq(invitations.id, invitationId))
    .run();
  await writeAudit(tx, {
    reviewId,
    userId,
    action: "renew",
    entity: "invitation",
    entityId: invitationId,
    after: { role, expiresAt: expiresAt.toISOString() },
  });
  return { id: invitationId, token, expiresAt };
}

/** "Resend": an open invitation (pending or expired) gets 14 more days; its link and address are returned to mail again. */
export async function resendInvitation({ reviewId, invitationId, userId }: { reviewId: string; invitationId: string; userId: string }) {
  const row = await db
    .select({ id: invitations.id, email: invitations.email })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.reviewId, reviewId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .get();
  if (!row) throw data({ message: "reviews:members.invitationClosed" }, { status: 404 });
  const renewed = await transaction(db, async (tx) => renewInvitation(tx, { reviewId, invitationId: row.id, userId }));
  return { email: row.email, ...renewed };
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
  const full = await db
    .select({ affiliation: invitations.affiliation, partnerId: invitations.partnerId })
    .from(invitations)
    .where(eq(invitations.id, invitation.id))
    .get();
  const joined = await transaction(db, async (tx) => {
    const marked = await tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .run();
    if (marked.changes !== 1) return false;
    const member = await tx
      .select({ role: reviewMembers.role })
      .from(reviewMembers)
      .where(and(eq(reviewMembers.reviewId, invitation.reviewId), eq(reviewMembers.userId, userId)))
      .get();
    if (!member) {
      await tx
        .insert(reviewMembers)
        .values({ reviewId: invitation.reviewId, userId, role: invitation.role, affiliation: full?.affiliation ?? "", partnerId: full?.partnerId ?? null })
        .run();
    }
    await writeAudit(tx, {
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

/** The link stops working; the invitation stays listed as revoked. */
export async function revokeInvitation({ reviewId, invitationId, userId }: { reviewId: string; invitationId: string; userId: string }) {
  const row = await db
    .select({ id: invitations.id, email: invitations.email })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.reviewId, reviewId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .get();
  if (!row) throw data({ message: "reviews:members.invitationClosed" }, { status: 404 });
  await transaction(db, async (tx) => {
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, row.id)).run();
    await writeAudit(tx, { reviewId, userId, action: "revoke", entity: "invitation", entityId: row.id, before: { email: row.email } });
  });
}

export type InvitationState =
  | { status: "valid"; invitation: { id: string; email: string; role: Role; reviewId: string; hostCity: string } }
  | { status: "unknown" | "used" | "expired" | "revoked" };

export async function getInvitation({ token, now = new Date() }: { token: string; now?: Date }): Promise<InvitationState> {
  const row = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      reviewId: invitations.reviewId,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      hostCity: reviews.hostCity,
    })
    .from(invitations)
    .innerJoin(reviews, eq(reviews.id, invitations.reviewId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get();
  if (!row) return { status: "unknown" };
  if (row.revokedAt) return { status: "revoked" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt.getTime() < now.getTime()) return { status: "expired" };
  const { usedAt: _u, expiresAt: _e, revokedAt: _r, ...invitation } = row;
  return { status: "valid", invitation };
}

/** Creates the account and the membership in one transaction; the link then stops working. */
export async function acceptInvitation({ token, name, locale, password }: { token: string; name: string; locale: "fr" | "en"; password: string }) {
  const state = await getInvitation({ token });
  if (state.status !== "valid") return state;
  const { invitation } = state;
  const taken = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).get();
  if (taken) return { status: "used" as const };
  const problem = await passwordProblem(password, invitation.email);
  if (problem) return { status: "invalid-password" as const, message: PASSWORD_PROBLEMS[problem] };
  const passwordHash = await hashPassword(password);
  const userId = newId();
  const full = await db
    .select({ affiliation: invitations.affiliation, partnerId: invitations.partnerId })
    .from(invitations)
    .where(eq(invitations.id, invitation.id))
    .get();
  await transaction(db, async (tx) => {
    // Guard against a double submit racing: only the first marks the invitation used.
    const marked = await tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .run();
    if (marked.changes !== 1) throw data({ message: "This invitation was already used." }, { status: 409 });
    await tx.insert(users).values({ id: userId, email: invitation.email, name, locale, passwordHash }).run();
    await tx
      .insert(reviewMembers)
      .values({ reviewId: invitation.reviewId, userId, role: invitation.role, affiliation: full?.affiliation ?? "", partnerId: full?.partnerId ?? null })
      .run();
    await writeAudit(tx, {
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
