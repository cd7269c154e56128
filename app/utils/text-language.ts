import { useRouteLoaderData } from "@remix-run/react";
import type { loader as reviewLayoutLoader } from "#app/routes/reviews.$reviewId";
import type { Locale } from "./i18n";

/**
 * The language of text a member wrote on this review, for its `lang` attribute: its own when it
 * says one (a quote in English on a French review), else the review's (the report's language).
 * A French answer on an English page is then read with French pronunciation (WCAG 3.1.2).
 */
export function useTextLanguage(own?: Locale | null): Locale | undefined {
  const layout = useRouteLoaderData<typeof reviewLayoutLoader>("routes/reviews.$reviewId");
  return own ?? layout?.review.language;
}
