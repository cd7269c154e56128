import type { Content } from "pdfmake/interfaces";
import type { ReportModel } from "../model";
import { chapterHeading, richText, subheading } from "./blocks";

/** The benchmark itself, so the report can be read on its own: the standard, each key factor and its guiding questions. */
export function annexBenchmarkSection(model: ReportModel): Content[] {
  const { t, locale } = model.i18n;
  const { framework } = model;
  const text = (value: { fr: string; en: string }) => value[locale];
  const content: Content[] = [
    chapterHeading(t("sections.annexBenchmark")),
    {
      text: t("benchmarkAnnex.intro", {
        benchmark: model.benchmarkTitle,
        version: framework.version,
        publisher: framework.publisher,
        year: framework.year,
      }),
      style: "paragraph",
    },
    ...subheading(`${t("benchmarkAnnex.standard")} — ${text(framework.standard.title)}`),
    ...richText(text(framework.standard.statement), ["paragraph", "statement"]),
  ];
  for (const factor of model.factors) {
    content.push(
      ...subheading(`${factor.number}. ${factor.title}`, "h2", 90),
      { text: factor.statement, style: ["paragraph"], bold: true },
      { text: t("benchmarkAnnex.questions"), style: "h3" },
      {
        ol: factor.questions.map((question) =>
          question.subItems.length > 0 ? { stack: [question.text, { ul: question.subItems, margin: [0, 2, 0, 0] }] } : question.text,
        ),
        margin: [4, 0, 0, 6],
      },
    );
  }
  return content;
}
