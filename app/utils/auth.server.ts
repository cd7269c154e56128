import { data, redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { reviewMembers, reviews, type Phase, type Role } from "#db/schema";
import { CROSS_SITE_ORIGIN_HEADER } from "./cross-site.server";
import { asyncDb as db } from "./db.server";
import { decide, phasesGranting, type Permission } from "./permissions";
import { getSessionUser, type SessionUser } from "./session.server";
import { msg } from "./validation";
import { whileUnchanged } from "./while-unchanged.server";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function refuseCrossSite(): never {
  throw data({ message: "errors.crossSite" }, { status: 403 });
}

/**
 * Refuses a state-changing request that another site started, or that says nothing of where it
 * comes from. Browsers send Origin on every POST; Referer is the fallback for old clients. A
 * script that sends neither is refused too: the app's own forms always carry one.
 */
export function requireSameOrigin(request: Request) {
  if (!MUTATING.has(request.method.toUpperCase())) return;
  if (request.headers.has(CROSS_SITE_ORIGIN_HEADER)) refuseCrossSite();
  const expected = new URL(request.url);
  const forwardedHost = request.headers.get("X-Forwarded-Host");
  const source = request.headers.get("Origin") ?? request.headers.get("Referer");
  if (!source) refuseCrossSite();
  let origin: URL;
  try {
    origin = new URL(source);
  } catch {
    refuseCrossSite();
  }
  if (origin.host !== expected.host && origin.host !== forwardedHost) refuseCrossSite();
}

type GuardOptions = {
  /** Files and exports answer 401 to a signed-out client instead of sending it to the login page. */
  resource?: boolean;
};

/**
 * A request the page's script made (a background save, a form sent by Remix, the data of a
 * client-side navigation), as opposed to the browser loading a document. Browsers say which in
 * Sec-Fetch-Mode; a client that does not send it is treated as a document load.
 */
export function isDataRequest(request: Request) {
  const mode = request.headers.get("Sec-Fetch-Mode");
  return mode !== null && mode !== "navigate";
}

export async function requireUser(request: Request, options: GuardOptions = {}): Promise<SessionUser> {
  requireSameOrigin(request);
  const user = await getSessionUser(request);
  if (user) return user;
  if (options.resource) throw data({ message: "errors.unauthorized" }, { status: 401 });
  // A redirect would take the page, and the text being saved, to the sign-in page: a 401 lets
  // the page keep it and ask the member to sign in again in place.
  if (isDataRequest(request)) throw data({ message: "drafts:signedOutPage.ended", signedOut: true }, { status: 401 });
  const url = new URL(request.url);
  throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.isAdmin) throw data({ message: "errors.adminOnly" }, { status: 403 });
  return user;
}

export type ReviewAccess = {
  user: SessionUser;
  role: Role;
  /** A plan partner's organisation (the actions it owns are those it reads); null for everyone else. */
  partnerId: string | null;
  review: {
    id: string;
    hostCity: string;
    country: string;
    frameworkId: string;
    frameworkVersion: string;
    kind: "peer-review" | "self-assessment";
    phase: Phase;
    /** IANA zone every date of the review is shown in. */
    timeZone: string;
    /** Set while the review is archived: read-only for everyone. */
    archivedAt: Date | null;
    /** The language the team writes in (the report's): the language of its stored text unless that says otherwise. */
    reportLocale: "fr" | "en";
  };
};

/** What a guard loads of the review (ReviewAccess["review"]). */
const REVIEW_ACCESS_COLUMNS = {
  id: reviews.id,
  hostCity: reviews.hostCity,
  country: reviews.country,
  frameworkId: reviews.frameworkId,
  frameworkVersion: reviews.frameworkVersion,
  kind: reviews.kind,
  phase: reviews.phase,
  timeZone: reviews.timeZone,
  archivedAt: reviews.archivedAt,
  reportLocale: reviews.reportLocale,
};

export function notFound(): never {
  throw data({ message: "errors.pageNotFound" }, { status: 404 });
}

/**
 * A member of the review, or 404. A non-member (administrators included) must not learn
 * whether a review exists, so the answer is the same as for an unknown id.
 */
export async function requireReviewAccess(request: Request, reviewId: string | undefined, options: GuardOptions = {}): Promise<ReviewAccess> {
  const user = await requireUser(request, options);
  if (!reviewId) notFound();
  // Each loader of a page asks again; while the database is unchanged they share one read.
  const row = await whileUnchanged(
    `access:${reviewId}:${user.id}`,
    () =>
      db
        .select({ role: reviewMembers.role, partnerId: reviewMembers.partnerId, ...REVIEW_ACCESS_COLUMNS })
        .from(reviews)
        .innerJoin(reviewMembers, and(eq(reviewMembers.reviewId, reviews.id), eq(reviewMembers.userId, user.id)))
        .where(eq(reviews.id, reviewId))
        .get(),
    { small: true },
  );
  if (!row) notFound();
  const { role, partnerId, ...review } = row;
  return { user, role, partnerId, review };
}

/** An archived review is read-only: only reading, and unarchiving it, stay open. */
function archivedRefuses(access: ReviewAccess, permission: Permission) {
  return access.review.archivedAt !== null && !permission.endsWith(":read") && permission !== "review:archive";
}

/** 403 when the role never has the permission; when only the phase stops it, 409 for writes. An archived review refuses writes with 409. */
export function authorize(access: ReviewAccess, permission: Permission, request: Request) {
  if (archivedRefuses(access, permission) && decide(access.role, permission, access.review.phase) !== "forbidden") {
    throw data({ message: "reviews:archive.readOnly", archived: true }, { status: 409 });
  }
  const decision = decide(access.role, permission, access.review.phase);
  if (decision === "allowed") return;
  // What the error page explains: whose role, which phase, and when (if ever) the door opens.
  const refusal = { role: access.role, phase: access.review.phase, opensIn: phasesGranting(access.role, permission) };
  if (decision === "wrong-phase" && MUTATING.has(request.method.toUpperCase())) {
    throw data({ message: msg("errors.notInPhase", { phase: access.review.phase }), reason: "phase", ...refusal }, { status: 409 });
  }
  throw data({ message: "errors.forbidden", reason: decision === "wrong-phase" ? "phase" : "role", ...refusal }, { status: 403 });
}

/** The one guard every review loader and action calls first. */
export async function requireReviewPermission(
  request: Request,
  reviewId: string | undefined,
  permission: Permission,
  options: GuardOptions = {},
): Promise<ReviewAccess> {
  const access = await requireReviewAccess(request, reviewId, options);
  authorize(access, permission, request);
  return access;
}

/** Who opens a page the administrator may open without being a member: `role` is null for such an administrator. */
export type ReviewOrAdminAccess = Omit<ReviewAccess, "role"> & { role: Role | null };

/**
 * The guard of an "admin or <permission>" route (a review's settings): the instance administrator
 * passes, member or not, on a review that exists (404 otherwise); anyone else as
 * requireReviewPermission would let them.
 */
export async function requireReviewPermissionOrAdmin(request: Request, reviewId: string | undefined, permission: Permission): Promise<ReviewOrAdminAccess> {
  const user = await requireUser(request);
  if (!user.isAdmin) return requireReviewPermission(request, reviewId, permission);
  if (!reviewId) notFound();
  const review = await db.select(REVIEW_ACCESS_COLUMNS).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review) notFound();
  const member = await db
    .select({ role: reviewMembers.role, partnerId: reviewMembers.partnerId })
    .from(reviewMembers)
    .where(and(eq(reviewMembers.reviewId, reviewId), eq(reviewMembers.userId, user.id)))
    .get();
  return { user, role: member?.role ?? null, partnerId: member?.partnerId ?? null, review };
}

export function hasPermission(access: ReviewAccess, permission: Permission) {
  if (archivedRefuses(access, permission)) return false;
  return decide(access.role, permission, access.review.phase) === "allowed";
}
