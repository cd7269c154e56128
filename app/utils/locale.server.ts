import { createCookie, data } from "@remix-run/node";
import { LOCALES, isLocale, type Locale } from "./i18n";
import { msg } from "./validation";

export const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
});

function fromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale);
}

/**
 * The language of a request: `?lang=` first (remembered in a cookie), then the cookie,
 * then Accept-Language, then English. An unknown `?lang=` is a 400, not a silent fallback.
 */
export async function resolveLocale(request: Request): Promise<{ locale: Locale; setCookie?: string }> {
  const asked = new URL(request.url).searchParams.get("lang");
  if (asked !== null) {
    if (!isLocale(asked)) {
      throw data({ message: msg("errors.unknownLanguage", { asked, allowed: LOCALES.join(", ") }), allowed: LOCALES }, { status: 400 });
    }
    return { locale: asked, setCookie: await localeCookie.serialize(asked) };
  }
  const remembered = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(remembered)) return { locale: remembered };
  return { locale: fromAcceptLanguage(request.headers.get("Accept-Language")) ?? "en" };
}

export async function getLocale(request: Request): Promise<Locale> {
  return (await resolveLocale(request)).locale;
}
