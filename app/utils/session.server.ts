import crypto from "node:crypto";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { sessions, users } from "#db/schema";
import { asyncDb as db } from "./db.server";
import { getEnv } from "./env.server";
import { isLocale, type Locale } from "./i18n";
import { localeCookie } from "./locale.server";
import { logStorageFailure, storageFailureOf } from "./storage-failure.server";
import { whileUnchanged } from "./while-unchanged.server";

/** Sessions end after this much inactivity; each request that finds one pushes the end forward. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** However active, a session ends this long after sign-in (a stolen cookie does not live forever). */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
// Writing the new expiry on every request would make every read a write; once a minute is enough.
const TOUCH_AFTER_MS = 60 * 1000;

const storage = createCookieSessionStorage({
  cookie: {
    name: "__workbench_session",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getEnv().NODE_ENV === "production",
    secrets: [getEnv().SESSION_SECRET],
  },
});

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: "fr" | "en";
  isAdmin: boolean;
};

/**
 * Session ids by the digest of the signed cookie that carries them: checking a cookie's signature
 * gives the same answer every time. Only valid cookies are kept, the oldest out first.
 */
const sessionIds = new Map<string, string>();
const SESSION_COOKIE = /(?:^|;\s*)__workbench_session=([^;]{1,4096})/;

async function sessionIdOf(cookieHeader: string | null): Promise<string | null> {
  const signed = cookieHeader ? SESSION_COOKIE.exec(cookieHeader)?.[1] : undefined;
  if (!signed) return null;
  const digest = crypto.createHash("sha256").update(signed).digest("base64");
  const known = sessionIds.get(digest);
  if (known) return known;
  const value = (await storage.getSession(cookieHeader)).get("sessionId");
  if (typeof value !== "string") return null;
  if (sessionIds.size >= 1000) sessionIds.delete(sessionIds.keys().next().value!);
  sessionIds.set(digest, value);
  return value;
}

/**
 * The signed-in user, or null. The cookie only carries a session id; the row decides. The row is
 * read again whenever the database has changed (a sign-out, a deactivation, anyone's write); each
 * loader of a page asks, and while nothing changed they share one read (docs/decisions/0038).
 */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await sessionIdOf(request.headers.get("Cookie"));
  if (!sessionId) return null;
  const now = Date.now();
  const row = await whileUnchanged(
    `session:${sessionId}`,
    () =>
      db
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          locale: users.locale,
          isAdmin: users.isAdmin,
          expiresAt: sessions.expiresAt,
          createdAt: sessions.createdAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        // Deactivation deletes the account's sessions; this keeps a deactivated account out regardless.
        .where(and(eq(sessions.id, sessionId), isNull(users.deactivatedAt)))
        .get(),
    { small: true },
  );
  if (!row || row.expiresAt.getTime() <= now || row.createdAt.getTime() <= now - SESSION_MAX_AGE_MS) return null;
  if (row.expiresAt.getTime() - now < SESSION_IDLE_MS - TOUCH_AFTER_MS) {
    const end = Math.min(now + SESSION_IDLE_MS, row.createdAt.getTime() + SESSION_MAX_AGE_MS);
    try {
      await db
        .update(sessions)
        .set({ expiresAt: new Date(end) })
        .where(eq(sessions.id, sessionId));
    } catch (error) {
      // A full or read-only disk must not take reading away: the session is extended next time.
      const code = storageFailureOf(error);
      if (!code) throw error;
      logStorageFailure(request, code, error);
    }
  }
  const { expiresAt: _expiresAt, createdAt: _createdAt, ...user } = row;
  return user;
}

/**
 * Signs the user in. Someone who has not chosen a language on this browser yet gets the one
 * of their account from then on (the language switch still changes it).
 */
export async function createUserSession({ request, userId, locale, redirectTo }: { request: Request; userId: string; locale: Locale; redirectTo: string }) {
  const id = crypto.randomBytes(32).toString("base64url");
  const now = Date.now();
  await db.delete(sessions).where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.createdAt, new Date(now - SESSION_MAX_AGE_MS))));
  await db.insert(sessions).values({ id, userId, createdAt: new Date(now), expiresAt: new Date(now + SESSION_IDLE_MS) });
  const cookie = await storage.getSession();
  cookie.set("sessionId", id);
  const headers = new Headers();
  headers.append("Set-Cookie", await storage.commitSession(cookie, { maxAge: SESSION_MAX_AGE_MS / 1000 }));
  if (!isLocale(await localeCookie.parse(request.headers.get("Cookie")))) {
    headers.append("Set-Cookie", await localeCookie.serialize(locale));
  }
  return redirect(redirectTo, { headers });
}

/** The id of this browser's session (kept when the account's other sessions end), or null. */
export async function getSessionId(request: Request): Promise<string | null> {
  const cookie = await storage.getSession(request.headers.get("Cookie"));
  const sessionId = cookie.get("sessionId");
  return typeof sessionId === "string" ? sessionId : null;
}

/** Forgets this browser's session cookie and sends it to the sign-in page (`to` adds a query). */
export async function clearSessionCookie(request: Request, to = "/login") {
  const cookie = await storage.getSession(request.headers.get("Cookie"));
  return redirect(to, { headers: { "Set-Cookie": await storage.destroySession(cookie) } });
}

export async function destroyUserSession(request: Request) {
  const cookie = await storage.getSession(request.headers.get("Cookie"));
  const sessionId = cookie.get("sessionId");
  if (typeof sessionId === "string") await db.delete(sessions).where(eq(sessions.id, sessionId));
  return redirect("/login", { headers: { "Set-Cookie": await storage.destroySession(cookie) } });
}

// Stands for the app's own origin when parsing a redirect target: only the comparison matters.
const APP_ORIGIN = "http://workbench.invalid";

/** True when the value holds a control character (CR, LF, tab, NUL…), which no real path needs. */
export function hasControlCharacter(value: string) {
  return /[\u0000-\u001f\u007f]/.test(value);
}

/**
 * Where to go after sign-in: only a path that the URL parser itself reads as this app's
 * origin, starting with a single "/". Browsers strip tabs and newlines and read "\\" as "/",
 * so "/\t/evil.example" or "/\\evil.example" would leave the site; the parsed form is what is
 * returned, so the browser follows exactly what was checked.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/reviews") {
  if (typeof to !== "string" || !to.startsWith("/") || hasControlCharacter(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, APP_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== APP_ORIGIN || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
