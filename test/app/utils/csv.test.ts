import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { evidence, recommendations } from "#db/schema";
import { loader as evidenceCsv } from "#app/routes/reviews.$reviewId.evidence[.csv]";
import { loader as planCsv } from "#app/routes/reviews.$reviewId.plan[.csv]";
import { nextBackgroundTurn } from "#app/utils/background.server";
import { csvStream, toCsv } from "#app/utils/csv.server";
import { cookieFor, db, DEMO_REVIEW_ID, makeRequest, loadDemoReview } from "../../utils";

/*
 * CSV injection (OWASP): a cell a spreadsheet would run as a formula is written with a leading
 * apostrophe, in every CSV the app sends. Files are read back with a real CSV parser.
 */
const PAYLOADS = [
  "-2+3+cmd|' /C calc'!A0",
  "--1+1+cmd|' /C calc'!A0",
  "- 1+1+cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","click")',
  "+1+1+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "＝1+1",
];

const read = (text: string, delimiter = ","): string[][] => parse(text, { bom: true, record_delimiter: "\r\n", delimiter });

async function download(loader: typeof evidenceCsv, path: string, delimiter = ",") {
  const response = (await loader({
    request: makeRequest(path, { cookie: await cookieFor("lead@demo.test") }),
    params: { reviewId: DEMO_REVIEW_ID },
    context: {},
  })) as Response;
  expect(response.status).toBe(200);
  return read(await response.text(), delimiter);
}

beforeEach(loadDemoReview);

describe("the CSV writer", () => {
  it("prefixes every formula-like cell with an apostrophe, and leaves the rest as typed", () => {
    const [record] = read(toCsv([[...PAYLOADS, "plain", "12", "", "a - b", "égalité"]]));
    expect(record).toEqual([...PAYLOADS.map((payload) => `'${payload}`), "plain", "12", "", "a - b", "égalité"]);
  });

  it("streams the same file in batches: one byte order mark, CRLF between records", async () => {
    const batches = [[["a", "-1"]], [], [["b", "c, d"]]];
    const text = await new Response(csvStream(batches)).text();
    const bytes = new Uint8Array(await new Response(csvStream(batches)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe(toCsv(batches.flat()).replace(/^\uFEFF/, ""));
    expect(read(text)).toEqual([
      ["a", "'-1"],
      ["b", "c, d"],
    ]);
  });
});

describe("separators by language", () => {
  it("writes French with ';' between cells and ',' as the decimal mark, English with ',' and '.'", () => {
    const records = [
      ["Facteur", "Part", "Note"],
      ["Accès; égalité", 1.5, "a, b"],
      ["-2", -2.25, 12],
    ];
    const fr = toCsv(records, "fr");
    const en = toCsv(records, "en");
    expect(fr.split("\r\n")[1]).toBe('"Accès; égalité";1,5;a, b');
    expect(en.split("\r\n")[1]).toBe('Accès; égalité,1.5,"a, b"');
    // Each file reads back to the same cells under its own separator; a number the app writes is
    // not text, so its minus sign is not neutralised, while the text "-2" is.
    const cells = [
      ["Facteur", "Part", "Note"],
      ["Accès; égalité", "1,5", "a, b"],
      ["'-2", "-2,25", "12"],
    ];
    expect(read(fr, ";")).toEqual(cells);
    expect(read(en, ",")).toEqual(cells.map((row) => row.map((cell) => cell.replace(/^(-?\d),(\d+)$/, "$1.$2"))));
    expect([...new TextEncoder().encode(fr).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("sends the French plan and evidence log with ';', the English ones with ','", async () => {
    for (const [loader, path] of [
      [planCsv, `/reviews/${DEMO_REVIEW_ID}/plan.csv`],
      [evidenceCsv, `/reviews/${DEMO_REVIEW_ID}/evidence.csv`],
    ] as const) {
      const fr = await download(loader, `${path}?lang=fr`, ";");
      const en = await download(loader, `${path}?lang=en`, ",");
      expect(fr.length).toBe(en.length);
      expect(fr.length).toBeGreaterThan(2);
      expect(new Set(fr.map((row) => row.length))).toEqual(new Set([en[0]!.length]));
      expect(fr[0]).not.toEqual(en[0]);
    }
  });
});

describe("background turns", () => {
  it("let one batch of work through per iteration of the event loop, however many exports wait", async () => {
    let turn = 0;
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      turn++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const seen = await Promise.all(Array.from({ length: 5 }, () => nextBackgroundTurn().then(() => turn)));
    ticking = false;
    expect(new Set(seen).size).toBe(5);
  });
});

describe("every CSV export", () => {
  it("neutralises formulas typed into the evidence log", async () => {
    db.insert(evidence)
      .values(
        PAYLOADS.map((payload, i) => ({
          id: `csv-injection-${i}`,
          reviewId: DEMO_REVIEW_ID,
          kind: "observation" as const,
          text: payload,
          searchText: `csv injection probe ${i}`,
          polarity: "supports" as const,
          attribution: payload,
          createdBy: "demo-peer",
        })),
      )
      .run();
    const [header, ...rows] = await download(evidenceCsv, `/reviews/${DEMO_REVIEW_ID}/evidence.csv?q=csv+injection+probe&lang=en`);
    const byId = new Map(rows.map((row) => [row[0], row]));
    PAYLOADS.forEach((payload, i) => {
      const row = byId.get(`csv-injection-${i}`)!;
      expect(row[header!.indexOf("Text")]).toBe(`'${payload}`);
      expect(row[header!.indexOf("Attribution")]).toBe(`'${payload}`);
    });
  });

  it("neutralises formulas typed into the development plan", async () => {
    db.insert(recommendations)
      .values(
        PAYLOADS.map((payload, i) => ({
          id: `csv-injection-rec-${i}`,
          reviewId: DEMO_REVIEW_ID,
          factorId: "kf-01",
          text: payload,
          priority: "high" as const,
          horizon: "quick-win" as const,
          responsibleService: payload,
          position: 100 + i,
        })),
      )
      .run();
    const [header, ...rows] = await download(planCsv, `/reviews/${DEMO_REVIEW_ID}/plan.csv?lang=en`);
    const text = header!.indexOf("Recommendation");
    const service = header!.indexOf("Suggested service");
    for (const payload of PAYLOADS) {
      const row = rows.find((candidate) => candidate[text] === `'${payload}`);
      expect(row?.[service]).toBe(`'${payload}`);
      expect(rows.some((candidate) => candidate.includes(payload))).toBe(false);
    }
  });
});
