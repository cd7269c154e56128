import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getFramework, localize } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError } from "#app/components/field";
import { getNextCyclePlan, startNextCycle } from "#app/models/cycle.server";
import { requireReviewPermissionOrAdmin } from "#app/utils/auth.server";
import { isFormResult, parseSubmission, readResult, useSchemaForm } from "#app/utils/forms";
import { invalid, readForm, refused } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { asRefusal } from "#app/utils/refusal";
import { guardWrites } from "#app/utils/storage.server";

/*
 * Starting the next cycle of a review's city: the lead of the review, or the administrator without
 * being a member. The page says what the new review takes over; a review that is not issued (a
 * self-assessment: not finished) or already followed is refused with the reason, here and on posting.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermissionOrAdmin(request, params.reviewId, loaderPermission("reviews.$reviewId_.next-cycle"));
  const locale = await getLocale(request);
  const plan = await getNextCyclePlan({ reviewId: access.review.id });
  const framework = getFramework(plan.review.frameworkId);
  return {
    review: {
      id: plan.review.id,
      hostCity: plan.review.hostCity,
      country: plan.review.country,
      kind: plan.review.kind,
      phase: plan.review.phase,
      cityId: plan.review.cityId,
    },
    isMember: Boolean(access.role),
    framework: framework ? localize(framework.title, locale) : plan.review.frameworkId,
    oldVersion: plan.review.frameworkVersion,
    version: plan.frameworkVersion,
    newerVersion: plan.newerVersion,
    next: plan.next,
    refusal: plan.refusal,
  };
}

const StartSchema = z.object({ intent: z.literal("start") });

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewPermissionOrAdmin(request, params.reviewId, actionPermission("reviews.$reviewId_.next-cycle"));
  const submission = parseSubmission(await readForm(request), StartSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const { id } = await startNextCycle({ fromReviewId: access.review.id, userId: access.user.id });
    return redirect(access.role ? `/reviews/${id}` : `/reviews/${id}/settings`);
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
}

export default function NextCycle() {
  const { review, isMember, framework, oldVersion, version, newerVersion, next, refusal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = isFormResult(actionData) ? actionData : null;
  const { t } = useTranslation("cycles");
  const busy = useNavigation().state !== "idle";
  const [form] = useSchemaForm(StartSchema, { id: "next-cycle", lastResult: result });
  return (
    <>
      <p className="muted review-kicker">
        {t(`common:kinds.${review.kind}`)} · {t(`common:phases.${review.phase}`)}
      </p>
      <p className="review-title">
        <strong>
          {review.hostCity} ({review.country})
        </strong>{" "}
        {isMember ? (
          <Link to={`/reviews/${review.id}`}>{t("reviews:settings.backToReview")}</Link>
        ) : (
          <Link to="/reviews">{t("reviews:settings.allReviews")}</Link>
        )}
        {review.cityId ? (
          <>
            {" · "}
            <Link to={`/cities/${review.cityId}`}>{t("overview.city", { city: review.hostCity })}</Link>
          </>
        ) : null}
      </p>
      <h1>{t("start.title")}</h1>
      {refusal ? (
        <>
          <p className="notice warn" role="status">
            {t(refusal)}
          </p>
          {next ? <Link to={`/reviews/${next.id}`}>{t("start.openNext")}</Link> : null}
        </>
      ) : (
        <Form method="post" className="card" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="start" />
          <FormError message={readResult(result).formError} />
          <p>{t("start.intro", { city: review.hostCity })}</p>
          <p>{t("start.framework", { title: framework, version })}</p>
          {newerVersion ? <p>{t("start.newer", { old: oldVersion, version })}</p> : null}
          <p>{t("start.carried")}</p>
          <p>{t("start.followUp")}</p>
          <button type="submit" disabled={busy}>
            {t("start.submit")}
          </button>
        </Form>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.nextCycle"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
