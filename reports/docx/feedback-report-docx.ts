// Over 400 lines for now: the DOCX mirrors every section of reports/sections in one builder; to split per section like reports/sections next.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import { textBlocks } from "#app/utils/text-blocks";
import { ratingChartSvg, reportChartInput } from "../chart";
import { DRAFT_EPOCH } from "../feedback-report";
import { buildReportModel, type FactorView, type RecommendationView, type ReportModel, type ReportOptions } from "../model";
import { progressChapter } from "../progress-chapter";
import type { ReviewSnapshot } from "../snapshot";
import { COLORS, RATING_COLORS } from "../styles";
import { atAGlance, documentTypeSummary, findingAttribution, labelled, QUOTED_KINDS, quoteText, recommendationMeta, visitSentences } from "../wording";
import { xmlSafe } from "../exports/xml-text";
import { chartPng } from "./chart-png";
import { deterministicZip } from "./zip";

/*
 * The feedback report as a Word document (docx), from the same model as the PDF and the preview
 * (reports/model.ts), with the same sections in the same order. Real Word styles, so the
 * navigation pane, the table of contents and a city's own template work: Heading 1 for chapters
 * and key factors, Heading 2 and 3 within; one numbered-list style ("ReportNumbers"), one table
 * style ("ReportTable"). A draft carries Word's own watermark on every page.
 */

const hex = (color: string) => color.replace("#", "").toUpperCase();
const NUMBERS = "ReportNumbers";
const BULLETS = "ReportBullets";
const TABLE_STYLE = "ReportTable";
/** A4 text width in twentieths of a point with 2.5 cm margins: 21 cm − 5 cm = 16 cm. */
const TEXT_WIDTH = 9071;
const MARGIN = 1417;

const TABLE_STYLE_XML = `<w:style w:type="table" w:styleId="${TABLE_STYLE}"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="${hex(COLORS.border)}"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="${hex(COLORS.border)}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="${hex(COLORS.border)}"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`;

type Block = Paragraph | Table | TableOfContents;

/** Everything that goes into the file passes here: no character XML forbids reaches Word. */
const run = (text: string, options: Omit<ConstructorParameters<typeof TextRun>[0] & object, "text"> = {}) => new TextRun({ ...options, text: xmlSafe(text) });

function para(text: string, options: { style?: string; bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) {
  const { style, ...format } = options;
  return new Paragraph({ style, children: [run(text, { ...format, color: format.color ? hex(format.color) : undefined })] });
}

const heading = (text: string, level: 1 | 2 | 3, pageBreakBefore = false) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore,
    keepNext: true,
    children: [run(text)],
  });

const missing = (text: string) => para(text, { italics: true, color: COLORS.muted });

class Lists {
  private count = 0;
  /** A numbered list that starts again at 1: each list is its own instance of the one style. */
  numbered(items: (string | ParagraphChild[])[]): Paragraph[] {
    const instance = ++this.count;
    return items.map(
      (item) => new Paragraph({ numbering: { reference: NUMBERS, level: 0, instance }, children: typeof item === "string" ? [run(item)] : item }),
    );
  }
  bullets(items: string[], level = 0): Paragraph[] {
    return items.map((item) => new Paragraph({ numbering: { reference: BULLETS, level }, children: [run(item)] }));
  }
}

/** Free text as paragraphs and lists, read as the PDF reads it (app/utils/text-blocks.ts). */
function richText(lists: Lists, value: string): Paragraph[] {
  return textBlocks(value).flatMap((block) => {
    if (block.type === "text") return [para(block.text)];
    return [...(block.intro ? [para(block.intro)] : []), ...lists.bullets(block.items)];
  });
}

function textOr(lists: Lists, value: string, whenEmpty: string): Paragraph[] {
  return value.trim() ? richText(lists, value) : [missing(whenEmpty)];
}

type Cell = string | { text: string; bold?: boolean; italics?: boolean; color?: string };

function table(headers: string[] | null, rows: Cell[][], widths: number[]): Table {
  const total = widths.reduce((sum, width) => sum + width, 0);
  const columnWidths = widths.map((width) => Math.round((width / total) * TEXT_WIDTH));
  const cell = (value: Cell, column: number, header = false) => {
    const spec = typeof value === "string" ? { text: value } : value;
    return new TableCell({
      width: { size: columnWidths[column]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          children: [
            run(spec.text, { bold: header || spec.bold, italics: spec.italics, color: spec.color ? hex(spec.color) : header ? hex(COLORS.muted) : undefined }),
          ],
        }),
      ],
    });
  };
  return new Table({
    style: TABLE_STYLE,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [
      ...(headers ? [new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((text, i) => cell(text, i, true)) })] : []),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((value, i) => cell(value, i)) })),
    ],
  });
}

function ratingCell(rating: FactorView["self"]["rating"]): Cell {
  return { text: rating.label, color: rating.id ? (RATING_COLORS[rating.id] ?? COLORS.muted) : COLORS.muted, italics: rating.id === null };
}

function cover(model: ReportModel): Block[] {
  const { t } = model.i18n;
  const { framework, snapshot } = model;
  const blocks: Block[] = [
    para(model.title.toUpperCase(), { bold: true, color: COLORS.accent, size: 20 }),
    new Paragraph({ style: "Title", children: [run(model.hostCity)] }),
    para(model.country, { color: COLORS.muted, size: 28 }),
    para(t("cover.against"), { color: COLORS.muted }),
    para(model.benchmarkTitle, { size: 30 }),
    para(t("cover.version", { version: framework.version, publisher: framework.publisher, year: framework.year }), { color: COLORS.muted }),
  ];
  const fact = (label: string, value: string, color?: string) => [
    para(label.toUpperCase(), { bold: true, color: COLORS.muted, size: 17 }),
    para(value, { bold: color !== undefined, color, size: 22 }),
  ];
  if (model.isPeerReview) blocks.push(...fact(t("cover.visit"), model.visitSpan ?? t("cover.visitNotSet")));
  else {
    const submitted = snapshot.selfAssessment.submittedAt;
    blocks.push(...fact(t("cover.submitted"), submitted ? model.i18n.date(submitted) : t("cover.notSubmitted")));
  }
  blocks.push(...(model.issuedLabel ? fact(t("cover.issued"), model.issuedLabel) : fact(t("cover.issued"), t("cover.draft"), COLORS.danger)));
  blocks.push(para((model.isPeerReview ? t("cover.peerTeam") : t("cover.selfTeam")).toUpperCase(), { bold: true, color: COLORS.muted, size: 17 }));
  if (model.team.length === 0) blocks.push(missing(model.isPeerReview ? t("cover.noPeerTeam") : t("cover.noSelfTeam")));
  for (const member of model.team) {
    blocks.push(
      new Paragraph({
        children: [
          run(member.name, { bold: true }),
          run(member.affiliation ? ` — ${member.affiliation}` : ""),
          run(member.role === "lead-expert" ? ` (${member.roleLabel})` : "", { color: hex(COLORS.muted) }),
        ],
      }),
    );
  }
  if (!model.final) blocks.push(para(t("cover.draftNote"), { size: 17, color: COLORS.muted }));
  return blocks;
}

function executiveSummary(model: ReportModel, lists: Lists): Block[] {
  const { t } = model.i18n;
  const { summary } = model.snapshot;
  const blocks: Block[] = [heading(t("sections.executiveSummary"), 1, true), heading(t("summary.atAGlance"), 3), ...atAGlance(model).map((line) => para(line))];
  if (model.isPeerReview) {
    blocks.push(
      heading(t("summary.fromTheTeam"), 2),
      ...textOr(lists, summary.executiveSummary, t("summary.noExecutiveSummary")),
      heading(t("summary.crossCutting"), 2),
      ...textOr(lists, summary.crossCuttingConclusions, t("summary.noCrossCutting")),
    );
  } else if (summary.executiveSummary.trim()) {
    blocks.push(heading(t("summary.fromTheTeam"), 2), ...richText(lists, summary.executiveSummary));
  }
  return blocks;
}

function method(model: ReportModel, lists: Lists): Block[] {
  const { t } = model.i18n;
  const { snapshot, figures } = model;
  const blocks: Block[] = [
    heading(t("sections.method"), 1, true),
    para(model.isPeerReview ? t("method.peerIntro") : t("method.selfIntro")),
    ...(model.hasContextAnnex ? [] : [para(t("method.noContextAnnex", { benchmark: model.benchmarkShortTitle }))]),
    heading(t("method.selfAssessment"), 2),
    para(
      t("method.selfAssessmentFacts", { rated: figures.selfRated, factors: model.factors.length, answered: figures.answered, questions: figures.questions }),
    ),
  ];
  if (model.isPeerReview) {
    const submitted = snapshot.selfAssessment.submittedAt;
    blocks.push(submitted ? para(t("method.submittedOn", { date: model.i18n.date(submitted) })) : missing(t("method.notSubmitted")));
  }
  blocks.push(heading(t("method.documents"), 2));
  blocks.push(
    model.documents.length > 0
      ? para(t("method.documentsFacts", { count: model.documents.length, types: documentTypeSummary(model) }))
      : missing(t("method.noDocuments")),
  );
  if (model.isPeerReview) {
    const sentences = visitSentences(model);
    blocks.push(heading(t("method.visit"), 2), para(sentences.dates));
    if (sentences.facts === null) blocks.push(missing(t("method.noInterviews")));
    else {
      const { visit } = snapshot;
      blocks.push(
        para(sentences.facts),
        heading(t("method.categoriesMet"), 3),
        ...lists.bullets(visit.categories.map((entry) => labelled(model, t(`category.${entry.category}`), String(entry.people)))),
        heading(t("method.organisationsMet"), 3),
        ...(visit.organisations.length > 0 ? lists.bullets(visit.organisations) : [missing(t("method.noOrganisations"))]),
      );
    }
  }
  blocks.push(
    heading(t("method.ratingScale"), 2),
    para(model.isPeerReview ? t("method.ratingScaleIntro") : t("method.ratingScaleIntroSelf")),
    table(
      null,
      model.ratingScale.map((rating) => [{ text: rating.label, bold: true, color: RATING_COLORS[rating.id] }, rating.description]),
      [110, 373],
    ),
  );
  return blocks;
}

/** What the chart shows, said in words for a reader who cannot see it (the table follows too). */
function chartDescription(model: ReportModel): string {
  const { t } = model.i18n;
  const lines = model.factors.map((factor) => {
    const parts = [labelled(model, t("overview.self"), factor.self.rating.label)];
    if (model.isPeerReview) parts.push(labelled(model, t("overview.peer"), factor.peer?.conclusion?.rating.label ?? t("overview.noConclusion")));
    return `${factor.number}. ${factor.title} — ${parts.join("; ")}`;
  });
  return lines.join("\n");
}

function overview(model: ReportModel): Block[] {
  const { t } = model.i18n;
  const peer = model.isPeerReview;
  const title = peer ? t("overview.chartTitle") : t("overview.chartTitleSelf");
  const headers = peer ? [t("overview.factor"), t("overview.self"), t("overview.peer"), t("overview.evidence")] : [t("overview.factor"), t("overview.self")];
  const rows: Cell[][] = model.factors.map((factor) => {
    const row: Cell[] = [`${factor.number}. ${factor.title}`, ratingCell(factor.self.rating)];
    if (peer) {
      const conclusion = factor.peer?.conclusion;
      if (!conclusion) row.push({ text: t("overview.noConclusion"), italics: true, color: COLORS.muted });
      else {
        const marks = [conclusion.draft ? ` (${t("overview.draftMark")})` : "", conclusion.differs ? ` — ${t("overview.differs")}` : ""].join("");
        const cell = ratingCell(conclusion.rating) as { text: string };
        row.push({ ...cell, text: `${cell.text}${marks}` });
      }
      row.push(String(factor.peer?.evidence.total ?? 0));
    }
    return row;
  });
  const blocks: Block[] = [
    heading(t("sections.overview"), 1, true),
    para(peer ? t("overview.intro") : t("overview.introSelf")),
    heading(title, 3),
    chartImage(ratingChartSvg(reportChartInput(model)), "overview-chart", title, chartDescription(model)),
    table(headers, rows, peer ? [190, 90, 118, 60] : [300, 120]),
  ];
  if (peer && model.factors.some((f) => f.peer?.conclusion?.differs)) blocks.push(para(t("overview.differsNote"), { size: 17, color: COLORS.muted }));
  if (peer && model.factors.some((f) => f.peer?.conclusion?.draft)) blocks.push(para(t("overview.draftNote"), { size: 17, color: COLORS.muted }));
  return blocks;
}

function recommendation(model: ReportModel, rec: RecommendationView): ParagraphChild[] {
  const { t } = model.i18n;
  return [
    run(`${rec.ref} `, { bold: true, color: hex(COLORS.accent) }),
    run(rec.text),
    run(` — ${recommendationMeta(model, rec)}`, { color: hex(COLORS.muted), size: 17 }),
    ...(rec.inspiration ? [run(` ${t("factor.inspiration", { city: rec.inspiration.city })}`, { color: hex(COLORS.muted), size: 17 })] : []),
  ];
}

function factorChapter(model: ReportModel, factor: FactorView, lists: Lists, first: boolean): Block[] {
  const { t } = model.i18n;
  const { self } = factor;
  const rating = (label: string, value: FactorView["self"]["rating"]) =>
    new Paragraph({
      children: [
        run(`${label}${model.locale === "fr" ? "\u00a0: " : ": "}`, { bold: true }),
        run(value.label, { bold: true, color: hex(RATING_COLORS[value.id ?? ""] ?? COLORS.muted) }),
      ],
    });
  const blocks: Block[] = [
    heading(factor.heading, 1, first),
    para(factor.statement, { style: "Statement" }),
    heading(t("factor.selfAssessment"), 2),
    self.rating.id ? rating(t("factor.selfRating"), self.rating) : missing(t("factor.notRated")),
    ...textOr(lists, self.summary, t("factor.noSummary")),
  ];
  if (model.isPeerReview)
    blocks.push(para(t("factor.answered", { answered: self.answered, questions: factor.questions.length }), { size: 17, color: COLORS.muted }));
  else {
    blocks.push(heading(t("factor.answers"), 3));
    if (self.answers.length === 0) blocks.push(missing(t("factor.noAnswers")));
    for (const answer of self.answers) blocks.push(para(answer.question, { bold: true }), ...richText(lists, answer.text));
  }
  const { peer } = factor;
  if (!peer) return blocks;

  blocks.push(heading(t("factor.evidence"), 2));
  const { evidence } = peer;
  if (evidence.total === 0) blocks.push(missing(t("factor.noEvidence")));
  else {
    blocks.push(
      para(t("factor.evidenceCounts", { count: evidence.total, supports: evidence.supports, mixed: evidence.mixed, contradicts: evidence.contradicts })),
    );
    if (evidence.findings.length === 0) blocks.push(missing(t("factor.noFindings")));
    for (const finding of evidence.findings) {
      blocks.push(
        new Paragraph({ style: "Quote", children: [run(quoteText(model, finding), { italics: QUOTED_KINDS.has(finding.kind) })] }),
        para(findingAttribution(model, finding), { style: "Attribution" }),
      );
    }
    if (evidence.moreCited > 0) blocks.push(para(t("factor.moreCited", { count: evidence.moreCited }), { size: 17, color: COLORS.muted }));
  }

  blocks.push(heading(t("factor.conclusion"), 2));
  const { conclusion } = peer;
  if (!conclusion) blocks.push(missing(t("factor.noConclusion")));
  else {
    if (conclusion.draft) blocks.push(para(t("factor.draftConclusion"), { bold: true, color: COLORS.danger }));
    blocks.push(conclusion.rating.id ? rating(t("factor.peerRating"), conclusion.rating) : missing(t("factor.notRatedByPeers")));
    if (conclusion.differs) blocks.push(para(t("factor.differs", { self: self.rating.label }), { color: COLORS.muted }));
    blocks.push(
      heading(t("factor.strengths"), 3),
      ...textOr(lists, conclusion.strengths, t("factor.noStrengths")),
      heading(t("factor.improvements"), 3),
      ...textOr(lists, conclusion.improvements, t("factor.noImprovements")),
    );
  }

  blocks.push(heading(t("factor.recommendations"), 2));
  if (peer.recommendations.length === 0) {
    const agreed = conclusion && !conclusion.draft;
    blocks.push(missing(peer.recommendationsWithheld || !agreed ? t("factor.noAgreedRecommendations") : t("factor.noRecommendations")));
  } else {
    if (peer.recommendations.some((rec) => rec.draft)) blocks.push(para(t("factor.draftRecommendations"), { bold: true, color: COLORS.danger }));
    blocks.push(...lists.numbered(peer.recommendations.map((rec) => recommendation(model, rec))));
  }
  return blocks;
}

function plan(model: ReportModel): Block[] {
  const { t } = model.i18n;
  const { quickWins, longTerm } = model.plan;
  const blocks: Block[] = [heading(t("sections.plan"), 1, true), para(t("plan.intro"))];
  if (quickWins.length + longTerm.length === 0) return [...blocks, missing(model.final ? t("plan.none") : t("plan.noneDraft"))];
  const planTable = (items: RecommendationView[]) =>
    table(
      [t("plan.ref"), t("plan.recommendation"), t("plan.priority"), t("plan.service")],
      items.map((rec) => [
        { text: rec.draft ? `${rec.ref} (${t("plan.draft")})` : rec.ref, bold: true, color: COLORS.accent },
        `${rec.text}\n${t("sections.factor", { number: rec.factorNumber, title: rec.factorTitle })}`,
        { text: rec.priorityLabel, bold: rec.priority === "high" },
        rec.service.trim() || t("plan.noService"),
      ]),
      [44, 280, 60, 99],
    );
  blocks.push(heading(t("plan.quickWins"), 2), quickWins.length ? planTable(quickWins) : missing(t("plan.noQuickWins")));
  blocks.push(heading(t("plan.longTerm"), 2), longTerm.length ? planTable(longTerm) : missing(t("plan.noLongTerm")));
  return blocks;
}

/** The chart as a picture sized as the PDF prints it, described in words for a screen reader. */
function chartImage(svg: string, name: string, title: string, description: string) {
  const { png, width, height } = chartPng(svg);
  return new Paragraph({
    children: [
      new ImageRun({
        type: "png",
        data: png,
        // Points to pixels at 96 dpi, as Word measures an image.
        transformation: { width: Math.round((width * 96) / 72), height: Math.round((height * 96) / 72) },
        altText: { name, title: xmlSafe(title), description: xmlSafe(description) },
      }),
    ],
  });
}

/** "Progress since the review of …", as the PDF has it (reports/progress-chapter.ts): chart, table, share, verdicts. */
function progress(model: ReportModel): Block[] {
  const chapter = progressChapter(model);
  if (!chapter) return [];
  const description = chapter.rows
    .map((row) => `${row.factor} — ${row.ratings.map((cell, i) => `${chapter.headers[i + 1]}: ${cell.label}`).join("; ")}`)
    .join("\n");
  const rows: Cell[][] = chapter.rows.map((row) => [
    row.factor,
    ...row.ratings.map(({ rating, label }) => ({
      text: label,
      color: rating ? (RATING_COLORS[rating] ?? COLORS.muted) : COLORS.muted,
      italics: rating === null,
    })),
  ]);
  const lines: Cell[][] = chapter.lines.map((line) => [
    `${line.text} (${line.factorRef})`,
    { text: line.verdictLabel, bold: line.verdict === "implemented", italics: line.verdict === null },
  ]);
  return [
    heading(chapter.title, 1, true),
    para(chapter.intro),
    heading(chapter.ratingsTitle, 3),
    chartImage(ratingChartSvg(chapter.chart), "progress-chart", chapter.ratingsTitle, `${chapter.chartAlt}\n${description}`),
    // Rating columns wide enough for "Partiellement en place" on two lines, not cut mid-word.
    table(chapter.headers, rows, [130, ...chapter.headers.slice(1).map(() => 74)]),
    heading(chapter.recommendationsTitle, 2),
    para(chapter.share),
    table(chapter.lineHeaders, lines, [330, 110]),
  ];
}

function annexContext(model: ReportModel, lists: Lists): Block[] {
  // A framework without contextual factors (ECCAR) has no such annex; the method says why, as in the PDF.
  if (!model.hasContextAnnex) return [];
  const { t } = model.i18n;
  const blocks: Block[] = [heading(t("sections.annexContext"), 1, true), para(t("context.intro"))];
  if (model.context.every((factor) => !factor.note && !factor.effect)) blocks.push(missing(t("context.none")));
  for (const factor of model.context) {
    blocks.push(
      heading(factor.title, 2),
      para(factor.description),
      para(`${t("context.implications")} — ${factor.implications}`, { size: 17, color: COLORS.muted }),
      new Paragraph({
        children: [
          run(`${t("context.effect")}${model.locale === "fr" ? "\u00a0: " : ": "}`, { bold: true }),
          run(factor.effectLabel, { italics: factor.effect === null }),
        ],
      }),
      heading(t("context.note"), 3),
      ...(factor.note ? richText(lists, factor.note) : [missing(t("context.noNote"))]),
    );
  }
  return blocks;
}

function annexDocuments(model: ReportModel): Block[] {
  const { t } = model.i18n;
  const blocks: Block[] = [heading(t("sections.annexDocuments"), 1, true)];
  if (model.documents.length === 0) return [...blocks, missing(t("documents.none"))];
  return [
    ...blocks,
    para(t("documents.intro")),
    table(
      [t("documents.title"), t("documents.type"), t("documents.date"), t("documents.origin")],
      model.documents.map((doc) => [doc.title, doc.typeLabel, doc.dateLabel, doc.originLabel]),
      [239, 100, 72, 72],
    ),
  ];
}

function annexBenchmark(model: ReportModel, lists: Lists): Block[] {
  const { t, locale } = model.i18n;
  const { framework } = model;
  const blocks: Block[] = [
    heading(t("sections.annexBenchmark"), 1, true),
    para(t("benchmarkAnnex.intro", { benchmark: model.benchmarkTitle, version: framework.version, publisher: framework.publisher, year: framework.year })),
    heading(`${t("benchmarkAnnex.standard")} — ${framework.standard.title[locale]}`, 2),
    para(framework.standard.statement[locale], { style: "Statement" }),
  ];
  for (const factor of model.factors) {
    blocks.push(heading(`${factor.number}. ${factor.title}`, 2), para(factor.statement, { bold: true }), heading(t("benchmarkAnnex.questions"), 3));
    const instanceItems = factor.questions.map((question) => question.text);
    const numbered = lists.numbered(instanceItems);
    factor.questions.forEach((question, i) => {
      blocks.push(numbered[i]!);
      if (question.subItems.length > 0) blocks.push(...lists.bullets(question.subItems, 1));
    });
  }
  return blocks;
}

/** The page header: the running title, and the watermark of a draft (Word's own, which Word can remove). */
function pageHeader(model: ReportModel, first: boolean) {
  const { t } = model.i18n;
  const children: Paragraph[] = [];
  const mark = model.final ? [] : [new TextWatermark({ text: t("watermark"), color: hex(COLORS.watermark), opacity: 0.35, bold: true })];
  children.push(
    new Paragraph({
      style: "Header",
      children: [...mark, ...(first ? [] : [run(t("header", { city: model.hostCity, benchmark: model.benchmarkShortTitle })), run(`\t${model.title}`)])],
      tabStops: [{ type: "right", position: TEXT_WIDTH }],
    }),
  );
  return new Header({ children });
}

function pageFooter(model: ReportModel) {
  const { t } = model.i18n;
  // "Page {{page}} of {{pages}}", with Word's page fields in place of the numbers.
  const [before = "", middle = "", after = ""] = t("footer", { page: "\u0001", pages: "\u0002" }).split(/[\u0001\u0002]/);
  return new Footer({
    children: [
      new Paragraph({
        style: "Footer",
        tabStops: [{ type: "right", position: TEXT_WIDTH }],
        children: [
          run(model.issuedLabel ?? t("cover.draft"), { color: hex(model.final ? COLORS.muted : COLORS.danger), bold: !model.final }),
          run(`\t${before}`),
          new TextRun({ children: [PageNumber.CURRENT] }),
          run(middle),
          new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
          run(after),
        ],
      }),
    ],
  });
}

/** The report as a docx Document: pure, no clock (its dates are the report's), no database. */
export function feedbackReportDocument(model: ReportModel): Document {
  const { t } = model.i18n;
  const lists = new Lists();
  const body: Block[] = [
    ...cover(model),
    new Paragraph({ pageBreakBefore: true, style: "TOCHeading", children: [run(t("contents"))] }),
    new TableOfContents(xmlSafe(t("contents")), { hyperlink: true, headingStyleRange: "1-1" }),
    ...executiveSummary(model, lists),
    ...method(model, lists),
    ...overview(model),
    ...model.factors.flatMap((factor, index) => factorChapter(model, factor, lists, index === 0)),
    ...(model.isPeerReview ? plan(model) : []),
    ...progress(model),
    ...annexContext(model, lists),
    ...annexDocuments(model),
    ...annexBenchmark(model, lists),
  ];
  const text = hex(COLORS.text);
  return new Document({
    creator: "Benchmark workbench",
    lastModifiedBy: "Benchmark workbench",
    title: xmlSafe(`${model.title} — ${model.hostCity}`),
    subject: xmlSafe(model.benchmarkTitle),
    keywords: xmlSafe([model.kindLabel, model.hostCity, model.benchmarkShortTitle].join(", ")),
    description: xmlSafe(model.benchmarkTitle),
    features: { updateFields: true },
    // The table style as Word writes one; the docx package keeps its default styles beside it.
    externalStyles: `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${TABLE_STYLE_XML}</w:styles>`,
    styles: {
      default: {
        document: {
          run: { font: "Calibri", size: 21, color: text, language: { value: model.locale === "fr" ? "fr-FR" : "en-GB" } },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { size: 68, bold: true, color: text }, paragraph: { spacing: { after: 60 } } },
        heading1: {
          run: { size: 36, bold: true, color: hex(COLORS.accent) },
          paragraph: { spacing: { before: 240, after: 200 }, outlineLevel: 0, keepNext: true },
        },
        heading2: { run: { size: 26, bold: true, color: text }, paragraph: { spacing: { before: 280, after: 120 }, outlineLevel: 1, keepNext: true } },
        heading3: { run: { size: 21, bold: true, color: text }, paragraph: { spacing: { before: 160, after: 60 }, outlineLevel: 2, keepNext: true } },
      },
      paragraphStyles: [
        {
          id: "Statement",
          name: "Statement",
          basedOn: "Normal",
          quickFormat: true,
          run: { bold: true, size: 22 },
          paragraph: { shading: { type: "clear", fill: hex(COLORS.panel), color: "auto" }, indent: { left: 180 } },
        },
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 360 }, spacing: { after: 20 }, border: { left: { style: "single", size: 18, color: hex(COLORS.border), space: 8 } } },
        },
        {
          id: "Attribution",
          name: "Attribution",
          basedOn: "Normal",
          run: { size: 17, color: hex(COLORS.muted) },
          paragraph: { indent: { left: 360 }, spacing: { after: 160 } },
        },
        {
          id: "TOCHeading",
          name: "TOC Heading",
          basedOn: "Normal",
          run: { size: 36, bold: true, color: hex(COLORS.accent) },
          paragraph: { spacing: { after: 240 } },
        },
        { id: "Header", name: "header", basedOn: "Normal", run: { size: 16, color: hex(COLORS.muted) } },
        { id: "Footer", name: "footer", basedOn: "Normal", run: { size: 16, color: hex(COLORS.muted) } },
      ],
    },
    numbering: {
      config: [
        {
          reference: NUMBERS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 400, hanging: 400 } } },
            },
          ],
        },
        {
          reference: BULLETS,
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.START, style: { paragraph: { indent: { left: 400, hanging: 260 } } } },
            { level: 1, format: LevelFormat.BULLET, text: "–", alignment: AlignmentType.START, style: { paragraph: { indent: { left: 800, hanging: 260 } } } },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: { default: pageHeader(model, false), first: pageHeader(model, true) },
        footers: { default: pageFooter(model), first: new Footer({ children: [] }) },
        children: body,
      },
    ],
  });
}

/**
 * The feedback report as DOCX bytes. Pure and deterministic: the same snapshot and options give
 * the same bytes (reports/docx/zip.ts fixes what the docx package would take from the clock).
 */
export async function buildFeedbackReportDocx(snapshot: ReviewSnapshot, options: ReportOptions): Promise<Uint8Array> {
  const model = buildReportModel(snapshot, options);
  const document = feedbackReportDocument(model);
  const bytes = await Packer.toBuffer(document);
  const date = options.issuedAt ? new Date(options.issuedAt) : DRAFT_EPOCH;
  return deterministicZip(new Uint8Array(bytes), date);
}
