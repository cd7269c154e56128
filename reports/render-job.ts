import { buildAnnualReport } from "./annual-report";
import type { AnnualReportSnapshot } from "./annual-report-snapshot";
import { buildFeedbackReportDocx } from "./docx/feedback-report-docx";
import { buildSheet, type SheetSpec } from "./exports/xlsx";
import { buildFeedbackReport } from "./feedback-report";
import type { ReportLocale } from "./i18n";
import { buildQdpx, type QdaSnapshot } from "./qdpx/project";
import { renderPdf } from "./render";
import type { ReviewSnapshot } from "./snapshot";

export type RenderJob = { snapshot: ReviewSnapshot; locale: ReportLocale; issuedAt: string | null };

/** A city's annual report on its plan of action (ECCAR), for one year: a PDF too. */
export type AnnualReportJob = { kind: "annual"; snapshot: AnnualReportSnapshot; locale: ReportLocale };

/** Any file the render pool builds: the report PDF (the default) or an export. */
export type ExportJob =
  | ({ kind?: "pdf" } & RenderJob)
  | ({ kind: "docx" } & RenderJob)
  | { kind: "xlsx"; sheet: SheetSpec }
  | { kind: "qdpx"; snapshot: QdaSnapshot; locale: ReportLocale };

/**
 * One file, from plain data to bytes: what a worker of the render pool runs
 * (reports/render-worker.mjs). The snapshot is plain data, so it crosses threads as it is;
 * a document definition holds functions (headers, footers), so it is built here, not sent.
 */
export async function renderReportJob(job: ExportJob | AnnualReportJob) {
  if (job.kind === "xlsx") return { bytes: await buildSheet(job.sheet), pages: 0 };
  if (job.kind === "qdpx") return { bytes: await buildQdpx(job.snapshot, job.locale), pages: 0 };
  if (job.kind === "docx") return { bytes: await buildFeedbackReportDocx(job.snapshot, { locale: job.locale, issuedAt: job.issuedAt }), pages: 0 };
  const definition =
    job.kind === "annual"
      ? buildAnnualReport(job.snapshot, { locale: job.locale })
      : buildFeedbackReport(job.snapshot, { locale: job.locale, issuedAt: job.issuedAt });
  const { buffer, pages } = await renderPdf(definition);
  return { pdf: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pages };
}
