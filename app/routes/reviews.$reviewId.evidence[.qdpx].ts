import { createHash } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { foldText } from "#db/search-text";
import { buildExportOffThread } from "#reports/render-pool";
import { auditQdaExport, evidenceQdaSnapshot } from "#app/models/evidence-qda.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { fileResponse } from "#app/utils/download.server";
import { getLocale } from "#app/utils/locale.server";
import { loaderPermission } from "#app/utils/permissions";

/**
 * The whole evidence log in the REFI-QDA exchange format (.qdpx), for qualitative-analysis tools:
 * codes in the reader's language (`?lang=fr|en`). Only the lead expert may take it (the permission
 * matrix), and each download is recorded in the audit log with the file's SHA-256.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.evidence[.qdpx]"), { resource: true });
  const { review } = access;
  const locale = await getLocale(request);
  const snapshot = await evidenceQdaSnapshot(review);
  const bytes = await buildExportOffThread({ kind: "qdpx", snapshot, locale });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await auditQdaExport({ reviewId: review.id, userId: access.user.id, snapshot, sha256 });
  const city =
    foldText(review.hostCity)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "review";
  return fileResponse({ bytes, format: "qdpx", fileName: `evidence-${city}.qdpx`, headers: { "X-Export-SHA256": sha256 } });
}
