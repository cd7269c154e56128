import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const TITLES: Record<number, string> = {
  400: "errors.badRequest",
  401: "errors.unauthorized",
  403: "errors.forbidden",
  404: "errors.notFound",
  409: "errors.conflict",
};

/**
 * The one error boundary: expected failures arrive as thrown responses (404, 403, 409…)
 * and are explained in the reader's language; anything else is a plain apology.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail =
    isRouteErrorResponse(error) && error.data && typeof error.data === "object" && "message" in error.data
      ? String((error.data as { message: unknown }).message)
      : null;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(TITLES[status] ?? "errors.title")}</h1>
      <p className="muted">{t("errors.status", { status })}</p>
      {detail && status !== 404 ? <p>{detail}</p> : null}
      <p>
        <Link to="/reviews">{t("errors.goHome")}</Link>
      </p>
    </section>
  );
}
