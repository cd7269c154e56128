import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

/**
 * Where this process puts the Origin of a state-changing request from another site.
 *
 * Remix checks a POST's Origin against Host before any action runs, and on a mismatch throws a
 * plain Error: the browser gets a 500 and the log a stack trace. Node announces each request
 * on the "http.server.request.start" channel before Express and Remix see it; for such a request
 * the subscriber moves Origin into this header, so Remix lets it through to the action, whose
 * guard (`requireSameOrigin`) refuses it with the app's own 403 page. A client cannot send this
 * header itself: it is always overwritten or removed.
 */
export const CROSS_SITE_ORIGIN_HEADER = "x-workbench-cross-site-origin";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The same comparison Remix makes (server-runtime's throwIfPotentialCSRFAttack). */
function remixWouldRefuse(headers: IncomingMessage["headers"]) {
  const origin = headers.origin;
  if (typeof origin !== "string") return false;
  const forwardedHost = typeof headers["x-forwarded-host"] === "string" ? headers["x-forwarded-host"].split(",")[0]?.trim() : undefined;
  const host = forwardedHost || headers.host;
  if (origin === "null") return !host || origin !== host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

diagnosticsChannel.subscribe("http.server.request.start", (message) => {
  const { request } = message as { request: IncomingMessage };
  delete request.headers[CROSS_SITE_ORIGIN_HEADER];
  if (!MUTATING.has(request.method ?? "") || !remixWouldRefuse(request.headers)) return;
  request.headers[CROSS_SITE_ORIGIN_HEADER] = request.headers.origin;
  delete request.headers.origin;
});
