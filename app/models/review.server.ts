import crypto from "node:crypto";
import { data } from "@remix-run/node";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { requireFramework } from "#benchmark/index";
import {
  auditLog,
  invitations,
  issuedReports,
  PHASES,
  reviewMembers,
  reviews,
  users,
  type Phase,
  type ReviewKind,
  type Role,
} from "#db/schema";
import { db } from "#app/utils/db.server";
import { passwordProblem } from "#app/utils/password.server";
import { writeAudit } from "./audit.server";
import { hashPassword, newId, normaliseEmail } from "./user.server";

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The phases a review goes through, in order; an internal self-assessment skips the peer part. */
export function phasesFor(kind: ReviewKind): readonly Phase[] {
  return kind === "self-assessment" ? ["self-assessment", "issued"] : PHASES;
}

export async function listReviewsForUser({ userId }: { userId: string }) {
  return db
    .select({
      id: reviews.id,
      hostCity: reviews.hostCity,
      country: reviews.country,
      kind: reviews.kind,
      phase: reviews.phase,
      frameworkId: reviews.frameworkId,
      visitStart: reviews.visitStart,
      role: reviewMembers.role,
    })
    .from(reviewMembers)
    .innerJoin(reviews, eq(reviews.id, reviewMembers.reviewId))
    .where(eq(reviewMembers.userId, userId))
    .orderBy(asc(reviews.hostCity));
}

/** For the administrator: every review with its lead experts, and no content. */
export async function listAllReviews() {
  const rows = await db
    .select({
      id: reviews.id,
      hostCity: reviews.hostCity,
      country: reviews.country,
      kind: reviews.kind,
      phase: reviews.phase,
      frameworkId: reviews.frameworkId,
      visitStart: reviews.visitStart,
    })
    .from(reviews)
    .orderBy(asc(reviews.hostCity));
  const leads = await db
    .select({ reviewId: reviewMembers.reviewId, name: users.name })
    .from(reviewMembers)
    .innerJoin(users, eq(users.id, reviewMembers.userId))
    .where(eq(reviewMembers.role, "lead-expert"));
  return rows.map((row) => ({
    ...row,
    leads: leads.filter((lead) => lead.reviewId === row.id).map((lead) => lead.name),
  }));
}

export async function getReview({ reviewId }: { reviewId: string }) {
  return db.select().from(reviews).where(eq(reviews.id, reviewId)).get();
}

export async function listMembers({ reviewId }: { reviewId: string }) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: reviewMembers.role,
      affiliation: reviewMembers.affiliation,
    })
    .from(reviewMembers)
    .innerJoin(users, eq(users.id, reviewMembers.userId))
    .where(eq(reviewMembers.reviewId, reviewId))
    // The team as a report names it: the lead expert, the peers, then the host city.
    .orderBy(
      sql`CASE ${reviewMembers.role} WHEN 'lead-expert' THEN 1 WHEN 'peer-reviewer' THEN 2 WHEN 'host-team' THEN 3 ELSE 4 END`,
      asc(users.name)
    );
}

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

export type NewReview = {
  hostCity: string;
  country: string;
  frameworkId: string;
  kind: ReviewKind;
  visitStart: string | null;
  visitEnd: string | null;
  reportLocale: "fr" | "en";
  leadEmail: string;
};

/**
 * Creates a review with its lead expert. The lead joins at once when the email already has an
 * account; otherwise an invitation is created and its link returned to be passed on.
 */
export async function createReview({ input, createdBy }: { input: NewReview; createdBy: string }) {
  const framework = requireFramework(input.frameworkId);
  const id = newId();
  const leadEmail = normaliseEmail(input.leadEmail);
  const lead = await db.select({ id: users.id }).from(users).where(eq(users.email, leadEmail)).get();
  const token = lead ? null : newToken();
  db.transaction((tx) => {
    const row = {
      id,
      hostCity: input.hostCity,
      country: input.country,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      kind: input.kind,
      phase: "self-assessment" as const,
      visitStart: input.visitStart,
      visitEnd: input.visitEnd,
      reportLocale: input.reportLocale,
      createdBy,
    };
    tx.insert(reviews).values(row).run();
    writeAudit(tx, { reviewId: id, userId: createdBy, action: "create", entity: "review", entityId: id, after: row });
    if (lead) {
      tx.insert(reviewMembers).values({ reviewId: id, userId: lead.id, role: "lead-expert" }).run();
      writeAudit(tx, {
        reviewId: id,
        userId: createdBy,
        action: "add",
        entity: "member",
        entityId: lead.id,
        after: { role: "lead-expert" },
      });
    } else if (token) {
      insertInvitation(tx, { reviewId: id, email: leadEmail, role: "lead-expert", affiliation: "", createdBy, token });
    }
  });
  return { id, invitationToken: token };
}

function newToken() {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

function insertInvitation(
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
  tx.insert(invitations)
    .values({
      id,
      reviewId,
      email,
      role,
      affiliation,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      createdBy,
    })
    .run();
  writeAudit(tx, { reviewId, userId: createdBy, action: "invite", entity: "invitation", entityId: id, after: { email, role } });
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
}): Promise<{ status: "invited"; token: string } | { status: "already-member" }> {
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
  db.transaction((tx) => insertInvitation(tx, { reviewId, email: normalised, role, affiliation, createdBy: invitedBy, token }));
  return { status: "invited", token };
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
    writeAudit(tx, { reviewId: invitation.reviewId, userId, action: "accept", entity: "invitation", entityId: invitation.id, after: { role: invitation.role } });
    return true;
  });
  if (!joined) return { status: "used" as const };
  return { status: "accepted" as const, reviewId: invitation.reviewId };
}

/** Whether an invitation's address already has an account (its owner then signs in to accept). */
export async function invitationAccount({ email }: { email: string }) {
  return (await db.select({ id: users.id }).from(users).where(eq(users.email, normaliseEmail(email))).get()) ?? null;
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

async function countLeads(reviewId: string) {
  const row = await db
    .select({ n: count() })
    .from(reviewMembers)
    .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.role, "lead-expert")))
    .get();
  return row?.n ?? 0;
}

async function getMember(reviewId: string, memberId: string) {
  const member = await db
    .select({ role: reviewMembers.role, affiliation: reviewMembers.affiliation })
    .from(reviewMembers)
    .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, memberId)))
    .get();
  if (!member) throw data({ message: "This person is not a member of this review." }, { status: 404 });
  return member;
}

const LAST_LEAD = "A review needs at least one lead expert: name another lead first.";

export async function removeMember({ reviewId, memberId, userId }: { reviewId: string; memberId: string; userId: string }) {
  const member = await getMember(reviewId, memberId);
  if (member.role === "lead-expert" && (await countLeads(reviewId)) <= 1) {
    throw data({ message: LAST_LEAD }, { status: 409 });
  }
  db.transaction((tx) => {
    tx.delete(reviewMembers).where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, memberId))).run();
    writeAudit(tx, { reviewId, userId, action: "remove", entity: "member", entityId: memberId, before: member });
  });
}

export async function changeMemberRole({
  reviewId,
  memberId,
  role,
  userId,
}: {
  reviewId: string;
  memberId: string;
  role: Role;
  userId: string;
}) {
  const member = await getMember(reviewId, memberId);
  if (member.role === role) return;
  if (member.role === "lead-expert" && (await countLeads(reviewId)) <= 1) {
    throw data({ message: LAST_LEAD }, { status: 409 });
  }
  db.transaction((tx) => {
    tx.update(reviewMembers)
      .set({ role })
      .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, memberId)))
      .run();
    writeAudit(tx, { reviewId, userId, action: "change-role", entity: "member", entityId: memberId, before: { role: member.role }, after: { role } });
  });
}

export type InvitationState =
  | { status: "valid"; invitation: { id: string; email: string; role: Role; reviewId: string; hostCity: string } }
  | { status: "unknown" | "used" | "expired" };

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
export async function acceptInvitation({
  token,
  name,
  locale,
  password,
}: {
  token: string;
  name: string;
  locale: "fr" | "en";
  password: string;
}) {
  const state = await getInvitation({ token });
  if (state.status !== "valid") return state;
  const { invitation } = state;
  const taken = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).get();
  if (taken) return { status: "used" as const };
  const problem = passwordProblem(password, invitation.email);
  if (problem) return { status: "invalid-password" as const, message: `auth:invitation.${problem}` };
  const passwordHash = await hashPassword(password);
  const userId = newId();
  const full = await db
    .select({ affiliation: invitations.affiliation })
    .from(invitations)
    .where(eq(invitations.id, invitation.id))
    .get();
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

/**
 * Moves a review one phase forward, or back with a reason. Skipping a phase is refused.
 * `onIssue` runs inside the same decision (before the phase is written) so an issued review
 * always has its stored report.
 */
export async function movePhase({
  reviewId,
  to,
  reason,
  userId,
  onIssue,
}: {
  reviewId: string;
  to: Phase;
  reason: string;
  userId: string;
  onIssue?: (issuedAt: Date) => Promise<void>;
}) {
  const review = await getReview({ reviewId });
  if (!review) throw data({ message: "This page does not exist." }, { status: 404 });
  const phases = phasesFor(review.kind);
  const from = phases.indexOf(review.phase);
  const target = phases.indexOf(to);
  if (target === -1) throw data({ message: `This kind of review has no "${to}" phase.` }, { status: 400 });
  if (target === from) throw data({ message: `The review is already in the "${to}" phase.` }, { status: 409 });
  if (Math.abs(target - from) !== 1) {
    throw data({ message: `A review moves one phase at a time: from "${review.phase}" the next is "${phases[from + 1] ?? "—"}".` }, { status: 409 });
  }
  const backwards = target < from;
  if (backwards && !reason.trim()) {
    throw data({ message: "Say why the review goes back a phase.", field: "reason" }, { status: 400 });
  }
  const issuedAt = to === "issued" ? new Date() : null;
  if (issuedAt && onIssue) await onIssue(issuedAt);
  db.transaction((tx) => {
    tx.update(reviews)
      .set({ phase: to, ...(issuedAt ? { issuedAt } : {}) })
      .where(eq(reviews.id, reviewId))
      .run();
    writeAudit(tx, {
      reviewId,
      userId,
      action: backwards ? "phase-back" : "phase-forward",
      entity: "review",
      entityId: reviewId,
      before: { phase: review.phase },
      after: { phase: to, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    });
  });
}

/** The latest audit entries about the given entities (those the reader may know about). */
export async function listRecentActivity({ reviewId, entities, limit = 10 }: { reviewId: string; entities: string[]; limit?: number }) {
  if (!entities.length) return [];
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      userName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.reviewId, reviewId), inArray(auditLog.entity, entities)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export async function getMemberNames({ reviewId, userIds }: { reviewId: string; userIds: string[] }) {
  if (!userIds.length) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(reviewMembers)
    .innerJoin(users, eq(users.id, reviewMembers.userId))
    .where(and(eq(reviewMembers.reviewId, reviewId), inArray(users.id, userIds)));
}

/** The stored PDFs of an issued review, without their bytes. */
export async function listIssuedReports({ reviewId }: { reviewId: string }) {
  return db
    .select({ locale: issuedReports.locale, sha256: issuedReports.sha256, pages: issuedReports.pages, issuedAt: issuedReports.issuedAt })
    .from(issuedReports)
    .where(eq(issuedReports.reviewId, reviewId))
    .orderBy(asc(issuedReports.locale));
}
