import type { Content } from "pdfmake/interfaces";
import type { ReportModel } from "../model";

/** The table of contents; pdfmake fills in the page numbers from every heading marked `tocItem`. */
export function contentsSection(model: ReportModel): Content[] {
  return [
    {
      toc: {
        title: { text: model.i18n.t("contents"), style: "tocTitle" },
        numberStyle: { fontSize: 9.5 },
      },
      pageBreak: "before",
    },
  ];
}
