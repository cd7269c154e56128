import type { LoaderFunctionArgs } from "@remix-run/node";
import { describeAttribution } from "#app/models/attribution";
import { listLogCopy } from "#app/models/evidence-log.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { getI18n } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { evidenceEditor, loaderPermission } from "#app/utils/permissions";

/**
 * The whole evidence log as the log page shows it (excerpts, attributions in the reader's
 * language, who may edit each row), for the page's copy in the browser: with it, a filter, a
 * sort, a grouping or a page of the log is worked out there, without asking the server again
 * (app/models/evidence-log-view.ts). The same right as reading the page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.evidence[.json]"), { resource: true });
  const { t } = getI18n(await getLocale(request));
  const copy = await listLogCopy({ reviewId: access.review.id, actor: evidenceEditor(access), describe: (row) => describeAttribution(t, row) });
  return new Response(JSON.stringify(copy), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
