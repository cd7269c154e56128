import http from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_PASSWORD, launchBrowser, signIn, startApp, watchPage, type RunningApp } from "./harness";

/**
 * The built app as remix-serve runs it: the headers on every kind of response, the document's
 * Content-Security-Policy, and the app's own 403 for a post from another site.
 */

let app: RunningApp;
let browser: Browser;
let cookie: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const response = await fetch(`${app.baseURL}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: "lead@demo.test", password: DEMO_PASSWORD }),
    headers: { Origin: app.baseURL },
    redirect: "manual",
  });
  cookie = response.headers
    .getSetCookie()
    .find((value) => value.startsWith("__workbench_session="))!
    .split(";")[0]!;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function expectEverywhereHeaders(response: Response, what: string) {
  expect(response.headers.get("X-Content-Type-Options"), what).toBe("nosniff");
  expect(response.headers.get("X-Frame-Options"), what).toBe("DENY");
  expect(response.headers.get("Referrer-Policy"), what).toBe("same-origin");
}

describe("every response", () => {
  it("carries nosniff, X-Frame-Options and Referrer-Policy, signed out or in, whatever its kind", async () => {
    const html = await (await fetch(`${app.baseURL}/login`)).text();
    const asset = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    const sqlite = new Database(app.databasePath, { readonly: true });
    const documentId = (sqlite.prepare("select id from documents where review_id = 'demo' limit 1").get() as { id: string }).id;
    sqlite.close();
    const signedOut = ["/", "/login", "/healthz", "/favicon.svg", asset, "/no-such-page", "/reviews", "/reviews/demo/evidence.csv", "/login.data"];
    const signedIn = [
      "/reviews/demo",
      "/reviews/demo/members",
      "/reviews/demo/members.data",
      "/reviews/demo/evidence.csv",
      "/reviews/demo/plan.csv",
      "/reviews/demo/report.pdf",
      `/reviews/demo/documents/${documentId}/file`,
      "/healthz",
      "/logout",
    ];
    for (const path of signedOut) {
      const response = await fetch(`${app.baseURL}${path}`, { redirect: "manual" });
      expectEverywhereHeaders(response, `${path} signed out (${response.status})`);
    }
    for (const path of signedIn) {
      const response = await fetch(`${app.baseURL}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expectEverywhereHeaders(response, `${path} signed in (${response.status})`);
      expect(response.headers.get("Cache-Control"), `${path} signed in`).toMatch(/no-store/);
    }
  });

  it("compresses pages, but not the few bytes that answer a save (compressing them cost more than the save)", async () => {
    const page = await fetch(`${app.baseURL}/reviews/demo/evidence`, { headers: { Cookie: cookie, "Accept-Encoding": "gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Encoding")).toBe("gzip");
    const saved = await fetch(`${app.baseURL}/reviews/demo/evidence.data`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: app.baseURL, "Accept-Encoding": "gzip" },
      body: new URLSearchParams({
        intent: "create",
        via: "fetcher",
        kind: "interview-quote",
        interviewId: "demo-int-01",
        text: "Une réponse de quelques octets",
        factorIds: "kf-08",
        polarity: "supports",
        attribution: "",
      }),
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("create");
    expect(saved.headers.get("Content-Encoding")).toBeNull();
    expect(saved.headers.get("Cache-Control")).toBe("private, no-store, no-transform");
    expectEverywhereHeaders(saved, "a save's answer");
  });

  it("gives each page a Content-Security-Policy with a fresh nonce that every script of the page carries", async () => {
    const first = await fetch(`${app.baseURL}/reviews/demo`, { headers: { Cookie: cookie } });
    const policy = first.headers.get("Content-Security-Policy")!;
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    const second = await fetch(`${app.baseURL}/reviews/demo`, { headers: { Cookie: cookie } });
    expect(second.headers.get("Content-Security-Policy")).not.toContain(nonce);
  });
});

describe("a post from another site", () => {
  it("gets the app's own 403 page, for a page and for its data, and changes nothing", async () => {
    const page = await fetch(`${app.baseURL}/reviews/demo/members`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "https://evil.example" },
      body: new URLSearchParams({ intent: "invite", email: "stranger@example.org", role: "peer-reviewer" }),
    });
    expect(page.status).toBe(403);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(await page.text()).toContain('id="error-title"');
    const data = await fetch(`${app.baseURL}/reviews/demo/members.data`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "null" },
      body: new URLSearchParams({ intent: "invite", email: "stranger@example.org", role: "peer-reviewer" }),
    });
    expect(data.status).toBe(403);
    const signInElsewhere = await fetch(`${app.baseURL}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(signInElsewhere.status).toBe(403);
    const sqlite = new Database(app.databasePath, { readonly: true });
    expect(sqlite.prepare("select count(*) as n from invitations where email = 'stranger@example.org'").get()).toEqual({ n: 0 });
    sqlite.close();
  });

  it("that says nothing of where it comes from is refused too", async () => {
    const response = await fetch(`${app.baseURL}/reviews/demo/members`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: new URLSearchParams({ intent: "invite", email: "stranger@example.org", role: "peer-reviewer" }),
    });
    expect(response.status).toBe(403);
  });
});

describe("in the browser", () => {
  it("runs the signed-in pages under the policy without a single violation, and another site cannot frame them", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page);
    await signIn(page, app.baseURL, "lead@demo.test");
    await page.goto(`${app.baseURL}/reviews/demo`);
    await page.getByRole("link", { name: "Team", exact: true }).first().click();
    await page.waitForURL(/\/members/);
    expect(problems).toEqual([]);

    // A page on another port of the same host tries to show the Team page in a frame.
    const framer = http.createServer((_request, response) => {
      response.setHeader("Content-Type", "text/html");
      response.end(`<!doctype html><title>framer</title><iframe src="${app.baseURL}/reviews/demo/members"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
    try {
      const framing = await context.newPage();
      const refusal = framing.waitForEvent("console", { predicate: (message) => /frame-ancestors/.test(message.text()) });
      await framing.goto(`http://localhost:${(framer.address() as AddressInfo).port}/`);
      expect((await refusal).type()).toBe("error");
      const frame = framing.frames().find((candidate) => candidate !== framing.mainFrame());
      expect(await frame!.locator("#main").count()).toBe(0);
    } finally {
      await new Promise((resolve) => framer.close(resolve));
    }
    await context.close();
  });
});
