import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { AsyncDb } from "#db/async-db";
import { notifications, reviewMembers, reviews, users, type Phase, type Role } from "#db/schema";
import { getFramework } from "#benchmark/index";
import { asyncDb as db } from "#app/utils/db.server";
import { getEnv } from "#app/utils/env.server";
import { getI18n, isLocale } from "#app/utils/i18n";
import { mailConfigured, sendMail } from "#app/utils/mail.server";
import { can, type Permission } from "#app/utils/permissions";
import {
  describeNotification,
  isNotificationKind,
  notificationPath,
  notificationReadPermission,
  type NotificationKind,
  type NotificationParams,
} from "./notification-kinds";
import { newId } from "./user.server";

export { NOTIFICATION_KINDS, type NotificationKind, type NotificationParams } from "./notification-kinds";

type Tx = AsyncDb;

export type NotifyInput = {
  /** The review it is about; null only for a personal notification outside any review. */
  reviewId: string | null;
  kind: NotificationKind;
  params: NotificationParams;
  /** Only these accounts (still filtered by what each may read); without it, every member who may read the kind. */
  to?: readonly string[];
  /** Only members whose role has this permission in the review's phase (e.g. "comments:resolve": the peer team). */
  audience?: Permission;
  /** Not told: usually whoever made the change. */
  except?: string | readonly string[] | null;
  /** Where the app is reached, for the link in the mail: `appOrigin(request)`. */
  origin: string;
  /** false: in the app only (the same news already goes by its own mail, as an invitation does). */
  mail?: boolean;
};

/** The address links in mails start with: APP_URL when set, else the origin of the request that caused the mail. */
export function appOrigin(request: Request) {
  return getEnv().APP_URL ?? new URL(request.url).origin;
}

/**
 * Tells members about something that happened. Call it inside the transaction that makes the
 * change (it is synchronous, like writeAudit): the rows are stored only if the change is, one per
 * recipient, and only for recipients who may read the kind in the review's phase as the
 * transaction sees it (after a phase move: the new phase). A deactivated account is never told.
 * When SMTP_URL is set, each recipient who has not turned mail off also gets it by mail in their
 * language, sent after the transaction ends. Returns the ids of the accounts told.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<string[]> {
  const read = notificationReadPermission(input.kind);
  const except = new Set(typeof input.except === "string" ? [input.except] : (input.except ?? []));
  const only = input.to ? new Set(input.to) : null;
  let candidates: { userId: string; mail: boolean; role: Role | null; deactivatedAt: Date | null }[];
  let phase: Phase | null = null;
  if (read === null) {
    if (!only) throw new Error(`A "${input.kind}" notification is personal: name its recipients with "to".`);
    candidates = (
      await tx
        .select({ userId: users.id, mail: users.mailNotifications, deactivatedAt: users.deactivatedAt })
        .from(users)
        .where(inArray(users.id, [...only]))
        .all()
    ).map((row) => ({ ...row, role: null }));
  } else {
    if (!input.reviewId) throw new Error(`A "${input.kind}" notification needs its review.`);
    phase = (await tx.select({ phase: reviews.phase }).from(reviews).where(eq(reviews.id, input.reviewId)).get())?.phase ?? null;
    if (!phase) return [];
    candidates = await tx
      .select({ userId: users.id, mail: users.mailNotifications, role: reviewMembers.role, deactivatedAt: users.deactivatedAt })
      .from(reviewMembers)
      .innerJoin(users, eq(users.id, reviewMembers.userId))
      .where(eq(reviewMembers.reviewId, input.reviewId))
      .all();
  }
  const mail = input.mail !== false && mailConfigured();
  const recipients = candidates.filter((candidate) => {
    if (candidate.deactivatedAt || except.has(candidate.userId)) return false;
    if (only && !only.has(candidate.userId)) return false;
    if (read === null) return true;
    if (!candidate.role || !phase) return false;
    return can(candidate.role, read, phase) && (!input.audience || can(candidate.role, input.audience, phase));
  });
  if (!recipients.length) return [];
  const params = { ...input.params, origin: input.origin };
  await tx
    .insert(notifications)
    .values(
      recipients.map((recipient) => ({
        id: newId(),
        userId: recipient.userId,
        reviewId: input.reviewId,
        kind: input.kind,
        params,
        mailState: mail && recipient.mail ? ("pending" as const) : ("none" as const),
      })),
    )
    .run();
  // After the transaction: a rolled-back change leaves no row, so nothing is mailed for it.
  if (mail && recipients.some((recipient) => recipient.mail))
    setImmediate(() => void deliverNotificationMail().catch((error: Error) => console.warn(`Notification mail stopped: ${error.message}`)));
  return recipients.map((recipient) => recipient.userId);
}

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  params: NotificationParams;
  reviewId: string | null;
  hostCity: string | null;
  /** The review framework's item part ("commitment"), so the sentence uses its words. */
  termsContext: string | null;
  timeZone: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** Where it leads inside the app. */
  path: string;
};

type Row = {
  id: string;
  kind: string;
  params: unknown;
  reviewId: string | null;
  hostCity: string | null;
  frameworkId: string | null;
  timeZone: string | null;
  phase: Phase | null;
  role: Role | null;
  createdAt: Date;
  readAt: Date | null;
};

/** Whether the account may still read it: personal ones always, others while its role on the review allows the kind. */
function readable(row: Row): row is Row & { kind: NotificationKind } {
  if (!isNotificationKind(row.kind)) return false;
  const read = notificationReadPermission(row.kind);
  if (read === null) return true;
  return row.role !== null && row.phase !== null && can(row.role, read, row.phase);
}

function selectRows(userId: string, { unreadOnly = false, limit }: { unreadOnly?: boolean; limit: number }) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      reviewId: notifications.reviewId,
      hostCity: reviews.hostCity,
      frameworkId: reviews.frameworkId,
      timeZone: reviews.timeZone,
      phase: reviews.phase,
      role: reviewMembers.role,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(reviews, eq(reviews.id, notifications.reviewId))
    .leftJoin(reviewMembers, and(eq(reviewMembers.reviewId, notifications.reviewId), eq(reviewMembers.userId, notifications.userId)))
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/**
 * An account's notifications, newest first, filtered again by what it may read now: a member
 * who left the review, or whose role no longer reads the kind, no longer sees it.
 */
export async function listNotifications({ userId, limit = 100 }: { userId: string; limit?: number }): Promise<NotificationItem[]> {
  const rows = await selectRows(userId, { limit });
  return rows.filter(readable).map((row) => {
    const { origin: _origin, ...params } = (row.params ?? {}) as NotificationParams & { origin?: string };
    return {
      id: row.id,
      kind: row.kind,
      params,
      reviewId: row.reviewId,
      hostCity: row.hostCity,
      termsContext: termsContextOf(row.frameworkId),
      timeZone: row.timeZone,
      createdAt: row.createdAt,
      readAt: row.readAt,
      path: notificationPath(row.reviewId, params),
    };
  });
}

/** How many unread notifications the header shows (those the account may read). */
export async function countUnreadNotifications({ userId }: { userId: string }) {
  const rows = await selectRows(userId, { unreadOnly: true, limit: 1000 });
  return rows.filter(readable).length;
}

/** Marks one notification (or, without an id, all of them) read; only the account's own. */
export async function markNotificationsRead({ userId, notificationId }: { userId: string; notificationId?: string }) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), notificationId ? eq(notifications.id, notificationId) : undefined));
}

/** The i18next context of a review framework's words (frameworkTerms' `context`), for a notification's sentence. */
function termsContextOf(frameworkId: string | null): string | null {
  return (frameworkId && getFramework(frameworkId)?.parts.item.id) || null;
}

/** The mail for one notification, in the recipient's language. */
export function notificationMail({
  locale,
  kind,
  params,
  reviewId,
  hostCity,
  frameworkId = null,
}: {
  locale: string;
  kind: string;
  params: NotificationParams & { origin?: string };
  reviewId: string | null;
  hostCity: string | null;
  frameworkId?: string | null;
}) {
  const t = getI18n(isLocale(locale) ? locale : "en").t;
  const text = describeNotification(t, { kind, params, hostCity, termsContext: termsContextOf(frameworkId) });
  const origin = getEnv().APP_URL ?? params.origin ?? "";
  const path = notificationPath(reviewId, params);
  return {
    subject: t("notifications:mail.subject", { text }),
    text: `${text}\n\n${t("notifications:mail.open")}\n${origin}${path}\n\n${t("notifications:mail.footer", { url: `${origin}/account` })}\n`,
  };
}

let delivering: Promise<void> | null = null;

/**
 * Sends the mails of stored notifications marked pending, until none is left. One run at a
 * time per process; a run that starts while another goes on waits for it. Each row is claimed
 * (pending → sending) before its mail leaves, so a mail is never sent twice.
 */
export function deliverNotificationMail(): Promise<void> {
  delivering ??= (async () => {
    try {
      for (;;) {
        const batch = await db
          .select({
            id: notifications.id,
            kind: notifications.kind,
            params: notifications.params,
            email: users.email,
            locale: users.locale,
            reviewId: notifications.reviewId,
            hostCity: reviews.hostCity,
            frameworkId: reviews.frameworkId,
          })
          .from(notifications)
          .innerJoin(users, eq(users.id, notifications.userId))
          .leftJoin(reviews, eq(reviews.id, notifications.reviewId))
          .where(eq(notifications.mailState, "pending"))
          .limit(20);
        if (!batch.length) return;
        for (const row of batch) {
          const claimed = await db
            .update(notifications)
            .set({ mailState: "sending" })
            .where(and(eq(notifications.id, row.id), eq(notifications.mailState, "pending")))
            .run();
          if (claimed.changes !== 1) continue;
          const mail = notificationMail({
            locale: row.locale,
            kind: row.kind,
            params: (row.params ?? {}) as NotificationParams,
            reviewId: row.reviewId,
            hostCity: row.hostCity,
            frameworkId: row.frameworkId,
          });
          const outcome = await sendMail({ to: row.email, ...mail });
          await db
            .update(notifications)
            .set({ mailState: outcome === "sent" ? "sent" : "failed" })
            .where(eq(notifications.id, row.id));
        }
      }
    } finally {
      delivering = null;
    }
  })();
  return delivering;
}
