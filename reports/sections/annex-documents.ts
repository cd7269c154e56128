import type { Content } from "pdfmake/interfaces";
import type { ReportModel } from "../model";
import { chapterHeading, dataTable, missing } from "./blocks";

/** The documentary sources: title, type, date and who provided them. */
export function annexDocumentsSection(model: ReportModel): Content[] {
  const { t } = model.i18n;
  const content: Content[] = [chapterHeading(t("sections.annexDocuments"))];
  if (model.documents.length === 0) {
    content.push(missing(t("documents.none")));
    return content;
  }
  content.push(
    { text: t("documents.intro"), style: "paragraph" },
    dataTable(
      [t("documents.title"), t("documents.type"), t("documents.date"), t("documents.origin")],
      model.documents.map((doc) => [{ text: doc.title }, { text: doc.typeLabel }, { text: doc.dateLabel }, { text: doc.originLabel }]),
      ["*", 100, 72, 72],
    ),
  );
  return content;
}
