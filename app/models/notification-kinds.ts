import type { TFunction } from "i18next";
import type { Permission } from "#app/utils/permissions";

/*
 * What a member can be told, and who may read each kind. Browser-safe (no database): the
 * /notifications page and the mails turn a stored kind and its params into text with these.
 * A new kind is one entry here plus `notifications:kinds.<kind>` in both languages.
 */

/** Values a notification carries; `path` (a path inside the app) is where it leads. */
export type NotificationParams = Record<string, string | number | string[] | undefined> & { path?: string };

type KindSpec = {
  /**
   * The permission a member needs, in the review's phase at the time, to be told and to go on
   * seeing it; null for a notification addressed to one person whatever their membership (an
   * invitation to a review they have not joined).
   */
  read: Permission | null;
};

export const NOTIFICATION_KINDS = {
  /** params: from, to (phases). Everyone on the review. */
  "phase-changed": { read: "review:read" },
  /** params: factorId?, part (what the comment is about, already a label), by (name). */
  "factual-comment": { read: "comments:read" },
  /** params: part, by. */
  "factual-reply": { read: "comments:read" },
  /** params: part, outcome ("corrected" | "explained" | "not-accepted"), by. */
  "factual-closed": { read: "comments:read" },
  /** params: role, hostCity, by, path (/invitations/…). Addressed to an existing account. */
  invitation: { read: null },
  /** params: factorIds (kf-01…), by. Peer team work shared out by the lead. */
  assigned: { read: "evidence:read" },
} as const satisfies Record<string, KindSpec>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
  return value in NOTIFICATION_KINDS;
}

/** The permission a kind needs (null: personal). */
export function notificationReadPermission(kind: NotificationKind): Permission | null {
  return NOTIFICATION_KINDS[kind].read;
}

/**
 * A notification as one sentence in the reader's language. Values that are ids of fixed lists
 * (phases, roles, outcomes) are translated here; the rest is interpolated as stored.
 */
export function describeNotification(
  t: TFunction,
  notification: { kind: string; params: NotificationParams; hostCity: string | null; termsContext?: string | null },
): string {
  const { kind, params } = notification;
  const text = (value: unknown) => (Array.isArray(value) ? value.join(", ") : String(value ?? ""));
  // The review framework's own words ("commitment" on ECCAR): the i18next context of frameworkTerms.
  const context = notification.termsContext ?? undefined;
  const values: Record<string, string | number | undefined> = { city: notification.hostCity ?? "", context };
  for (const [name, value] of Object.entries(params)) values[name] = text(value);
  if (kind === "phase-changed") {
    values.from = t(`common:phases.${text(params.from)}`);
    values.to = t(`common:phases.${text(params.to)}`);
  }
  if (kind === "invitation") values.role = t(`common:roles.${text(params.role)}`);
  // A factual-check comment's part ("factor", "summary"…) and factor number, in the reader's language.
  if (kind.startsWith("factual-") && typeof params.part === "string" && ["factor", "recommendation", "summary", "plan"].includes(params.part)) {
    values.part = `${t(`reviews:confirm.parts.${params.part}`, { context })}${params.number ? ` ${text(params.number)}` : ""}`;
  }
  if (kind === "factual-closed") values.outcome = t(`notifications:outcomes.${text(params.outcome)}`, { defaultValue: text(params.outcome) });
  if (kind === "assigned") values.count = Array.isArray(params.factorIds) ? params.factorIds.length : 0;
  return t(`notifications:kinds.${isNotificationKind(kind) ? kind : "unknown"}`, values);
}

/** Where a notification leads inside the app: its own path, else its review's home. */
export function notificationPath(reviewId: string | null, params: NotificationParams): string {
  if (typeof params.path === "string" && params.path.startsWith("/") && !params.path.startsWith("//")) return params.path;
  return reviewId ? `/reviews/${reviewId}` : "/notifications";
}
