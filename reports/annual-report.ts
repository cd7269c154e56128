import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { buildAnnualReportModel, type AnnualActionView, type AnnualReportModel, type AnnualReportOptions, type CommitmentView } from "./annual-report-model";
import type { AnnualReportSnapshot } from "./annual-report-snapshot";
import { endChaptersCleanly } from "./feedback-report";
import { chapterHeading, dataTable, facts, keepWithNext, missing, richText, subheading, textOr } from "./sections/blocks";
import { COLORS, DEFAULT_STYLE, PAGE_MARGINS, STYLES } from "./styles";

export type { AnnualReportOptions } from "./annual-report-model";

/** The report carries no clock: the same data gives the same bytes. */
const FIXED_DATE = new Date(0);

/** Colours of the implementation scale, from not started (muted) to embedded in policy (green). */
const STATUS_COLORS: Record<string, string> = {
  "not-started": COLORS.muted,
  planned: COLORS.warn,
  "in-progress": COLORS.accent,
  implemented: COLORS.ok,
  "embedded-in-policy": COLORS.ok,
};

function statusText(action: Pick<AnnualActionView, "status" | "statusLabel">): Content {
  return { text: action.statusLabel, bold: true, color: STATUS_COLORS[action.status] ?? COLORS.text };
}

function fact(label: string, value: Content): Content {
  return { stack: [{ text: label.toUpperCase(), style: "coverLabel" }, value], margin: [0, 0, 0, 12] };
}

/** Page 1: the city, the year, the plan, and who coordinates it. */
function coverSection(model: AnnualReportModel): Content[] {
  const { t } = model;
  return [
    { canvas: [{ type: "rect", x: 0, y: 0, w: 483, h: 6, color: COLORS.accent }], margin: [0, 40, 0, 28] },
    { text: t("cover.kicker", { year: model.year }).toUpperCase(), style: "coverKicker", margin: [0, 0, 0, 10] },
    { text: model.hostCity, style: "coverCity" },
    { text: model.country, style: "coverCountry", margin: [0, 2, 0, 26] },
    { text: t("cover.plan"), style: "muted", fontSize: 11 },
    { text: model.planTitle, style: "coverBenchmark", margin: [0, 2, 0, 4] },
    {
      text: t("cover.version", { version: model.frameworkVersion, publisher: model.publisher, year: model.frameworkYear }),
      style: "muted",
      margin: [0, 0, 0, 40],
    },
    {
      columns: [
        {
          width: "*",
          stack: [
            fact(t("cover.year"), { text: String(model.year), style: "coverValue" }),
            fact(t("cover.actions"), { text: t("cover.actionCount", { count: model.actionCount }), style: "coverValue" }),
          ],
        },
        {
          width: "*",
          stack: [
            fact(
              t("coordinatingEntity"),
              model.coordinatingEntity
                ? { text: model.coordinatingEntity, style: "coverValue" }
                : { text: t("noCoordinatingEntity"), style: ["coverValue", "missing"] },
            ),
          ],
        },
      ],
      columnGap: 24,
    },
  ];
}

/** The year at a glance: the coordinating entity, then every commitment with its actions' statuses. */
function summarySection(model: AnnualReportModel): Content[] {
  const { t } = model;
  const content: Content[] = [chapterHeading(t("summary.title", { year: model.year }))];
  content.push(...subheading(t("coordinatingEntity"), "h3"));
  content.push(model.coordinatingEntity ? { text: model.coordinatingEntity, style: "paragraph" } : missing(t("noCoordinatingEntity")));
  if (model.actionCount === 0) {
    content.push({ text: t("summary.noActions", { year: model.year }), style: "lead", margin: [0, 8, 0, 8] });
  } else {
    content.push({
      text: t("summary.intro", {
        count: model.actionCount,
        year: model.year,
        commitments: model.commitments.length - model.withoutAction.length,
        total: model.commitments.length,
      }),
      style: "lead",
      margin: [0, 8, 0, 8],
    });
    content.push(facts(model.statusCounts.map((entry): [string, Content] => [entry.label, { text: t("summary.statusCount", { count: entry.count }) }])));
  }
  const rows: TableCell[][] = model.commitments.map((commitment) => [
    { text: `${commitment.number}. ${commitment.title}` },
    commitment.actions.length
      ? { stack: commitment.actions.map((action) => ({ text: [{ text: `${action.title} — ` }, statusText(action) as never] })) }
      : { text: t("commitment.noAction"), italics: true, color: COLORS.muted },
  ]);
  content.push(dataTable([model.terms.Item, t("summary.actionsColumn")], rows, [170, "*"]));
  if (model.withoutAction.length > 0 && model.actionCount > 0) {
    content.push({
      text: t("summary.without", { count: model.withoutAction.length, list: model.withoutAction.map((commitment) => commitment.number).join(", ") }),
      style: "small",
    });
  }
  return content;
}

function actionBlock(model: AnnualReportModel, action: AnnualActionView): Content[] {
  const { t } = model;
  const pairs: [string, Content][] = [
    [t("action.status", { year: model.year }), statusText(action)],
    [t("action.period"), { text: action.period }],
  ];
  if (action.responsibleService) pairs.push([t("action.responsibleService"), { text: action.responsibleService }]);
  pairs.push([t("action.partners"), action.partners ? { text: action.partners } : { text: t("action.noPartners"), italics: true, color: COLORS.muted }]);
  if (action.budget) pairs.push([t("action.budget"), { text: action.budget }]);
  return [
    ...keepWithNext({ text: action.title, style: "h3", margin: [0, 10, 0, 3] }, 60),
    facts(pairs),
    ...(action.description ? richText(action.description) : []),
    ...keepWithNext({ text: t("action.indicators"), bold: true, fontSize: 9.5, margin: [0, 4, 0, 2] }, 24),
    ...textOr(action.indicators, t("action.noIndicators")),
    ...keepWithNext({ text: t("action.results", { year: model.year }), bold: true, fontSize: 9.5, margin: [0, 4, 0, 2] }, 24),
    ...(action.recorded ? textOr(action.results, t("action.noResultsText")) : [missing(t("action.noResults", { year: model.year }))]),
  ];
}

/** One chapter per commitment: its objective, then the year's actions or the sentence saying there were none. */
function commitmentChapter(model: AnnualReportModel, commitment: CommitmentView): Content[] {
  const { t } = model;
  const content: Content[] = [
    ...keepWithNext(
      {
        stack: [
          { text: `${commitment.label} — ${commitment.title}`, style: "h2", margin: [0, 18, 0, 4] },
          { text: commitment.objective, style: "statement" },
        ],
      },
      90,
    ),
    { canvas: [], margin: [0, 0, 0, 8] },
  ];
  if (!commitment.actions.length) {
    content.push(missing(t("commitment.noActionInYear", { year: model.year })));
    return content;
  }
  content.push({ text: t("commitment.actionCount", { count: commitment.actions.length, year: model.year }), style: "paragraph" });
  for (const action of commitment.actions) content.push(...actionBlock(model, action));
  return content;
}

/**
 * The city's annual report on its plan of action, for one year, as a pdfmake document definition.
 * Pure: the same snapshot and options give the same definition (no clock, no database), which
 * render.ts turns into the same bytes.
 */
export function buildAnnualReport(snapshot: AnnualReportSnapshot, options: AnnualReportOptions): TDocumentDefinitions {
  const model = buildAnnualReportModel(snapshot, options);
  const { t } = model;
  const [left, , right] = PAGE_MARGINS;
  const title = t("title", { year: model.year });
  return {
    pageSize: "A4",
    pageMargins: PAGE_MARGINS,
    language: options.locale,
    info: {
      title: `${title} — ${model.hostCity}`,
      author: model.coordinatingEntity || model.hostCity,
      subject: model.planTitle,
      keywords: [model.planShortTitle, model.hostCity, String(model.year)].join(", "),
      creator: "Benchmark workbench",
      producer: "Benchmark workbench (pdfmake)",
      creationDate: FIXED_DATE,
      modDate: FIXED_DATE,
    },
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            stack: [
              { columns: [{ text: `${model.hostCity} · ${model.planShortTitle}` }, { text: title, alignment: "right", width: "auto" }], columnGap: 12 },
              { canvas: [{ type: "line", x1: 0, y1: 4, x2: 483, y2: 4, lineWidth: 0.5, lineColor: COLORS.border }] },
            ],
            style: "header",
            margin: [left, 30, right, 0],
          },
    footer: (currentPage, pageCount) =>
      currentPage === 1
        ? null
        : {
            columns: [{ text: t("footer", { page: currentPage, pages: pageCount }), alignment: "right" }],
            style: "footer",
            margin: [left, 24, right, 0],
          },
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    content: endChaptersCleanly([
      ...coverSection(model),
      ...summarySection(model),
      chapterHeading(t("commitments.title", { items: model.terms.Items, year: model.year })),
      ...model.commitments.flatMap((commitment) => commitmentChapter(model, commitment)),
    ]),
  };
}
