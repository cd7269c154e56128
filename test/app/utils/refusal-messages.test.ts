import { describe, expect, it } from "vitest";
import { getI18n } from "#app/utils/i18n";
import { resolveLocale } from "#app/utils/locale.server";
import { asRefusal } from "#app/utils/refusal";
import { splitMessage } from "#app/utils/validation";
import { removeMember } from "#app/models/review-members.server";
import { DEMO_REVIEW_ID, loadDemoReview } from "../../utils";

/** What the error page shows for a refusal's message, in a language (as useMessage does). */
function shown(message: string, locale: "en" | "fr") {
  const { key, params } = splitMessage(message);
  return getI18n(locale).t(key, { ...params, defaultValue: key });
}

async function refusalOf(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal) return refusal;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("refusals read in the reader's language", () => {
  it("an unknown ?lang is a 400 naming the allowed values, in French on a French page", async () => {
    const refusal = await refusalOf(() => resolveLocale(new Request("http://workbench.test/reviews?lang=de")));
    expect(refusal.status).toBe(400);
    expect(shown(refusal.message, "en")).toBe("Unknown language “de”. Use one of: fr, en.");
    expect(shown(refusal.message, "fr")).toBe("Langue inconnue « de ». Choisissez parmi : fr, en.");
  });

  it("removing the last lead expert is refused with a message the French page translates", async () => {
    await loadDemoReview();
    const refusal = await refusalOf(() => removeMember({ reviewId: DEMO_REVIEW_ID, memberId: "demo-lead", userId: "demo-admin" }));
    expect(refusal.status).toBe(409);
    expect(shown(refusal.message, "fr")).toMatch(/^Un examen a besoin d’au moins un expert principal/);
  });
});
