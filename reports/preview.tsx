import type { ReportModel } from "./model";
import { BenchmarkAnnex, ContextAnnex, DocumentsAnnex } from "./preview/annexes";
import { Contents, Cover } from "./preview/cover";
import { FactorChapter } from "./preview/factor-chapter";
import { Method, Summary } from "./preview/method";
import { Overview } from "./preview/overview";
import { Plan } from "./preview/plan";
import { Progress } from "./preview/progress";

/*
 * The feedback report as HTML, rendered from the same ReportModel as the PDF so the team reads
 * exactly what it will export; one module per chapter under reports/preview/, as the PDF's
 * builders under reports/sections/. Section ids double as the contents' anchors. Print rules in
 * app.css ("Feedback report preview") give each chapter its own page.
 */

export function ReportPreview({ model }: { model: ReportModel }) {
  return (
    <article className="report" lang={model.locale}>
      {model.final ? null : (
        <div className="report-watermark" aria-hidden="true">
          {model.i18n.t("watermark")}
        </div>
      )}
      <Cover model={model} />
      <Contents model={model} />
      <Summary model={model} />
      <Method model={model} />
      <Overview model={model} />
      {model.factors.map((factor) => (
        <FactorChapter key={factor.id} model={model} factor={factor} />
      ))}
      {model.isPeerReview ? <Plan model={model} /> : null}
      <Progress model={model} />
      <ContextAnnex model={model} />
      <DocumentsAnnex model={model} />
      <BenchmarkAnnex model={model} />
    </article>
  );
}
