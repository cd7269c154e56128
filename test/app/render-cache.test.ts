import type { EntryContext } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import { forgetKeptPages, keepPage, keptPage, NONCE_STAND_IN, renderKey } from "#app/utils/render-cache.server";

/** What Remix hands the document's render, cut down to what the key reads. */
function context({
  data = '[{"items":1}]\n',
  handles = [{ renderFromData: true }, { renderFromData: true }] as { renderFromData?: boolean }[],
  errors = null as unknown,
} = {}) {
  const routes = handles.map((handle, index) => ({ id: `route-${index}`, handle }));
  return {
    manifest: { version: "build-1" },
    routeModules: Object.fromEntries(routes.map((route) => [route.id, { handle: route.handle }])),
    staticHandlerContext: { matches: routes.map((route) => ({ route: { id: route.id } })), errors, actionData: null, loaderData: {} },
    serverHandoffStream: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(data));
        controller.close();
      },
    }),
  } as unknown as EntryContext;
}

const get = (url = "http://localhost/reviews/demo/evidence") => new Request(url);

async function streamText(stream: ReadableStream<Uint8Array> | undefined) {
  return new Response(stream).text();
}

beforeEach(() => forgetKeptPages());

describe("the key of a page's render", () => {
  it("is the same for the same data, address and build, and hands the data on to the render unchanged", async () => {
    const first = context();
    const key = await renderKey(get(), 200, first);
    expect(key).toMatch(/^[A-Za-z0-9+/=]{44}$/);
    expect(await streamText(first.serverHandoffStream)).toBe('[{"items":1}]\n');
    expect(await renderKey(get(), 200, context())).toBe(key);
  });

  it("differs with any byte of the data, the address or the build", async () => {
    const key = await renderKey(get(), 200, context());
    expect(await renderKey(get(), 200, context({ data: '[{"items":2}]\n' }))).not.toBe(key);
    expect(await renderKey(get("http://localhost/reviews/demo/evidence?factor=kf-01"), 200, context())).not.toBe(key);
    const rebuilt = context();
    (rebuilt.manifest as { version: string }).version = "build-2";
    expect(await renderKey(get(), 200, rebuilt)).not.toBe(key);
  });

  it("is none for a route that does not declare its render pure, an error page, another status or a post", async () => {
    expect(await renderKey(get(), 200, context({ handles: [{ renderFromData: true }, {}] }))).toBeNull();
    expect(await renderKey(get(), 200, context({ errors: { "route-1": new Error("no") } }))).toBeNull();
    expect(await renderKey(get(), 404, context())).toBeNull();
    expect(await renderKey(new Request("http://localhost/reviews/demo/evidence", { method: "POST" }), 200, context())).toBeNull();
  });
});

describe("kept pages", () => {
  const html = Buffer.from(`<script nonce="${NONCE_STAND_IN}">a()</script><p>Quote</p><script nonce="${NONCE_STAND_IN}">b()</script>`);

  it("are sent with each response's own nonce in place of the stand-in", () => {
    const sent = Buffer.from(keepPage("k", html, "first-nonce")).toString();
    expect(sent).toBe('<script nonce="first-nonce">a()</script><p>Quote</p><script nonce="first-nonce">b()</script>');
    const again = Buffer.from(keptPage("k", "second-nonce")!).toString();
    expect(again).toBe('<script nonce="second-nonce">a()</script><p>Quote</p><script nonce="second-nonce">b()</script>');
    expect(again).not.toContain(NONCE_STAND_IN);
  });

  it("have only the nonce attribute replaced, never the same text elsewhere on the page", () => {
    const page = Buffer.from(`<script nonce="${NONCE_STAND_IN}">a()</script><p>${NONCE_STAND_IN}</p>`);
    expect(Buffer.from(keepPage("text", page, "fresh")).toString()).toBe(`<script nonce="fresh">a()</script><p>${NONCE_STAND_IN}</p>`);
  });

  it("are not kept when told not to (a render that failed part-way), and unknown keys find nothing", () => {
    expect(Buffer.from(keepPage("failed", html, "n", { keep: false })).toString()).toContain('nonce="n"');
    expect(keptPage("failed", "n")).toBeNull();
    expect(keptPage("never", "n")).toBeNull();
  });

  it("let the least recently used go first past the limit (32 MiB)", () => {
    const big = Buffer.alloc(4 * 1024 * 1024 - 1, "x");
    for (let index = 0; index < 8; index += 1) keepPage(`page-${index}`, big, "n");
    expect(keptPage("page-0", "n")).not.toBeNull();
    keepPage("page-8", big, "n");
    // page-0 was used last but one: page-1 is the oldest and went.
    expect(keptPage("page-1", "n")).toBeNull();
    expect(keptPage("page-0", "n")).not.toBeNull();
    expect(keptPage("page-8", "n")).not.toBeNull();
  });
});
