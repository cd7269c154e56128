import { buildSheet, type SheetSpec } from "./exports/xlsx";
import { buildFeedbackReport } from "./feedback-report";
import type { ReportLocale } from "./i18n";
import { renderPdf } from "./render";
import type { ReviewSnapshot } from "./snapshot";

export type RenderJob = { snapshot: ReviewSnapshot; locale: ReportLocale; issuedAt: string | null };

/** Any file the render pool builds: the report PDF (the default) or an export. */
export type ExportJob = ({ kind?: "pdf" } & RenderJob) | { kind: "xlsx"; sheet: SheetSpec };

/**
 * One file, from plain data to bytes: what a worker of the render pool runs
 * (reports/render-worker.mjs). The snapshot is plain data, so it crosses threads as it is;
 * a document definition holds functions (headers, footers), so it is built here, not sent.
 */
export async function renderReportJob(job: ExportJob) {
  if (job.kind === "xlsx") return { bytes: await buildSheet(job.sheet), pages: 0 };
  const { snapshot, locale, issuedAt } = job;
  const { buffer, pages } = await renderPdf(buildFeedbackReport(snapshot, { locale, issuedAt }));
  return { pdf: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pages };
}
