import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Fragment } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { ChoiceGroup, FieldErrors, FormError, TextAreaField } from "#app/components/field";
import { TextBlocks } from "#app/components/paragraphs";
import type { Rating } from "#db/enums";
import { DraftRestored } from "#app/components/leave-guard";
import { useFormDraft } from "#app/utils/drafts";
import type { loader } from "./route";
import { EvidenceItem, TriangulationNotice } from "./evidence-panels";
import { Done, excerpt, useFailure, useFormatDate } from "./shared";
import { useTextLanguage } from "#app/utils/text-language";

export function ConclusionSection() {
  const textLang = useTextLanguage();
  const { conclusion, can, citations, evidence } = useLoaderData<typeof loader>();
  const { t } = useFrameworkTranslation("conclusions");
  const formatDate = useFormatDate();
  const rating = (value: string | null) => (value ? t(`common:ratings.${value}`) : t("common:ratings.none"));
  return (
    <section id="conclusion" aria-labelledby="conclusion-title" className="conclusion">
      <h2 id="conclusion-title">{t("conclusion.title")}</h2>
      <Done intents={["save-conclusion"]} />
      {!conclusion ? (
        <p>{t("conclusion.notAgreedYet")}</p>
      ) : (
        <>
          {conclusion.state === "agreed" && conclusion.agreedByName && conclusion.agreedAt ? (
            <p className="muted">{t("conclusion.agreedBy", { name: conclusion.agreedByName, date: formatDate(conclusion.agreedAt) })}</p>
          ) : conclusion.updatedAt ? (
            <p className="muted">
              {t("conclusion.lastSaved", { name: conclusion.updatedByName ?? "—", date: formatDate(conclusion.updatedAt), version: conclusion.version })}
            </p>
          ) : null}
          <TriangulationNotice />
          {can.write ? (
            <ConclusionForm />
          ) : conclusion.version === 0 ? (
            <p>{t("conclusion.notStarted")}</p>
          ) : (
            <>
              {can.writeRole && conclusion.state === "agreed" ? <p className="notice">{t("conclusion.lockedHint")}</p> : null}
              <dl className="conclusion-text">
                <dt>{t("conclusion.rating")}</dt>
                <dd>
                  <span className={`pill ${conclusion.rating ?? ""}`}>{rating(conclusion.rating)}</span>
                </dd>
                <dt>{t("conclusion.strengths")}</dt>
                <dd className="prose" lang={textLang}>
                  {conclusion.strengths ? <TextBlocks text={conclusion.strengths} /> : t("conclusion.none")}
                </dd>
                <dt>{t("conclusion.improvements")}</dt>
                <dd className="prose" lang={textLang}>
                  {conclusion.improvements ? <TextBlocks text={conclusion.improvements} /> : t("conclusion.none")}
                </dd>
              </dl>
              {citations && evidence ? (
                <>
                  <h3>{t("conclusion.citations")}</h3>
                  {citations.length ? (
                    <ul className="evidence-list">
                      {evidence
                        .filter((item) => citations.includes(item.id))
                        .map((item) => (
                          <EvidenceItem key={item.id} item={item} cited={false} />
                        ))}
                    </ul>
                  ) : (
                    <p className="muted">{t("conclusion.noCitations")}</p>
                  )}
                </>
              ) : null}
            </>
          )}
        </>
      )}
    </section>
  );
}

export type ConclusionConflict = {
  rating: Rating | null;
  strengths: string;
  improvements: string;
  citations: string[];
  version: number;
  updatedByName: string | null;
  updatedAt: string | Date | null;
};

export function ConclusionForm() {
  const textLang = useTextLanguage();
  const { conclusion, citations, evidence, ratingScale, factor } = useLoaderData<typeof loader>();
  const draft = useFormDraft(`conclusion:${factor.id}`);
  const failure = useFailure("save-conclusion");
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("conclusions");
  const formatDate = useFormatDate();
  if (!conclusion) return null;
  const values = failure?.values;
  const conflict = failure?.conflict as ConclusionConflict | undefined;
  const chosen = values ? (values.citations as string[]) : (citations ?? []);
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "save-conclusion";
  return (
    <>
      {conflict ? (
        <div className="conflict card" role="alert">
          <h3>{t("conflict.title")}</h3>
          <p>{t("conflict.intro")}</p>
          <h4>{t("conflict.theirs")}</h4>
          {conflict.updatedAt ? (
            <p className="muted">{t("conflict.savedBy", { name: conflict.updatedByName ?? "—", date: formatDate(conflict.updatedAt) })}</p>
          ) : null}
          <dl className="conclusion-text">
            <dt>{t("conclusion.rating")}</dt>
            <dd>{conflict.rating ? t(`common:ratings.${conflict.rating}`) : t("common:ratings.none")}</dd>
            <dt>{t("conclusion.strengths")}</dt>
            <dd className="prose" lang={textLang}>
              {conflict.strengths ? <TextBlocks text={conflict.strengths} /> : t("conclusion.none")}
            </dd>
            <dt>{t("conclusion.improvements")}</dt>
            <dd className="prose" lang={textLang}>
              {conflict.improvements ? <TextBlocks text={conflict.improvements} /> : t("conclusion.none")}
            </dd>
            <dt>{t("conclusion.citations")}</dt>
            <dd>
              {conflict.citations.length
                ? conflict.citations.map((id, index) => {
                    const item = evidence?.find((candidate) => candidate.id === id);
                    return (
                      <Fragment key={id}>
                        {index ? " · " : null}
                        <span lang={item?.language ?? textLang}>{excerpt(item?.text ?? id, 60)}</span>
                      </Fragment>
                    );
                  })
                : t("conclusion.none")}
            </dd>
          </dl>
        </div>
      ) : null}
      <Form method="post" preventScrollReset className="conclusion-form" {...draft.formProps}>
        <input type="hidden" name="intent" value="save-conclusion" />
        <input {...draft.fieldProps} />
        <DraftRestored draft={draft} />
        <input type="hidden" name="version" value={conflict ? conflict.version : conclusion.version} />
        {failure?.formError && !conflict ? <FormError message={failure.formError} /> : null}
        <ChoiceGroup
          legend={t("conclusion.rating")}
          hint={t("conclusion.ratingHint")}
          name="rating"
          type="radio"
          options={ratingScale.map((option) => ({
            value: option.id,
            label: (
              <>
                {option.label}
                <span className="muted rating-description"> — {option.description}</span>
              </>
            ),
          }))}
          value={values ? String(values.rating ?? "") : conclusion.rating}
          errors={failure?.errors.rating}
        />
        <TextAreaField
          lang={textLang}
          label={t("conclusion.strengths")}
          name="strengths"
          rows={6}
          defaultValue={values ? String(values.strengths ?? "") : conclusion.strengths}
          errors={failure?.errors.strengths}
        />
        <TextAreaField
          lang={textLang}
          label={t("conclusion.improvements")}
          name="improvements"
          rows={6}
          defaultValue={values ? String(values.improvements ?? "") : conclusion.improvements}
          errors={failure?.errors.improvements}
        />
        {evidence ? (
          <fieldset className="field citations" aria-describedby={failure?.errors.citations ? "citations-error" : "citations-hint"}>
            <legend>{t("conclusion.citations")}</legend>
            <p className="hint" id="citations-hint">
              {t("conclusion.citationsHint")}
            </p>
            <FieldErrors id="citations-error" errors={failure?.errors.citations} />
            {evidence.length ? (
              <ul className="citation-choices">
                {evidence.map((item) => (
                  <li key={item.id}>
                    <label className="choice">
                      <input type="checkbox" name="citations" value={item.id} defaultChecked={chosen.includes(item.id)} />{" "}
                      <span>
                        <span className={`pill ${item.polarity}`}>{t(`factor.polarity.${item.polarity}`).split(":")[0]}</span>{" "}
                        <span className="pill">{t(`evidence:kinds.${item.kind}`)}</span> <span lang={item.language ?? textLang}>{excerpt(item.text, 160)}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("factor.noEvidence")}</p>
            )}
          </fieldset>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t("common:status.saving") : t("conclusion.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
