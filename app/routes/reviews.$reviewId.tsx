import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { recordsCityActions } from "#app/models/city-action.server";
import { hasPermission, requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import type { Permission } from "#app/utils/permissions";
import { skipWhenOnlyTheQueryChanges } from "#app/utils/revalidation";
import type { RenderFromData } from "#app/utils/render-cache.server";

// The review's sections, each shown only to roles that may open it in the current phase.
const SECTIONS = [
  { to: "", key: "home", permission: "review:read", end: true },
  { to: "self-assessment", key: "selfAssessment", permission: "self-assessment:read" },
  { to: "documents", key: "documents", permission: "self-assessment:read" },
  { to: "context", key: "context", permission: "context:read" },
  { to: "interviews", key: "interviews", permission: "evidence:read" },
  { to: "evidence", key: "evidence", permission: "evidence:read" },
  { to: "coverage", key: "coverage", permission: "evidence:read" },
  { to: "conclusions", key: "conclusions", permission: "conclusions:read" },
  { to: "summary", key: "summary", permission: "conclusions:read" },
  { to: "plan", key: "plan", permission: "plan:read" },
  { to: "partners", key: "partners", permission: "partners:read" },
  { to: "report", key: "report", permission: "report:read" },
  // Only on a framework whose items the city carries out through actions (ECCAR's plan).
  { to: "eccar-report", key: "annualReport", permission: "annual-report:read", cityActions: true },
  { to: "agenda", key: "agenda", permission: "agenda:read" },
  { to: "team-notes", key: "teamNotes", permission: "team:read" },
  { to: "members", key: "members", permission: "review:read" },
  { to: "audit", key: "audit", permission: "audit:read" },
  // The settings page sits outside this layout (the administrator opens it without being a member).
  { to: "settings", key: "settings", permission: "review:archive" },
] as const satisfies readonly { to: string; key: string; permission: Permission; end?: boolean; cityActions?: boolean }[];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId"));
  const { review, role } = access;
  const framework = requireFramework(review.frameworkId);
  return {
    // What the framework calls its parts, for useFrameworkTranslation on every page below.
    framework: { id: framework.id, parts: framework.parts },
    review: {
      id: review.id,
      hostCity: review.hostCity,
      country: review.country,
      phase: review.phase,
      kind: review.kind,
      timeZone: review.timeZone,
      language: review.reportLocale,
    },
    role,
    // The search box reads the whole review: not offered to whoever may not (a plan partner).
    canSearch: hasPermission(access, "review:read"),
    // A framework without contextual factors has no context page; one without city actions no actions page.
    sections: SECTIONS.filter(
      (section) =>
        hasPermission(access, section.permission) &&
        (!("cityActions" in section) || recordsCityActions(framework)) &&
        (section.key !== "context" || framework.parts.contextualFactors),
    ).map(({ to, key }) => ({
      to,
      key,
      end: to === "",
    })),
  };
}

export const shouldRevalidate = skipWhenOnlyTheQueryChanges;

/** The heading and tabs read only the layout's data and the address (app/utils/render-cache.server.ts). */
export const handle: RenderFromData = { renderFromData: true };

export default function ReviewLayout() {
  const { review, role, sections, canSearch } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reviews");
  // On a phone the tabs are one row that scrolls sideways: the current one is brought into view.
  const tabs = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const strip = tabs.current;
    const current = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !current || strip.scrollWidth <= strip.clientWidth) return;
    strip.scrollLeft = current.offsetLeft - strip.offsetLeft - (strip.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <>
      <div className="review-heading">
        <p className="muted review-kicker">
          {t(`common:kinds.${review.kind}`)} · {t(`common:phases.${review.phase}`)} · {t(`common:roles.${role}`)}
        </p>
        <p className="review-title">
          <strong>
            {review.hostCity} ({review.country})
          </strong>
        </p>
        {canSearch ? (
          <>
            <Link to={`/reviews/${review.id}/search`} className="review-search-link no-print">
              {t("search.submit")}
            </Link>
            {/* The search box: finds text in what this reader may read of the review (reviews.$reviewId.search). */}
            <Form method="get" action={`/reviews/${review.id}/search`} role="search" className="review-search no-print">
              <label htmlFor="review-search-q" className="visually-hidden">
                {t("search.box")}
              </label>
              <input id="review-search-q" type="search" name="q" placeholder={t("search.box")} maxLength={200} />
              <button type="submit" className="secondary">
                {t("search.submit")}
              </button>
            </Form>
          </>
        ) : null}
      </div>
      <nav className="tabs" aria-label={t("sections.label")} ref={tabs}>
        <ul>
          {sections.map((section) => (
            <li key={section.key}>
              <NavLink to={`/reviews/${review.id}${section.to ? `/${section.to}` : ""}`} end={section.end} prefetch="intent">
                {t(`sections.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
