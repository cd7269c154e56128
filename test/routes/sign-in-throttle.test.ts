import type { AddressInfo } from "node:net";
import http from "node:http";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { action as loginAction } from "#app/routes/login";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "#app/utils/client-address.server";
import { eq } from "drizzle-orm";
import { loginAttempts } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { makeRequest, run, loadDemoReview } from "../utils";

// The app sits behind one reverse proxy, 10.0.0.5, named in TRUST_PROXY.
vi.hoisted(() => {
  process.env.TRUST_PROXY = "10.0.0.5";
});
const PROXY = "10.0.0.5";

beforeEach(loadDemoReview);

/** A sign-in as the app receives it: the socket's peer, and any forwarded header. */
function signIn(email: string, password: string, socket: string, forwardedFor?: string) {
  const headers: Record<string, string> = { [SOCKET_ADDRESS_HEADER]: socket };
  if (forwardedFor) headers["X-Forwarded-For"] = forwardedFor;
  return run(loginAction, makeRequest("/login", { form: { email, password }, headers }));
}

describe("without a proxy, each client is throttled on its own", () => {
  it("six wrong passwords from one client do not stop the right one from another", async () => {
    for (let attempt = 0; attempt < 6; attempt += 1) expect((await signIn("peer@demo.test", "wrong", "198.51.100.1")).status).toBe(400);
    expect((await signIn("peer@demo.test", "workbench-demo", "198.51.100.1")).status).toBe(429);
    const owner = await signIn("peer@demo.test", "workbench-demo", "198.51.100.2");
    expect(owner.status).toBe(302);
  });

  it("counts every one of many wrong passwords sent at once, as several instances would receive them", async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => signIn("lead@demo.test", "wrong", "198.51.100.60")));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(8).fill(400));
    const row = await asyncDb.select().from(loginAttempts).where(eq(loginAttempts.key, "account:lead@demo.test client:198.51.100.60")).get();
    expect(row?.failures).toBe(8);
  });

  it("an attacker on many clients cannot lock the user out of the account", async () => {
    for (let client = 10; client < 20; client += 1) {
      for (let attempt = 0; attempt < 6; attempt += 1) await signIn("host@demo.test", "wrong", `198.51.100.${client}`);
    }
    expect((await signIn("host@demo.test", "workbench-demo", "192.0.2.77")).status).toBe(302);
  });

  it("a client guessing at many accounts is slowed down, and signing in to its own account does not reset that", async () => {
    const client = "203.0.113.99";
    for (let attempt = 0; attempt < 20; attempt += 1) expect((await signIn(`ghost${attempt}@example.org`, "guess", client)).status).toBe(400);
    expect((await signIn("peer2@demo.test", "workbench-demo", client)).status).toBe(302);
    expect((await signIn("ghost99@example.org", "guess", client)).status).toBe(400);
    expect((await signIn("ghost100@example.org", "guess", client)).status).toBe(429);
  });

  it("ignores X-Forwarded-For from a client that is not a named proxy", async () => {
    const client = "198.51.100.200";
    for (let attempt = 0; attempt < 6; attempt += 1) await signIn("reader@demo.test", "wrong", client, `192.0.2.${attempt}`);
    const next = await signIn("reader@demo.test", "workbench-demo", client, "192.0.2.250");
    expect(next.status).toBe(429);
    expect(next.headers.get("Retry-After")).toMatch(/^\d+$/);
  });
});

describe("behind the proxy named in TRUST_PROXY", () => {
  it("throttles the address the proxy saw, whatever the client writes in X-Forwarded-For", async () => {
    // The proxy appends the address it saw to what the client sent.
    for (let attempt = 0; attempt < 6; attempt += 1) await signIn("lead@demo.test", "wrong", PROXY, `192.0.2.${attempt}, 198.51.100.150`);
    expect((await signIn("lead@demo.test", "workbench-demo", PROXY, "192.0.2.200, 198.51.100.150")).status).toBe(429);
    // Another person behind the same proxy signs in.
    expect((await signIn("lead@demo.test", "workbench-demo", PROXY, "198.51.100.151")).status).toBe(302);
  });

  it("reads the client's address only from a proxy it trusts", () => {
    const request = (socket: string, forwarded: string) =>
      makeRequest("/login", { headers: { [SOCKET_ADDRESS_HEADER]: socket, "X-Forwarded-For": forwarded } });
    expect(clientAddress(request(PROXY, "1.2.3.4, 198.51.100.7"))).toBe("198.51.100.7");
    expect(clientAddress(request("198.51.100.8", "1.2.3.4"))).toBe("198.51.100.8");
    expect(clientAddress(request(PROXY, "1.2.3.4, 198.51.100.7"), { trustProxy: [] })).toBe(PROXY);
    expect(clientAddress(request("::ffff:198.51.100.9", "1.2.3.4"))).toBe("198.51.100.9");
  });
});

describe("the socket's address", () => {
  it("reaches the app through Node's HTTP server as remix-serve builds the request, and a client cannot forge it", async () => {
    // The very function remix-serve (through @remix-run/express) uses to build the Fetch Request.
    const { createRemixRequest } = await import("@remix-run/express/dist/server.js");
    const express = (await import("express")).default;
    const app = express();
    app.all("*", (req, res) => {
      res.send(clientAddress(createRemixRequest(req, res)));
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/login`, {
        headers: { [SOCKET_ADDRESS_HEADER]: "192.0.2.1", "X-Forwarded-For": "192.0.2.2" },
      });
      expect(await response.text()).toBe("127.0.0.1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
