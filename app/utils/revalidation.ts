import type { ShouldRevalidateFunctionArgs } from "@remix-run/react";
import { isSaveFailure } from "./save-failures";

/**
 * For layouts whose data does not depend on the query string (the signed-in user, the review's
 * phase and the reader's role): a GET navigation that only changes the query string of the same
 * page — a table's filter, sort or page — does not reload them. A submission, another page, or a
 * change of `?lang=` does.
 */
export function skipWhenOnlyTheQueryChanges({ currentUrl, nextUrl, formMethod, actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  // A save that did not reach the server changed nothing, and reloading would fail the same way.
  if (isSaveFailure(actionResult)) return false;
  if (formMethod && formMethod.toUpperCase() !== "GET") return defaultShouldRevalidate;
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  if (currentUrl.searchParams.get("lang") !== nextUrl.searchParams.get("lang")) return defaultShouldRevalidate;
  return false;
}
