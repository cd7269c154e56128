import { Form, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { ChoiceGroup, FormError, SelectField, TextAreaField, TextField } from "#app/components/field";
import { HORIZONS, PRIORITIES } from "#db/enums";
import { isFormResult, readResult } from "#app/utils/forms";
import { DraftRestored } from "#app/components/leave-guard";
import { useFormDraft } from "#app/utils/drafts";
import type { action, loader } from "./route";
import { AddRecommendationSchema, UpdateRecommendationSchema } from "./schema";
import { Done, excerpt, useFailure, usePageForm, type LoaderData } from "./shared";
import { useDates } from "#app/utils/use-dates";
import { useTextLanguage } from "#app/utils/text-language";

export type Recommendation = LoaderData["recommendations"][number];

export function RecommendationFields({
  idPrefix,
  values,
  errors,
  saved,
}: {
  idPrefix: string;
  values?: Record<string, string | string[]>;
  errors?: Record<string, string[] | undefined>;
  saved?: Recommendation;
}) {
  const textLang = useTextLanguage();
  const { factor, earlier } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("conclusions");
  const dates = useDates();
  const formatDate = (value: Date | string) => dates.day(value, { month: "long" });
  const value = (name: string, fallback: string) => (values ? String(values[name] ?? "") : fallback);
  return (
    <>
      <TextAreaField
        lang={textLang}
        id={`${idPrefix}-text`}
        label={t("recommendations.text")}
        name="text"
        rows={3}
        defaultValue={value("text", saved?.text ?? "")}
        errors={errors?.text}
      />
      <div className="recommendation-choices">
        <ChoiceGroup
          legend={t("recommendations.priority")}
          name="priority"
          type="radio"
          options={PRIORITIES.map((priority) => ({ value: priority, label: t(`priorities.${priority}`) }))}
          value={value("priority", saved?.priority ?? "")}
          errors={errors?.priority}
        />
        <ChoiceGroup
          legend={t("recommendations.horizon")}
          name="horizon"
          type="radio"
          options={HORIZONS.map((horizon) => ({ value: horizon, label: t(`horizons.${horizon}`) }))}
          value={value("horizon", saved?.horizon ?? "")}
          errors={errors?.horizon}
        />
      </div>
      <TextField
        id={`${idPrefix}-service`}
        label={t("recommendations.service")}
        hint={t("recommendations.serviceHint")}
        type="text"
        name="responsibleService"
        defaultValue={value("responsibleService", saved?.responsibleService ?? "")}
        errors={errors?.responsibleService}
      />
      {factor.examples.length ? (
        <SelectField
          id={`${idPrefix}-example`}
          label={t("recommendations.example")}
          hint={t("recommendations.exampleHint")}
          name="exampleIndex"
          defaultValue={value("exampleIndex", saved?.exampleIndex == null ? "" : String(saved.exampleIndex))}
          errors={errors?.exampleIndex}
          options={[
            { value: "", label: t("recommendations.exampleNone") },
            ...factor.examples.map((example, index) => ({ value: String(index), label: example.city })),
          ]}
        />
      ) : null}
      {earlier?.items.length ? (
        <SelectField
          id={`${idPrefix}-continues`}
          label={t("recommendations.continues")}
          hint={t("recommendations.continuesHint", { date: formatDate(earlier.date) })}
          name="continuesId"
          defaultValue={value("continuesId", saved?.continuesId ?? "")}
          errors={errors?.continuesId}
          options={[
            { value: "", label: t("recommendations.continuesNone") },
            ...earlier.items.map((item) => ({
              value: item.id,
              label: t("recommendations.continuesOption", { number: item.factorNumber, text: excerpt(item.text, 90) }),
            })),
          ]}
        />
      ) : null}
    </>
  );
}

export function RecommendationItem({
  recommendation,
  number,
  count,
  editable,
  onMove,
}: {
  recommendation: Recommendation;
  number: number;
  count: number;
  editable: boolean;
  /** Tells the list which button to give the focus back to once it shows the new order. */
  onMove: (move: { id: string; direction: "up" | "down" }) => void;
}) {
  const { factor, earlier } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("conclusions");
  const dates = useDates();
  const formatDate = (value: Date | string) => dates.day(value, { month: "long" });
  const continued = recommendation.continuesId ? earlier?.items.find((item) => item.id === recommendation.continuesId) : undefined;
  const textLang = useTextLanguage();
  const fetcher = useFetcher<typeof action>();
  const updateFailure = useFailure("update-recommendation", { field: "recommendationId", id: recommendation.id });
  const updateForm = usePageForm(UpdateRecommendationSchema, `edit-${recommendation.id}`, "update-recommendation", {
    field: "recommendationId",
    id: recommendation.id,
  });
  const draft = useFormDraft(`recommendation:${recommendation.id}`);
  const deleteFailure = useFailure("delete-recommendation", { field: "recommendationId", id: recommendation.id });
  const example = recommendation.exampleIndex === null ? undefined : factor.examples[recommendation.exampleIndex];
  const conflict = updateFailure?.conflict as { text: string; priority: string; horizon: string; responsibleService: string; token: number } | undefined;

  const moveFailure = isFormResult(fetcher.data) ? readResult(fetcher.data).formError : null;
  return (
    <li className="recommendation card" id={`rec-${recommendation.id}`}>
      <h3 className="recommendation__title">{t("recommendations.item", { number })}</h3>
      <p className="prose">{recommendation.text}</p>
      <p className="recommendation__meta">
        <span className={`pill priority-${recommendation.priority}`}>
          {t("colon", { label: t("recommendations.priority") })} {t(`priorities.${recommendation.priority}`)}
        </span>{" "}
        <span className={`pill horizon-${recommendation.horizon}`}>{t(`horizons.${recommendation.horizon}`)}</span>{" "}
        <span>
          {recommendation.responsibleService ? (
            `${t("colon", { label: t("recommendations.service") })} ${recommendation.responsibleService}`
          ) : (
            <span className="muted">{t("recommendations.noService")}</span>
          )}
        </span>
      </p>
      {continued && earlier ? (
        <p className="recommendation__continues">
          {t("recommendations.continuesLine", { date: formatDate(earlier.date), number: continued.factorNumber })}{" "}
          <q lang={textLang}>{excerpt(continued.text, 140)}</q>
        </p>
      ) : null}
      {example ? (
        <details className="inspiration">
          <summary>{t("recommendations.inspiration", { city: example.city })}</summary>
          <p className="prose">{example.text}</p>
        </details>
      ) : null}
      {editable ? (
        <div className="recommendation__tools no-print">
          <fetcher.Form method="post" className="move-buttons">
            <input type="hidden" name="intent" value="move-recommendation" />
            <input type="hidden" name="recommendationId" value={recommendation.id} />
            <button
              type="submit"
              name="direction"
              value="up"
              id={`move-up-${recommendation.id}`}
              className="secondary"
              disabled={number === 1}
              onClick={(event) => {
                // Ignore a second press while the first is on its way (a disabled button would lose the focus).
                if (fetcher.state !== "idle") event.preventDefault();
                else onMove({ id: recommendation.id, direction: "up" });
              }}
            >
              <span aria-hidden="true">↑ </span>
              {t("recommendations.moveUp")}
              <span className="visually-hidden"> — {t("recommendations.item", { number })}</span>
            </button>
            <button
              type="submit"
              name="direction"
              value="down"
              id={`move-down-${recommendation.id}`}
              className="secondary"
              disabled={number === count}
              onClick={(event) => {
                // Ignore a second press while the first is on its way (a disabled button would lose the focus).
                if (fetcher.state !== "idle") event.preventDefault();
                else onMove({ id: recommendation.id, direction: "down" });
              }}
            >
              <span aria-hidden="true">↓ </span>
              {t("recommendations.moveDown")}
              <span className="visually-hidden"> — {t("recommendations.item", { number })}</span>
            </button>
          </fetcher.Form>
          {moveFailure ? <FormError message={moveFailure} /> : null}
          <details className="edit-recommendation" open={updateFailure || draft.restored !== null ? true : undefined}>
            <summary>
              {t("recommendations.edit")}
              <span className="visually-hidden"> — {t("recommendations.item", { number })}</span>
            </summary>
            {conflict ? (
              <div className="conflict card" role="alert">
                <h4>{t("conflict.title")}</h4>
                <p>{t("conflict.intro")}</p>
                <h5>{t("conflict.theirs")}</h5>
                <p className="prose">{conflict.text}</p>
                <p>
                  {t(`priorities.${conflict.priority}`)} · {t(`horizons.${conflict.horizon}`)} · {conflict.responsibleService || t("recommendations.noService")}
                </p>
              </div>
            ) : null}
            <Form method="post" preventScrollReset {...updateForm.formProps} {...draft.formProps}>
              <input type="hidden" name="intent" value="update-recommendation" />
              <input {...draft.fieldProps} />
              <DraftRestored draft={draft} />
              <input type="hidden" name="recommendationId" value={recommendation.id} />
              <input type="hidden" name="token" value={conflict ? conflict.token : recommendation.token} />
              {updateForm.formError && !conflict ? <FormError message={updateForm.formError} /> : null}
              <RecommendationFields
                idPrefix={`edit-${recommendation.id}`}
                values={updateForm.values ?? undefined}
                errors={updateForm.errors}
                saved={recommendation}
              />
              <button type="submit">{t("recommendations.update")}</button>
            </Form>
          </details>
          <Form
            method="post"
            preventScrollReset
            onSubmit={(event) => {
              if (!window.confirm(t("recommendations.confirmDelete", { number }))) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="delete-recommendation" />
            <input type="hidden" name="recommendationId" value={recommendation.id} />
            <FormError message={deleteFailure?.formError} />
            <button type="submit" className="danger">
              {t("recommendations.delete")}
              <span className="visually-hidden"> — {t("recommendations.item", { number })}</span>
            </button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}

export function RecommendationsSection() {
  const { recommendations, can, factor } = useLoaderData<typeof loader>();
  const addForm = usePageForm(AddRecommendationSchema, "add-recommendation", "add-recommendation");
  const draft = useFormDraft(`recommendation-new:${factor.id}`);
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("conclusions");
  const moving = useRef<{ id: string; direction: "up" | "down" } | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const order = recommendations.map((recommendation) => recommendation.id).join(",");
  // Once the list shows its new order, the focus goes back to the button that was pressed (or its
  // sibling when the item reached the top or bottom), and the new position is announced.
  useEffect(() => {
    const move = moving.current;
    if (!move || !order.split(",").includes(move.id)) return;
    moving.current = null;
    const same = document.getElementById(`move-${move.direction}-${move.id}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${move.direction === "up" ? "down" : "up"}-${move.id}`) as HTMLButtonElement | null;
    (same && !same.disabled ? same : other)?.focus();
    setMoved(move.id);
  }, [order]);
  const movedTo = moved ? recommendations.findIndex((recommendation) => recommendation.id === moved) + 1 : 0;
  const announcement = movedTo ? t("recommendations.moved", { number: movedTo }) : "";
  // A fresh key after each successful add empties the form; a failed add keeps what was typed.
  const formKey = recommendations.map((recommendation) => recommendation.id).join(",");
  return (
    <section id="recommendations" aria-labelledby="recommendations-title">
      <h2 id="recommendations-title">{t("recommendations.title")}</h2>
      <Done intents={["add-recommendation", "update-recommendation", "delete-recommendation"]} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {recommendations.length ? (
        <>
          <p className="muted">{t("recommendations.intro")}</p>
          <ol className="recommendations">
            {recommendations.map((recommendation, index) => (
              <RecommendationItem
                key={recommendation.id}
                recommendation={recommendation}
                number={index + 1}
                count={recommendations.length}
                editable={can.write}
                onMove={(move) => (moving.current = move)}
              />
            ))}
          </ol>
        </>
      ) : (
        <p>{t("recommendations.none")}</p>
      )}
      {can.write ? (
        <div className="card no-print add-recommendation">
          <h3>{t("recommendations.addTitle")}</h3>
          <Form method="post" preventScrollReset key={formKey} {...addForm.formProps} {...draft.formProps}>
            <input type="hidden" name="intent" value="add-recommendation" />
            <input {...draft.fieldProps} />
            <DraftRestored draft={draft} />
            <FormError message={addForm.formError} />
            <RecommendationFields idPrefix="new" values={addForm.values ?? undefined} errors={addForm.errors} />
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("recommendations.add")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
