import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startApp, type RunningApp } from "./harness";
import { ACCOUNT_NAMES, addDemoLinks, contextFor, pagesFor, type Account } from "./pages";
import { E2E_DIR } from "./paths";

/*
 * The HTML the server sends for every page, as every account that may open it, in both
 * languages: no NUL byte (React 18's streaming renderer leaked some, react/react#31134), and
 * valid for the W3C Nu HTML Checker (vnu-jar, one Java run over all the pages).
 */

const require = createRequire(import.meta.url);
// vnu-jar's main export is the path of its jar; Java comes from the machine (scripts/test.sh checks it).
const VNU_JAR = String(require("vnu-jar"));

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  addDemoLinks(app.databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

type VnuMessage = { type: string; subType?: string; url: string; message: string; extract?: string; lastLine?: number };

function runVnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile("java", ["-jar", VNU_JAR, "--format", "json", "--exit-zero-always", "--stdout", ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      resolve((JSON.parse(stdout) as { messages: VnuMessage[] }).messages);
    });
  });
}

/*
 * The one message allowed: Remix's server entry streams the loader data (single fetch) as a
 * <script> that React writes after the document's </html>, outside any element (RemixServer
 * renders it beside the app, not inside <body>). The checker calls it a stray start tag and stops
 * there ("Cannot recover after last error") — after it has checked the whole document, since the
 * script is the last thing sent. Only that script, and only when it does come after </html>.
 */
function isRemixTrailingScript(message: VnuMessage) {
  if (message.message !== "Stray start tag “script”." && !message.message.startsWith("Cannot recover after last error")) return false;
  const html = fs.readFileSync(decodeURIComponent(new URL(message.url).pathname), "utf8");
  const end = html.indexOf("</html>");
  // React's Suspense markers (<!--$-->) may come before it.
  return end !== -1 && /^(\s|<!--[^>]*-->)*<script/.test(html.slice(end + "</html>".length));
}

describe("the server's HTML", () => {
  it("has no NUL byte and passes the Nu HTML Checker on every page, as every account, in both languages", { timeout: 600_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(E2E_DIR, "html-"));
    const signedIn = new Map<Account, unknown>();
    const files = new Map<string, string>();
    const withNul: string[] = [];
    for (const account of ACCOUNT_NAMES) {
      for (const lang of ["fr", "en"] as const) {
        const context = await contextFor(browser, app.baseURL, account, lang, signedIn);
        for (const visit of pagesFor(account)) {
          const response = await context.request.get(`${app.baseURL}${visit.path}?lang=${lang}`, { maxRedirects: 0 });
          expect(response.status(), `${visit.path} as ${account}`).toBe(visit.status);
          const body = await response.body();
          const where = `${visit.path}?lang=${lang} as ${account}`;
          if (body.includes(0)) withNul.push(where);
          const file = path.join(dir, `${files.size}.html`);
          fs.writeFileSync(file, body);
          files.set(file, where);
        }
        await context.close();
      }
    }
    const messages = await runVnu([...files.keys()]);
    const errors = messages.filter(
      (message) => (message.type === "error" || message.subType === "warning" || message.type === "non-document-error") && !isRemixTrailingScript(message),
    );
    const byMessage = new Map<string, string[]>();
    for (const error of errors) {
      const file = decodeURIComponent(new URL(error.url).pathname);
      const list = byMessage.get(error.message) ?? [];
      list.push(`${files.get(file) ?? file}:${error.lastLine ?? "?"}`);
      byMessage.set(error.message, list);
    }
    // The figures behind the before/after counts.
    console.log(
      `VNU ${JSON.stringify({ pages: files.size, withNul: withNul.length, errors: Object.fromEntries([...byMessage].map(([message, where]) => [message, where.length])) })}`,
    );
    const report = [...byMessage].map(([message, where]) => `${message} (${where.length}×, e.g. ${where.slice(0, 3).join(", ")})`);
    expect({ withNul, report }).toEqual({ withNul: [], report: [] });
  });
});
