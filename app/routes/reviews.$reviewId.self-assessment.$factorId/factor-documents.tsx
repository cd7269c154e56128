import { Link, type useLoaderData } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { formatCalendarDate } from "#app/utils/dates";
import type { loader } from "./route";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** A stored YYYY-MM-DD in the reader's language; no time zone can move the day. */
function formatDay(date: string, language: string) {
  return formatCalendarDate(date, { locale: language });
}

/** The documents the host city cited for this factor, with their files and links. */
export function FactorDocuments({ reviewId, factorId, documents, canWrite }: Pick<LoaderData, "reviewId" | "documents" | "canWrite"> & { factorId: string }) {
  const { t, i18n } = useFrameworkTranslation("selfAssessment");
  return (
    <section aria-labelledby="documents-title" className="sa-factor-documents">
      <h2 id="documents-title">{t("factor.documents")}</h2>
      {documents.length ? (
        <ul>
          {documents.map((document) => (
            <li key={document.id}>
              <Link to={`/reviews/${reviewId}/documents#document-${document.id}`}>{document.title}</Link>{" "}
              <span className="muted">
                · {t(`documents.types.${document.type}`)}
                {document.date ? ` · ${formatDay(document.date, i18n.language)}` : ""}
              </span>
              {document.hasFile ? (
                <>
                  {" "}
                  · <a href={`/reviews/${reviewId}/documents/${document.id}/file`}>{t("documents.download", { name: document.fileName })}</a>
                </>
              ) : null}
              {document.url ? (
                <>
                  {" "}
                  ·{" "}
                  <a href={document.url} rel="noreferrer noopener" target="_blank">
                    {t("documents.openLink")}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("factor.noDocuments")}</p>
      )}
      {canWrite ? (
        <p>
          <Link to={`/reviews/${reviewId}/documents?factor=${factorId}#add-document`}>{t("factor.addDocument")}</Link>
        </p>
      ) : null}
    </section>
  );
}
