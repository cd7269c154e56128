import { data } from "@remix-run/node";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { reviewMembers, users, type Role } from "#db/schema";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { writeAudit } from "./audit.server";

export async function listMembers({ reviewId }: { reviewId: string }) {
  return (
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: reviewMembers.role,
        affiliation: reviewMembers.affiliation,
        partnerId: reviewMembers.partnerId,
      })
      .from(reviewMembers)
      .innerJoin(users, eq(users.id, reviewMembers.userId))
      .where(eq(reviewMembers.reviewId, reviewId))
      // The team as a report names it: the lead expert, the peers, then the host city.
      .orderBy(sql`CASE ${reviewMembers.role} WHEN 'lead-expert' THEN 1 WHEN 'peer-reviewer' THEN 2 WHEN 'host-team' THEN 3 ELSE 4 END`, asc(users.name))
  );
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
    .select({ role: reviewMembers.role, affiliation: reviewMembers.affiliation, partnerId: reviewMembers.partnerId })
    .from(reviewMembers)
    .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, memberId)))
    .get();
  if (!member) throw data({ message: "errors.memberNotFound", field: "userId" }, { status: 404 });
  return member;
}

/** Shown by the Team page beside the member's role. */
const LAST_LEAD = "errors.lastLead";

export async function removeMember({ reviewId, memberId, userId }: { reviewId: string; memberId: string; userId: string }) {
  const member = await getMember(reviewId, memberId);
  if (member.role === "lead-expert" && (await countLeads(reviewId)) <= 1) {
    throw data({ message: LAST_LEAD, field: "userId" }, { status: 409 });
  }
  await transaction(db, async (tx) => {
    await tx
      .delete(reviewMembers)
      .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, memberId)))
      .run();
    await writeAudit(tx, { reviewId, userId, action: "remove", entity: "member", entityId: memberId, before: member });
  });
}

/**
 * A new role for a member. A plan partner joins for one organisation of the city's partner
 * register (`partnerId`, checked by the caller); any other role drops it.
 */
export async function changeMemberRole({
  reviewId,
  memberId,
  role,
  partnerId = null,
  userId,
}: {
  reviewId: string;
  memberId: string;
  role: Role;
  partnerId?: string | null;
  userId: string;
}) {
  const member = await getMember(reviewId, memberId);
  if (member.role === role && member.partnerId === partnerId) return;
  if (member.role === "lead-expert" && (await countLeads(reviewId)) <= 1) {
    throw data({ message: LAST_LEAD, field: "role" }, { status: 409 });
  }
  await transaction(db, async (tx) => {
    await tx
      .update(reviewMembers)
      .set({ role, partnerId })
      .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, memberId)))
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: "change-role",
      entity: "member",
      entityId: memberId,
      before: member.partnerId ? { role: member.role, partnerId: member.partnerId } : { role: member.role },
      after: partnerId ? { role, partnerId } : { role },
    });
  });
}

export async function getMemberNames({ reviewId, userIds }: { reviewId: string; userIds: string[] }) {
  if (!userIds.length) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(reviewMembers)
    .innerJoin(users, eq(users.id, reviewMembers.userId))
    .where(and(eq(reviewMembers.reviewId, reviewId), inArray(users.id, userIds)));
}
