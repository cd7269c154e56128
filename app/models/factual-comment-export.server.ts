import type { ReviewAccess } from "#app/utils/auth.server";
import type { CsvRecord } from "#app/utils/csv.server";
import { formatSortableDateTime } from "#app/utils/dates";
import { getI18n, type Locale } from "#app/utils/i18n";
import { frameworkTerms, localize, requireFramework, withTerms } from "#benchmark/index";
import { listComments } from "./comment.server";

/**
 * The factual check as a file (the record the lead keeps beside the issued report): one row per
 * entry of each thread, in order — the host team's comment, each answer, then the closing with its
 * outcome — with who wrote it and when, in the review's time zone (the header names it). Comments
 * are numbered so a thread's rows stay together whatever the spreadsheet sorts by.
 */
export async function factualCheckExport({ access, locale }: { access: ReviewAccess; locale: Locale }) {
  const { review } = access;
  const framework = requireFramework(review.frameworkId);
  const t = withTerms(getI18n(locale).t, frameworkTerms(framework, locale));
  const when = (value: Date | string) => formatSortableDateTime(value, review.timeZone);
  const about = (comment: { factorId: string | null; part: string; recommendationText: string | null }) => {
    const factor = framework.keyFactors.find((candidate) => candidate.id === comment.factorId);
    const title = factor ? `${factor.number}. ${localize(factor.title, locale)}` : "";
    if (comment.part === "recommendation") return `${title} — ${comment.recommendationText ?? "—"}`;
    return comment.part === "factor" ? title : "";
  };
  const header = ["number", "part", "about", "entry", "author", "date", "text", "state", "outcome"].map((key) =>
    t(`conclusions:factualCheckCsv.${key}`, { timeZone: review.timeZone }),
  );
  const records: CsvRecord[] = [];
  for (const [index, comment] of (await listComments({ reviewId: review.id })).entries()) {
    const number = index + 1;
    const part = t(`reviews:confirm.parts.${comment.part}`);
    const state = comment.resolvedAt ? t("conclusions:comments.resolved") : t("conclusions:comments.open");
    const outcome = comment.outcome ? t(`conclusions:comments.outcomes.${comment.outcome}`) : "";
    const row = (entry: string, author: string | null, date: Date | string, text: string): CsvRecord => [
      number,
      part,
      about(comment),
      t(`conclusions:factualCheckCsv.entries.${entry}`),
      author ?? "",
      when(date),
      text,
      state,
      outcome,
    ];
    records.push(row("comment", comment.authorName, comment.createdAt, comment.text));
    for (const reply of comment.replies) records.push(row("reply", reply.authorName, reply.createdAt, reply.text));
    if (comment.resolvedAt) records.push(row("closing", comment.resolvedByName, comment.resolvedAt, comment.response ?? ""));
  }
  return { header, records, baseName: `${review.hostCity}-factual-check` };
}
