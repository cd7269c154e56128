import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import { requireFramework } from "#benchmark/index";
import { conclusions, contextNotes, interviewParticipants, interviews, recommendations } from "#db/schema";
import { buildFeedbackReport } from "#reports/feedback-report";
import { createReportI18n } from "#reports/i18n";
import { renderPdf } from "#reports/render";
import { NAMES_AN_ORGANISATION, type ReviewSnapshot } from "#reports/snapshot";
import { textBlocks } from "#app/utils/text-blocks";
import { getReportSnapshot } from "#app/models/report.server";
import { db, DEMO_REVIEW_ID, loadDemoReview } from "../utils";
import { definitionText, hasWatermark, headings, normalize, pdfInfo, pdfPages } from "./text";

/*
 * The demo review rendered to PDF and read back with pdftotext: what the city receives must
 * hold every factor, every agreed conclusion and recommendation, the contextual annex, the
 * draft watermark only while it is a draft — and never an interviewee's name.
 */

const framework = requireFramework("eurocities-anti-discrimination");
const ISSUED_AT = "2026-04-20T09:30:00.000Z";
const LOCALES = ["fr", "en"] as const;

let snapshot: ReviewSnapshot;
const rendered = new Map<string, { buffer: Buffer; pages: number; text: string[] }>();

async function render(locale: "fr" | "en", issuedAt: string | null) {
  const { buffer, pages } = await renderPdf(buildFeedbackReport(snapshot, { locale, issuedAt }));
  return { buffer, pages, text: pdfPages(buffer) };
}

/** The running header, footer and watermark lines of each page, which interrupt text that flows across pages. */
function body(locale: "fr" | "en", pages: string[]): string {
  const { t } = createReportI18n(locale);
  const header = normalize(t("header", { city: snapshot.review.hostCity, benchmark: framework.shortTitle![locale] }));
  const noise = (line: string) => {
    const clean = normalize(line);
    return (
      /^[A-Z]$/.test(clean) || clean.startsWith(header) || /^(Projet — non publié|Draft — not issued|\d{1,2} \S+ \d{4})? ?Page \d+ (of|sur) \d+$/.test(clean)
    );
  };
  return normalize(
    pages
      .map((page) =>
        page
          .split("\n")
          .filter((line) => !noise(line))
          .join("\n"),
      )
      .join("\n"),
  );
}

/** The pieces a typed text prints as: paragraphs and list items, each on its own. */
function pieces(value: string): string[] {
  return textBlocks(value)
    .flatMap((block) => (block.type === "text" ? [block.text] : [...(block.intro ? [block.intro] : []), ...block.items]))
    .map(normalize);
}

beforeAll(async () => {
  await loadDemoReview();
  snapshot = (await getReportSnapshot({ reviewId: DEMO_REVIEW_ID }))!;
  for (const locale of LOCALES) {
    rendered.set(`${locale}:draft`, await render(locale, null));
    rendered.set(`${locale}:issued`, await render(locale, ISSUED_AT));
  }
}, 120_000);

describe.each(LOCALES)("the demo review's report in %s", (locale) => {
  const draft = () => rendered.get(`${locale}:draft`)!;
  const issued = () => rendered.get(`${locale}:issued`)!;

  it("is an A4 PDF whose text pdftotext can read, in the right language", () => {
    const { buffer, pages, text } = draft();
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    expect(text).toHaveLength(pages);
    expect(text[1]).toContain(locale === "fr" ? "Sommaire" : "Contents");
    expect(normalize(text[0]!)).toContain("Belleforge");
  });

  it("holds all 11 key factors by title", () => {
    const text = body(locale, issued().text);
    for (const kf of framework.keyFactors) {
      const heading = createReportI18n(locale).t("sections.factor", { number: kf.number, title: kf.title[locale] });
      expect(text, kf.id).toContain(normalize(heading));
    }
  });

  it("holds every agreed conclusion and recommendation, draft or issued", () => {
    const agreed = db
      .select()
      .from(conclusions)
      .where(and(eq(conclusions.reviewId, DEMO_REVIEW_ID), eq(conclusions.state, "agreed")))
      .all();
    expect(agreed.length).toBeGreaterThan(0);
    const agreedFactors = agreed.map((c) => c.factorId);
    const recs = db
      .select()
      .from(recommendations)
      .where(eq(recommendations.reviewId, DEMO_REVIEW_ID))
      .all()
      .filter((r) => agreedFactors.includes(r.factorId));
    expect(recs.length).toBeGreaterThan(0);
    for (const version of [draft(), issued()]) {
      const text = body(locale, version.text);
      for (const conclusion of agreed) {
        for (const piece of [...pieces(conclusion.strengths), ...pieces(conclusion.improvements)]) {
          expect(text, `${conclusion.factorId} conclusion`).toContain(piece);
        }
      }
      for (const rec of recs) expect(text, rec.id).toContain(normalize(rec.text));
    }
  });

  it("keeps draft conclusions out of the issued report and marks them in the draft", () => {
    const drafts = db
      .select()
      .from(conclusions)
      .where(and(eq(conclusions.reviewId, DEMO_REVIEW_ID), eq(conclusions.state, "draft")))
      .all();
    const strengths = drafts.flatMap((c) => pieces(c.strengths));
    expect(strengths.length).toBeGreaterThan(0);
    const draftText = body(locale, draft().text);
    const issuedText = body(locale, issued().text);
    for (const piece of strengths) {
      expect(draftText).toContain(piece);
      expect(issuedText).not.toContain(piece);
    }
    expect(draftText).toContain(createReportI18n(locale).t("factor.draftConclusion"));
    expect(issuedText).toContain(createReportI18n(locale).t("factor.noConclusion"));
  });

  it("attaches all 7 contextual factors with the host city's notes", () => {
    const notes = db.select().from(contextNotes).where(eq(contextNotes.reviewId, DEMO_REVIEW_ID)).all();
    const text = body(locale, issued().text);
    const annex = text.slice(text.lastIndexOf(normalize(createReportI18n(locale).t("sections.annexContext"))));
    expect(framework.contextualFactors).toHaveLength(7);
    for (const cf of framework.contextualFactors) {
      expect(annex, cf.id).toContain(normalize(cf.title[locale]));
      expect(annex, cf.id).toContain(normalize(cf.description[locale]));
      const note = notes.find((n) => n.contextualFactorId === cf.id);
      if (note?.note.trim()) {
        for (const piece of pieces(note.note)) expect(annex, cf.id).toContain(piece);
        if (note.effect) expect(annex).toContain(createReportI18n(locale).t(`effect.${note.effect}`));
      } else {
        expect(annex).toContain(createReportI18n(locale).t("context.noNote"));
      }
    }
  });

  it("is watermarked on every page while a draft, and on none once issued", () => {
    const word = createReportI18n(locale).t("watermark");
    const { text: draftPages } = draft();
    expect(draftPages.length).toBeGreaterThan(10);
    draftPages.forEach((page, i) => expect(hasWatermark(page, word), `draft page ${i + 1}`).toBe(true));
    issued().text.forEach((page, i) => expect(hasWatermark(page, word), `issued page ${i + 1}`).toBe(false));
    expect(normalize(issued().text[0]!)).toContain(createReportI18n(locale).date(ISSUED_AT));
  });

  it("never names an interviewee", () => {
    const names = db
      .select({ name: interviewParticipants.name })
      .from(interviewParticipants)
      .innerJoin(interviews, eq(interviews.id, interviewParticipants.interviewId))
      .where(and(eq(interviews.reviewId, DEMO_REVIEW_ID), isNotNull(interviewParticipants.name)))
      .all()
      .map((row) => row.name!.trim())
      .filter(Boolean);
    expect(names.length, "the demo seed records some names").toBeGreaterThan(0);
    for (const version of [draft(), issued()]) {
      const text = normalize(version.text.join(" "));
      for (const name of names) expect(text, name).not.toContain(name);
    }
    // Names are not even read: the snapshot the PDF is built from has none.
    const data = JSON.stringify(snapshot);
    for (const name of names) expect(data, name).not.toContain(name);
  });

  it("never says where the residents it met live: people are counted, not placed", () => {
    const participants = db
      .select({ organisation: interviewParticipants.organisation, category: interviewParticipants.category })
      .from(interviewParticipants)
      .innerJoin(interviews, eq(interviews.id, interviewParticipants.interviewId))
      .where(eq(interviews.reviewId, DEMO_REVIEW_ID))
      .all();
    const listed = new Set(participants.filter((p) => NAMES_AN_ORGANISATION[p.category]).map((p) => p.organisation.trim()));
    const places = [...new Set(participants.filter((p) => !NAMES_AN_ORGANISATION[p.category]).map((p) => p.organisation.trim()))].filter(
      (place) => place !== "" && !listed.has(place),
    );
    // The demo's focus group with residents was agreed "sans mention du quartier précis".
    expect(places).toContain("Quartier Jean-Jaurès");
    // Line breaks may fall inside a name ("Jean-\nJaurès"): compare without any whitespace.
    const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, "");
    for (const issuedAt of [null, ISSUED_AT]) {
      const definition = squeeze(definitionText(buildFeedbackReport(snapshot, { locale, issuedAt })));
      for (const place of places) expect(definition, place).not.toContain(squeeze(place));
    }
    for (const version of [draft(), issued()]) {
      const text = squeeze(version.text.join(" "));
      for (const place of places) expect(text, place).not.toContain(squeeze(place));
      // Nor through the name of an organisation met there: the neighbourhood is named nowhere.
      expect(text).not.toContain("Jean-Jaurès");
    }
    // Not even read: the snapshot the PDF and the preview are built from has none.
    const data = JSON.stringify(snapshot);
    for (const place of places) expect(data, place).not.toContain(place);
    // The residents are still counted, and the organisations met still listed.
    const { t } = createReportI18n(locale);
    const method = body(locale, issued().text);
    expect(method).toContain(normalize(`${t("category.resident")}${locale === "fr" ? " : " : ": "}2`));
    expect(method).toContain("Caisse d'allocations familiales");
  });

  it("numbers the contents with the page each chapter starts on", () => {
    const { text } = issued();
    const contents = normalize(text[1]!);
    const titles = headings(buildFeedbackReport(snapshot, { locale, issuedAt: ISSUED_AT })).map(normalize);
    let from = 2;
    for (const title of titles) {
      const listed = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} (\\d+)`).exec(contents);
      expect(listed, title).not.toBeNull();
      const page = Number(listed![1]);
      // The first page after the previous chapter's that holds the title: the plan also names each factor.
      const found = text.findIndex((pageText, i) => i >= from && normalize(pageText).includes(title)) + 1;
      expect(found, title).toBe(page);
      from = page - 1;
    }
  });

  it("lets the key factor chapters follow on, without a page left nearly empty or a heading left alone", () => {
    const { t } = createReportI18n(locale);
    const { text } = issued();
    const factorTitle = (n: number) => normalize(t("sections.factor", { number: n, title: framework.keyFactors[n - 1]!.title[locale] }));
    const lines = (page: string) =>
      page
        .split("\n")
        .map(normalize)
        .filter((line) => line !== "" && !/^[A-Z]$/.test(line));
    const first = text.findIndex((page, i) => i > 1 && normalize(page).includes(factorTitle(1)));
    const plan = text.findIndex((page, i) => i > first && lines(page).some((line) => line === normalize(t("sections.plan"))));
    expect(first).toBeGreaterThan(1);
    expect(plan).toBeGreaterThan(first);
    // Eleven chapters of a little over a page each used to take two pages each.
    expect(plan - first).toBeLessThan(framework.keyFactors.length * 1.5);
    // Every page of the chapters but the last (the plan starts a new page) is well filled.
    for (let i = first; i < plan - 1; i++) expect(lines(text[i]!).length, `page ${i + 1}`).toBeGreaterThan(15);
    const keptHeadings = [t("factor.selfAssessment"), t("factor.evidence"), t("factor.conclusion"), t("factor.recommendations")].map(normalize);
    for (let i = first; i < plan; i++) {
      const body = lines(text[i]!).filter((line) => !/(Page \d+ (of|sur) \d+)$/.test(line));
      const last = body[body.length - 1]!;
      expect(keptHeadings, `page ${i + 1} ends with a heading`).not.toContain(last);
      const index = body.findIndex((line) => line === normalize(t("factor.recommendations")));
      // The recommendations heading shares its page with the first recommendation (or the note that there is none).
      const none = [t("factor.noAgreedRecommendations"), t("factor.noRecommendations")].map(normalize);
      if (index !== -1) {
        const following = body.slice(index + 1);
        expect(
          following.some((line) => /^R\d+\.1 /.test(line) || none.includes(line)),
          `page ${i + 1}`,
        ).toBe(true);
      }
    }
  });

  it("gives the same bytes for the same data", async () => {
    const again = await render(locale, ISSUED_AT);
    const hash = (buffer: Buffer) => crypto.createHash("sha256").update(buffer).digest("hex");
    expect(hash(again.buffer)).toBe(hash(issued().buffer));
    const info = pdfInfo(again.buffer);
    expect(info.CreationDate).toBe("2026-04-20T09:30:00Z");
    expect(info.ModDate).toBe("2026-04-20T09:30:00Z");
    expect(Number(info.Pages)).toBe(again.pages);
    expect(info["Page size"]).toContain("(A4)");
  }, 60_000);
});
