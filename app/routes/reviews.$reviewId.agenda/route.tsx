import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { listLocalizedFactors, requireFramework } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FieldErrors, SelectField } from "#app/components/field";
import { addSlot, confirmSlot, createInterviewFromSlot, listAgenda, removeSlot, updateSlot } from "#app/models/agenda.server";
import { listVisitReviewers } from "#app/models/interview.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { isFormResult, parseSubmission, readResult } from "#app/utils/forms";
import { invalid, phaseClosed, phaseClosedBy, readForm, refused, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { asRefusal } from "#app/utils/refusal";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { INTERVIEW_FORMATS, PARTICIPANT_CATEGORIES } from "#db/enums";
import { ActionSchema, IntentSchema, type Intent } from "./schema";
import { SlotForm, type SlotFormContext } from "./slot-form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.agenda"));
  const { review } = access;
  const locale = await getLocale(request);
  const framework = requireFramework(review.frameworkId);
  const [slots, reviewers] = await Promise.all([listAgenda({ reviewId: review.id }), listVisitReviewers({ reviewId: review.id })]);
  // Interview records are the peer team's working material: others learn only that one exists.
  const canReadInterviews = hasPermission(access, "evidence:read");
  return {
    reviewId: review.id,
    slots: slots.map(({ interviewId, ...slot }) => ({ ...slot, interviewed: Boolean(interviewId), interviewId: canReadInterviews ? interviewId : null })),
    factors: listLocalizedFactors(framework, locale).map(({ id, number, title }) => ({ id, number, title })),
    reviewers: reviewers.map(({ id, name }) => ({ id, name })),
    can: {
      propose: hasPermission(access, "agenda:propose"),
      manage: hasPermission(access, "agenda:manage"),
      createInterview: hasPermission(access, "evidence:write"),
    },
  };
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const { review, user } = access;
  const form = await readForm(request);
  const chosen = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!chosen.success) return invalid(unparsedSubmission(form), { formErrors: ["agenda:errors.unknownIntent"] });
  const { intent } = chosen.data;
  try {
    authorize(access, actionPermission("reviews.$reviewId.agenda", intent), request);
  } catch (error) {
    // The phase moved on while the form was filled in: say so, keep what was typed.
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    return phaseClosed(unparsedSubmission(form), phase);
  }
  const submission = parseSubmission(form, ActionSchema);
  if (submission.status !== "success") return invalid(submission);
  const submitted = submission.value;
  const scope = { reviewId: review.id, userId: user.id };
  let slotId: string;
  try {
    switch (submitted.intent) {
      case "propose":
      case "add": {
        const { intent: _intent, ...input } = submitted;
        // A proposal names no reviewer: who leads a meeting is the lead expert's call.
        slotId = await addSlot({
          review,
          userId: user.id,
          input: submitted.intent === "propose" ? { ...input, leadReviewerId: null } : input,
          state: submitted.intent === "propose" ? "proposed" : "confirmed",
        });
        break;
      }
      case "update": {
        const { intent: _intent, slotId: id, ...input } = submitted;
        await updateSlot({ review, userId: user.id, slotId: id, input });
        slotId = id;
        break;
      }
      case "confirm":
        await confirmSlot({ ...scope, slotId: submitted.slotId });
        slotId = submitted.slotId;
        break;
      case "remove":
        await removeSlot({ ...scope, slotId: submitted.slotId });
        return redirect(`/reviews/${review.id}/agenda?done=remove`);
      case "create-interview": {
        const interviewId = await createInterviewFromSlot({ ...scope, slotId: submitted.slotId, format: submitted.format, category: submitted.category });
        // The new record opens in the interview form, to be completed there.
        return redirect(`/reviews/${review.id}/interviews?saved=${interviewId}&edit=${interviewId}#interview-form-title`);
      }
    }
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
  return redirect(`/reviews/${review.id}/agenda?done=${intent}#slot-${slotId}`);
}

export const clientAction = keepTextOnFailure;

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Agenda() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useFrameworkTranslation("agenda");
  const dates = useDates();
  const result = isFormResult(actionData) ? actionData : null;
  const failure = result ? readResult(result) : null;
  const done = searchParams.get("done") as Intent | null;
  const context: SlotFormContext = { factors: data.factors, reviewers: data.reviewers, result, failure };
  const days = [...new Set(data.slots.map((slot) => slot.date))];
  const newIntent = data.can.manage ? "add" : data.can.propose ? "propose" : null;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t(data.can.manage ? "intro.lead" : data.can.propose ? "intro.host" : "intro.reader")}</p>
      {done ? (
        <p className="notice ok" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {failure?.formError && !failure.values.slotId && !["propose", "add"].includes(String(failure.values.intent)) ? (
        <FieldErrors id="agenda-error" errors={[failure.formError]} />
      ) : null}
      {days.length ? (
        days.map((day) => (
          <section key={day} aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>{dates.calendarDate(day, { month: "long" })}</h2>
            {data.slots
              .filter((slot) => slot.date === day)
              .map((slot) => (
                <Slot key={slot.id} slot={slot} data={data} context={context} />
              ))}
          </section>
        ))
      ) : (
        <p className="muted">{t("empty")}</p>
      )}
      {newIntent ? (
        <section className="card" aria-labelledby="new-slot-title">
          <h2 id="new-slot-title">{t(newIntent === "add" ? "new.add" : "new.propose")}</h2>
          {newIntent === "propose" ? <p className="muted">{t("new.proposeHint")}</p> : null}
          <SlotForm intent={newIntent} context={context} />
        </section>
      ) : null}
    </>
  );
}

function Slot({ slot, data, context }: { slot: LoaderData["slots"][number]; data: LoaderData; context: SlotFormContext }) {
  const { t } = useFrameworkTranslation("agenda");
  const dates = useDates();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { failure } = context;
  const mine = failure && failure.values.slotId === slot.id ? failure : null;
  const rowErrors =
    mine && mine.values.intent !== "update" ? [...(mine.formError ? [mine.formError] : []), ...Object.values(mine.errors).flatMap((e) => e ?? [])] : [];
  const factors = slot.factorIds.map((id) => data.factors.find((factor) => factor.id === id)).filter((factor) => factor !== undefined);
  return (
    <article className="card agenda-slot" id={`slot-${slot.id}`} data-state={slot.state} aria-labelledby={`slot-${slot.id}-title`}>
      <h3 id={`slot-${slot.id}-title`}>
        <span className="agenda-time">{dates.wallClockRange(slot.date, slot.startTime, slot.endTime || null)}</span> · {slot.meeting}{" "}
        <span className={`pill slot-${slot.state}`}>{t(`states.${slot.state}`)}</span>
      </h3>
      <dl className="agenda-facts">
        <dt>{t("fields.place")}</dt>
        <dd>{slot.place || "—"}</dd>
        <dt>{t("fields.factors")}</dt>
        <dd>{factors.length ? factors.map((factor) => t("factorLabel", { number: factor.number, title: factor.title })).join(" · ") : "—"}</dd>
        <dt>{t("fields.leadReviewer")}</dt>
        <dd>{slot.leadReviewerName ?? "—"}</dd>
        {slot.interviewed ? (
          <>
            <dt>{t("fields.interview")}</dt>
            <dd>
              {slot.interviewId ? (
                <Link to={`/reviews/${data.reviewId}/interviews#interview-${slot.interviewId}`}>{t("interviewLink")}</Link>
              ) : (
                t("interviewDone")
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <FieldErrors id={`slot-${slot.id}-error`} errors={rowErrors.length ? rowErrors : undefined} />
      <div className="actions">
        {data.can.manage && slot.state === "proposed" ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="slotId" value={slot.id} />
            <button type="submit" disabled={busy}>
              {t("confirm")}
            </button>
          </Form>
        ) : null}
        {data.can.manage ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="slotId" value={slot.id} />
            <button type="submit" className="button-link" disabled={busy} aria-label={t("removeLabel", { meeting: slot.meeting })}>
              {t("remove")}
            </button>
          </Form>
        ) : null}
      </div>
      {data.can.createInterview && !slot.interviewed ? (
        <Form method="post" className="inline-form agenda-interview">
          <input type="hidden" name="intent" value="create-interview" />
          <input type="hidden" name="slotId" value={slot.id} />
          <SelectField
            label={t("interview.format")}
            name="format"
            defaultValue="interview"
            options={INTERVIEW_FORMATS.map((format) => ({ value: format, label: t(`evidence:formats.${format}`) }))}
          />
          <SelectField
            label={t("interview.category")}
            name="category"
            defaultValue="city-official"
            options={PARTICIPANT_CATEGORIES.map((category) => ({ value: category, label: t(`evidence:categories.${category}`) }))}
          />
          <button type="submit" disabled={busy}>
            {t("interview.create")}
          </button>
        </Form>
      ) : null}
      {data.can.manage ? (
        <details open={mine?.values.intent === "update"}>
          <summary>{t("edit")}</summary>
          <SlotForm intent="update" slot={slot} context={context} />
        </details>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.agenda"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
