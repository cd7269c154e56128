import { describe, expect, it } from "vitest";
import { PARTICIPANT_CATEGORIES } from "#db/enums";
import { NAMES_AN_ORGANISATION, organisationsMet } from "#reports/snapshot";

describe("organisationsMet", () => {
  it("lists organisations, never where a resident or private individual lives or who they are", () => {
    const met = organisationsMet([
      { organisation: "Quartier Jean-Jaurès", category: "resident" },
      { organisation: "Rue des Tilleuls, famille B.", category: "other" },
      { organisation: " Centre social ", category: "service-provider" },
      { organisation: "Centre social", category: "service-provider" },
      { organisation: "Ville de Castelbrune", category: "city-official" },
      { organisation: "", category: "ngo" },
    ]);
    expect(met).toEqual(["Centre social", "Ville de Castelbrune"]);
  });

  it("decides for every participant category, and only people are left out", () => {
    expect(Object.keys(NAMES_AN_ORGANISATION).sort()).toEqual([...PARTICIPANT_CATEGORIES].sort());
    const people = PARTICIPANT_CATEGORIES.filter((category) => !NAMES_AN_ORGANISATION[category]);
    expect(people).toEqual(["resident", "other"]);
  });
});
