import { Link, isRouteErrorResponse, useFetchers, useLocation, useMatches, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMessage } from "#app/components/field";

const TITLES: Record<number, string> = {
  400: "errors.badRequest",
  401: "errors.unauthorized",
  403: "errors.forbidden",
  404: "errors.notFound",
  409: "errors.conflict",
  503: "errors.cannotSave",
};

type Refusal = { reason: "role" | "phase"; role: string; phase: string; opensIn: string[] };

function refusalOf(data: unknown): Refusal | null {
  if (!data || typeof data !== "object") return null;
  const value = data as Partial<Refusal>;
  return (value.reason === "role" || value.reason === "phase") && typeof value.role === "string" && Array.isArray(value.opensIn) ? (value as Refusal) : null;
}

/** Why a member was refused, in the reader's language: the role, the phase, and when it opens. */
function RefusalExplanation({ refusal }: { refusal: Refusal }) {
  const { t, i18n } = useTranslation();
  const role = t(`roles.${refusal.role}`);
  const list = new Intl.ListFormat(i18n.language, { type: "conjunction" });
  return (
    <>
      <p>{refusal.reason === "role" ? t("errors.refusedRole", { role }) : t("errors.refusedPhase", { role, phase: t(`phases.${refusal.phase}`) })}</p>
      <p>
        {refusal.opensIn.length ? t("errors.opensIn", { phases: list.format(refusal.opensIn.map((phase) => t(`phases.${phase}`))) }) : t("errors.neverOpens")}
      </p>
    </>
  );
}

/**
 * The one error boundary: expected failures arrive as thrown responses (404, 403, 409…)
 * and are explained in the reader's language; anything else is a plain apology. A refusal
 * from the permission matrix says whose role and which phase; other messages from the server
 * are translated when they are an i18n key (a refusal's message may be either), else shown as sent.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const translate = useMessage();
  const location = useLocation();
  const matches = useMatches();
  // fetch() failing (no network, no answer) is not a server error: say so, and offer to try again.
  if (error instanceof TypeError || (typeof navigator !== "undefined" && !navigator.onLine && !isRouteErrorResponse(error))) {
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{t("drafts:offlinePage.title")}</h1>
        <p>{t("drafts:offlinePage.text")}</p>
        <p>
          <a href={location.pathname + location.search}>{t("drafts:offlinePage.retry")}</a>
        </p>
      </section>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A 404 inside a review may be a review the reader is not a member of (the same answer as an
  // unknown one, on purpose); any other unknown address is simply a page not found.
  const inReview = matches.some((match) => match.id.startsWith("routes/reviews.$reviewId"));
  const storeUnavailable = isRouteErrorResponse(error) && (error.data as { message?: unknown } | null)?.message === "errors.storeUnavailable";
  const title = storeUnavailable ? "errors.storeUnavailableTitle" : status === 404 && !inReview ? "titles.notFound" : (TITLES[status] ?? "errors.title");
  const refusal = isRouteErrorResponse(error) ? refusalOf(error.data) : null;
  const detail =
    isRouteErrorResponse(error) && error.data && typeof error.data === "object" && "message" in error.data
      ? String((error.data as { message: unknown }).message)
      : null;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(refusal?.reason === "phase" ? "errors.closedPhase" : title)}</h1>
      <p className="muted">{t("errors.status", { status })}</p>
      {refusal ? <RefusalExplanation refusal={refusal} /> : detail && status !== 404 ? <p>{translate(detail)}</p> : null}
      <p>
        {status === 401 ? (
          // The session ended: back to this page after signing in again.
          <Link to={`/login?${new URLSearchParams({ redirectTo: location.pathname + location.search })}`}>{t("drafts:signedOutPage.signIn")}</Link>
        ) : (
          <Link to="/reviews">{t("errors.goHome")}</Link>
        )}
      </p>
    </section>
  );
}

/** An action's answer when the disk refused the write (app/utils/storage.server.ts). */
function isCannotSave(value: unknown) {
  return Boolean(value && typeof value === "object" && (value as { cannotSave?: unknown }).cannotSave === true);
}

/**
 * "The server cannot save right now", for a save sent in the background (a fetcher: the evidence
 * quick-log, a rating, a move) whose form shows no message of its own. The form and its text stay
 * as they were; the notice goes once a retry is saved. Forms that post and render the page again
 * show the same message above themselves, from their own result.
 */
export function SaveFailureNotice() {
  const { t } = useTranslation();
  const failed = useFetchers().some((fetcher) => fetcher.state === "idle" && isCannotSave(fetcher.data));
  if (!failed) return null;
  return (
    <p className="form-error save-failure" role="alert">
      {t("errors.cannotSave")}
    </p>
  );
}
