import { useEffect, useState } from "react";
import { copyCanShow, EVIDENCE_LOG_TABLE, parseEvidenceView, versionAtLeast, type LogCopy } from "#app/models/evidence-log-view";
import { foreignParams } from "#app/utils/table-state";

/**
 * The page's copy of the whole log in the browser (`/reviews/:id/evidence.json`), read once the
 * page runs its script and again whenever the page's data is newer than it (a save, a delete,
 * anyone's write). Until it arrives, or when it cannot be read (offline), the page asks the
 * server for each view as it does without script.
 */
export function useLogCopy(reviewId: string, pageVersion: string, enabled: boolean): LogCopy | null {
  const [copy, setCopy] = useState<LogCopy | null>(null);
  const current = copy && copy.reviewId === reviewId && versionAtLeast(copy.version, pageVersion) ? copy : null;
  const wanted = enabled && !current;
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    fetch(`/reviews/${encodeURIComponent(reviewId)}/evidence.json`, { signal: controller.signal, credentials: "same-origin" })
      .then((response) => (response.ok ? (response.json() as Promise<LogCopy>) : null))
      .then((read) => {
        if (read?.version) setCopy(read);
      })
      // No copy (offline, signed out): the server shows each view, as without script.
      .catch(() => null);
    return () => controller.abort();
  }, [wanted, reviewId, pageVersion]);
  useEffect(() => {
    copyAt = current ? { reviewId, version: current.version } : null;
    return () => {
      copyAt = null;
    };
  }, [current, reviewId]);
  return current;
}

/** Which review's log the page holds a current copy of; read by the route's shouldRevalidate. */
let copyAt: { reviewId: string; version: string } | null = null;

/**
 * Whether the move from one address of the log to the next is a view the copy shows: only the
 * table's own parameters change (not the form's remembered choices, a notice or the interview
 * search), and the new view needs no search. Then the page's data is not read again.
 */
export function copyShowsNext(reviewId: string | undefined, currentUrl: URL, nextUrl: URL) {
  if (!copyAt || copyAt.reviewId !== reviewId) return false;
  if (!copyCanShow(parseEvidenceView(nextUrl.searchParams))) return false;
  const others = (url: URL) =>
    foreignParams(url.searchParams, EVIDENCE_LOG_TABLE)
      .map(([key, value]) => `${key}=${value}`)
      .sort()
      .join("&");
  // A notice (saved, deleted, restored) is the server's to clear, with the page's data.
  const transient = EVIDENCE_LOG_TABLE.transientKeys.some((key) => currentUrl.searchParams.has(key) || nextUrl.searchParams.has(key));
  return !transient && others(currentUrl) === others(nextUrl);
}
