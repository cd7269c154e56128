import { localize, type Locale } from "./locales";
import type { Framework, RatingId } from "./schema";

/*
 * The framework-terms API: how pages, exports and reports name a framework's parts and rate on
 * its scale, so an ECCAR review says "commitment 3" and "in progress" where a EUROCITIES review
 * says "key factor 3" and "partly in place".
 *
 * Two ways, used together:
 * - the nouns themselves come from the framework data (`parts` in each framework file), for
 *   headings and labels: terms.Item + " " + number;
 * - UI sentences stay whole sentences in the locale files (French elision and gender rule out
 *   gluing nouns into them): the EUROCITIES wording is the plain key, and a framework whose
 *   item part is not "key-factor" adds a variant with its part id as i18next context, e.g.
 *   `tableCaption_commitment`. Spreading the terms into t() passes that context:
 *     t("selfAssessment:overview.tableCaption", { ...terms, count })
 *   test/app/framework-terms.test.ts fails when a sentence naming key factors has no
 *   commitment variant.
 *
 * Loaders put `frameworkTerms(framework, locale)` in their data (a plain, serialisable object)
 * and components spread it into t() (useFrameworkTranslation; table headers and page titles
 * do it for every page under a review); reports get it from their model. Two sweeps hold the
 * demo's ECCAR review to its words: test/routes/framework-wording.test.ts (every loader and
 * download, each reader, both languages) and test/e2e/framework-wording.test.ts (every page's
 * text in the browser).
 */
export type FrameworkTerms = {
  /** i18next context: the framework's item part id ("key-factor", "commitment"). */
  context: string;
  /** "key factor" / "commitment", lower case, and capitalised (Item) for the start of a label. */
  item: string;
  items: string;
  Item: string;
  Items: string;
  /** "guiding question" / "example action". */
  question: string;
  questions: string;
  Question: string;
  Questions: string;
  /** Whether the framework has contextual factors and city examples. */
  hasContextualFactors: boolean;
  hasExamples: boolean;
};

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function frameworkTerms(framework: Pick<Framework, "parts">, locale: Locale): FrameworkTerms {
  const { item, question } = framework.parts;
  const l = (text: { fr: string; en: string }) => localize(text, locale);
  return {
    context: item.id,
    item: l(item.one),
    items: l(item.other),
    Item: capitalise(l(item.one)),
    Items: capitalise(l(item.other)),
    question: l(question.one),
    questions: l(question.other),
    Question: capitalise(l(question.one)),
    Questions: capitalise(l(question.other)),
    hasContextualFactors: framework.parts.contextualFactors,
    hasExamples: framework.parts.examples,
  };
}

/** "Key factor 3" / "Engagement 3": an item's label with its number. */
export function itemLabel(terms: Pick<FrameworkTerms, "Item">, number: number): string {
  return `${terms.Item} ${number}`;
}

export type LocalizedRating = { id: RatingId; label: string; description: string };

/** The framework's rating scale in one language, in its order: what every rating picker,
 * chart and report legend offers. */
export function localizedRatingScale(framework: Pick<Framework, "ratingScale">, locale: Locale): LocalizedRating[] {
  return framework.ratingScale.map((rating) => ({ id: rating.id, label: localize(rating.label, locale), description: localize(rating.description, locale) }));
}

/** Whether a stored or submitted rating belongs to the framework's scale. */
export function isRatingOnScale(framework: Pick<Framework, "ratingScale">, rating: string): rating is RatingId {
  return framework.ratingScale.some((entry) => entry.id === rating);
}

/**
 * A t() that also passes the framework terms to every call (calls' own options win): for
 * server code that translates on behalf of a review (CSV exports, reports). Pages use
 * useFrameworkTranslation (app/utils/use-framework-terms.ts), which does the same in React.
 */
export function withTerms<T extends (key: never, options?: never) => unknown>(t: T, terms: FrameworkTerms): T {
  const merged = (key: string, options?: Record<string, unknown>) =>
    (t as unknown as (key: string, options?: Record<string, unknown>) => unknown)(key, { ...terms, ...options });
  return merged as unknown as T;
}
