import type { Content } from "pdfmake/interfaces";
import type { ReportModel } from "../model";
import { COLORS } from "../styles";
import { box, chapterHeading, facts, missing, richText, subheading } from "./blocks";

const EFFECT_COLORS = { limits: COLORS.danger, neutral: COLORS.muted, helps: COLORS.ok } as const;

/** All of the benchmark's contextual factors, each with the host city's note and its effect. */
export function annexContextSection(model: ReportModel): Content[] {
  if (!model.hasContextAnnex) return [];
  const { t } = model.i18n;
  const content: Content[] = [chapterHeading(t("sections.annexContext")), { text: t("context.intro"), style: "paragraph" }];
  if (model.context.every((factor) => !factor.note && !factor.effect)) content.push(missing(t("context.none")));
  for (const factor of model.context) {
    content.push(
      ...subheading(factor.title, "h2", 90),
      { text: factor.description, style: "paragraph" },
      { text: `${t("context.implications")} — ${factor.implications}`, style: "small", margin: [0, 0, 0, 6] },
      facts([
        [
          t("context.effect"),
          {
            text: factor.effectLabel,
            bold: factor.effect !== null,
            italics: factor.effect === null,
            color: factor.effect ? EFFECT_COLORS[factor.effect] : COLORS.muted,
          },
        ],
      ]),
      { text: t("context.note"), style: "h3", margin: [0, 2, 0, 2] },
      factor.note ? box(richText(factor.note, ["paragraph"])) : missing(t("context.noNote")),
    );
  }
  return content;
}
