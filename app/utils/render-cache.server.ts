import crypto from "node:crypto";
import type { EntryContext } from "@remix-run/node";

/*
 * A page's HTML, kept for the next request that brings exactly the same data
 * (docs/decisions/0038-a-page-rendered-once-per-data.md).
 *
 * React's render of a page is a pure function of what the page's loaders returned, the address
 * and the build, for a route that says so (`handle: { renderFromData: true }` on every route
 * the address matches: no clock, no random value, nothing read from the request in its
 * components). Every loader still runs on every request, with its permission checks: only the
 * render is skipped, when the loaders' answer is byte for byte one already rendered. Two readers
 * who may see different things get different data (the root's data names the reader), so
 * different keys.
 *
 * The nonce of each page's scripts is fresh per response: a page is rendered with a stand-in,
 * known only to this process, and each response gets its own nonce in its place.
 */

/** What a route declares in its `handle` when its render reads nothing but its data and the address. */
export type RenderFromData = { renderFromData?: boolean };

/** In place of the nonce while a page is rendered for keeping: random, never sent, so no text a user wrote can hold it. */
export const NONCE_STAND_IN = crypto.randomBytes(16).toString("base64");

const LIMIT_BYTES = 32 * 1024 * 1024;

type Kept = { parts: Buffer[]; bytes: number };
const kept = new Map<string, Kept>();
let keptBytes = 0;

/**
 * The key of a page's render, or null when it is not to be kept: not a plain 200 GET, an error
 * or an action's answer on the page, or a matched route that does not declare its render pure.
 *
 * The key is made of what the page hands the browser to hydrate from (Remix's encoding of every
 * loader's data, which React's render in the browser must reproduce the page from), with the
 * address and the build. Remix encodes it for every page anyway; it is read whole here (a
 * deferred value is waited for) and handed on to the render as it was.
 */
export async function renderKey(request: Request, statusCode: number, context: EntryContext): Promise<string | null> {
  const handler = context.staticHandlerContext;
  if (request.method !== "GET" || statusCode !== 200 || handler.errors || handler.actionData || !context.serverHandoffStream) return null;
  const pure = handler.matches.every((match) => (context.routeModules[match.route.id]?.handle as RenderFromData | undefined)?.renderFromData === true);
  if (!pure || !handler.matches.length) return null;
  const chunks: Uint8Array[] = [];
  const reader = context.serverHandoffStream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  context.serverHandoffStream = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const hash = crypto.createHash("sha256").update(`${context.manifest.version}\n${request.url}\n`);
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest("base64");
}

/** A kept page with `nonce` in place, or null. */
export function keptPage(key: string, nonce: string): Uint8Array<ArrayBuffer> | null {
  const page = kept.get(key);
  if (!page) return null;
  // Most recently used last: the oldest go first when the limit is reached.
  kept.delete(key);
  kept.set(key, page);
  return withNonce(page.parts, nonce);
}

/**
 * Keeps a page rendered with NONCE_STAND_IN (unless told not to), and returns it with `nonce` in
 * place. Only the attribute is replaced, `nonce="…"`: text a user wrote cannot hold a `"` there.
 */
export function keepPage(key: string, html: Buffer, nonce: string, { keep = true }: { keep?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const stand = Buffer.from(nonceAttribute(NONCE_STAND_IN));
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(stand); at !== -1; at = html.indexOf(stand, from)) {
    parts.push(html.subarray(from, at));
    from = at + stand.length;
  }
  parts.push(html.subarray(from));
  const page = { parts, bytes: html.length };
  if (keep && page.bytes <= LIMIT_BYTES / 8) {
    const before = kept.get(key);
    if (before) keptBytes -= before.bytes;
    kept.delete(key);
    kept.set(key, page);
    keptBytes += page.bytes;
    for (const [oldest, value] of kept) {
      if (keptBytes <= LIMIT_BYTES) break;
      kept.delete(oldest);
      keptBytes -= value.bytes;
    }
  }
  return withNonce(parts, nonce);
}

const nonceAttribute = (nonce: string) => `nonce="${nonce}"`;

function withNonce(parts: Buffer[], nonce: string): Uint8Array<ArrayBuffer> {
  const value = Buffer.from(nonceAttribute(nonce));
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index) pieces.push(value);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/** Forgets every kept page (tests). */
export function forgetKeptPages() {
  kept.clear();
  keptBytes = 0;
}
