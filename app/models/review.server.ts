// Over 400 lines for now: creating, reading, listing and moving a review through its phases share the membership queries; the phase moves are the seam to split next.
import { and, asc, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { requireFramework } from "#benchmark/index";
import { auditLog, conclusions, issuedReports, PHASES, reviewMembers, reviews, users, type Phase, type ReviewKind, type Role } from "#db/schema";
import type { AsyncDb } from "#db/async-db";
import { asyncDb as db, transaction } from "#app/utils/db.server";
import { mailConfigured } from "#app/utils/mail.server";
import { can } from "#app/utils/permissions";
import { refuse } from "#app/utils/refusal";
import { msg } from "#app/utils/validation";
import { writeAudit } from "./audit.server";
import { findOrCreateCity } from "./city.server";
import { newId, normaliseEmail } from "./user.server";
import { insertInvitation } from "./invitation.server";

/** The phases a review goes through, in order; an internal self-assessment skips the peer part. */
export function phasesFor(kind: ReviewKind): readonly Phase[] {
  return kind === "self-assessment" ? ["self-assessment", "issued"] : PHASES;
}

/** What a list of reviews shows of each one, for a member's list and the administrator's alike. */
const REVIEW_LIST_COLUMNS = {
  id: reviews.id,
  hostCity: reviews.hostCity,
  country: reviews.country,
  kind: reviews.kind,
  phase: reviews.phase,
  frameworkId: reviews.frameworkId,
  visitStart: reviews.visitStart,
  timeZone: reviews.timeZone,
  archivedAt: reviews.archivedAt,
};

/** Archived reviews are put away: a list shows them only when asked to. */
function unlessArchived(includeArchived: boolean): SQL | undefined {
  return includeArchived ? undefined : isNull(reviews.archivedAt);
}

export async function listReviewsForUser({ userId, includeArchived = false }: { userId: string; includeArchived?: boolean }) {
  return db
    .select({ ...REVIEW_LIST_COLUMNS, role: reviewMembers.role })
    .from(reviewMembers)
    .innerJoin(reviews, eq(reviews.id, reviewMembers.reviewId))
    .where(and(eq(reviewMembers.userId, userId), unlessArchived(includeArchived)))
    .orderBy(asc(reviews.hostCity));
}

/** For the administrator: every review with its lead experts, and no content. */
export async function listAllReviews({ includeArchived = false }: { includeArchived?: boolean } = {}) {
  const rows = await db.select(REVIEW_LIST_COLUMNS).from(reviews).where(unlessArchived(includeArchived)).orderBy(asc(reviews.hostCity));
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

export type NewReview = {
  hostCity: string;
  country: string;
  frameworkId: string;
  kind: ReviewKind;
  visitStart: string | null;
  visitEnd: string | null;
  reportLocale: "fr" | "en";
  /** IANA zone, already checked (TimeZoneSchema). */
  timeZone: string;
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
  let token: string | null = null;
  await transaction(db, async (tx) => {
    const city = await findOrCreateCity(tx, { name: input.hostCity, country: input.country, timeZone: input.timeZone, languages: ["fr", "en"] });
    const row = {
      id,
      cityId: city.id,
      hostCity: input.hostCity.trim(),
      country: input.country.trim(),
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      kind: input.kind,
      phase: "self-assessment" as const,
      visitStart: input.visitStart,
      visitEnd: input.visitEnd,
      reportLocale: input.reportLocale,
      timeZone: input.timeZone,
      createdBy,
    };
    await tx.insert(reviews).values(row).run();
    await writeAudit(tx, { reviewId: id, userId: createdBy, action: "create", entity: "review", entityId: id, after: row });
    if (lead) {
      await tx.insert(reviewMembers).values({ reviewId: id, userId: lead.id, role: "lead-expert" }).run();
      await writeAudit(tx, {
        reviewId: id,
        userId: createdBy,
        action: "add",
        entity: "member",
        entityId: lead.id,
        after: { role: "lead-expert" },
      });
    } else {
      token = (await insertInvitation(tx, { reviewId: id, email: leadEmail, role: "lead-expert", affiliation: "", createdBy })).token;
    }
  });
  return { id, invitationToken: token };
}

/** Live key factors of the review that have no agreed conclusion, in the framework's order. */
export async function listFactorsWithoutAgreedConclusion({ reviewId }: { reviewId: string }) {
  const review = await db.select({ frameworkId: reviews.frameworkId }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) return [];
  const agreed = new Set(
    (
      await db
        .select({ factorId: conclusions.factorId })
        .from(conclusions)
        .where(and(eq(conclusions.reviewId, reviewId), eq(conclusions.state, "agreed")))
        .all()
    ).map((row) => row.factorId),
  );
  return requireFramework(review.frameworkId)
    .keyFactors.filter((factor) => !factor.retired && !agreed.has(factor.id))
    .map((factor) => ({ id: factor.id, number: factor.number }));
}

/**
 * Who hears of a move to `to`: every member but the one moving it, whose role may still read the
 * review then, and whether by mail too (SMTP_URL set and the member has not turned mail off).
 */
export async function listPhaseMoveRecipients({ reviewId, to, actorId }: { reviewId: string; to: Phase; actorId: string }) {
  const mail = mailConfigured();
  const rows = await db
    .select({ userId: users.id, name: users.name, role: reviewMembers.role, mail: users.mailNotifications, deactivatedAt: users.deactivatedAt })
    .from(reviewMembers)
    .innerJoin(users, eq(users.id, reviewMembers.userId))
    .where(eq(reviewMembers.reviewId, reviewId))
    .orderBy(asc(users.name));
  return rows
    .filter((row) => row.userId !== actorId && !row.deactivatedAt && can(row.role, "review:read", to))
    .map((row) => ({ userId: row.userId, name: row.name, role: row.role, byMail: mail && row.mail }));
}

/**
 * Moves a review one phase forward, or back with a reason. Skipping a phase is refused. Issuing a
 * peer review while a key factor has no agreed conclusion is refused unless the lead gives a
 * reason for it (`issueReason`), which goes to the audit log and the report's method section.
 * `onIssue` runs inside the same decision (before the phase is written) so an issued review
 * always has its stored report. Refusals are i18n keys (the error page and the form translate them).
 */
export async function movePhase({
  reviewId,
  to,
  reason,
  issueReason = "",
  userId,
  onIssue,
  onMoved,
}: {
  reviewId: string;
  to: Phase;
  reason: string;
  issueReason?: string;
  userId: string;
  onIssue?: (issuedAt: Date, issueReason: string | null) => Promise<void>;
  /** Runs inside the transaction that writes the move (e.g. notify the team). */
  onMoved?: (tx: AsyncDb, move: { from: Phase; to: Phase }) => Promise<unknown>;
}) {
  const review = await getReview({ reviewId });
  if (!review) refuse(404, "errors.notFound");
  if (review.archivedAt) refuse(409, "reviews:archive.readOnly");
  const phases = phasesFor(review.kind);
  const from = phases.indexOf(review.phase);
  const target = phases.indexOf(to);
  if (target === -1) refuse(400, msg("reviews:phaseErrors.noSuchPhase", { phase: to }));
  if (target === from) refuse(409, msg("reviews:phaseErrors.alreadyThere", { phase: to }));
  if (Math.abs(target - from) !== 1) {
    const next = phases[from + 1];
    refuse(409, next ? msg("reviews:phaseErrors.oneAtATime", { from: review.phase, next }) : msg("reviews:phaseErrors.lastPhase", { from: review.phase }));
  }
  const backwards = target < from;
  if (backwards && !reason.trim()) refuse(400, "reviews:phaseErrors.reasonRequired", { field: "reason" });
  const why = issueReason.trim();
  let missing: { id: string; number: number }[] = [];
  if (to === "issued" && review.kind === "peer-review") {
    missing = await listFactorsWithoutAgreedConclusion({ reviewId });
    if (missing.length && !why) {
      refuse(400, msg("reviews:phaseErrors.conclusionsMissing", { count: missing.length, factors: missing.map((factor) => factor.number).join(", ") }), {
        field: "issueReason",
      });
    }
  }
  const issuedAt = to === "issued" ? new Date() : null;
  const recordedReason = issuedAt && missing.length ? why : null;
  if (issuedAt && onIssue) await onIssue(issuedAt, recordedReason);
  await transaction(db, async (tx) => {
    await tx
      .update(reviews)
      .set({ phase: to, ...(issuedAt ? { issuedAt } : {}) })
      .where(eq(reviews.id, reviewId))
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: backwards ? "phase-back" : "phase-forward",
      entity: "review",
      entityId: reviewId,
      before: { phase: review.phase },
      after: {
        phase: to,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(recordedReason ? { issueReason: recordedReason, withoutAgreedConclusion: missing.map((factor) => factor.id) } : {}),
      },
    });
    await onMoved?.(tx, { from: review.phase, to });
  });
}

/** What the lead edits on the review's settings page (values already checked by its schema). */
export type ReviewSettings = {
  hostCity: string;
  country: string;
  visitStart: string | null;
  visitEnd: string | null;
  /** IANA zone, already checked (TimeZoneSchema). */
  timeZone: string;
  /** The report's main language, one of reportLocales. */
  reportLocale: "fr" | "en";
  reportLocales: ("fr" | "en")[];
};

const SETTINGS_FIELDS = ["hostCity", "country", "visitStart", "visitEnd", "timeZone", "reportLocale", "reportLocales"] as const;

/**
 * Saves the review's settings; the audit entry holds what changed, before and after. Nothing is
 * written when nothing changed. An archived review is read-only.
 */
export async function updateReviewSettings({ reviewId, settings, userId }: { reviewId: string; settings: ReviewSettings; userId: string }) {
  const review = await getReview({ reviewId });
  if (!review) refuse(404, "errors.notFound");
  if (review.archivedAt) refuse(409, "reviews:archive.readOnly");
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of SETTINGS_FIELDS) {
    if (JSON.stringify(review[field]) === JSON.stringify(settings[field])) continue;
    before[field] = review[field];
    after[field] = settings[field];
  }
  if (!Object.keys(after).length) return { changed: [] as string[] };
  await transaction(db, async (tx) => {
    // The host city and country name the review's city: changing them moves the review to that city
    // (made if new), never renames a city other reviews share (decision 0028).
    const moved = "hostCity" in after || "country" in after;
    const cityId = moved
      ? (await findOrCreateCity(tx, { name: settings.hostCity, country: settings.country, timeZone: settings.timeZone, languages: settings.reportLocales })).id
      : undefined;
    await tx
      .update(reviews)
      .set(moved ? { ...after, cityId } : after)
      .where(eq(reviews.id, reviewId))
      .run();
    await writeAudit(tx, { reviewId, userId, action: "update-settings", entity: "review", entityId: reviewId, before, after });
  });
  return { changed: Object.keys(after) };
}

/**
 * Archives a review (read-only for everyone, out of the default lists) or restores it, audited.
 * Asking for the state it is already in changes nothing.
 */
export async function setReviewArchived({ reviewId, archived, userId }: { reviewId: string; archived: boolean; userId: string }) {
  const review = await getReview({ reviewId });
  if (!review) refuse(404, "errors.notFound");
  if (Boolean(review.archivedAt) === archived) return false;
  const archivedAt = archived ? new Date() : null;
  await transaction(db, async (tx) => {
    await tx.update(reviews).set({ archivedAt }).where(eq(reviews.id, reviewId)).run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: archived ? "archive" : "unarchive",
      entity: "review",
      entityId: reviewId,
      before: { archivedAt: review.archivedAt },
      after: { archivedAt },
    });
  });
  return true;
}

/** The team as the lead-role hand-over shows it: each member's name and role, and whether they lead. */
export async function listTeamRoles({ reviewId }: { reviewId: string }) {
  const rows = await db
    .select({ userId: users.id, name: users.name, role: reviewMembers.role })
    .from(reviewMembers)
    .innerJoin(users, eq(users.id, reviewMembers.userId))
    .where(eq(reviewMembers.reviewId, reviewId))
    .orderBy(asc(users.name));
  return rows.map((row) => ({ ...row, leads: row.role === "lead-expert" }));
}

/**
 * The administrator hands the lead role to a member: they become lead expert and the current
 * lead experts become `formerLead` (peer reviewers, or lead experts still, side by side). A review
 * never loses its last lead: handing the role to the only lead while demoting "the former lead"
 * is refused. Refusals name their field; each role change is audited.
 */
export async function handLeadRole({
  reviewId,
  newLeadId,
  formerLead,
  userId,
}: {
  reviewId: string;
  newLeadId: string;
  formerLead: Extract<Role, "lead-expert" | "peer-reviewer">;
  userId: string;
}) {
  const review = await getReview({ reviewId });
  if (!review) refuse(404, "errors.notFound");
  if (review.archivedAt) refuse(409, "reviews:archive.readOnly");
  const members = await db.select({ userId: reviewMembers.userId, role: reviewMembers.role }).from(reviewMembers).where(eq(reviewMembers.reviewId, reviewId));
  const newLead = members.find((member) => member.userId === newLeadId);
  if (!newLead) refuse(400, "errors.memberNotFound", { field: "userId" });
  const demoted = formerLead === "lead-expert" ? [] : members.filter((member) => member.role === "lead-expert" && member.userId !== newLeadId);
  if (newLead.role === "lead-expert" && !demoted.length) {
    refuse(409, formerLead === "lead-expert" ? "reviews:settings.alreadyLead" : "errors.lastLead", {
      field: formerLead === "lead-expert" ? "userId" : "formerLead",
    });
  }
  const changes = [
    ...(newLead.role === "lead-expert" ? [] : [{ member: newLead, role: "lead-expert" as const }]),
    ...demoted.map((member) => ({ member, role: formerLead })),
  ];
  await transaction(db, async (tx) => {
    for (const { member, role } of changes) {
      await tx
        .update(reviewMembers)
        .set({ role })
        .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, member.userId)))
        .run();
      await writeAudit(tx, {
        reviewId,
        userId,
        action: "change-role",
        entity: "member",
        entityId: member.userId,
        before: { role: member.role },
        after: { role },
      });
    }
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

/** The stored PDFs of a review, without their bytes: every issued version, newest first. */
export async function listIssuedReports({ reviewId }: { reviewId: string }) {
  return db
    .select({
      locale: issuedReports.locale,
      version: issuedReports.version,
      sha256: issuedReports.sha256,
      pages: issuedReports.pages,
      issuedAt: issuedReports.issuedAt,
      supersededAt: issuedReports.supersededAt,
      issueReason: issuedReports.issueReason,
    })
    .from(issuedReports)
    .where(eq(issuedReports.reviewId, reviewId))
    .orderBy(desc(issuedReports.version), asc(issuedReports.locale));
}
