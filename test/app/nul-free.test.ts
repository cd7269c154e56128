import { PassThrough, type Writable } from "node:stream";
import { createElement, Suspense } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DropNulBytes } from "#app/utils/nul-free.server";

// A page long enough to fill React's 2 KB buffers, whose every paragraph ends on a three-byte
// character ("’"): some land across a buffer's end, where React 18.3 leaks zero bytes.
function Page() {
  const paragraphs = Array.from({ length: 200 }, (_, index) => createElement("p", { key: index }, `Paragraphe ${index} de l’élément${"’".repeat(index % 5)}`));
  return createElement(Suspense, { fallback: createElement("p", null, "…") }, paragraphs);
}

function render(through: () => Writable & NodeJS.ReadableStream) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const { pipe } = renderToPipeableStream(createElement(Page), {
      onAllReady() {
        const stream = through();
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => resolve(Buffer.concat(chunks)));
        pipe(stream);
      },
      onError: reject,
    });
  });
}

describe("the server's HTML stream", () => {
  it("leaks NUL bytes straight from React 18.3 (the bug this guards against)", async () => {
    const raw = await render(() => new PassThrough());
    expect(raw.includes(0)).toBe(true);
  });

  it("has none once through DropNulBytes, and is otherwise the same text", async () => {
    const raw = await render(() => new PassThrough());
    const clean = await render(() => new DropNulBytes());
    expect(clean.includes(0)).toBe(false);
    expect(clean.toString("utf8")).toBe(raw.toString("utf8").replaceAll("\u0000", ""));
    expect(clean.toString("utf8")).toContain("Paragraphe 199 de l’élément’’’’");
  });
});
