import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, SelectField, TextAreaField } from "#app/components/field";
import { listCitableEvidence, listFollowUps, recordVerdict, saveHostAccount } from "#app/models/cycle.server";
import { getReview } from "#app/models/review.server";
import { listRecommendations } from "#app/models/recommendation.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { isFormResult, parseSubmission, readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { invalid, phaseClosed, phaseClosedBy, readForm, refused, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { actionPermission, canReadDraftConclusions, canReadVerdicts, loaderPermission } from "#app/utils/permissions";
import { asRefusal } from "#app/utils/refusal";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { FOLLOW_UP_VERDICTS } from "#db/enums";
import { msg } from "#app/utils/validation";

/*
 * The follow-up of the previous cycle's recommendations: the host team says what was done, the
 * peer team records a verdict resting on an item of this review's evidence log. The host city
 * reads the verdicts when it reads conclusions; the cited evidence only whoever reads the log.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.follow-up"));
  const review = (await getReview({ reviewId: access.review.id }))!;
  const previous = review.previousReviewId ? await getReview({ reviewId: review.previousReviewId }) : undefined;
  const verdicts = canReadVerdicts(access);
  const readsEvidence = hasPermission(access, "evidence:read");
  const canVerdict = hasPermission(access, "follow-up:verdict");
  const evidenceItems = readsEvidence ? await listCitableEvidence({ reviewId: review.id }) : [];
  const framework = previous ? getFramework(previous.frameworkId) : undefined;
  const rows = previous ? await listFollowUps({ reviewId: review.id }) : [];
  // "Continued by": this review's recommendations that continue each earlier one, as far as the reader reads them.
  const continuedBy =
    previous && hasPermission(access, "conclusions:read") ? await continuations(review.id, review.frameworkId, !canReadDraftConclusions(access)) : null;
  const evidenceText = (id: string | null) => {
    const item = id ? evidenceItems.find((candidate) => candidate.id === id) : undefined;
    return item ? shorten(item.text) : null;
  };
  return {
    reviewId: review.id,
    previous: previous ? { date: previous.issuedAt ?? previous.createdAt } : null,
    rows: rows.map((row) => ({
      id: row.id,
      factorNumber: framework?.keyFactors.find((factor) => factor.id === row.factorId)?.number ?? 0,
      // The previous framework's word for its parts (i18next context: "commitment" for ECCAR).
      factorContext: framework?.parts.item.id,
      text: row.text,
      hostAccount: row.hostAccount ?? "",
      verdict: verdicts ? row.verdict : null,
      evidenceId: verdicts && readsEvidence ? row.evidenceId : null,
      evidenceText: verdicts && readsEvidence ? evidenceText(row.evidenceId) : null,
      continuedBy: continuedBy?.get(row.id) ?? [],
    })),
    evidence: canVerdict ? evidenceItems.map((item) => ({ id: item.id, label: shorten(item.text) })) : [],
    can: { report: hasPermission(access, "follow-up:report"), verdict: canVerdict },
  };
}

/** Earlier recommendation id → the recommendations of this review (factor number, place in the factor) that continue it. */
async function continuations(reviewId: string, frameworkId: string, agreedOnly: boolean) {
  const framework = getFramework(frameworkId);
  const rows = await listRecommendations({ reviewId, agreedOnly });
  const context = framework?.parts.item.id;
  const byEarlier = new Map<string, { id: string; factorId: string; factorNumber: number; number: number; context: string | undefined }[]>();
  rows.forEach((row) => {
    if (!row.continuesId) return;
    const number = rows.filter((other) => other.factorId === row.factorId).indexOf(row) + 1;
    const factorNumber = framework?.keyFactors.find((factor) => factor.id === row.factorId)?.number ?? 0;
    byEarlier.set(row.continuesId, [...(byEarlier.get(row.continuesId) ?? []), { id: row.id, factorId: row.factorId, factorNumber, number, context }]);
  });
  return byEarlier;
}

function shorten(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 90 ? `${flat.slice(0, 89).trimEnd()}…` : flat;
}

const ReportSchema = z.object({
  intent: z.literal("report"),
  recommendationId: z.string({ error: msg("errors.required") }).min(1, msg("errors.required")),
  hostAccount: z
    .string({ error: msg("errors.required") })
    .trim()
    .min(1, msg("errors.required"))
    .max(4000, msg("errors.tooLong", { max: 4000 })),
});

const VerdictSchema = z.object({
  intent: z.literal("verdict"),
  recommendationId: z.string({ error: msg("errors.required") }).min(1, msg("errors.required")),
  verdict: z.enum(FOLLOW_UP_VERDICTS, { error: msg("cycles:followUp.verdictRequired") }),
  evidenceId: z.string({ error: msg("cycles:followUp.evidenceRequired") }).min(1, msg("cycles:followUp.evidenceRequired")),
});

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent !== "report" && intent !== "verdict") return invalid(unparsedSubmission(form), { formErrors: ["conclusions:errors.unknownIntent"] });
  try {
    authorize(access, actionPermission("reviews.$reviewId.follow-up", intent), request);
  } catch (error) {
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    return phaseClosed(unparsedSubmission(form), phase);
  }
  const page = `/reviews/${access.review.id}/follow-up`;
  if (intent === "report") {
    const submission = parseSubmission(form, ReportSchema);
    if (submission.status !== "success") return invalid(submission);
    try {
      await saveHostAccount({
        reviewId: access.review.id,
        recommendationId: submission.value.recommendationId,
        text: submission.value.hostAccount,
        userId: access.user.id,
      });
    } catch (error) {
      const refusal = asRefusal(error);
      if (!refusal) throw error;
      return refused(submission, refusal);
    }
    return redirect(`${page}?saved=account#${submission.value.recommendationId}`);
  }
  const submission = parseSubmission(form, VerdictSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await recordVerdict({ reviewId: access.review.id, ...submission.value, userId: access.user.id });
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
  return redirect(`${page}?saved=verdict#${submission.value.recommendationId}`);
}

export const clientAction = keepTextOnFailure;

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = LoaderData["rows"][number];

export default function FollowUp() {
  const { previous, rows, evidence, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = isFormResult(actionData) ? actionData : null;
  const sent = readResult(result).values;
  const { t } = useTranslation("cycles");
  const dates = useDates();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <h1>{t("common:titles.followUp")}</h1>
      {saved === "account" || saved === "verdict" ? (
        <p className="notice ok" role="status">
          {t(saved === "account" ? "followUp.savedAccount" : "followUp.savedVerdict")}
        </p>
      ) : null}
      {!previous ? (
        <p className="muted">{t("followUp.none")}</p>
      ) : (
        <>
          <p className="hint">{t("followUp.intro", { date: dates.day(previous.date, { month: "long" }) })}</p>
          {/* A refusal that names no recommendation of this list (another city's) is said above it. */}
          {result && !rows.some((row) => row.id === sent.recommendationId) ? <FormError message={readResult(result).formError ?? firstError(result)} /> : null}
          <ol className="follow-up-list">
            {rows.map((row) => (
              <FollowUpItem
                key={row.id}
                row={row}
                evidence={evidence}
                can={can}
                busy={busy}
                result={result && sent.recommendationId === row.id ? result : null}
                sentIntent={String(sent.intent ?? "")}
              />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function firstError(result: FormResult) {
  const errors = result.error ?? {};
  return Object.values(errors).flat()[0] ?? null;
}

function FollowUpItem({
  row,
  evidence,
  can,
  busy,
  result,
  sentIntent,
}: {
  row: Row;
  evidence: LoaderData["evidence"];
  can: LoaderData["can"];
  busy: boolean;
  result: FormResult | null;
  sentIntent: string;
}) {
  const { t } = useTranslation("cycles");
  const reportResult = sentIntent === "report" ? result : null;
  const verdictResult = sentIntent === "verdict" ? result : null;
  const [reportForm, reportFields] = useSchemaForm(ReportSchema, { id: `report-${row.id}`, lastResult: reportResult });
  const [verdictForm, verdictFields] = useSchemaForm(VerdictSchema, { id: `verdict-${row.id}`, lastResult: verdictResult });
  const typed = readResult(result).values;
  const titleId = `rec-${row.id}`;
  return (
    <li id={row.id} className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="h3">
        <span className="muted">{t("progress.factorRef", { number: row.factorNumber, context: row.factorContext })}</span> — {row.text}
      </h2>
      {row.continuedBy.length ? (
        <p className="follow-up__continued" data-continued-by>
          {t("followUp.continues", {
            refs: row.continuedBy.map((ref) => t("followUp.continuesRef", { factor: ref.factorNumber, number: ref.number, context: ref.context })).join(", "),
          })}
        </p>
      ) : null}
      {can.report ? (
        <Form method="post" {...getFormProps(reportForm)}>
          <input type="hidden" name="intent" value="report" />
          <input type="hidden" name="recommendationId" value={row.id} />
          <FormError message={readResult(reportResult).formError ?? (reportResult ? reportFields.recommendationId.errors?.[0] : null)} />
          <TextAreaField
            label={t("followUp.hostAccount")}
            hint={t("followUp.hostAccountHint")}
            name="hostAccount"
            rows={3}
            defaultValue={reportResult ? String(typed.hostAccount ?? "") : row.hostAccount}
            errors={reportFields.hostAccount.errors}
          />
          <button type="submit" className="secondary" disabled={busy}>
            {t("followUp.saveAccount")}
          </button>
        </Form>
      ) : (
        <>
          <h3 className="h4">{t("followUp.hostAccount")}</h3>
          <p>{row.hostAccount || <span className="muted">{t("followUp.nothingYet")}</span>}</p>
        </>
      )}
      {can.verdict ? (
        <Form method="post" {...getFormProps(verdictForm)}>
          <input type="hidden" name="intent" value="verdict" />
          <input type="hidden" name="recommendationId" value={row.id} />
          <FormError message={readResult(verdictResult).formError ?? (verdictResult ? verdictFields.recommendationId.errors?.[0] : null)} />
          {evidence.length ? null : <p className="muted">{t("followUp.noEvidence")}</p>}
          <SelectField
            label={t("followUp.verdict")}
            name="verdict"
            defaultValue={verdictResult ? String(typed.verdict ?? "") : (row.verdict ?? "")}
            options={[{ value: "", label: t("verdicts.none") }, ...FOLLOW_UP_VERDICTS.map((value) => ({ value, label: t(`verdicts.${value}`) }))]}
            errors={verdictFields.verdict.errors}
          />
          <SelectField
            label={t("followUp.evidence")}
            name="evidenceId"
            defaultValue={verdictResult ? String(typed.evidenceId ?? "") : (row.evidenceId ?? "")}
            options={[{ value: "", label: t("followUp.pickEvidence") }, ...evidence.map((item) => ({ value: item.id, label: item.label }))]}
            errors={verdictFields.evidenceId.errors}
          />
          <button type="submit" disabled={busy}>
            {t("followUp.saveVerdict")}
          </button>
        </Form>
      ) : (
        <p>
          <strong>{t("followUp.verdictLine", { verdict: t(`verdicts.${row.verdict ?? "none"}`) })}</strong>
          {row.evidenceText ? <span className="muted"> — {t("followUp.cited", { text: row.evidenceText })}</span> : null}
        </p>
      )}
    </li>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.followUp"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
