import { and, asc, eq, inArray } from "drizzle-orm";
import { requireFramework, type Framework } from "#benchmark/index";
import { cityActions, cityActionYears, reviews } from "#db/schema";
import { ranInYear, type AnnualReportAction, type AnnualReportSnapshot } from "#reports/annual-report-snapshot";
import type { ReportLocale } from "#reports/i18n";
import { renderReportOffThread } from "#reports/render-pool";
import { nextBackgroundTurn } from "#app/utils/background.server";
import { isoDay } from "#app/utils/dates";
import { asyncDb as db, read } from "#app/utils/db.server";
import { CITY_ACTION_FIELDS, recordsCityActions } from "./city-action.server";
import { sha256, type ReportFile } from "./report.server";

/*
 * A city's annual report on its plan of action (ECCAR: the report each member city sends every
 * year), for one year: read once into a snapshot, built by the pure builders of
 * reports/annual-report.ts, rendered off the request thread like the feedback report.
 */

/**
 * The years a report may be asked for: from the year the plan was adopted (no city acted on it
 * before) to next year (a plan for the coming year), next year read in the review's time zone.
 */
export function reportYears(framework: Pick<Framework, "year">, { now, timeZone }: { now: Date; timeZone: string }) {
  return { from: framework.year, to: Number(isoDay(now, timeZone).slice(0, 4)) + 1 };
}

/** The year a query asks for, if it is one of the allowed years. */
export function parseReportYear(value: string | null, years: { from: number; to: number }): number | null {
  if (value === null || !/^\d{4}$/.test(value.trim())) return null;
  const year = Number(value.trim());
  return year >= years.from && year <= years.to ? year : null;
}

/** Reads what the year's report shows; null when the review does not exist or has no plan of action. */
export async function getAnnualReportSnapshot({ reviewId, year }: { reviewId: string; year: number }): Promise<AnnualReportSnapshot | null> {
  return read(db, async (tx) => {
    const review = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).get();
    if (!review || !recordsCityActions(requireFramework(review.frameworkId))) return null;
    const rows = await tx
      .select(CITY_ACTION_FIELDS)
      .from(cityActions)
      .where(eq(cityActions.reviewId, reviewId))
      .orderBy(asc(cityActions.factorId), asc(cityActions.position), asc(cityActions.id))
      .all();
    const records = rows.length
      ? await tx
          .select({ actionId: cityActionYears.actionId, status: cityActionYears.status, results: cityActionYears.results })
          .from(cityActionYears)
          .where(
            and(
              eq(cityActionYears.year, year),
              inArray(
                cityActionYears.actionId,
                rows.map((row) => row.id),
              ),
            ),
          )
          .all()
      : [];
    const actions: AnnualReportAction[] = rows
      .map((row) => {
        const record = records.find((candidate) => candidate.actionId === row.id);
        return { ...row, yearRecord: record ? { status: record.status, results: record.results } : null };
      })
      .filter((action) => action.yearRecord !== null || ranInYear(action, year));
    return {
      review: {
        id: review.id,
        hostCity: review.hostCity,
        country: review.country,
        reportLocale: review.reportLocale,
        coordinatingEntity: review.coordinatingEntity,
      },
      framework: { id: review.frameworkId, version: review.frameworkVersion },
      year,
      actions,
    };
  });
}

/** "belleforge-eccar-report-2026-fr.pdf": ASCII, safe in a header. */
export function annualReportFileName({ hostCity, year, locale }: { hostCity: string; year: number; locale: ReportLocale }) {
  const city = hostCity
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${city || "city"}-eccar-report-${year}-${locale}.pdf`;
}

/** Builds the year's report as a PDF in the render pool; null when there is no such report to build. */
export async function renderAnnualReportPdf({ reviewId, year, locale }: { reviewId: string; year: number; locale: ReportLocale }): Promise<ReportFile | null> {
  await nextBackgroundTurn();
  const snapshot = await getAnnualReportSnapshot({ reviewId, year });
  if (!snapshot) return null;
  const { buffer, pages } = await renderReportOffThread({ kind: "annual", snapshot, locale });
  return { buffer, pages, sha256: sha256(buffer), fileName: annualReportFileName({ hostCity: snapshot.review.hostCity, year, locale }), issued: false };
}
