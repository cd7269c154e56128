import type { ShouldRevalidateFunctionArgs } from "@remix-run/react";

/**
 * For layouts whose data does not depend on the query string (the signed-in user, the review's
 * phase and the reader's role): a GET navigation that only changes the query string of the same
 * page — a table's filter, sort or page — does not reload them. A submission, another page, or a
 * change of `?lang=` does.
 */
export function skipWhenOnlyTheQueryChanges({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formMethod && formMethod.toUpperCase() !== "GET") return defaultShouldRevalidate;
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  if (currentUrl.searchParams.get("lang") !== nextUrl.searchParams.get("lang")) return defaultShouldRevalidate;
  return false;
}
