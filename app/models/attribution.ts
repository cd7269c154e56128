import type { ParticipantCategory } from "#db/enums";
import { getI18n, LOCALES } from "#app/utils/i18n";

/*
 * Who said it, as the report may name them: never a name, only the kind of speaker. A default
 * attribution ("an NGO representative") is stored as the speaker's category code, so that each
 * reader sees it in their own language; only words a reviewer typed themselves are stored as text.
 * Browser-safe: the log form and the pages use `describeAttribution` too.
 */

export type StoredAttribution = {
  /** Words a reviewer typed; empty when the attribution is a category (or there is none). */
  attribution: string;
  attributionCategory: ParticipantCategory | null;
  attributionRole: string | null;
};

export const NO_ATTRIBUTION: StoredAttribution = { attribution: "", attributionCategory: null, attributionRole: null };

type AttributionKey = `evidence:attributions.${ParticipantCategory}` | "evidence:attributionWithRole";
/** A page's `t`, the report's, or the CSV's: anything that reads the two evidence keys. */
type Translate = (key: AttributionKey, options?: { attribution: string; role: string }) => string;

/** The attribution in the reader's language: "an NGO representative (project lead)". */
export function describeAttribution(t: Translate, stored: Partial<StoredAttribution> & { attribution: string }): string {
  const category = stored.attributionCategory;
  if (!category) return stored.attribution;
  const words = t(`evidence:attributions.${category}`);
  return stored.attributionRole ? t("evidence:attributionWithRole", { attribution: words, role: stored.attributionRole }) : words;
}

/** Every language's words for a category, so the search finds a coded attribution in either. */
export function attributionSearchWords(stored: StoredAttribution): string {
  if (!stored.attributionCategory) return stored.attribution;
  return LOCALES.map((locale) => describeAttribution(getI18n(locale).t, stored)).join("\n");
}

type Speaker = { category: ParticipantCategory; role?: string | null };

/**
 * What to store for the attribution a form sent. Empty, with an interview: the first participant's
 * category. The words of one of the interview's speakers in any language (as the form suggests
 * them): that category, with its role. Anything else is the reviewer's own words, kept as typed.
 */
export function resolveAttribution(typed: string, speakers: readonly Speaker[]): StoredAttribution {
  const words = typed.trim();
  if (!words) {
    const first = speakers[0];
    return first ? { attribution: "", attributionCategory: first.category, attributionRole: null } : NO_ATTRIBUTION;
  }
  for (const locale of LOCALES) {
    const { t } = getI18n(locale);
    for (const speaker of speakers) {
      const plain = { attribution: "", attributionCategory: speaker.category, attributionRole: null };
      if (describeAttribution(t, plain) === words) return plain;
      const role = speaker.role?.trim();
      if (role) {
        const withRole = { ...plain, attributionRole: role };
        if (describeAttribution(t, withRole) === words) return withRole;
      }
    }
  }
  return { attribution: words, attributionCategory: null, attributionRole: null };
}
