import { createReadableStreamFromReadable, data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getDocument, getDocumentFile } from "#app/models/document.server";
import { requireReviewPermission } from "#app/utils/auth.server";
import { loaderPermission } from "#app/utils/permissions";
import { contentDisposition, downloadName, openStoredFile } from "#app/utils/uploads.server";

function missing(): never {
  throw data({ message: "errors.documentHasNoFile" }, { status: 404 });
}

/**
 * A document's uploaded file, for those who may read the self-assessment. Always a download
 * (never shown inline on our origin), with the type found in its content and its original name.
 * A document that is only a link sends the reader on to it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.documents.$documentId.file"), {
    resource: true,
  });
  const documentId = params.documentId ?? "";
  const file = await getDocumentFile({ reviewId: review.id, documentId });
  if (!file) {
    const document = await getDocument({ reviewId: review.id, documentId });
    if (document && !document.deletedAt && document.url) return redirect(document.url);
    missing();
  }
  const stored = await openStoredFile(file.sha256);
  if (!stored) missing();
  const { size } = stored;
  const stream = createReadableStreamFromReadable(stored.stream);
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(downloadName(file.name, file.mime)),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
