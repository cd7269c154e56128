import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, SelectField, TextField } from "#app/components/field";
import { getReviewCity } from "#app/models/city.server";
import { PartnerSchema, TrainingSchema } from "#app/models/partner-schema";
import { addTraining, createPartner, listCityPartners } from "#app/models/partner.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { isFormResult, parseSubmission, readResult, useSchemaForm, type FormResult } from "#app/utils/forms";
import { invalid, phaseClosed, phaseClosedBy, readForm, refusedWithForm, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { keepTextOnFailure } from "#app/utils/save-failures";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { PARTNER_KINDS } from "#db/enums";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.partners"));
  const city = await getReviewCity({ reviewId: access.review.id });
  return {
    city: city ? { id: city.id, name: city.name } : null,
    partners: await listCityPartners({ reviewId: access.review.id }),
    canManage: hasPermission(access, "partners:manage"),
  };
}

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent !== "add-partner" && intent !== "add-training") return invalid(unparsedSubmission(form), { formErrors: ["errors.badRequest"] });
  try {
    authorize(access, actionPermission("reviews.$reviewId.partners", intent), request);
  } catch (error) {
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    return phaseClosed(unparsedSubmission(form), phase);
  }
  const page = `/reviews/${access.review.id}/partners`;
  if (intent === "add-partner") {
    const submission = parseSubmission(form, PartnerSchema);
    if (submission.status !== "success") return invalid(submission);
    const { intent: _intent, ...input } = submission.value;
    const outcome = await createPartner({ reviewId: access.review.id, userId: access.user.id, input });
    if (!outcome.ok) return refusedWithForm(submission, outcome.status, outcome.errors);
    return redirect(`${page}?done=added`);
  }
  const submission = parseSubmission(form, TrainingSchema);
  if (submission.status !== "success") return invalid(submission);
  const { intent: _intent, ...input } = submission.value;
  const outcome = await addTraining({ reviewId: access.review.id, userId: access.user.id, input });
  if (!outcome.ok) return refusedWithForm(submission, outcome.status, outcome.errors);
  return redirect(`${page}?done=training`);
}

export const clientAction = keepTextOnFailure;

function typedValues(result: FormResult | null) {
  const values = result ? readResult(result).values : {};
  return (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
}

function PartnerForm({ lastResult }: { lastResult: FormResult | null }) {
  const { t } = useTranslation("plan");
  const navigation = useNavigation();
  const [form] = useSchemaForm(PartnerSchema, { id: "partner", lastResult });
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const typed = typedValues(lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-partner" />
      <FormError message={form.errors?.[0] ?? (lastResult ? readResult(lastResult).formError : undefined)} />
      <TextField id="partner-name" name="name" type="text" label={t("partners.name")} defaultValue={typed("name")} errors={errors.name} />
      <div className="grid-2">
        <SelectField
          id="partner-kind"
          name="kind"
          label={t("partners.kind")}
          defaultValue={typed("kind")}
          errors={errors.kind}
          options={[{ value: "", label: t("partners.chooseKind") }, ...PARTNER_KINDS.map((kind) => ({ value: kind, label: t(`partners.kinds.${kind}`) }))]}
        />
        <TextField
          id="partner-charter"
          name="charterSignedOn"
          type="date"
          label={t("partners.charter")}
          hint={t("partners.charterHint")}
          defaultValue={typed("charterSignedOn")}
          errors={errors.charterSignedOn}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("partners.add")}
        </button>
      </div>
    </Form>
  );
}

function TrainingForm({ lastResult, partners }: { lastResult: FormResult | null; partners: { id: string; name: string }[] }) {
  const { t } = useTranslation("plan");
  const navigation = useNavigation();
  const [form] = useSchemaForm(TrainingSchema, { id: "training", lastResult });
  const errors = form.allErrors as Record<string, string[] | undefined>;
  const typed = typedValues(lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-training" />
      <FormError message={form.errors?.[0] ?? (lastResult ? readResult(lastResult).formError : undefined)} />
      <SelectField
        id="training-partner"
        name="partnerId"
        label={t("partners.trainingPartner")}
        defaultValue={typed("partnerId")}
        errors={errors.partnerId}
        options={[{ value: "", label: t("partners.choosePartner") }, ...partners.map((partner) => ({ value: partner.id, label: partner.name }))]}
      />
      <div className="grid-2">
        <TextField
          id="training-date"
          name="date"
          type="date"
          label={t("partners.trainingDate")}
          hint={t("hints.date")}
          defaultValue={typed("date")}
          errors={errors.date}
        />
        <TextField
          id="training-people"
          name="peopleTrained"
          type="text"
          inputMode="numeric"
          label={t("partners.peopleTrained")}
          defaultValue={typed("peopleTrained")}
          errors={errors.peopleTrained}
        />
      </div>
      <TextField id="training-topic" name="topic" type="text" label={t("partners.trainingTopic")} defaultValue={typed("topic")} errors={errors.topic} />
      <div className="actions">
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("partners.addTraining")}
        </button>
      </div>
    </Form>
  );
}

export default function Partners() {
  const { city, partners, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("plan");
  const dates = useDates();
  const result = isFormResult(actionData) ? actionData : null;
  const intent = result ? readResult(result).values.intent : undefined;
  const done = searchParams.get("done");
  return (
    <>
      <h1>{t("partners.title", { city: city?.name ?? "—" })}</h1>
      <p>{city ? t("partners.intro") : t("partners.noCity")}</p>
      {done === "added" || done === "training" ? (
        <p className="notice ok" role="status">
          {done === "added" ? t("partners.added") : t("partners.trainingAdded")}
        </p>
      ) : null}
      {partners.length ? (
        <div className="table-scroll" role="region" aria-label={t("partners.title", { city: city?.name ?? "—" })} tabIndex={0}>
          <table className="partners">
            <caption className="visually-hidden">{t("partners.title", { city: city?.name ?? "—" })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("partners.name")}</th>
                <th scope="col">{t("partners.kind")}</th>
                <th scope="col">{t("partners.charter")}</th>
                <th scope="col">{t("partners.trainings")}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((partner) => (
                <tr key={partner.id}>
                  <th scope="row">{partner.name}</th>
                  <td>{t(`partners.kinds.${partner.kind}`)}</td>
                  <td>
                    {partner.charterSignedOn ? (
                      <time dateTime={partner.charterSignedOn}>{dates.calendarDate(partner.charterSignedOn)}</time>
                    ) : (
                      t("partners.notSigned")
                    )}
                  </td>
                  <td>
                    {partner.trainings.length ? (
                      <ul className="plain-list">
                        {partner.trainings.map((training) => (
                          <li key={training.id}>
                            {t("partners.training", {
                              date: dates.calendarDate(training.date),
                              topic: training.topic,
                              people: t("partners.people", { count: training.peopleTrained }),
                            })}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t("partners.noTraining")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("partners.none")}</p>
      )}
      {canManage && city ? (
        <div className="grid-2">
          <section className="card" aria-labelledby="add-partner">
            <h2 id="add-partner">{t("partners.addTitle")}</h2>
            <PartnerForm lastResult={intent === "add-partner" ? result : null} />
          </section>
          {partners.length ? (
            <section className="card" aria-labelledby="add-training">
              <h2 id="add-training">{t("partners.trainingTitle")}</h2>
              <TrainingForm lastResult={intent === "add-training" ? result : null} partners={partners} />
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.partners"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
