import { useCallback, useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loader as reviewLayoutLoader } from "#app/routes/reviews.$reviewId";
import { frameworkTerms, type FrameworkTerms } from "#benchmark/terms";
import { isLocale } from "./i18n";

/**
 * The review's framework terms on a page under /reviews/:reviewId (from the review layout's
 * data, in the reader's language): "commitment" on an ECCAR review, "key factor" on a
 * EUROCITIES one. See benchmark/terms.ts.
 */
export function useFrameworkTerms(): FrameworkTerms | null {
  const { i18n } = useTranslation();
  const layout = useRouteLoaderData<typeof reviewLayoutLoader>("routes/reviews.$reviewId");
  const parts = layout?.framework.parts;
  return useMemo(() => (parts ? frameworkTerms({ parts }, isLocale(i18n.language) ? i18n.language : "en") : null), [parts, i18n.language]);
}

/**
 * useTranslation for a review page: every t() call also gets the framework terms, so a
 * sentence with a `_commitment` variant reads that variant on an ECCAR review. Options given
 * to a call win over the terms.
 */
export function useFrameworkTranslation(ns?: string | string[]) {
  const translation = useTranslation(ns);
  const terms = useFrameworkTerms();
  const base = translation.t;
  const t = useCallback(
    (key: string | string[], options?: Record<string, unknown>) => base(key, terms ? { ...terms, ...options } : options),
    [base, terms],
  ) as unknown as typeof base;
  return { ...translation, t, terms };
}
