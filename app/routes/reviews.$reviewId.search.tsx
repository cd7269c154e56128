import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { HITS_PER_KIND, MIN_QUERY, SEARCH_KINDS } from "#app/models/review-search";
import { searchReview } from "#app/models/review-search.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { loaderPermission } from "#app/utils/permissions";
import { useTextLanguage } from "#app/utils/text-language";

/** Every member may search; what each finds is only what their role may read (app/models/review-search.server.ts). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.search"));
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const result = await searchReview({ access, query: q, locale: await getLocale(request) });
  return { q, ...result, tooShort: q.trim().length > 0 && result.query.length < MIN_QUERY };
}

export default function Search() {
  const { q, hits, counts, tooShort } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("reviews");
  const textLang = useTextLanguage();
  const searched = q.trim().length >= MIN_QUERY;
  return (
    <>
      <h1>{t("search.title")}</h1>
      <Form method="get" role="search" className="review-search-page">
        <div className="field">
          <label htmlFor="search-q">{t("search.label")}</label>
          <p className="hint" id="search-q-hint">
            {t("search.hint")}
          </p>
          <input id="search-q" type="search" name="q" defaultValue={q} aria-describedby="search-q-hint" minLength={MIN_QUERY} maxLength={200} />
        </div>
        <button type="submit">{t("search.submit")}</button>
      </Form>
      {tooShort ? <p className="notice warn">{t("search.tooShort", { count: MIN_QUERY })}</p> : null}
      {searched ? (
        <p role="status">
          {hits.length
            ? t("search.found", { count: Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0), query: q })
            : t("search.none", { query: q })}
        </p>
      ) : null}
      {SEARCH_KINDS.map((kind) => {
        const list = hits.filter((hit) => hit.kind === kind);
        if (!list.length) return null;
        const count = counts[kind] ?? list.length;
        return (
          <section key={kind} aria-labelledby={`search-${kind}`} className="search-results">
            <h2 id={`search-${kind}`}>
              {t(`search.kinds.${kind}`)} <span className="muted">({count})</span>
            </h2>
            {count > HITS_PER_KIND ? <p className="muted">{t("search.firstOnly", { count: HITS_PER_KIND })}</p> : null}
            <ul>
              {list.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`}>
                  <Link to={hit.href} lang={kind === "evidence" ? textLang : undefined}>
                    {hit.where || t(`search.kinds.${kind}`)}
                  </Link>
                  <p lang={textLang}>{hit.excerpt}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.search"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
