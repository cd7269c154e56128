import { useFetchers, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { copyCanShow, EVIDENCE_LOG_TABLE, parseEvidenceView, versionAtLeast, type LogCopy } from "#app/models/evidence-log-view";
import { foreignParams, parseTableState, tableStateToSearchParams, type TableConfig, type TableState } from "#app/utils/table-state";

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

/** Runs `task` once the browser is idle (after the frame that shows a view), or soon where it cannot tell. */
function whenIdle(task: () => void) {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(task, { timeout: 200 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 50);
  return () => window.clearTimeout(id);
}

/**
 * The log's view (search, filters, sort, grouping, page) in the page's address, as
 * useUrlTableState keeps it, but a view the copy of the whole log shows does not wait for the
 * router: the address is written at once (`history.pushState`, or `replaceState` for a search
 * being typed), the table shows the view in the same frame, and the router is told once the
 * browser is idle (a navigation to the same address, which reads nothing: shouldRevalidate), so
 * its idea of the address is right again for the next save, delete, link or reload. Back and
 * forward are the router's: they drop the view written ahead of it. Any other view navigates.
 * Returns the view, the function that changes it, and the address's query as the page shows it.
 */
export function useLogViewState(config: TableConfig, reviewId: string) {
  const location = useLocation();
  const navigate = useNavigate();
  // The query written ahead of the router, with the key of the history entry it wrote: it holds
  // while that entry is the current one (the router, once told, replaces the entry with its own).
  const [ahead, setAhead] = useState<{ entry: string; search: string } | null>(null);
  const search = ahead && currentEntryKey() === ahead.entry ? ahead.search : location.search;
  const state = useMemo(() => parseTableState(new URLSearchParams(search), config), [search, config]);
  const cancelSync = useRef<(() => void) | null>(null);
  // While a save, a delete or a navigation is under way, the router will read the page's data
  // again for its own idea of the address: a view change then goes through the router too.
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const routerBusy = useRef(false);
  routerBusy.current = navigation.state !== "idle" || fetchers.some((fetcher) => fetcher.state !== "idle");

  useEffect(() => {
    // Back or forward: the router shows that entry; a view not yet told to it is not told any more.
    const dropSync = () => {
      cancelSync.current?.();
      cancelSync.current = null;
    };
    window.addEventListener("popstate", dropSync);
    return () => {
      window.removeEventListener("popstate", dropSync);
      dropSync();
    };
  }, []);

  const setState = useCallback(
    (next: TableState, options: { replace?: boolean } = {}) => {
      const current = new URL(window.location.href);
      const target = new URL(current);
      target.search = tableStateToSearchParams(next, config, current.searchParams).toString();
      const to = `${target.pathname}${target.search}${target.hash}`;
      const replace = options.replace ?? false;
      cancelSync.current?.();
      cancelSync.current = null;
      if (routerBusy.current || !copyShowsNext(reviewId, current, target)) {
        navigate(to, { replace, preventScrollReset: true });
        return;
      }
      // The router's own shape of a history entry, so its back and forward bookkeeping stays right.
      const held = (window.history.state ?? {}) as { idx?: unknown };
      const idx = typeof held.idx === "number" ? held.idx : 0;
      const entry = `view-${Math.random().toString(36).slice(2, 10)}`;
      const record = { usr: null, key: entry, idx: replace ? idx : idx + 1 };
      if (replace) window.history.replaceState(record, "", to);
      else window.history.pushState(record, "", to);
      setAhead({ entry, search: target.search });
      cancelSync.current = whenIdle(() => {
        cancelSync.current = null;
        if (currentEntryKey() === entry) navigate(to, { replace: true, preventScrollReset: true });
      });
    },
    [config, navigate, reviewId],
  );
  return [state, setState, search] as const;
}

function currentEntryKey() {
  if (typeof window === "undefined") return null;
  const held = (window.history.state ?? {}) as { key?: unknown };
  return typeof held.key === "string" ? held.key : null;
}
