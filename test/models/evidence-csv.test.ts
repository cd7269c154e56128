import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { listEvidenceForExport, listEvidenceLog, parseEvidenceView } from "#app/models/evidence-log.server";
import { toCsv } from "#app/utils/csv.server";
import { action as logAction } from "#app/routes/reviews.$reviewId.evidence/route";
import { loader as csvLoader } from "#app/routes/reviews.$reviewId.evidence[.csv]";
import { fillLargeLogOn } from "../perf/evidence";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview } from "../utils";

const params = { reviewId: DEMO_REVIEW_ID };
const CSV = `/reviews/${DEMO_REVIEW_ID}/evidence.csv`;

/**
 * A strict RFC 4180 reader (csv-parse): CRLF between records, the same number of fields in each;
 * a French file separates its cells with ";".
 */
function parseCsv(text: string, delimiter: "," | ";" = ","): string[][] {
  if (!text.endsWith("\r\n")) throw new Error("the file does not end with CRLF");
  return parse(text, { record_delimiter: "\r\n", delimiter });
}

/** One field as the app's CSV writer writes it. */
const csvField = (value: string) => toCsv([[value]]).slice(1, -2);

async function download(query: string, email: Parameters<typeof cookieFor>[0] = "peer@demo.test") {
  const response = (await csvLoader({
    request: makeRequest(`${CSV}?${query}`, { cookie: await cookieFor(email) }),
    params,
    context: {},
  })) as Response;
  // Raw bytes: Response.text() would drop the BOM this file is about.
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

beforeEach(loadDemoReview);

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says, and nothing else", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(csvField("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
    expect(csvField("retour\r\nchariot")).toBe('"retour\r\nchariot"');
    expect(csvField("égalité")).toBe("égalité");
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+33 1 23")).toBe("'+33 1 23");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    // OWASP: every cell starting with "-" too, as "-2+3+cmd|' /C calc'!A0" runs (test/app/utils/csv.test.ts).
    expect(csvField("- une liste")).toBe("'- une liste");
    expect(csvField("-12 %")).toBe("'-12 %");
  });

  it("writes a BOM and CRLF line ends", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("\uFEFFa,b\r\nc,d\r\n");
  });
});

describe("the evidence export", () => {
  it("is UTF-8 with a BOM, served as an attachment, in the reader's language", async () => {
    const { response, bytes, text } = await download("lang=fr");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="evidence-belleforge\.csv"/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header] = parseCsv(text.slice(1), ";");
    expect(header).toEqual([
      "Identifiant",
      "Date (Europe/Paris)",
      "Type",
      "Sens",
      "Facteurs clés",
      "Questions guides",
      "Texte",
      "Attribution",
      "Saisi par",
      "Entretien",
      "Catégorie d’organisation",
      "Origine",
      "Document source",
    ]);
    // Accents come through as written.
    expect(text).toContain("Déclaration de Belleforge pour l'égalité et contre les discriminations");
    expect(text).toContain("une représentante d'association");
  });

  it("exports the filtered view: every matching item, once, factors joined with “; ”", async () => {
    const query = "factor=kf-04&sort=date.asc&lang=en";
    const { text } = await download(query);
    const [header, ...rows] = parseCsv(text.slice(1));
    const view = await listEvidenceLog({
      reviewId: DEMO_REVIEW_ID,
      view: parseEvidenceView(new URLSearchParams(query)),
      actor: { userId: "demo-peer", canEditAny: false, canWrite: true },
      pageSize: 1000,
    });
    expect(rows.map((row) => row[0])).toEqual(view.rows.map((row) => row.id));
    const factors = header!.indexOf("Key factors");
    expect(rows.every((row) => row[factors]!.split("; ").includes("4"))).toBe(true);
    expect(rows.some((row) => row[factors] === "4; 7")).toBe(true);
    const dates = rows.map((row) => row[header!.indexOf("Date (Europe/Paris)")]!);
    expect(dates).toEqual([...dates].sort());
  });

  it("round-trips commas, quotes, line breaks and accents typed into a quote", async () => {
    const quote = 'Elle a dit : « c\'est “non”, point », puis "on verra",\nà la ligne ; et l’œuvre continue.';
    const created = await run(
      logAction,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/evidence`, {
        cookie: await cookieFor("peer@demo.test"),
        form: {
          intent: "create",
          via: "fetcher",
          kind: "observation",
          text: quote,
          factorIds: ["kf-05", "kf-09"],
          polarity: "mixed",
          attribution: 'un agent, "vu" au guichet',
        },
      }),
      params,
    );
    expect(created.status).toBe(200);
    const { text } = await download("q=oeuvre+continue&lang=en");
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row[header!.indexOf("Text")]).toBe(quote);
    expect(row[header!.indexOf("Attribution")]).toBe('un agent, "vu" au guichet');
    expect(row[header!.indexOf("Key factors")]).toBe("5; 9");
    expect(row[header!.indexOf("Shows")]).toBe("Mixed");
  });

  it("follows the columns chosen on screen", async () => {
    const { text } = await download("cols=text&cols=factors&lang=en&kind=data");
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(["Id", "Key factors", "Guiding questions", "Text", "Attribution"]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("never carries the names of people interviewed", async () => {
    const { text } = await download("lang=fr");
    for (const name of ["Nadia Benali", "Claire Moreau", "Julien Petit"]) expect(text).not.toContain(name);
  });

  it("answers 401 without a session rather than a sign-in page", async () => {
    const outcome = await run(csvLoader, makeRequest(CSV), params);
    expect(outcome.status).toBe(401);
  });
});

/** 1,200 more items in the demo log, for the tests of a large export. */
function withLargeLog() {
  return fillLargeLogOn(asyncDb, { items: 1200, interviews: 4, prefix: "batch-" });
}

describe("a large export", () => {
  it("is read from the database a batch at a time, with the event loop's turn between two batches", async () => {
    await withLargeLog();
    let turns = 0;
    const seen: number[] = [];
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const batches: string[][] = [];
    for await (const batch of listEvidenceForExport({
      reviewId: DEMO_REVIEW_ID,
      view: parseEvidenceView(new URLSearchParams("sort=date.asc")),
      batchSize: 300,
    })) {
      seen.push(turns);
      batches.push(batch.map((row) => row.id));
    }
    ticking = false;
    expect(batches.slice(0, -1).every((batch) => batch.length === 300)).toBe(true);
    // Other requests were served between every two batches.
    expect(seen.every((count, i) => i === 0 || count > seen[i - 1]!)).toBe(true);
    const all = batches.flat();
    expect(all.filter((id) => id.startsWith("batch-ev-"))).toHaveLength(1200);
    expect(new Set(all).size).toBe(all.length);
  });

  it("is sent in chunks as it is read: the same file, header once", async () => {
    await withLargeLog();
    const response = (await csvLoader({
      request: makeRequest(`${CSV}?lang=en&sort=date.asc`, { cookie: await cookieFor("peer@demo.test") }),
      params,
      context: {},
    })) as Response;
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(Buffer.concat(chunks)));
    expect(header![0]).toBe("Id");
    expect(rows.filter((row) => row[0]!.startsWith("batch-ev-"))).toHaveLength(1200);
    const dates = rows.map((row) => row[header!.indexOf("Date (UTC)")]!);
    expect(dates).toEqual([...dates].sort());
  });
});
