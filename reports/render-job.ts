import { buildFeedbackReport } from "./feedback-report";
import type { ReportLocale } from "./i18n";
import { renderPdf } from "./render";
import type { ReviewSnapshot } from "./snapshot";

export type RenderJob = { snapshot: ReviewSnapshot; locale: ReportLocale; issuedAt: string | null };

/**
 * One report, from snapshot to PDF bytes: what a worker of the render pool runs
 * (reports/render-worker.mjs). The snapshot is plain data, so it crosses threads as it is;
 * a document definition holds functions (headers, footers), so it is built here, not sent.
 */
export async function renderReportJob({ snapshot, locale, issuedAt }: RenderJob) {
  const { buffer, pages } = await renderPdf(buildFeedbackReport(snapshot, { locale, issuedAt }));
  return { pdf: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pages };
}
