import crypto from "node:crypto";
import type { EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "#app/utils/nonce";
import { DropNulBytes } from "#app/utils/nul-free.server";
import { keepPage, keptPage, NONCE_STAND_IN, renderKey } from "#app/utils/render-cache.server";
import { applySecurityHeaders } from "#app/utils/security-headers.server";
// Loaded here so its listener is in place before the first request (see the module).
import "#app/utils/client-address.server";

/*
 * Remix's default Node entry, plus the security headers: each document gets a fresh nonce that
 * its Content-Security-Policy names and Remix's inline scripts carry.
 */

const ABORT_DELAY = 5_000;

export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const nonce = crypto.randomBytes(16).toString("base64");
  applySecurityHeaders(responseHeaders, { request, nonce });
  const key = await renderKey(request, responseStatusCode, remixContext);
  if (key) return renderOnce(key, nonce, responseHeaders, remixContext, request.url);
  // Crawlers and the SPA build get the whole page at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      // Not a plain PassThrough: React 18.3 leaks NUL bytes into the stream (see the module).
      const body = new DropNulBytes();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady: waitForAll ? ready : undefined,
        onShellReady: waitForAll ? undefined : ready,
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors in the shell reject and are logged by Remix; later ones only here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * A page whose render depends only on its data (app/utils/render-cache.server.ts): the kept HTML
 * when the same data was rendered before, else rendered whole, kept, and sent in one piece.
 */
async function renderOnce(key: string, nonce: string, responseHeaders: Headers, remixContext: EntryContext, url: string) {
  responseHeaders.set("Content-Type", "text/html");
  const kept = keptPage(key, nonce);
  if (kept) return new Response(kept, { headers: responseHeaders, status: 200 });
  const { html, failed } = await new Promise<{ html: Buffer; failed: boolean }>((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={NONCE_STAND_IN}>
        <RemixServer context={remixContext} url={url} abortDelay={ABORT_DELAY} nonce={NONCE_STAND_IN} />
      </NonceProvider>,
      {
        nonce: NONCE_STAND_IN,
        onAllReady() {
          const body = new DropNulBytes();
          const chunks: Buffer[] = [];
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("end", () => {
            clearTimeout(timer);
            resolve({ html: Buffer.concat(chunks), failed });
          });
          body.on("error", reject);
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          // As in the streamed render: the page is sent with what rendered, and the error logged.
          failed = true;
          console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
  // A page that failed part-way is sent (status 500) but not kept.
  return new Response(keepPage(key, html, nonce, { keep: !failed }), { headers: responseHeaders, status: failed ? 500 : 200 });
}

/**
 * Loader and action data (the .data requests of client navigations) get the same headers. An
 * action's answer (a save's `{ ok, id }`) is a few dozen bytes sent as a stream of unknown length,
 * which the server's compression would otherwise gzip: setting up the compressor cost a save more
 * than all its queries (docs/decisions/0035). `no-transform` tells it, and any proxy, to leave it as it is.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  applySecurityHeaders(response.headers, { request });
  if (request.method !== "GET" && request.method !== "HEAD") {
    const cacheControl = response.headers.get("Cache-Control");
    response.headers.set("Cache-Control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return response;
};
