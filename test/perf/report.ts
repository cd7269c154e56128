import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import type Database from "better-sqlite3";
import type { Browser } from "playwright-core";

/**
 * The feedback report of a large review: 11 factors, 5,000 evidence items across 40
 * interviews, 60 recommendations, every contextual note, in a fresh database. Prints figures;
 * asserts nothing.
 *
 * - reportMs: median of 5 builds of the PDF: read the snapshot, build the definition, render
 *   with pdfmake (the draft cache is bypassed, so each run does the whole work);
 * - chromiumPrintMs: median of 5 prints of the same report's HTML preview by headless Chromium:
 *   read the snapshot, render the preview to HTML, load it, `page.pdf()` (browser launched once,
 *   not timed);
 * - reportPages: pages of the pdfmake report.
 */

export const REVIEW_ID = "perf-report";
const RUNS = 5;
const ITEMS = 5000;
const INTERVIEWS = 40;
const RECOMMENDATIONS = 60;
const CITED_PER_FACTOR = 12;

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

// ---- A large, deterministic review ----------------------------------------------------

const SENTENCES = [
  "La ville a adopté une charte pour l'égalité et la présente chaque année en conseil municipal.",
  "Les agents d'accueil décrivent des pratiques hétérogènes d'un guichet à l'autre.",
  "The complaint procedure is known by staff but rarely used by residents.",
  "Les associations de migrants saluent le dialogue mais regrettent l'absence de suivi des engagements.",
  "Aucun indicateur ne permet aujourd'hui de mesurer l'accès des migrants aux services essentiels.",
  "Le plan municipal prévoit des actions, sans échéances ni budget propre.",
  "Les jurys de recrutement ont été formés à la non-discrimination depuis 2024.",
  "L'interprétariat par téléphone est disponible au CCAS, pas encore dans les mairies de quartier.",
];
const sentence = (i: number) => SENTENCES[i % SENTENCES.length]!;
const paragraph = (i: number, n: number) => Array.from({ length: n }, (_, k) => sentence(i + k)).join(" ");
const ATTRIBUTIONS = ["un agent d'accueil", "une représentante d'association", "an elected official", "un habitant du quartier", "a service provider"];
const CATEGORIES = ["city-official", "elected-official", "ngo", "migrant-organisation", "service-provider", "resident", "other"] as const;
const KINDS = ["interview-quote", "interview-quote", "interview-quote", "focus-group-note", "observation", "data"] as const;
const POLARITIES = ["supports", "mixed", "contradicts"] as const;
const RATINGS = ["in-place", "partly-in-place", "not-in-place"] as const;
const PRIORITIES = ["high", "medium", "low"] as const;
const DOCUMENT_TYPES = ["minutes", "annual-report", "monitoring-data", "press-release", "strategy", "other"] as const;

export async function fillLargeReview(sqlite: Database.Database) {
  const { requireFramework } = await import("#benchmark/index");
  const framework = requireFramework("eurocities-anti-discrimination");
  const factors = framework.keyFactors.map((kf) => kf.id);
  const at = (minutes: number) => Date.UTC(2026, 2, 16, 9) + minutes * 60_000;
  const run = (sql: string, ...rows: unknown[][]) => {
    const statement = sqlite.prepare(sql);
    for (const row of rows) statement.run(...row);
  };
  sqlite.transaction(() => {
    const users = ["lead", "peer", "peer2", "host"].map((who) => `perf-report-${who}`);
    run(
      "INSERT INTO users (id, email, name, organisation, locale, password_hash) VALUES (?, ?, ?, ?, 'fr', 'not-a-password')",
      ...users.map((id, i) => [id, `${id}@perf.test`, ["Lena Marchetti", "Piet de Vries", "Samira Haddad", "Hélène Rousseau"][i], "Perf"]),
    );
    run(
      `INSERT INTO reviews (id, host_city, country, framework_id, framework_version, kind, phase, visit_start, visit_end, report_locale,
        sa_submitted_at, executive_summary, cross_cutting_conclusions) VALUES (?, 'Grandval-sur-Lœ', 'France', ?, ?, 'peer-review', 'drafting',
        '2026-03-16', '2026-03-19', 'fr', ?, ?, ?)`,
      [
        REVIEW_ID,
        framework.id,
        framework.version,
        at(-20_000),
        `${paragraph(0, 6)}\n\n${paragraph(3, 5)}\n\n${paragraph(5, 4)}`,
        `${paragraph(1, 4)}\n\n- ${sentence(2)}\n- ${sentence(4)}\n- ${sentence(6)}`,
      ],
    );
    run(
      "INSERT INTO review_members (review_id, user_id, role, affiliation) VALUES (?, ?, ?, ?)",
      [REVIEW_ID, users[0], "lead-expert", "MigrationWork, Bologna"],
      [REVIEW_ID, users[1], "peer-reviewer", "City of Nordhaven"],
      [REVIEW_ID, users[2], "peer-reviewer", "Eastport Equality Network"],
      [REVIEW_ID, users[3], "host-team", "Ville de Grandval"],
    );
    framework.keyFactors.forEach((kf, i) => {
      run("INSERT INTO sa_factors (review_id, factor_id, rating, summary, updated_at) VALUES (?, ?, ?, ?, ?)", [
        REVIEW_ID,
        kf.id,
        RATINGS[i % 3],
        paragraph(i, 3),
        at(i),
      ]);
      run(
        "INSERT INTO sa_answers (review_id, factor_id, question_id, text, updated_at) VALUES (?, ?, ?, ?, ?)",
        ...kf.guidingQuestions.map((q, j) => [REVIEW_ID, kf.id, q.id, paragraph(i + j, 4), at(i)]),
      );
    });
    run(
      "INSERT INTO context_notes (review_id, contextual_factor_id, note, effect, updated_at) VALUES (?, ?, ?, ?, ?)",
      ...framework.contextualFactors.map((cf, i) => [REVIEW_ID, cf.id, paragraph(i, 4), (["limits", "neutral", "helps"] as const)[i % 3], at(i)]),
    );
    run(
      "INSERT INTO documents (id, review_id, origin, title, type, date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ...Array.from({ length: 30 }, (_, i) => [
        `perf-doc-${i}`,
        REVIEW_ID,
        i % 5 === 0 ? "peer-team" : "host-city",
        `Document ${i + 1} : ${sentence(i).slice(0, 60)}`,
        DOCUMENT_TYPES[i % DOCUMENT_TYPES.length],
        `2025-${String((i % 12) + 1).padStart(2, "0")}-15`,
        at(i),
      ]),
    );
    for (let i = 0; i < INTERVIEWS; i++) {
      run("INSERT INTO interviews (id, review_id, date, place, format, created_at) VALUES (?, ?, '2026-03-17', 'Hôtel de ville', ?, ?)", [
        `perf-int-${i}`,
        REVIEW_ID,
        i % 4 === 0 ? "focus-group" : "interview",
        at(i),
      ]);
      run(
        "INSERT INTO interview_participants (interview_id, role, organisation, category, name) VALUES (?, ?, ?, ?, ?)",
        ...Array.from({ length: 3 }, (_, j) => [
          `perf-int-${i}`,
          "Participant",
          `Organisation ${(i * 3 + j) % 25}`,
          CATEGORIES[(i + j) % CATEGORIES.length],
          `Person ${i}-${j}`,
        ]),
      );
    }
    const evidence = sqlite.prepare(
      `INSERT INTO evidence (id, review_id, kind, text, search_text, polarity, attribution, interview_id, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const tag = sqlite.prepare("INSERT INTO evidence_factors (evidence_id, factor_id) VALUES (?, ?)");
    for (let i = 0; i < ITEMS; i++) {
      const id = `perf-ev-${String(i).padStart(4, "0")}`;
      const text = paragraph(i, 1 + (i % 3));
      evidence.run(
        id,
        REVIEW_ID,
        KINDS[i % KINDS.length],
        text,
        text.toLowerCase(),
        POLARITIES[i % 3],
        ATTRIBUTIONS[i % ATTRIBUTIONS.length],
        `perf-int-${i % INTERVIEWS}`,
        users[1 + (i % 2)],
        at(i),
      );
      tag.run(id, factors[i % factors.length]);
      if (i % 4 === 0) tag.run(id, factors[(i + 5) % factors.length]);
    }
    framework.keyFactors.forEach((kf, i) => {
      run("INSERT INTO conclusions (review_id, factor_id, rating, strengths, improvements, state, updated_at) VALUES (?, ?, ?, ?, ?, 'agreed', ?)", [
        REVIEW_ID,
        kf.id,
        RATINGS[(i + 1) % 3],
        `${paragraph(i, 3)}\n\n${paragraph(i + 2, 2)}`,
        `${paragraph(i + 1, 3)}\n\n- ${sentence(i)}\n- ${sentence(i + 3)}`,
        at(i),
      ]);
      run(
        "INSERT INTO conclusion_citations (review_id, factor_id, evidence_id) VALUES (?, ?, ?)",
        ...Array.from({ length: CITED_PER_FACTOR }, (_, j) => [REVIEW_ID, kf.id, `perf-ev-${String(i + j * factors.length).padStart(4, "0")}`]),
      );
    });
    run(
      `INSERT INTO recommendations (id, review_id, factor_id, text, priority, horizon, responsible_service, example_index, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ...Array.from({ length: RECOMMENDATIONS }, (_, i) => [
        `perf-rec-${i}`,
        REVIEW_ID,
        factors[i % factors.length],
        paragraph(i, 2),
        PRIORITIES[i % 3],
        i % 2 === 0 ? "quick-win" : "long-term",
        ["Mission égalité", "Direction des ressources humaines", "CCAS", ""][i % 4],
        i % 3 === 0 ? 0 : null,
        Math.floor(i / factors.length),
      ]),
    );
  })();
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// ---- The benchmark -------------------------------------------------------------------

export async function runReportPerf(): Promise<{ reportMs: number; chromiumPrintMs: number; reportPages: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-report-perf-"));
  process.env.DATABASE_PATH = path.join(dir, "workbench.sqlite");
  const { createDb, migrateDb } = await import("#db/client");
  const fresh = createDb(process.env.DATABASE_PATH);
  migrateDb(fresh);
  // Hand the app's models this fresh database (db.server keeps the first handle it finds).
  const global = globalThis as { __workbenchDb?: unknown; __workbenchAsyncDb?: unknown };
  global.__workbenchDb = fresh;
  delete global.__workbenchAsyncDb;
  const { db } = await import("#app/utils/db.server");
  const started = performance.now();
  await fillLargeReview(db.$client);
  console.log(
    `report perf: ${ITEMS} evidence items, ${INTERVIEWS} interviews, ${RECOMMENDATIONS} recommendations set up in ${Math.round(performance.now() - started)} ms (${db === fresh ? "fresh database" : "shared database"})`,
  );

  const { getReportSnapshot, buildReportFile, buildReportDocxFile } = await import("#app/models/report.server");
  const { buildReportModel } = await import("#reports/model");
  const { ReportPreview } = await import("#reports/preview");
  const css = fs.readFileSync(path.resolve("app/styles/app.css"), "utf8");

  const snapshotOf = async () => {
    const snapshot = await getReportSnapshot({ reviewId: REVIEW_ID });
    if (!snapshot) throw new Error("The perf review is missing");
    return snapshot;
  };

  // pdfmake: one warm-up (module and font loading), then timed runs.
  let pages = 0;
  await buildReportFile(await snapshotOf(), "fr", null);
  const reportTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const file = await buildReportFile(await snapshotOf(), "fr", null);
    reportTimes.push(performance.now() - t);
    pages = file.pages;
  }

  // The same report as a Word document (docx, in the render pool too), beside the PDF.
  await buildReportDocxFile(await snapshotOf(), "fr", null);
  const docxTimes: number[] = [];
  let docxBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const file = await buildReportDocxFile(await snapshotOf(), "fr", null);
    docxTimes.push(performance.now() - t);
    docxBytes = file.buffer.length;
  }
  const docxMs = Math.round(median(docxTimes));
  console.log(`report perf: docx ${docxTimes.map(Math.round).join(", ")} ms (median ${docxMs} ms, ${Math.round(docxBytes / 1024)} KiB)`);
  console.log(`PERF ${JSON.stringify({ docxMs, docxKiB: Math.round(docxBytes / 1024) })}`);

  // Chromium printing the HTML preview of the same report.
  const { chromium } = await import("playwright-core");
  let browser: Browser | undefined;
  const printTimes: number[] = [];
  let printedBytes = 0;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const print = async () => {
      const snapshot = await snapshotOf();
      const model = buildReportModel(snapshot, { locale: "fr", issuedAt: null });
      const body = renderToString(createElement(ReportPreview, { model }));
      const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Rapport</title><style>${css}</style></head><body><main>${body}</main></body></html>`;
      await page.setContent(html, { waitUntil: "load" });
      const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "20mm", bottom: "20mm", left: "18mm", right: "18mm" } });
      printedBytes = pdf.length;
    };
    await print();
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await print();
      printTimes.push(performance.now() - t);
    }
  } finally {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const result = {
    reportMs: Math.round(median(reportTimes)),
    chromiumPrintMs: Math.round(median(printTimes)),
    reportPages: pages,
  };
  console.log(
    `report perf: pdfmake ${reportTimes.map(Math.round).join(", ")} ms (median ${result.reportMs} ms, ${pages} pages); ` +
      `Chromium print ${printTimes.map(Math.round).join(", ")} ms (median ${result.chromiumPrintMs} ms, ${Math.round(printedBytes / 1024)} KiB)`,
  );
  return result;
}
