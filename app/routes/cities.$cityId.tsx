import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getFramework, localize } from "#benchmark/index";
import { localizedRatingScale } from "#benchmark/terms";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { CycleProgressView } from "#app/components/cycle-progress";
import { ChoiceGroup, FormError, TextField } from "#app/components/field";
import { updateCity } from "#app/models/city.server";
import { accessOf, buildProgress, getCityHistory } from "#app/models/cycle.server";
import { notFound, requireAdmin, requireUser } from "#app/utils/auth.server";
import { datesFor, listTimeZones, TimeZoneSchema } from "#app/utils/dates";
import { isFormResult, parseSubmission, readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { invalid, readForm, refused } from "#app/utils/forms.server";
import { LOCALES, pageTitle } from "#app/utils/i18n";
import { asRefusal } from "#app/utils/refusal";
import { guardWrites } from "#app/utils/storage.server";
import { choice, msg, requiredText } from "#app/utils/validation";
import { getLocale } from "#app/utils/locale.server";
import { canReadVerdicts } from "#app/utils/permissions";

/*
 * A city's reviews and self-assessments over the years, oldest first, with the progress figures
 * across them. Only the reviews the reader is a member of are listed, and of each only what the
 * reader's role there may read (the administrator: every review, without content); a city with
 * none of them is "not found", as a review is.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const history = params.cityId ? await getCityHistory({ cityId: params.cityId, user }) : null;
  if (!history || !history.reviews.length) notFound();
  const locale = await getLocale(request);
  const member = history.reviews.filter((review) => review.role);
  // The progress runs over the reviews on one framework, the newest cycle's (a review that follows
  // another, else the newest): ratings compare within a framework only.
  const newest = [...member].reverse().find((review) => review.previousReviewId) ?? member[member.length - 1];
  const comparable = newest ? member.filter((review) => review.frameworkId === newest.frameworkId) : [];
  const access = await accessOf(
    comparable.map((review) => review.id),
    user.id,
  );
  const newestRole = newest?.role;
  const progress =
    access.length > 1 && newest
      ? await buildProgress({
          cycles: access,
          locale,
          followUpOf: newest.previousReviewId ? newest.id : null,
          verdicts: newestRole ? canReadVerdicts({ role: newestRole, review: { phase: newest.phase } }) : false,
        })
      : null;
  const framework = newest ? getFramework(newest.frameworkId) : undefined;
  return {
    // The administrator corrects the city's record for all its reviews.
    timeZones: user.isAdmin ? listTimeZones() : null,
    city: { id: history.city.id, name: history.city.name, country: history.city.country, timeZone: history.city.timeZone, languages: history.city.languages },
    isAdminView: !member.length,
    reviews: history.reviews.map((review) => ({
      id: review.id,
      kind: review.kind,
      phase: review.phase,
      role: review.role,
      framework: (() => {
        const found = getFramework(review.frameworkId);
        return found ? `${localize(found.shortTitle ?? found.title, locale)} ${review.frameworkVersion}` : review.frameworkId;
      })(),
      issuedAt: review.issuedAt,
      createdAt: review.createdAt,
      visitStart: review.visitStart,
      visitEnd: review.visitEnd,
      // Only a review the reader sees here is named as the one this follows.
      previousReviewId: history.reviews.some((other) => other.id === review.previousReviewId) ? review.previousReviewId : null,
    })),
    progress,
    scale: framework ? localizedRatingScale(framework, locale).map(({ id, label }) => ({ id, label })) : [],
  };
}

const CitySchema = z.object({
  name: requiredText(200),
  country: requiredText(200),
  timeZone: TimeZoneSchema,
  languages: z.array(choice(LOCALES), { error: msg("cycles:city.edit.pickLanguage") }).min(1, msg("cycles:city.edit.pickLanguage")),
});

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseSubmission(await readForm(request), CitySchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateCity({ cityId: params.cityId ?? "", facts: submission.value, userId: admin.id });
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
  return redirect(`/cities/${params.cityId}?saved=city`);
}

/** The administrator's form: what was typed comes back with the messages when something is refused. */
function CityForm({
  city,
  timeZones,
  result,
}: {
  city: { name: string; country: string; timeZone: string; languages: string[] };
  timeZones: readonly string[];
  result: FormResult | null;
}) {
  const { t } = useTranslation("cycles");
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(CitySchema, { id: "city", lastResult: result });
  const { values, formError } = readResult(result);
  const typed = (name: string, saved: string) => (result ? String(values[name] ?? "") : saved);
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <FormError message={formError} />
      <p className="hint">{t("city.edit.intro")}</p>
      <div className="grid-2">
        <TextField label={t("city.edit.name")} name="name" required defaultValue={typed("name", city.name)} errors={fields.name.errors} />
        <TextField label={t("city.edit.country")} name="country" required defaultValue={typed("country", city.country)} errors={fields.country.errors} />
      </div>
      <TextField
        label={t("city.edit.timeZone")}
        hint={t("city.edit.timeZoneHint")}
        name="timeZone"
        list="city-time-zones"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={typed("timeZone", city.timeZone)}
        errors={fields.timeZone.errors}
      />
      <datalist id="city-time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <ChoiceGroup
        legend={t("city.edit.languages")}
        name="languages"
        type="checkbox"
        options={LOCALES.map((value) => ({ value, label: t(`common:languages.${value}`) }))}
        value={result ? [values.languages ?? []].flat().map(String) : city.languages}
        errors={fields.languages.errors}
      />
      <div className="actions">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("city.edit.save")}
        </button>
      </div>
    </Form>
  );
}

export default function CityPage() {
  const { city, reviews, progress, scale, isAdminView, timeZones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("cycles");
  const dates = useMemo(() => datesFor({ locale: i18n.language, timeZone: city.timeZone }), [i18n.language, city.timeZone]);
  const dateOf = (id: string | null) => {
    const review = reviews.find((candidate) => candidate.id === id);
    return review ? dates.day(review.issuedAt ?? review.createdAt, { month: "long" }) : null;
  };
  return (
    <>
      <h1>{t("city.heading", { city: city.name, country: city.country })}</h1>
      <p className="muted">
        {t("city.timeZone", { zone: city.timeZone })} ·{" "}
        {t("city.languages", { languages: city.languages.map((language) => t(`common:languages.${language}`)).join(", ") })}
      </p>
      {searchParams.get("saved") === "city" && !actionData ? (
        <p className="notice ok" role="status">
          {t("city.edit.saved")}
        </p>
      ) : null}
      {timeZones ? (
        <section aria-labelledby="city-edit">
          <h2 id="city-edit">{t("city.edit.title")}</h2>
          <CityForm city={city} timeZones={timeZones} result={isFormResult(actionData) ? actionData : null} />
        </section>
      ) : null}
      <section aria-labelledby="city-reviews">
        <h2 id="city-reviews">{t("city.reviews")}</h2>
        <p className="hint">{isAdminView ? t("city.adminIntro") : t("city.intro")}</p>
        <ol className="city-reviews">
          {reviews.map((review) => (
            <li key={review.id} className="card">
              <p>
                <strong>{review.role ? <Link to={`/reviews/${review.id}`}>{t(`city.kinds.${review.kind}`)}</Link> : t(`city.kinds.${review.kind}`)}</strong> —{" "}
                {review.framework} · {t(`common:phases.${review.phase}`)}
              </p>
              <p className="muted">
                {review.issuedAt
                  ? t("city.issued", { date: dates.day(review.issuedAt, { month: "long" }) })
                  : t("city.started", { date: dates.day(review.createdAt, { month: "long" }) })}
                {review.visitStart ? ` · ${dates.calendarRange(review.visitStart, review.visitEnd)}` : null}
                {review.previousReviewId && dateOf(review.previousReviewId) ? ` · ${t("city.follows", { date: dateOf(review.previousReviewId) })}` : null}
              </p>
              <p className="muted">{review.role ? t("city.yourRole", { role: t(`common:roles.${review.role}`) }) : t("city.notMember")}</p>
            </li>
          ))}
        </ol>
      </section>
      {progress ? <CycleProgressView progress={progress} scale={scale} dates={dates} /> : isAdminView ? null : <p className="muted">{t("progress.onlyOne")}</p>}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.city"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
