/**
 * Everything a city's annual report on a plan of action (ECCAR's 10-point plan) shows for one
 * year, read from the database once and handed to pure builders. Plain JSON-safe data, so it
 * crosses to the render pool's threads as it is.
 */
export type AnnualReportSnapshot = {
  review: {
    id: string;
    hostCity: string;
    country: string;
    reportLocale: "fr" | "en";
    /** The entity the city named to follow and coordinate the plan; empty when not named yet. */
    coordinatingEntity: string;
  };
  /** Builders look the plan's text up with requireFramework(framework.id). */
  framework: { id: string; version: string };
  year: number;
  /** The actions carried out that year, by commitment then in the team's order. */
  actions: AnnualReportAction[];
};

export type AnnualReportAction = {
  id: string;
  factorId: string;
  title: string;
  description: string;
  responsibleService: string;
  partners: string;
  startYear: number;
  endYear: number | null;
  budget: string;
  indicators: string;
  /** The action's status now, on the framework's scale. */
  status: string;
  /** What the team recorded for the report's year, if it did. */
  yearRecord: { status: string; results: string } | null;
};

/** Whether an action belongs to a year's report: it had started by then and had not ended before. */
export function ranInYear(action: { startYear: number; endYear: number | null }, year: number): boolean {
  return action.startYear <= year && (action.endYear === null || action.endYear >= year);
}
