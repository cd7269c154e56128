import { isRouteErrorResponse, type ClientActionFunctionArgs } from "@remix-run/react";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { isFormResult } from "./forms";
import { clearDraft, DRAFT_FIELD, purgeDrafts } from "./drafts";

/*
 * Failures say what happened (docs/decisions/0020-drafts-stay-on-this-computer.md). Every form
 * route exports `clientAction = keepTextOnFailure`: a save that finds no network, no answer, an
 * ended session (401) or a server fault is not turned into an error page. The page stays with
 * its text, the save is remembered here, a notice says why it is not saved yet (components/
 * save-problems.tsx), and it is sent again when the browser is back online or the member has
 * signed in again. A save that reaches the server removes the form's local draft.
 */

/** No network; the network works but the server does not answer; the session ended; the server failed. */
export type SaveFailureKind = "offline" | "unreachable" | "signed-out" | "server";

/** What a failed save answers in place of the action's own result. */
export type SaveFailure = { saveFailure: SaveFailureKind };

export type PendingSave = {
  id: string;
  kind: SaveFailureKind;
  action: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  encType: "application/x-www-form-urlencoded" | "multipart/form-data";
  formData: FormData;
};

export function isSaveFailure(value: unknown): value is SaveFailure {
  return !!value && typeof value === "object" && typeof (value as SaveFailure).saveFailure === "string";
}

let pending: readonly PendingSave[] = [];
let signedOut = false;
const listeners = new Set<() => void>();
const retryHandlers = new Map<string, () => void>();

function publish() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function remember(save: PendingSave) {
  pending = [...pending.filter((other) => other.id !== save.id), save];
  if (save.kind === "signed-out") signedOut = true;
  publish();
}

function settle(id: string) {
  if (!pending.some((save) => save.id === id)) return;
  pending = pending.filter((save) => save.id !== id);
  publish();
}

export function usePendingSaves() {
  return useSyncExternalStore(
    subscribe,
    () => pending,
    () => pending,
  );
}

/** True once a save was refused because the session ended, until the member signs in again. */
export function useSignedOut() {
  return useSyncExternalStore(
    subscribe,
    () => signedOut,
    () => false,
  );
}

export function signedInAgain() {
  signedOut = false;
  pending = pending.map((save) => (save.kind === "signed-out" ? { ...save, kind: "offline" as const } : save));
  publish();
}

/** Forgets every waiting save (signing out: nothing of this member's stays). */
export function forgetPendingSaves() {
  pending = [];
  signedOut = false;
  publish();
}

/** The sign-out form's clientAction: nothing of this member's stays on the browser once they leave. */
export async function clearDeviceThenSignOut({ serverAction }: ClientActionFunctionArgs) {
  purgeDrafts();
  forgetPendingSaves();
  return serverAction();
}

/**
 * A part of the page that sends its own saves (the self-assessment's autosave, through a
 * fetcher) retries them itself; others are sent again as the same form submission.
 */
export function useRetryHandler(id: string | null, retry: () => void) {
  const latest = useRef(retry);
  latest.current = retry;
  useEffect(() => {
    if (!id) return;
    const handler = () => latest.current();
    retryHandlers.set(id, handler);
    return () => {
      if (retryHandlers.get(id) === handler) retryHandlers.delete(id);
    };
  }, [id]);
}

export function retryHandlerFor(id: string) {
  return retryHandlers.get(id);
}

/** Why a save did not reach the server, or null for a refusal the error page explains (403, 404, 409). */
export function failureKind(error: unknown, online = typeof navigator === "undefined" ? true : navigator.onLine): SaveFailureKind | null {
  if (isRouteErrorResponse(error)) {
    if (error.status === 401) return "signed-out";
    return error.status >= 500 ? "server" : null;
  }
  if (!online) return "offline";
  // fetch() rejects with a TypeError when the server never answered (stopped, restarting, cut off).
  if (error instanceof TypeError) return "unreachable";
  if (error instanceof Error) return "server";
  return null;
}

function saveId(request: Request, formData: FormData | null) {
  const draft = formData?.get(DRAFT_FIELD);
  if (typeof draft === "string" && draft) return draft;
  return `${request.method} ${request.url} ${String(formData?.get("intent") ?? "")}`;
}

/** The shared clientAction of every form route: the server's action, with failures kept on the page. */
export async function keepTextOnFailure({ request, serverAction }: ClientActionFunctionArgs) {
  const formData = await request
    .clone()
    .formData()
    .catch(() => null);
  const id = saveId(request, formData);
  const draft = formData?.get(DRAFT_FIELD);
  const saved = () => {
    if (typeof draft === "string" && draft) clearDraft(draft);
    settle(id);
  };
  try {
    const result = await serverAction();
    // A returned FormResult is a refusal (invalid, conflict, phase closed): the draft stays.
    if (!isFormResult(result)) saved();
    else settle(id);
    return result;
  } catch (error) {
    // A redirect is how most actions say "saved".
    if (error instanceof Response && error.status >= 300 && error.status < 400) {
      saved();
      throw error;
    }
    const kind = failureKind(error);
    if (!kind || !formData) throw error;
    const url = new URL(request.url);
    const contentType = request.headers.get("Content-Type") ?? "";
    remember({
      id,
      kind,
      action: url.pathname + url.search,
      method: request.method.toUpperCase() as PendingSave["method"],
      encType: contentType.startsWith("multipart/form-data") ? "multipart/form-data" : "application/x-www-form-urlencoded",
      formData,
    });
    // A 4xx/5xx status keeps the router from reloading the page's data, which would fail the same
    // way. A Response, because Remix's single fetch re-wraps a returned data() and loses its status.
    return new Response(JSON.stringify({ saveFailure: kind } satisfies SaveFailure), {
      status: kind === "signed-out" ? 401 : 503,
      headers: { "Content-Type": "application/json" },
    });
  }
}
