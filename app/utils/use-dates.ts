import { useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loader as reviewLayoutLoader } from "#app/routes/reviews.$reviewId";
import { datesFor, DEFAULT_TIME_ZONE, type Dates } from "./dates";

/**
 * Date formatting for a page under /reviews/:reviewId: the reader's language and the review's time
 * zone (from the review layout's data), the same on the server and in the browser.
 */
export function useDates(): Dates {
  const { i18n } = useTranslation();
  const layout = useRouteLoaderData<typeof reviewLayoutLoader>("routes/reviews.$reviewId");
  const timeZone = layout?.review.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(() => datesFor({ locale: i18n.language, timeZone }), [i18n.language, timeZone]);
}
