import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localize, requireFramework } from "#benchmark/index";
import { journeyOnDemoReview, signIn } from "./harness";

/**
 * The Word report as another program reads it: downloaded from the running app, converted to PDF
 * by LibreOffice (headless, its own profile) and read with pdftotext. The converted document and
 * the app's own PDF hold the same factor titles and recommendations, in French and in English.
 * KEEP_DOCX_RENDER=dir keeps the converted PDFs there (to look at them with pdftoppm).
 */
const journey = journeyOnDemoReview();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "report-docx-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const words = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

function pdftotext(file: string) {
  return words(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
}

function libreOfficeToPdf(docx: string): string {
  const profile = `file://${path.join(work, "lo-profile")}`;
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", path.dirname(docx), docx], {
    stdio: "ignore",
    timeout: 180_000,
  });
  return docx.replace(/\.docx$/, ".pdf");
}

describe("the Word report, opened by LibreOffice", () => {
  it.each(["fr", "en"] as const)(
    "reads like the app's PDF (%s)",
    async (lang) => {
      const context = await journey.browser.newContext();
      const page = await context.newPage();
      await signIn(page, journey.app.baseURL, "lead@demo.test");
      const docx = await page.request.get(`${journey.app.baseURL}/reviews/demo/report.docx?lang=${lang}`);
      expect(docx.status()).toBe(200);
      const pdf = await page.request.get(`${journey.app.baseURL}/reviews/demo/report.pdf?lang=${lang}`);
      expect(pdf.status()).toBe(200);
      const [docxBytes, pdfBytes] = [await docx.body(), await pdf.body()];
      await context.close();

      const docxFile = path.join(work, `report-${lang}.docx`);
      fs.writeFileSync(docxFile, docxBytes);
      const converted = libreOfficeToPdf(docxFile);
      const pdfFile = path.join(work, `app-${lang}.pdf`);
      fs.writeFileSync(pdfFile, pdfBytes);
      if (process.env.KEEP_DOCX_RENDER) fs.copyFileSync(converted, path.join(process.env.KEEP_DOCX_RENDER, `report-${lang}-libreoffice.pdf`));

      const fromWord = pdftotext(converted);
      const fromApp = pdftotext(pdfFile);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [converted], { encoding: "utf8" }))![1]);
      expect(pages).toBeGreaterThan(10);
      // Every key factor's chapter title, as both print it.
      for (const factor of requireFramework("eurocities-anti-discrimination").keyFactors) {
        const title = words(`${lang === "fr" ? "Facteur clé" : "Key factor"} ${factor.number}${lang === "fr" ? " : " : ": "}${localize(factor.title, lang)}`);
        expect(fromApp).toContain(title);
        expect(fromWord).toContain(title);
      }
      // Recommendations by their references, and the draft mark of a report not yet issued.
      for (const ref of ["R1.1", "R2.1", "R3.1"]) {
        expect(fromApp).toContain(ref);
        expect(fromWord).toContain(ref);
      }
      expect(fromWord).toContain(lang === "fr" ? "Projet — non publié" : "Draft — not issued");
    },
    240_000,
  );
});
