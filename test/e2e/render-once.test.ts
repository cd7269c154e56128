import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, startApp, type RunningApp } from "./harness";

/**
 * The evidence log's page is rendered once per data (app/utils/render-cache.server.ts): asked
 * again with nothing changed, the server sends the HTML it rendered before, with a fresh nonce.
 * Every loader still runs each time, so each reader still gets only their own page, a change
 * shows at once, and a reader who may not read the log, or is signed out, gets no page.
 */

let app: RunningApp;
const cookies: Record<string, string> = {};

async function signInAs(email: string) {
  const response = await fetch(`${app.baseURL}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    headers: { Origin: app.baseURL },
    redirect: "manual",
  });
  return response.headers
    .getSetCookie()
    .find((value) => value.startsWith("__workbench_session="))!
    .split(";")[0]!;
}

beforeAll(async () => {
  app = await startApp();
  for (const email of ["peer@demo.test", "lead@demo.test", "reader@demo.test"]) cookies[email] = await signInAs(email);
});
afterAll(async () => {
  await app?.stop();
});

async function logPage(email: string | null, query = "") {
  const response = await fetch(`${app.baseURL}/reviews/demo/evidence${query}`, {
    headers: email ? { Cookie: cookies[email]! } : {},
    redirect: "manual",
  });
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1] ?? null;
  return { status: response.status, html, nonce };
}

function saveQuote(email: string, text: string) {
  return fetch(`${app.baseURL}/reviews/demo/evidence.data`, {
    method: "POST",
    headers: { Cookie: cookies[email]!, Origin: app.baseURL },
    body: new URLSearchParams({
      intent: "create",
      via: "fetcher",
      kind: "interview-quote",
      interviewId: "demo-int-01",
      text,
      factorIds: "kf-08",
      polarity: "supports",
      attribution: "",
    }),
  });
}

const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);

describe("the evidence log rendered once per data", () => {
  it("sends the same page again with a fresh nonce that each script carries", async () => {
    const first = await logPage("peer@demo.test");
    const second = await logPage("peer@demo.test");
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.nonce).not.toBe(second.nonce);
    for (const page of [first, second]) {
      const scripts = scriptsOf(page.html);
      expect(scripts.length).toBeGreaterThan(2);
      for (const script of scripts) expect(script).toContain(`nonce="${page.nonce}"`);
    }
    expect(second.html.replaceAll(second.nonce!, "N")).toBe(first.html.replaceAll(first.nonce!, "N"));
  });

  it("shows a save at once, whoever made it", async () => {
    await logPage("peer@demo.test");
    expect((await saveQuote("peer@demo.test", "Rendu une fois : la citation du pair")).status).toBe(200);
    expect((await logPage("peer@demo.test")).html).toContain("Rendu une fois : la citation du pair");
    expect((await saveQuote("lead@demo.test", "Rendu une fois : la citation de la cheffe")).status).toBe(200);
    expect((await logPage("peer@demo.test")).html).toContain("Rendu une fois : la citation de la cheffe");
  });

  it("gives each reader their own page, and none to a reader who may not read the log or is signed out", async () => {
    const peer = await logPage("peer@demo.test");
    const lead = await logPage("lead@demo.test");
    expect(peer.html).toContain("Signed in as Piet de Vries");
    expect(lead.html).not.toContain("Signed in as Piet de Vries");
    expect(lead.html).toContain("Signed in as Lena Marchetti");
    const reader = await logPage("reader@demo.test");
    expect(reader.status).toBe(403);
    expect(reader.html).not.toContain("Rendu une fois");
    const signedOut = await logPage(null);
    expect(signedOut.status).toBe(401);
    expect(signedOut.html).not.toContain("Rendu une fois");
    expect(signedOut.html).not.toContain("Piet de Vries");
  });

  it("keeps each view apart: another address is another page", async () => {
    const all = await logPage("peer@demo.test");
    const kf08 = await logPage("peer@demo.test", "?factor=kf-08");
    const kf01 = await logPage("peer@demo.test", "?factor=kf-01");
    expect(kf08.html).toContain("Rendu une fois : la citation du pair");
    expect(kf01.html).not.toContain("Rendu une fois : la citation du pair");
    expect(all.html.replaceAll(all.nonce!, "N")).not.toBe(kf08.html.replaceAll(kf08.nonce!, "N"));
  });
});
