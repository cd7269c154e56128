// Kept apart from index.ts so the browser bundle can know the locales without the framework data.
export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function localize(text: { fr: string; en: string }, locale: Locale): string {
  return text[locale];
}
