import { isRouteErrorResponse } from "@remix-run/react";
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { SaveFailure } from "#app/utils/save-failures";
import type { OutboxAnswer } from "./outbox-answer";

/*
 * The outbox: new evidence items and interviews kept in this browser's IndexedDB until the server
 * has them (docs/decisions/0022-offline-visit.md). Each item is stored before it is sent, under
 * the id the browser gave it and the id of the member who typed it; it leaves the outbox only when
 * the server answers "saved", or when its author discards it after a refusal. Browser only.
 */

export type OutboxKind = "evidence" | "interview";

export type OutboxItem = {
  clientId: string;
  userId: string;
  reviewId: string;
  kind: OutboxKind;
  /** The form's fields, as sent. */
  fields: [string, string][];
  /** What the status list shows: the quote, or the interview's date and place. */
  summary: string;
  createdAt: number;
  state: "waiting" | "refused";
  /** Why the server refused it (i18n keys), kept with the text until its author discards it. */
  messages?: string[];
};

interface OfflineDB extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { byUser: [string, number] } };
  meta: { key: string; value: string };
}

const DB_NAME = "workbench-offline";
const CHANNEL = "workbench-outbox";
/** The runtime caches the service worker fills (vite.config.ts); emptied on sign-out or another member's sign-in. */
export const PAGE_CACHES = ["workbench-pages", "workbench-page-data"];

let opened: Promise<IDBPDatabase<OfflineDB>> | null = null;
function database() {
  opened ??= openDB<OfflineDB>(DB_NAME, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore("outbox", { keyPath: "clientId" });
      outbox.createIndex("byUser", ["userId", "createdAt"]);
      db.createObjectStore("meta");
    },
  });
  return opened;
}

const listeners = new Set<() => void>();
let channel: BroadcastChannel | null = null;

/** Calls back whenever the outbox changes, in this tab or another. */
export function onOutboxChange(listener: () => void) {
  listeners.add(listener);
  if (!channel && typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => listeners.forEach((call) => call());
  }
  return () => listeners.delete(listener);
}

function changed() {
  listeners.forEach((call) => call());
  channel?.postMessage("changed");
}

let lastCreated = 0;
export async function addToOutbox(item: Omit<OutboxItem, "createdAt" | "state">) {
  // Strictly increasing, so items go out in the order they were typed even within one millisecond.
  lastCreated = Math.max(Date.now(), lastCreated + 1);
  await (await database()).put("outbox", { ...item, createdAt: lastCreated, state: "waiting" });
  changed();
}

/** This member's items, oldest first. */
export async function listOutbox(userId: string): Promise<OutboxItem[]> {
  const db = await database();
  return db.getAllFromIndex("outbox", "byUser", IDBKeyRange.bound([userId, 0], [userId, Infinity]));
}

export async function isInOutbox(clientId: string) {
  return Boolean(await (await database()).get("outbox", clientId).catch(() => undefined));
}

/**
 * A send that got no answer from the server (no network, server down): an Error from fetch, as
 * Remix passes it on. An answer, even a refusal or a redirect, arrives as a Response or an error
 * response instead, and is not this.
 */
export function isUnreachable(error: unknown) {
  if (typeof navigator !== "undefined" && !navigator.onLine) return true;
  return error instanceof Error && !isRouteErrorResponse(error);
}

export async function removeFromOutbox(clientId: string) {
  await (await database()).delete("outbox", clientId);
  changed();
}

async function markRefused(clientId: string, messages: string[]) {
  const db = await database();
  const item = await db.get("outbox", clientId);
  if (item) await db.put("outbox", { ...item, state: "refused", messages });
  changed();
}

/** Every item waiting in this browser, whoever typed it (what signing out would remove). */
export async function countOutbox() {
  return (await database()).count("outbox");
}

/** Empties the outbox of one member, or of everyone; and the cached pages. */
export async function purgeOffline(userId?: string) {
  const db = await database();
  if (userId) {
    for (const item of await listOutbox(userId)) await db.delete("outbox", item.clientId);
  } else {
    await db.clear("outbox");
    await db.delete("meta", "cacheOwner");
  }
  await clearPageCaches();
  changed();
}

export async function clearPageCaches() {
  if (typeof caches === "undefined") return;
  await Promise.all(PAGE_CACHES.map((name) => caches.delete(name)));
}

/**
 * The cached pages hold what the member who opened them may read. When another member signs in
 * on this browser, they are emptied before anything is shown from them.
 */
export async function claimCaches(userId: string) {
  const db = await database();
  const owner = await db.get("meta", "cacheOwner");
  if (owner === userId) return;
  if (owner) await clearPageCaches();
  await db.put("meta", userId, "cacheOwner");
}

/**
 * What a page's clientAction answers when its item stays in the outbox (or could not be kept):
 * the body as JSON with status 503, marked as a save failure, so the router does not reload the
 * page's data, which would fail the same way and show an error page. A Response, not `data()`: single fetch re-wraps a
 * returned `data()` and loses its status (decision 0020).
 */
export function notSentAnswer<Body extends object>(body: Body) {
  // A save failure as save-failures.ts names it: the layouts' shouldRevalidate read it and keep their data.
  const failure: SaveFailure = { saveFailure: typeof navigator === "undefined" || navigator.onLine ? "unreachable" : "offline" };
  return new Response(JSON.stringify({ ...body, ...failure }), { status: 503, headers: { "Content-Type": "application/json" } });
}

// ---- Whether the server answers --------------------------------------------

let unreachable = false;

/**
 * A send found no answer while the browser says it is online: the server is down or cut off,
 * not the network. The status line says so until a send gets an answer. Called by the sync and
 * by the pages' own saves (their clientAction) when the server cannot be reached.
 */
export function noteUnreachable() {
  const now = typeof navigator === "undefined" || navigator.onLine;
  if (unreachable === now) return;
  unreachable = now;
  listeners.forEach((call) => call());
}

function noteReached() {
  if (!unreachable) return;
  unreachable = false;
  listeners.forEach((call) => call());
}

/** True while the last send met no server though the network was up. */
export function serverUnreachable() {
  return unreachable;
}

// ---- Sending ----------------------------------------------------------------

/** Items the page itself is sending right now (the form's own save): the sync leaves them alone. */
export const inFlight = new Set<string>();

export type SyncResult = { sent: number; stopped: null | "offline" | "signed-out" | "server" };

function formOf(item: OutboxItem) {
  const form = new FormData();
  for (const [name, value] of item.fields) form.append(name, value);
  form.set("item", item.kind);
  form.set("clientId", item.clientId);
  return form;
}

async function sendOne(item: OutboxItem): Promise<OutboxAnswer | "offline" | "server"> {
  let response: Response;
  try {
    response = await fetch(`/reviews/${encodeURIComponent(item.reviewId)}/outbox`, {
      method: "POST",
      body: formOf(item),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    noteUnreachable();
    return "offline";
  }
  noteReached();
  if (!(response.headers.get("Content-Type") ?? "").includes("json")) return "server";
  try {
    return (await response.json()) as OutboxAnswer;
  } catch {
    return "server";
  }
}

/**
 * Sends this member's waiting items, oldest first, one at a time; stops at the first that cannot
 * be sent (no network, server down, session ended) and leaves it and the rest for the next try.
 * One tab sends at a time (a Web Lock), so two open tabs do not race.
 */
export async function syncOutbox(userId: string): Promise<SyncResult> {
  const run = async (): Promise<SyncResult> => {
    let sent = 0;
    for (const item of await listOutbox(userId)) {
      if (item.state !== "waiting" || inFlight.has(item.clientId)) continue;
      const answer = await sendOne(item);
      if (answer === "offline" || answer === "server") return { sent, stopped: answer };
      if (answer.status === "signed-out") return { sent, stopped: "signed-out" };
      if (answer.status === "saved") {
        await removeFromOutbox(item.clientId);
        sent += 1;
      } else await markRefused(item.clientId, answer.messages);
    }
    return { sent, stopped: null };
  };
  if (typeof navigator !== "undefined" && navigator.locks) return navigator.locks.request("workbench-outbox-sync", run);
  return run();
}
