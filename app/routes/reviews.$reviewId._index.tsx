// Over 400 lines for now: the review home grew the phase-move confirmation and the issued view this round; to become a folder route (confirm dialog, issued panel) next.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { getFramework, localize } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, TextAreaField } from "#app/components/field";
import { listOpenComments } from "#app/models/comment.server";
import { appOrigin, notify } from "#app/models/notification.server";
import { listGaps, type Gap } from "#app/models/progress.server";
import { storeIssuedReports } from "#app/models/report.server";
import {
  getReview,
  listFactorsWithoutAgreedConclusion,
  listIssuedReports,
  listPhaseMoveRecipients,
  listRecentActivity,
  movePhase,
  phasesFor,
} from "#app/models/review.server";
import { listMembers } from "#app/models/review-members.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission, type ReviewAccess } from "#app/utils/auth.server";
import { useDates } from "#app/utils/use-dates";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, AUDIT_ENTITY_READ, canReadVerdicts, loaderPermission, type Permission } from "#app/utils/permissions";
import { localizedRatingScale } from "#benchmark/terms";
import { CycleProgressView } from "#app/components/cycle-progress";
import { getNextReview, getReviewProgress } from "#app/models/cycle.server";
import { PHASES, type Phase } from "#db/enums";
import { asRefusal } from "#app/utils/refusal";
import { choice, optionalText } from "#app/utils/validation";
import { isFormResult, parseSubmission, readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { invalid, readForm, refused } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";
import { listMyFactors } from "#app/models/factor-assignment.server";
import { MyFactors } from "#app/components/my-factors";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId._index"));
  const { review } = access;
  const locale = await getLocale(request);
  const can = (permission: Permission) => hasPermission(access, permission);
  const issuedNow = review.phase === "issued";
  const [gaps, members, activity, issued] = await Promise.all([
    // An issued review has nothing left to do: its home shows the report, not a to-do list.
    issuedNow ? [] : listGaps({ reviewId: review.id, can }),
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
  const moveTo = new URL(request.url).searchParams.get("move");
  const confirmation = moveTo && can("phase:move") ? await phaseMoveConfirmation({ access, to: moveTo, locale, gaps }) : null;
  // "My factors": what the lead asked this reviewer to cover, with the evidence logged for each.
  const myFactors = can("team:read") ? await listMyFactors({ review, userId: access.user.id, locale }) : [];
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
    confirmation,
    myFactors,
    // The dates, the zone and the report languages are changed on one page, the review's settings.
    canOpenSettings: hasPermission(access, "review:archive"),
    cycles: {
      cityId: full?.cityId ?? null,
      hostCity: review.hostCity,
      previousReviewId: full?.previousReviewId ?? null,
      nextReviewId: (await getNextReview({ reviewId: review.id }))?.id ?? null,
      canStart: can("cycle:start"),
      followUp: Boolean(full?.previousReviewId) && can("follow-up:read"),
      // The progress since the previous cycle, as far as the reader may read each cycle (docs/decisions/0031).
      progress: await getReviewProgress({ reviewId: review.id, userId: access.user.id, locale, verdicts: canReadVerdicts(access) }),
      scale: framework ? localizedRatingScale(framework, locale).map(({ id, label }) => ({ id, label })) : [],
    },
  };
}

/**
 * What the confirmation of a move shows: what is still incomplete for the step (the gaps of the
 * phase being left and before), the key factors without an agreed conclusion and the open
 * factual-check comments before an issue, and who will be told. Null for a phase that is not
 * one step away.
 */
async function phaseMoveConfirmation({ access, to, locale, gaps }: { access: ReviewAccess; to: string; locale: "fr" | "en"; gaps: Gap[] }) {
  const { review } = access;
  const phases = phasesFor(review.kind);
  const from = phases.indexOf(review.phase);
  const target = phases.indexOf(to as Phase);
  if (target === -1 || Math.abs(target - from) !== 1) return null;
  const backwards = target < from;
  const framework = getFramework(review.frameworkId);
  const factorTitle = (factorId: string | null) => {
    const factor = framework?.keyFactors.find((candidate) => candidate.id === factorId);
    return factor ? `${factor.number}. ${localize(factor.title, locale)}` : null;
  };
  const issuing = to === "issued";
  const [missing, open, recipients] = await Promise.all([
    issuing && review.kind === "peer-review" ? listFactorsWithoutAgreedConclusion({ reviewId: review.id }) : [],
    issuing ? listOpenComments({ reviewId: review.id }) : [],
    listPhaseMoveRecipients({ reviewId: review.id, to: to as Phase, actorId: access.user.id }),
  ]);
  return {
    to: to as Phase,
    backwards,
    correction: review.phase === "issued",
    incomplete: backwards ? [] : gaps.filter((gap) => phases.indexOf(gap.phase) < target),
    missingConclusions: missing.map((factor) => factorTitle(factor.id) ?? factor.id),
    openComments: open.map((comment) => ({ id: comment.id, part: comment.part, factor: factorTitle(comment.factorId), text: comment.text })),
    recipients: recipients.map(({ userId: _id, ...recipient }) => recipient),
  };
}

const PhaseMoveSchema = z.object({
  intent: z.literal("move-phase").optional(),
  to: choice(PHASES),
  reason: optionalText(2000),
  issueReason: optionalText(2000),
});

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const form = await readForm(request);
  authorize(access, actionPermission("reviews.$reviewId._index"), request);
  const { review, user } = access;
  const submission = parseSubmission(form, PhaseMoveSchema);
  if (submission.status !== "success") return invalid(submission);
  const { to, reason, issueReason } = submission.value;
  try {
    await movePhase({
      reviewId: review.id,
      to,
      reason,
      issueReason,
      userId: user.id,
      onIssue: async (issuedAt, recordedReason) => {
        await storeIssuedReports({ reviewId: review.id, issuedAt, reason: recordedReason });
      },
      // The whole team hears of it, each as their role reads the review in the new phase.
      onMoved: (tx, move) => notify(tx, { reviewId: review.id, kind: "phase-changed", params: move, except: user.id, origin: appOrigin(request) }),
    });
  } catch (error) {
    // A refused move (skipped phase, missing reason) is explained next to the form, typed reason kept.
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
  return redirect(`/reviews/${review.id}`);
}

export default function ReviewHome() {
  const { review, phases, gaps, members, activity, issued, canMovePhase, confirmation, canOpenSettings, myFactors, cycles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("reviews");
  const dates = useDates();
  const index = phases.indexOf(review.phase);
  const next = phases[index + 1];
  const previous = phases[index - 1];
  const moveResult = isFormResult(result) ? result : null;
  const current = issued.filter((file) => !file.supersededAt);
  const earlier = issued.filter((file) => file.supersededAt);
  return (
    <>
      <h1>{t("home.title")}</h1>
      {review.phase === "issued" && current.length ? (
        <section className="card issued-report" aria-labelledby="issued-title">
          <h2 id="issued-title">{t("home.issuedTitle")}</h2>
          <p>
            {t("home.issuedOn", { date: dates.day(current[0]!.issuedAt, { month: "long" }), version: current[0]!.version })}{" "}
            <Link to={`/reviews/${review.id}/report`}>{t("home.readReport")}</Link>
          </p>
          <IssuedFiles reviewId={review.id} files={current} />
        </section>
      ) : null}
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
      {canOpenSettings ? (
        <p className="no-print">
          <Link to={`/reviews/${review.id}/settings`}>{t("home.changeSettings")}</Link>
        </p>
      ) : null}
      <Cycles cycles={cycles} reviewId={review.id} />

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
        <div className="card no-print phase-moves">
          {/* Each move opens its confirmation first: a dialog, or without JavaScript the same page with ?move=. */}
          {next ? (
            <Form method="get" preventScrollReset>
              <input type="hidden" name="move" value={next} />
              <button type="submit">{next === "issued" ? t("home.issue") : t("home.moveForward", { phase: t(`common:phases.${next}`) })}</button>
            </Form>
          ) : null}
          {previous ? (
            <Form method="get" preventScrollReset>
              <input type="hidden" name="move" value={previous} />
              <button type="submit" className="secondary">
                {review.phase === "issued" ? t("home.correct") : t("home.moveBack", { phase: t(`common:phases.${previous}`) })}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {confirmation ? <PhaseMoveDialog reviewId={review.id} confirmation={confirmation} result={moveResult} busy={navigation.state !== "idle"} /> : null}

      {myFactors.length ? <MyFactors reviewId={review.id} factors={myFactors} /> : null}

      {review.phase !== "issued" ? (
        <>
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
        </>
      ) : null}

      {review.phase !== "issued" && current.length ? (
        <>
          <h2>{t("home.issuedReports")}</h2>
          <IssuedFiles reviewId={review.id} files={current} />
        </>
      ) : null}
      {earlier.length ? (
        <>
          <h2>{t("home.supersededReports")}</h2>
          <IssuedFiles reviewId={review.id} files={earlier} />
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

type IssuedFile = { locale: "fr" | "en"; version: number; sha256: string; pages: number; issuedAt: string | Date; supersededAt: string | Date | null };

/** The stored PDFs of one or more issued versions, each with its SHA-256; a superseded one says so. */
function IssuedFiles({ reviewId, files }: { reviewId: string; files: IssuedFile[] }) {
  const { t } = useFrameworkTranslation("reviews");
  const dates = useDates();
  return (
    <ul className="issued-files">
      {files.map((file) => (
        <li key={`${file.version}-${file.locale}`}>
          <Link to={`/reviews/${reviewId}/report.pdf?lang=${file.locale}&version=${file.version}`} reloadDocument>
            {t("home.fileName", { language: t(`common:languages.${file.locale}`), version: file.version })}
          </Link>{" "}
          ({t("home.pages", { count: file.pages })}) — {t("home.sha256")}: <code>{file.sha256}</code>
          {file.supersededAt ? (
            <span className="pill superseded"> {t("home.superseded", { date: dates.day(file.supersededAt, { month: "long" }) })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The review among the city's cycles: its city's page, the previous and next cycles, the follow-up, the progress. */
function Cycles({ cycles, reviewId }: { cycles: Awaited<ReturnType<typeof loader>>["cycles"]; reviewId: string }) {
  const { t } = useFrameworkTranslation("cycles");
  const dates = useDates();
  const links = [
    cycles.cityId ? { to: `/cities/${cycles.cityId}`, label: t("overview.city", { city: cycles.hostCity }) } : null,
    cycles.previousReviewId ? { to: `/reviews/${cycles.previousReviewId}`, label: t("overview.previousCycle") } : null,
    cycles.nextReviewId ? { to: `/reviews/${cycles.nextReviewId}`, label: t("overview.nextCycle") } : null,
    cycles.followUp ? { to: `/reviews/${reviewId}/follow-up`, label: t("followUp.link") } : null,
    cycles.canStart && !cycles.nextReviewId ? { to: `/reviews/${reviewId}/next-cycle`, label: t("overview.startNext") } : null,
  ].filter((link): link is { to: string; label: string } => link !== null);
  return (
    <>
      <ul className="cycle-links no-print">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
      {cycles.progress ? <CycleProgressView progress={cycles.progress} scale={cycles.scale} dates={dates} /> : null}
    </>
  );
}

type Confirmation = NonNullable<Awaited<ReturnType<typeof loader>>["confirmation"]>;

/**
 * The confirmation of a phase move: a modal dialog once the page runs JavaScript, the same
 * content shown in place (an open dialog) without it. It lists what is incomplete, before an issue
 * the factors without an agreed conclusion (a reason is then required) and the open comments, and
 * who will be told.
 */
function PhaseMoveDialog({ reviewId, confirmation, result, busy }: { reviewId: string; confirmation: Confirmation; result: FormResult | null; busy: boolean }) {
  const { t } = useFrameworkTranslation("reviews");
  const ref = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const { to, backwards, correction, incomplete, missingConclusions, openComments, recipients } = confirmation;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Rendered open for a page without JavaScript; made modal (focus kept inside, Escape closes) once it runs.
    if (dialog.open && !dialog.matches(":modal")) dialog.close();
    if (!dialog.open) dialog.showModal();
  }, [to]);
  const phase = t(`common:phases.${to}`);
  const title =
    to === "issued"
      ? t("confirm.issueTitle")
      : correction
        ? t("confirm.correctTitle")
        : backwards
          ? t("confirm.backTitle", { phase })
          : t("confirm.forwardTitle", { phase });
  const [form, fields] = useSchemaForm(PhaseMoveSchema, { id: "phase-move", lastResult: result });
  const { values, formError } = readResult(result);
  const typed = (name: string) => String(values[name] ?? "");
  return (
    <dialog
      ref={ref}
      open
      className="phase-dialog"
      aria-labelledby="phase-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        navigate(`/reviews/${reviewId}`, { preventScrollReset: true });
      }}
    >
      <h2 id="phase-dialog-title">{title}</h2>
      {correction ? <p className="notice warn">{t("confirm.correctionNotice")}</p> : null}
      {to === "issued" ? <p className="notice warn">{t("home.issueWarning")}</p> : null}
      {!backwards ? (
        <>
          <h3>{t("confirm.incomplete")}</h3>
          {incomplete.length ? (
            <ul className="gaps">
              {incomplete.map((gap) => (
                <li key={`${gap.key}-${JSON.stringify(gap.values)}`}>{t(gap.key, gap.values)}</li>
              ))}
            </ul>
          ) : (
            <p>{t("confirm.nothingIncomplete")}</p>
          )}
        </>
      ) : null}
      {missingConclusions.length ? (
        <>
          <h3>{t("confirm.missingConclusions", { count: missingConclusions.length })}</h3>
          <ul className="missing-conclusions">
            {missingConclusions.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </>
      ) : null}
      {to === "issued" ? (
        <>
          <h3>{t("confirm.openComments", { count: openComments.length })}</h3>
          {openComments.length ? (
            <ul className="open-comments">
              {openComments.map((comment) => (
                <li key={comment.id}>
                  <strong>{comment.factor ?? t(`confirm.parts.${comment.part}`)}</strong> —{" "}
                  {comment.text.length > 140 ? `${comment.text.slice(0, 140)}…` : comment.text}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      <h3>{t("confirm.told")}</h3>
      {recipients.length ? (
        <ul className="recipients">
          {recipients.map((recipient) => (
            <li key={`${recipient.name}-${recipient.role}`}>
              {recipient.name} — {t(`common:roles.${recipient.role}`)} ({recipient.byMail ? t("confirm.byMail") : t("confirm.inApp")})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("confirm.nobodyTold")}</p>
      )}
      <Form method="post" preventScrollReset {...getFormProps(form)}>
        <input type="hidden" name="intent" value="move-phase" />
        <input type="hidden" name="to" value={to} />
        <FormError message={form.errors?.[0] ?? formError} />
        {backwards ? (
          <TextAreaField
            name="reason"
            label={correction ? t("confirm.correctionReason") : t("home.reason")}
            hint={t("home.reasonHint")}
            rows={3}
            required
            defaultValue={typed("reason")}
            errors={fields.reason.errors}
          />
        ) : null}
        {missingConclusions.length ? (
          <TextAreaField
            name="issueReason"
            label={t("confirm.issueReason")}
            hint={t("confirm.issueReasonHint")}
            rows={3}
            defaultValue={typed("issueReason")}
            errors={fields.issueReason.errors}
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {to === "issued" ? t("confirm.issue") : correction ? t("confirm.correct") : t("confirm.move")}
          </button>
          <Link to={`/reviews/${reviewId}`} preventScrollReset className="button secondary">
            {t("confirm.cancel")}
          </Link>
        </div>
      </Form>
    </dialog>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.review"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
