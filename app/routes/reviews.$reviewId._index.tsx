import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFramework, localize } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, TextAreaField, TextField } from "#app/components/field";
import { listGaps } from "#app/models/progress.server";
import { storeIssuedReports } from "#app/models/report.server";
import { getReview, listIssuedReports, listRecentActivity, movePhase, phasesFor, updateReviewTimeZone } from "#app/models/review.server";
import { listMembers } from "#app/models/review-members.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { listTimeZones, TimeZoneSchema } from "#app/utils/dates";
import { useDates } from "#app/utils/use-dates";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, AUDIT_ENTITY_READ, loaderPermission, type Permission } from "#app/utils/permissions";
import { PHASES } from "#db/enums";
import { asRefusal } from "#app/utils/refusal";
import { optionalText, parseForm } from "#app/utils/validation";
import { readForm } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId._index"));
  const { review } = access;
  const locale = await getLocale(request);
  const can = (permission: Permission) => hasPermission(access, permission);
  const [gaps, members, activity, issued] = await Promise.all([
    listGaps({ reviewId: review.id, can }),
    listMembers({ reviewId: review.id }),
    listRecentActivity({
      reviewId: review.id,
      entities: Object.entries(AUDIT_ENTITY_READ)
        .filter(([, permission]) => can(permission))
        .map(([entity]) => entity),
    }),
    listIssuedReports({ reviewId: review.id }),
  ]);
  const framework = getFramework(review.frameworkId);
  const full = await getReview({ reviewId: review.id });
  return {
    review: {
      id: review.id,
      phase: review.phase,
      kind: review.kind,
      frameworkTitle: framework ? localize(framework.title, locale) : review.frameworkId,
      frameworkVersion: review.frameworkVersion,
      visitStart: full?.visitStart ?? null,
      visitEnd: full?.visitEnd ?? null,
      reportLocale: full?.reportLocale ?? "en",
      timeZone: review.timeZone,
    },
    phases: phasesFor(review.kind),
    gaps,
    members: members.map(({ email: _email, ...member }) => member),
    activity,
    issued,
    canMovePhase: hasPermission(access, "phase:move"),
    // The picker's choices come from the server, so the browser renders the same list.
    timeZones: hasPermission(access, "review:settings") ? listTimeZones() : null,
  };
}

const PhaseMoveSchema = z.object({
  to: z.enum(PHASES),
  reason: optionalText(2000),
});

export const action = guardWrites(writeAction);

const TimeZoneFormSchema = z.object({ timeZone: TimeZoneSchema });

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const form = await readForm(request);
  // Two forms post here; the phase form predates intents, so no intent means a phase move.
  const intent = form.get("intent") === "time-zone" ? "time-zone" : "move-phase";
  authorize(access, actionPermission("reviews.$reviewId._index", intent), request);
  const { review, user } = access;
  if (intent === "time-zone") {
    const parsed = parseForm(TimeZoneFormSchema, form);
    if (!parsed.ok) return data({ ...parsed, intent: "time-zone" as const }, { status: 400 });
    await updateReviewTimeZone({ reviewId: review.id, timeZone: parsed.data.timeZone, userId: user.id });
    return { ok: true as const, intent: "time-zone" as const, timeZone: parsed.data.timeZone };
  }
  const parsed = parseForm(PhaseMoveSchema, form);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { to, reason } = parsed.data;
  try {
    await movePhase({
      reviewId: review.id,
      to,
      reason,
      userId: user.id,
      onIssue: async (issuedAt) => {
        await storeIssuedReports({ reviewId: review.id, issuedAt });
      },
    });
  } catch (error) {
    // A refused move (skipped phase, missing reason) is explained next to the form, typed reason kept.
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    const { message, field } = refusal;
    return data({ ok: false as const, message, errors: field ? { [field]: [message] } : {}, values: parsed.values }, { status: refusal.status });
  }
  return redirect(`/reviews/${review.id}`);
}

export default function ReviewHome() {
  const { review, phases, gaps, members, activity, issued, canMovePhase, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("reviews");
  const dates = useDates();
  const index = phases.indexOf(review.phase);
  const next = phases[index + 1];
  const previous = phases[index - 1];
  const zoneResult = result && "intent" in result ? result : null;
  const actionData = result && !("intent" in result) ? result : undefined;
  return (
    <>
      <h1>{t("home.title")}</h1>
      <dl className="facts">
        <dt>{t("home.framework")}</dt>
        <dd>
          {review.frameworkTitle} ({review.frameworkVersion})
        </dd>
        <dt>{t("home.visit")}</dt>
        <dd>{review.visitStart ? `${dates.calendarDate(review.visitStart)} – ${review.visitEnd ? dates.calendarDate(review.visitEnd) : "…"}` : "—"}</dd>
        <dt>{t("home.reportLanguage")}</dt>
        <dd>{t(`common:languages.${review.reportLocale}`)}</dd>
        <dt>{t("home.timeZone")}</dt>
        <dd data-time-zone>{review.timeZone}</dd>
      </dl>
      {timeZones ? <TimeZoneForm current={review.timeZone} timeZones={timeZones} result={zoneResult} busy={navigation.state !== "idle"} /> : null}

      <h2>{t("home.phaseTrack")}</h2>
      <ol className="phase-track">
        {phases.map((phase) => (
          <li key={phase} aria-current={phase === review.phase ? "step" : undefined}>
            {t(`common:phases.${phase}`)}
            {phase === review.phase ? <strong> ({t("home.current")})</strong> : null}
          </li>
        ))}
      </ol>

      {canMovePhase ? (
        <div className="card no-print">
          <FormError message={actionData && "message" in actionData && !("reason" in (actionData.errors ?? {})) ? actionData.message : null} />
          {next ? (
            <Form method="post">
              <input type="hidden" name="intent" value="move-phase" />
              <input type="hidden" name="to" value={next} />
              {next === "issued" ? <p className="notice warn">{t("home.issueWarning")}</p> : null}
              <button type="submit" disabled={navigation.state !== "idle"}>
                {t("home.moveForward", { phase: t(`common:phases.${next}`) })}
              </button>
            </Form>
          ) : null}
          {previous ? (
            <details className="phase-back" open={Boolean(actionData?.errors && "reason" in actionData.errors)}>
              <summary>{t("home.moveBack", { phase: t(`common:phases.${previous}`) })}</summary>
              <Form method="post">
                <input type="hidden" name="intent" value="move-phase" />
                <input type="hidden" name="to" value={previous} />
                <TextAreaField
                  name="reason"
                  label={t("home.reason")}
                  hint={t("home.reasonHint")}
                  rows={2}
                  defaultValue={actionData && "values" in actionData ? String(actionData.values.reason ?? "") : ""}
                  errors={actionData?.errors && "reason" in actionData.errors ? (actionData.errors.reason as string[]) : undefined}
                />
                <button type="submit" className="secondary" disabled={navigation.state !== "idle"}>
                  {t("home.moveBack", { phase: t(`common:phases.${previous}`) })}
                </button>
              </Form>
            </details>
          ) : null}
        </div>
      ) : null}

      <h2>{t("home.missing")}</h2>
      {gaps.length ? (
        <ul className="gaps">
          {gaps.map((gap) => (
            <li key={`${gap.key}-${JSON.stringify(gap.values)}`}>
              <span className="pill">{t(`common:phases.${gap.phase}`)}</span> {t(gap.key, gap.values)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("home.nothingMissing")}</p>
      )}

      {issued.length ? (
        <>
          <h2>{t("home.issuedReports")}</h2>
          <ul>
            {issued.map((file) => (
              <li key={file.locale}>
                <Link to={`/reviews/${review.id}/report.pdf?lang=${file.locale}`} reloadDocument>
                  {t(`common:languages.${file.locale}`)} — PDF
                </Link>{" "}
                ({t("home.pages", { count: file.pages })}) — {t("home.sha256")}: <code>{file.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <div className="grid-2">
        <section aria-labelledby="team-title">
          <h2 id="team-title">{t("home.team")}</h2>
          <ul>
            {members.map((member) => (
              <li key={member.userId}>
                {member.name} — {t(`common:roles.${member.role}`)}
                {member.affiliation ? <span className="muted"> · {member.affiliation}</span> : null}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="activity-title">
          <h2 id="activity-title">{t("home.activity")}</h2>
          {activity.length ? (
            <ul>
              {activity.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={new Date(entry.at).toISOString()}>{dates.dateTime(entry.at)}</time> —{" "}
                  {t("activity.entry", {
                    who: entry.userName ?? "—",
                    action: t(`activity.actions.${entry.action}`, { defaultValue: entry.action }),
                    entity: t(`activity.entities.${entry.entity}`, { defaultValue: entry.entity }),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("home.noActivity")}</p>
          )}
        </section>
      </div>
    </>
  );
}

type TimeZoneResult =
  | { ok: true; intent: "time-zone"; timeZone: string }
  | { ok: false; intent: "time-zone"; errors: Record<string, string[] | undefined>; values: Record<string, string | string[]> };

/** The lead expert's choice of the zone every date of the review is shown in. */
function TimeZoneForm({ current, timeZones, result, busy }: { current: string; timeZones: readonly string[]; result: TimeZoneResult | null; busy: boolean }) {
  const { t } = useTranslation("reviews");
  const typed = result && !result.ok ? String(result.values.timeZone ?? "") : current;
  return (
    <Form method="post" className="card no-print time-zone-form" key={current}>
      <input type="hidden" name="intent" value="time-zone" />
      {result?.ok ? (
        <p className="notice ok" role="status">
          {t("home.timeZoneSaved", { timeZone: result.timeZone })}
        </p>
      ) : null}
      <TextField
        name="timeZone"
        label={t("home.timeZone")}
        hint={t("home.timeZoneHint")}
        list="time-zones"
        autoComplete="off"
        spellCheck={false}
        defaultValue={typed}
        errors={result && !result.ok ? result.errors.timeZone : undefined}
      />
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <button type="submit" className="secondary" disabled={busy}>
        {t("home.saveTimeZone")}
      </button>
    </Form>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.review"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
