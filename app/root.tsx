import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { GeneralErrorBoundary, SaveFailureNotice } from "#app/components/error-boundary";
import { LeaveGuard } from "#app/components/leave-guard";
import { SaveProblems } from "#app/components/save-problems";
import { SiteMenu } from "#app/components/site-menu";
import { purgeDrafts } from "#app/utils/drafts";
import { claimCaches } from "#app/offline/outbox";
import stylesheet from "#app/styles/app.css?url";
import { getI18n, LOCALES, pageTitle, type Locale } from "#app/utils/i18n";
import { useNonce } from "#app/utils/nonce";
import { resolveLocale } from "#app/utils/locale.server";
import { getSessionUser } from "#app/utils/session.server";
import { countUnreadNotifications } from "#app/models/notification.server";
import { STORE_UNAVAILABLE, storageFailureOf } from "#app/utils/storage-failure.server";
import { skipWhenOnlyTheQueryChanges } from "#app/utils/revalidation";
import type { RenderFromData } from "#app/utils/render-cache.server";

/**
 * Every page asks the database who is signed in first. If the database cannot be reached (a
 * PostgreSQL server restarting or failing over), the answer is a 503 page saying so, not an
 * apology for an unknown error; the next request after it returns works again by itself.
 */
async function readerOf(request: Request, locale: Locale) {
  try {
    const user = await getSessionUser(request);
    return { user, unread: user ? await countUnreadNotifications({ userId: user.id }) : 0 };
  } catch (error) {
    const code = storageFailureOf(error);
    if (!code) throw error;
    console.error(`database unavailable: ${code} on ${request.method} ${new URL(request.url).pathname}`);
    // The page that says so is in the reader's language: the root's data is missing, so it travels with the error.
    throw data({ message: STORE_UNAVAILABLE, locale }, { status: 503, headers: { "Retry-After": "10" } });
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, setCookie } = await resolveLocale(request);
  const { user, unread } = await readerOf(request, locale);
  return data(
    { locale, user: user ? { id: user.id, name: user.name, isAdmin: user.isAdmin, unread } : null },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  // The .ico for clients that ask for /favicon.ico whatever the page says (and those without SVG icons).
  { rel: "icon", href: "/favicon.ico", sizes: "16x16 32x32 48x48" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The language a root error page is in when the root's data could not be read (the database unavailable page). */
function localeOfError(error: unknown): Locale | undefined {
  if (!isRouteErrorResponse(error) || !error.data || typeof error.data !== "object") return undefined;
  const locale = (error.data as { locale?: unknown }).locale;
  return LOCALES.includes(locale as Locale) ? (locale as Locale) : undefined;
}

function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t("language")} className="language-switch">
      <ul>
        {LOCALES.map((lang) => {
          const params = new URLSearchParams(location.search);
          params.set("lang", lang);
          return (
            <li key={lang}>
              <Link to={`${location.pathname}?${params}`} lang={lang} hrefLang={lang} aria-current={lang === locale ? "true" : undefined} reloadDocument>
                {t(`languages.${lang}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

type HeaderUser = { name: string; isAdmin: boolean; unread: number };

function Header({ locale, user }: { locale: Locale; user: HeaderUser | null }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand">
          {t("appName")}
        </Link>
        <SiteMenu unread={user?.unread ?? 0}>
          <nav aria-label={t("nav.main")} className="site-nav">
            <ul>
              {user ? (
                <li>
                  <Link to="/reviews">{t("nav.reviews")}</Link>
                </li>
              ) : null}
              {user ? (
                <li>
                  <Link to="/notifications" className="notifications-link" data-unread={user.unread}>
                    {user.unread ? t("notifications:headerLink", { count: user.unread }) : t("notifications:headerLinkNone")}
                  </Link>
                </li>
              ) : null}
              {user?.isAdmin ? (
                <li>
                  <Link to="/admin/users">{t("nav.adminUsers")}</Link>
                </li>
              ) : null}

              <li>
                <Link to="/benchmark/eurocities-anti-discrimination">{t("nav.benchmark")}</Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitch locale={locale} />
          {user ? (
            <Form method="post" action="/logout" className="sign-out">
              <Link to="/account" className="muted">
                {t("nav.signedInAs", { name: user.name })}
              </Link>{" "}
              <button type="submit" className="button-link">
                {t("nav.signOut")}
              </button>
            </Form>
          ) : (
            <Link to="/login">{t("nav.signIn")}</Link>
          )}
        </SiteMenu>
      </div>
    </header>
  );
}

/** Every page has a footer linking the accessibility statement (EU Web Accessibility Directive). */
function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <Link to="/accessibility">{t("titles.accessibility")}</Link>
    </footer>
  );
}

export const shouldRevalidate = skipWhenOnlyTheQueryChanges;

/** The header, footer and layout read only the root's data and the address (app/utils/render-cache.server.ts). */
export const handle: RenderFromData = { renderFromData: true };

// The app's name alone, or an error's title where no page matched (a 404 has a title too).
export const meta: MetaFunction = ({ matches }) => pageTitle(matches);

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const error = useRouteError();
  const locale = rootData?.locale ?? localeOfError(error) ?? "en";
  const i18n = getI18n(locale);
  const nonce = useNonce();
  // Marks the page as interactive once React has taken over the server's HTML: browser journeys
  // wait for it before using controls whose changes only the page's script reads.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <Header locale={locale} user={rootData?.user ?? null} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <Footer />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const userId = useRouteLoaderData<typeof loader>("root")?.user?.id;
  // Drafts and kept pages stay private: another member signing in on this browser removes the
  // previous one's on the first page they open, whichever it is.
  useEffect(() => {
    if (!userId) return;
    purgeDrafts(userId);
    claimCaches(userId).catch(() => null);
  }, [userId]);
  return (
    <>
      <SaveFailureNotice />
      <Outlet />
      <LeaveGuard />
      <SaveProblems />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
