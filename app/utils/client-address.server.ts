import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { getEnv } from "./env.server";

/**
 * The header in which this process passes on the TCP peer's address. remix-serve turns
 * Express's request into a Fetch Request with the headers only, so the socket is lost on the
 * way (see docs/decisions/0010-client-address-from-the-socket.md). Node announces each
 * request on the "http.server.request.start" channel before Express sees it; the subscriber
 * below writes the socket's address into this header, overwriting whatever a client sent.
 */
export const SOCKET_ADDRESS_HEADER = "x-workbench-socket-address";

diagnosticsChannel.subscribe("http.server.request.start", (message) => {
  const { request } = message as { request: IncomingMessage };
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
});

const compiled = new Map<string, (address: string, hop: number) => boolean>();
function trusts(proxies: readonly string[]) {
  const key = proxies.join(",");
  let trust = compiled.get(key);
  if (!trust) compiled.set(key, (trust = proxyaddr.compile([...proxies])));
  return trust;
}

/**
 * The client's address: the socket's peer, or, when that peer is a proxy named in
 * TRUST_PROXY, the nearest address in X-Forwarded-For that is not one of those proxies.
 * Without TRUST_PROXY, X-Forwarded-For is ignored: anyone can write it.
 */
export function clientAddress(request: Request, { trustProxy = getEnv().TRUST_PROXY }: { trustProxy?: readonly string[] } = {}): string {
  const socket = request.headers.get(SOCKET_ADDRESS_HEADER);
  if (!socket) return "unknown";
  const forwarded = request.headers.get("X-Forwarded-For");
  const address = proxyaddr(
    { socket: { remoteAddress: socket }, headers: forwarded ? { "x-forwarded-for": forwarded } : {} } as unknown as IncomingMessage,
    trusts(trustProxy),
  );
  // The same IPv4 client may arrive as "::ffff:203.0.113.7" on a dual-stack socket.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}
