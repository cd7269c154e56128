import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { helmet } from "@nichtsam/helmet";
import type { ContentSecureOptions } from "@nichtsam/helmet/content";

/**
 * The security headers of every response, in one place (docs/decisions/0014-security-headers-and-cross-site-posts.md).
 *
 * - HTML documents get a Content-Security-Policy whose only inline scripts are Remix's, carrying
 *   this response's nonce, and may not be framed by anyone (`frame-ancestors 'none'`).
 * - Every response (data, CSV, PDF, files, /healthz, static files, redirects) gets
 *   `X-Frame-Options: DENY`, `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin`.
 * - A response to a signed-in browser is never stored by a cache (`Cache-Control: private, no-store`).
 *
 * `Referrer-Policy` is "same-origin" rather than "no-referrer": with no-referrer, browsers send
 * `Origin: null` on the app's own form posts, which the cross-site check must refuse.
 */
export function applySecurityHeaders(headers: Headers, { request, nonce }: { request?: Request; nonce?: string } = {}) {
  helmet(headers, {
    general: {
      referrerPolicy: ["same-origin"],
      // HSTS belongs to whoever terminates TLS in front of the app, for the whole domain.
      strictTransportSecurity: false,
    },
    content: nonce
      ? {
          contentSecurityPolicy: { useDefaults: false, directives: documentPolicy(nonce) },
          // Uploaded documents and reports open in their own tab; nothing here needs isolation
          // that would stop them.
          crossOriginEmbedderPolicy: false,
          xFrameOptions: "DENY",
        }
      : false,
  });
  if (!nonce) headers.set("X-Frame-Options", "DENY");
  if (request && isSignedIn(request)) headers.set("Cache-Control", "private, no-store");
}

type Directives = NonNullable<Exclude<ContentSecureOptions["contentSecurityPolicy"], boolean | undefined>["directives"]>;

function documentPolicy(nonce: string): Directives {
  const development = process.env.NODE_ENV === "development";
  return {
    fetch: {
      "default-src": ["'self'"],
      // Remix's inline scripts carry the nonce; its modules load from this origin.
      "script-src": ["'self'", `'nonce-${nonce}'`],
      "script-src-attr": "'none'",
      // React sets a few style attributes (widths of bars); no inline style sheet is written.
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      // Vite's dev server pushes hot updates over a WebSocket.
      "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
      "object-src": "'none'",
    },
    document: { "base-uri": ["'self'"] },
    navigation: { "form-action": ["'self'"], "frame-ancestors": "'none'" },
  };
}

function isSignedIn(request: Request) {
  return /(?:^|;\s*)__workbench_session=/.test(request.headers.get("Cookie") ?? "");
}

/**
 * Responses that never reach entry.server.tsx (static files, resource routes, redirects, the
 * route manifest) get the same headers here, at Node's HTTP server, as they are written: a
 * header the response already carries is left as it is.
 */
function fillMissing(request: IncomingMessage, response: ServerResponse) {
  const headers = new Headers();
  const cookie = request.headers.cookie;
  applySecurityHeaders(headers, { request: new Request("http://app.invalid/", { headers: cookie ? { Cookie: cookie } : {} }) });
  for (const [name, value] of headers) {
    if (!response.hasHeader(name)) response.setHeader(name, value);
  }
}

diagnosticsChannel.subscribe("http.server.request.start", (message) => {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    fillMissing(request, this);
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as typeof response.writeHead;
});
