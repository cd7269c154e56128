import type { Content } from "pdfmake/interfaces";
import type { ReportModel } from "../model";
import { COLORS } from "../styles";

function fact(label: string, value: Content): Content {
  return { stack: [{ text: label.toUpperCase(), style: "coverLabel" }, value], margin: [0, 0, 0, 12] };
}

/** Page 1: who was reviewed, against what, by whom, and whether this is the issued report. */
export function coverSection(model: ReportModel): Content[] {
  const { t } = model.i18n;
  const { framework, snapshot } = model;
  const teamTitle = model.isPeerReview ? t("cover.peerTeam") : t("cover.selfTeam");
  const team: Content =
    model.team.length > 0
      ? {
          stack: model.team.map((member) => ({
            text: [
              { text: member.name, bold: true },
              { text: member.affiliation ? ` — ${member.affiliation}` : "" },
              { text: member.role === "lead-expert" ? ` (${member.roleLabel})` : "", color: COLORS.muted },
            ],
            style: "coverValue",
            margin: [0, 0, 0, 3],
          })),
        }
      : { text: model.isPeerReview ? t("cover.noPeerTeam") : t("cover.noSelfTeam"), style: ["coverValue", "missing"] };

  const dates: Content[] = [];
  if (model.isPeerReview) {
    dates.push(fact(t("cover.visit"), { text: model.visitSpan ?? t("cover.visitNotSet"), style: "coverValue" }));
  } else {
    const submitted = snapshot.selfAssessment.submittedAt;
    dates.push(
      fact(t("cover.submitted"), {
        text: submitted ? model.i18n.date(submitted) : t("cover.notSubmitted"),
        style: "coverValue",
      }),
    );
  }
  dates.push(fact(t("cover.issued"), model.issuedLabel ? { text: model.issuedLabel, style: "coverValue" } : { text: t("cover.draft"), style: "coverDraft" }));

  return [
    {
      canvas: [{ type: "rect", x: 0, y: 0, w: 483, h: 6, color: COLORS.accent }],
      margin: [0, 40, 0, 28],
    },
    { text: `${model.title.toUpperCase()}`, style: "coverKicker", margin: [0, 0, 0, 10] },
    { text: model.hostCity, style: "coverCity" },
    { text: model.country, style: "coverCountry", margin: [0, 2, 0, 26] },
    { text: t("cover.against"), style: "muted", fontSize: 11 },
    { text: model.benchmarkTitle, style: "coverBenchmark", margin: [0, 2, 0, 4] },
    {
      text: t("cover.version", { version: framework.version, publisher: framework.publisher, year: framework.year }),
      style: "muted",
      margin: [0, 0, 0, 40],
    },
    {
      columns: [
        { width: "*", stack: dates },
        { width: "*", stack: [fact(teamTitle, team)] },
      ],
      columnGap: 24,
    },
    ...(model.final
      ? []
      : [
          {
            text: t("cover.draftNote"),
            style: "small",
            margin: [0, 30, 0, 0],
          } satisfies Content,
        ]),
  ];
}
