import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ChoiceGroup, FormError, SelectField, TextField } from "#app/components/field";
import { getReview, handLeadRole, listTeamRoles, setReviewArchived, updateReviewSettings } from "#app/models/review.server";
import { hasPermission, requireAdmin, requireReviewPermission, requireReviewPermissionOrAdmin, requireUser } from "#app/utils/auth.server";
import { listTimeZones, TimeZoneSchema } from "#app/utils/dates";
import { isFormResult, parseSubmission, readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { invalid, phaseClosed, phaseClosedBy, readForm, refused, unparsedSubmission } from "#app/utils/forms.server";
import { LOCALES, pageTitle } from "#app/utils/i18n";
import { actionPermission, loaderPermission, phasesGranting, type Permission } from "#app/utils/permissions";
import { asRefusal } from "#app/utils/refusal";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { choice, msg, optionalDateSchema, requiredText } from "#app/utils/validation";

/*
 * A review's settings: the lead expert corrects the city, the visit dates (a postponed visit), the
 * time zone and the report's languages; the administrator hands the lead role on; either archives
 * and unarchives. Outside the review's layout because the administrator opens it without being a
 * member of the review.
 */

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermissionOrAdmin(request, params.reviewId, loaderPermission("reviews.$reviewId_.settings"));
  const review = (await getReview({ reviewId: access.review.id }))!;
  const may = (permission: Permission) => (access.role ? hasPermission({ ...access, role: access.role }, permission) : false);
  const canHandLead = access.user.isAdmin;
  const team = await listTeamRoles({ reviewId: review.id });
  const canEdit = may("review:settings");
  return {
    review: {
      id: review.id,
      hostCity: review.hostCity,
      country: review.country,
      kind: review.kind,
      phase: review.phase,
      visitStart: review.visitStart,
      visitEnd: review.visitEnd,
      timeZone: review.timeZone,
      reportLocale: review.reportLocale,
      reportLocales: review.reportLocales,
      archivedAt: review.archivedAt,
    },
    role: access.role,
    canEdit,
    // Why the settings cannot be changed now, when they cannot (everyone here may archive).
    closed: canEdit ? null : review.archivedAt ? "archived" : access.role && phasesGranting(access.role, "review:settings").length ? "phase" : "lead-only",
    leads: team.filter((member) => member.leads).map((member) => member.name),
    // Only the administrator hands the lead role on: the team's names and roles, nothing more.
    members: canHandLead ? team : null,
    timeZones: canEdit ? listTimeZones() : null,
  };
}

const SettingsSchema = z
  .object({
    intent: z.literal("update"),
    hostCity: requiredText(200),
    country: requiredText(200),
    visitStart: optionalDateSchema,
    visitEnd: optionalDateSchema,
    timeZone: TimeZoneSchema,
    reportLocales: z.array(choice(LOCALES), { error: msg("reviews:settings.pickLanguage") }).min(1, msg("reviews:settings.pickLanguage")),
    reportLocale: choice(LOCALES),
  })
  .superRefine((value, context) => {
    if (value.visitEnd && !value.visitStart) context.addIssue({ code: "custom", path: ["visitStart"], message: msg("reviews:settings.startMissing") });
    if (value.visitStart && value.visitEnd && value.visitEnd < value.visitStart) {
      context.addIssue({ code: "custom", path: ["visitEnd"], message: msg("reviews:new.visitOrder") });
    }
    if (!value.reportLocales.includes(value.reportLocale)) {
      context.addIssue({ code: "custom", path: ["reportLocale"], message: msg("reviews:settings.mainNotIssued") });
    }
  });

const ArchiveSchema = z.object({
  intent: z.literal("archive"),
  archived: choice(["yes", "no"]),
});

const FORMER_LEAD = ["peer-reviewer", "lead-expert"] as const;

const HandLeadSchema = z.object({
  intent: z.literal("hand-lead"),
  userId: requiredText(100),
  formerLead: choice(FORMER_LEAD),
});

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const back = (saved: string) => redirect(`/reviews/${params.reviewId}/settings?saved=${saved}`);

  if (intent === "update") {
    let access;
    try {
      access = await requireReviewPermission(request, params.reviewId, actionPermission("reviews.$reviewId_.settings", "update"));
    } catch (error) {
      // Issued or archived while the lead typed: the form comes back with what was typed.
      const phase = phaseClosedBy(error);
      if (phase) return phaseClosed(unparsedSubmission(form), phase);
      const refusal = asRefusal(error);
      if (refusal?.status === 409) return refused(unparsedSubmission(form), refusal);
      throw error;
    }
    const submission = parseSubmission(form, SettingsSchema);
    if (submission.status !== "success") return invalid(submission);
    const { intent: _intent, ...settings } = submission.value;
    try {
      await updateReviewSettings({ reviewId: access.review.id, settings, userId: access.user.id });
    } catch (error) {
      const refusal = asRefusal(error);
      if (!refusal) throw error;
      return refused(submission, refusal);
    }
    return back("settings");
  }

  if (intent === "archive") {
    const access = await requireReviewPermissionOrAdmin(request, params.reviewId, actionPermission("reviews.$reviewId_.settings", "archive"));
    const submission = parseSubmission(form, ArchiveSchema);
    if (submission.status !== "success") return invalid(submission);
    const archived = submission.value.archived === "yes";
    await setReviewArchived({ reviewId: access.review.id, archived, userId: access.user.id });
    return back(archived ? "archived" : "unarchived");
  }

  if (intent === "hand-lead") {
    const user = await requireAdmin(request);
    const review = params.reviewId ? await getReview({ reviewId: params.reviewId }) : undefined;
    if (!review) throw data({ message: "errors.pageNotFound" }, { status: 404 });
    const submission = parseSubmission(form, HandLeadSchema);
    if (submission.status !== "success") return invalid(submission);
    try {
      await handLeadRole({ reviewId: review.id, newLeadId: submission.value.userId, formerLead: submission.value.formerLead, userId: user.id });
    } catch (error) {
      const refusal = asRefusal(error);
      if (!refusal) throw error;
      return refused(submission, refusal);
    }
    return back("lead");
  }

  return invalid(unparsedSubmission(form), { formErrors: ["errors.fixBelow"] });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ReviewSettings() {
  const { review, role, canEdit, closed, leads, members, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = isFormResult(actionData) ? actionData : null;
  const sent = readResult(result).values.intent;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("reviews");
  const dates = useDates();
  const saved = searchParams.get("saved");
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <p className="muted review-kicker">
        {t(`common:kinds.${review.kind}`)} · {t(`common:phases.${review.phase}`)} · {role ? t(`common:roles.${role}`) : t("settings.administrator")}
      </p>
      <p className="review-title">
        <strong>
          {review.hostCity} ({review.country})
        </strong>{" "}
        {role ? <Link to={`/reviews/${review.id}`}>{t("settings.backToReview")}</Link> : <Link to="/reviews">{t("settings.allReviews")}</Link>}
      </p>
      <h1>{t("settings.title")}</h1>
      {saved && ["settings", "archived", "unarchived", "lead"].includes(saved) ? (
        <p className="notice ok" role="status">
          {t(`settings.saved.${saved}`)}
        </p>
      ) : null}
      {review.archivedAt ? (
        <p className="notice warn" data-archived>
          {t("settings.archivedSince", { date: dates.day(review.archivedAt, { month: "long" }) })} {t("archive.readOnly")}
        </p>
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("settings.detailsTitle")}</h2>
        {canEdit && timeZones ? (
          <SettingsForm review={review} timeZones={timeZones} result={sent === "update" ? result : null} busy={busy} />
        ) : (
          <>
            <p className="muted">{t(`settings.closed.${closed ?? "lead-only"}`)}</p>
            <Facts review={review} />
          </>
        )}
      </section>

      {members ? (
        <HandLeadForm leads={leads} members={members} result={sent === "hand-lead" ? result : null} busy={busy} archived={Boolean(review.archivedAt)} />
      ) : null}

      <section aria-labelledby="archive-title" className="card">
        <h2 id="archive-title">{t("settings.archiveTitle")}</h2>
        <p>{t("settings.archiveIntro")}</p>
        <FormError message={sent === "archive" ? readResult(result).formError : null} />
        <Form method="post">
          <input type="hidden" name="intent" value="archive" />
          <input type="hidden" name="archived" value={review.archivedAt ? "no" : "yes"} />
          <button type="submit" className={review.archivedAt ? undefined : "secondary"} disabled={busy}>
            {review.archivedAt ? t("settings.unarchive") : t("settings.archive")}
          </button>
        </Form>
      </section>
    </>
  );
}

function Facts({ review }: { review: LoaderData["review"] }) {
  const { t } = useTranslation("reviews");
  const dates = useDates();
  return (
    <dl className="facts">
      <dt>{t("new.hostCity")}</dt>
      <dd>{review.hostCity}</dd>
      <dt>{t("new.country")}</dt>
      <dd>{review.country}</dd>
      <dt>{t("home.visit")}</dt>
      <dd>{review.visitStart ? `${dates.calendarDate(review.visitStart)} – ${review.visitEnd ? dates.calendarDate(review.visitEnd) : "…"}` : "—"}</dd>
      <dt>{t("home.timeZone")}</dt>
      <dd>{review.timeZone}</dd>
      <dt>{t("settings.reportLocales")}</dt>
      <dd>{review.reportLocales.map((locale) => t(`common:languages.${locale}`)).join(", ")}</dd>
      <dt>{t("settings.reportLocale")}</dt>
      <dd>{t(`common:languages.${review.reportLocale}`)}</dd>
    </dl>
  );
}

/** The lead's form: typed values come back with the messages when something is refused. */
function SettingsForm({
  review,
  timeZones,
  result,
  busy,
}: {
  review: LoaderData["review"];
  timeZones: readonly string[];
  result: FormResult | null;
  busy: boolean;
}) {
  const { t } = useTranslation("reviews");
  const [form, fields] = useSchemaForm(SettingsSchema, { id: "settings", lastResult: result });
  const { values, formError } = readResult(result);
  const typed = (name: string, current: string | null) => (result ? String(values[name] ?? "") : (current ?? ""));
  const languages = result ? [values.reportLocales ?? []].flat() : review.reportLocales;
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="update" />
      <FormError message={formError} />
      <p className="hint">{t("settings.detailsIntro")}</p>
      <TextField label={t("new.hostCity")} name="hostCity" required defaultValue={typed("hostCity", review.hostCity)} errors={fields.hostCity.errors} />
      <TextField label={t("new.country")} name="country" required defaultValue={typed("country", review.country)} errors={fields.country.errors} />
      <TextField
        label={t("new.visitStart")}
        name="visitStart"
        type="date"
        defaultValue={typed("visitStart", review.visitStart)}
        errors={fields.visitStart.errors}
      />
      <TextField label={t("new.visitEnd")} name="visitEnd" type="date" defaultValue={typed("visitEnd", review.visitEnd)} errors={fields.visitEnd.errors} />
      <TextField
        label={t("new.timeZone")}
        hint={t("new.timeZoneHint")}
        name="timeZone"
        list="settings-time-zones"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={typed("timeZone", review.timeZone)}
        errors={fields.timeZone.errors}
      />
      <datalist id="settings-time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <ChoiceGroup
        legend={t("settings.reportLocales")}
        name="reportLocales"
        type="checkbox"
        options={LOCALES.map((value) => ({ value, label: t(`common:languages.${value}`) }))}
        value={languages}
        errors={fields.reportLocales.errors}
      />
      <SelectField
        label={t("settings.reportLocale")}
        hint={t("settings.reportLocaleHint")}
        name="reportLocale"
        defaultValue={typed("reportLocale", review.reportLocale)}
        options={LOCALES.map((value) => ({ value, label: t(`common:languages.${value}`) }))}
        errors={fields.reportLocale.errors}
      />
      <button type="submit" disabled={busy}>
        {t("settings.save")}
      </button>
    </Form>
  );
}

/** The administrator's hand-over of the lead role. */
function HandLeadForm({
  leads,
  members,
  result,
  busy,
  archived,
}: {
  leads: string[];
  members: NonNullable<LoaderData["members"]>;
  result: FormResult | null;
  busy: boolean;
  archived: boolean;
}) {
  const { t } = useTranslation("reviews");
  const [form, fields] = useSchemaForm(HandLeadSchema, { id: "hand-lead", lastResult: result });
  const { values, formError } = readResult(result);
  const firstOther = members.find((member) => !member.leads)?.userId ?? members[0]?.userId ?? "";
  return (
    <section aria-labelledby="lead-title">
      <h2 id="lead-title">{t("settings.leadTitle")}</h2>
      <p>{t("settings.currentLeads", { names: leads.join(", ") || "—" })}</p>
      {archived ? (
        <p className="muted">{t("settings.closed.archived")}</p>
      ) : (
        <Form method="post" className="card" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="hand-lead" />
          <FormError message={formError} />
          <SelectField
            label={t("settings.newLead")}
            name="userId"
            defaultValue={String(values.userId ?? firstOther)}
            options={members.map((member) => ({ value: member.userId, label: `${member.name} — ${t(`common:roles.${member.role}`)}` }))}
            errors={fields.userId.errors}
          />
          <ChoiceGroup
            legend={t("settings.formerLead")}
            name="formerLead"
            type="radio"
            options={FORMER_LEAD.map((value) => ({ value, label: t(`settings.former.${value}`) }))}
            value={String(values.formerLead ?? "peer-reviewer")}
            errors={fields.formerLead.errors}
          />
          <button type="submit" disabled={busy}>
            {t("settings.handLead")}
          </button>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.settings"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
