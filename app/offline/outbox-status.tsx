import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "#app/components/field";
import {
  claimCaches,
  clearPageCaches,
  listOutbox,
  onOutboxChange,
  purgeOffline,
  removeFromOutbox,
  serverUnreachable,
  syncOutbox,
  type OutboxItem,
  type SyncResult,
} from "./outbox";

/*
 * What waits on this computer, and sending it: the outbox's status line ("3 items waiting to
 * send", "All saved", "Offline — items are kept on this computer", "The server cannot be reached…"), the waiting items, and the
 * refused ones with their reasons and their text to copy. Mounted by the pages that log (the
 * evidence log, the interviews page); it also registers the service worker that keeps those
 * pages, and the factor reference, readable offline.
 */

const RETRY_MS = 4000;

/** Resolves once a service worker controls this page, so the page's own fetches go through its caches. */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }));
}

/**
 * Pages kept for offline use once the service worker runs: each page's document (a reload, an
 * address typed) and its route data (a link followed inside the app, `<path>.data`), fetched
 * through the worker so they land in its caches. A first visit waits for the worker to take
 * control: a fetch made before that would bypass it and keep nothing.
 */
function warmPages(paths: string[]) {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("/sw.js", { scope: "/" })
    .then(() => controlled())
    .then(() =>
      Promise.all(
        paths.flatMap((path) => [
          warm(path, "text/html", "workbench-pages", { ignoreSearch: true, ignoreVary: true }),
          warm(`${path}.data`, "*/*", "workbench-page-data", { ignoreVary: true }),
        ]),
      ),
    )
    .catch(() => null);
}

/** Once per kept URL: one already in its cache is refreshed by the visits themselves. */
async function warm(url: string, accept: string, cacheName: string, options: CacheQueryOptions) {
  if (await (await caches.open(cacheName)).match(url, options)) return;
  await fetch(url, { credentials: "same-origin", headers: { Accept: accept } }).catch(() => null);
}

export function useOutbox(userId: string, onSaved: () => void) {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [online, setOnline] = useState(true);
  const [stopped, setStopped] = useState<SyncResult["stopped"]>(null);
  const [unreachable, setUnreachable] = useState(false);

  const refresh = useCallback(() => {
    setUnreachable(serverUnreachable());
    listOutbox(userId)
      .then(setItems)
      .catch(() => setItems([]));
  }, [userId]);

  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    const result = await syncOutbox(userId).catch((): SyncResult => ({ sent: 0, stopped: "server" }));
    setStopped(result.stopped);
    // The session ended on the server: the pages kept for it go; the typed items stay, under their author.
    if (result.stopped === "signed-out") await clearPageCaches();
    if (result.sent) onSaved();
  }, [userId, onSaved]);

  useEffect(() => {
    setOnline(navigator.onLine);
    claimCaches(userId)
      .catch(() => null)
      .finally(() => {
        refresh();
        void sync();
      });
    const stop = onOutboxChange(refresh);
    const goOnline = () => {
      setOnline(true);
      void sync();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    return () => {
      stop();
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
    };
  }, [userId, refresh, sync]);

  const waiting = items?.filter((item) => item.state === "waiting").length ?? 0;
  // While items wait and the browser says it is online, try again now and then: the server may be
  // restarting, or the network may be back without the browser noticing.
  useEffect(() => {
    if (!waiting || !online || stopped === "signed-out") return;
    const timer = window.setInterval(() => void sync(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, online, stopped, sync]);

  return { items, online, stopped, unreachable, sync };
}

export function OutboxStatus({ userId, onSaved, warm = [] }: { userId: string; onSaved: () => void; warm?: string[] }) {
  const { t } = useTranslation("evidence");
  const translate = useMessage();
  const { items, online, stopped, unreachable } = useOutbox(userId, onSaved);
  const warmKey = warm.join("\n");
  useEffect(() => {
    if (warmKey) warmPages(warmKey.split("\n"));
  }, [warmKey]);

  if (!items) return <p className="outbox__status" role="status" />;
  const waiting = items.filter((item) => item.state === "waiting");
  const refused = items.filter((item) => item.state === "refused");
  const status = !online
    ? t("offline.statusOffline", { count: waiting.length })
    : stopped === "signed-out" && waiting.length
      ? t("offline.statusSignedOut", { count: waiting.length })
      : waiting.length && unreachable
        ? t("offline.statusUnreachable", { count: waiting.length })
        : waiting.length
          ? t("offline.statusWaiting", { count: waiting.length })
          : t("offline.statusAllSaved");

  return (
    <section className={`outbox no-print${waiting.length || !online ? " outbox--waiting" : ""}`} aria-label={t("offline.title")}>
      <p className="outbox__status" role="status" data-waiting={waiting.length}>
        {status}
        {stopped === "signed-out" && waiting.length ? (
          <>
            {" "}
            <a href={`/login?${new URLSearchParams({ redirectTo: window.location.pathname + window.location.search })}`}>{t("offline.signInAgain")}</a>
          </>
        ) : null}
      </p>
      {waiting.length ? (
        <details className="outbox__waiting">
          <summary>{t("offline.waitingList", { count: waiting.length })}</summary>
          <ol>
            {waiting.map((item) => (
              <li key={item.clientId} className="outbox__item">
                {item.summary}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {refused.map((item) => (
        <div key={item.clientId} className="notice error outbox__refused" role="alert">
          <p>{t("offline.refused")}</p>
          <ul>
            {(item.messages ?? []).map((message) => (
              <li key={message}>{translate(message)}</li>
            ))}
          </ul>
          <label className="visually-hidden" htmlFor={`refused-${item.clientId}`}>
            {t("offline.refusedText")}
          </label>
          <textarea id={`refused-${item.clientId}`} readOnly rows={3} value={item.summary} onFocus={(event) => event.currentTarget.select()} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(item.summary)}>
              {t("offline.copy")}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                if (window.confirm(t("offline.discardConfirm"))) void removeFromOutbox(item.clientId);
              }}
            >
              {t("offline.discard")}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}

/**
 * Signing out empties what this browser keeps for the member: the cached pages and the outbox.
 * Items not sent yet are typed words: the member is asked first, and nothing is lost without a yes.
 */
export async function prepareSignOut(userId: string, confirm: (count: number) => boolean): Promise<boolean> {
  const waiting = (await listOutbox(userId).catch(() => [])).length;
  if (waiting && !confirm(waiting)) return false;
  await purgeOffline(userId).catch(() => null);
  await clearPageCaches().catch(() => null);
  return true;
}
