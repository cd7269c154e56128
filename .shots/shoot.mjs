import { chromium } from "playwright-core";
const [,, base, email, path, width, lang, out] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 }, locale: lang, timezoneId: "Europe/Paris" });
const page = await ctx.newPage();
await page.goto(`${base}/login`);
await page.fill('input[name="email"]', email); await page.fill('input[name="password"]', "workbench-demo");
await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click('button[type="submit"]')]);
if (process.env.DOWN) { const fs = await import("node:fs"); fs.writeFileSync("/tmp/relay.down", ""); await new Promise(r => setTimeout(r, 500)); }
const sep = path.includes("?") ? "&" : "?";
const res = await page.goto(`${base}${path}${sep}lang=${lang}`);
console.log("status", res.status());
await page.screenshot({ path: out, fullPage: !!process.env.FULL });
await browser.close();
