import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SuggestionType } from "#app/models/prefill-schema";
import { readResult, type FormResult } from "#app/utils/forms";
import { FormError, SelectField } from "./field";
import { TextBlocks } from "./paragraphs";

export { DecideSchema } from "#app/models/prefill-schema";

/** A commitment's suggestions from the city's other review, as its loader serialises them. */
export type PrefillViewData = {
  sources: { id: string; label: string }[];
  source: { id: string; label: string; city: string; framework: string; sourceItems: string } | null;
  commitment: {
    noCounterpart: string | null;
    decided: { accepted: number; rejected: number };
    suggestions: {
      type: SuggestionType;
      id: string;
      sourceItem: { name: string; title: string; strength: "primary" | "related"; reason: string };
      text: string;
      language: "fr" | "en";
      source: string;
      carriesTo: "summary" | "action";
    }[];
  } | null;
};

/**
 * The suggestions section of a commitment's actions page (ECCAR): each one with its text, the
 * sentence naming its source, why the mapping offers it and where it goes once accepted, and
 * an Accept and a Reject button. Nothing is carried without one of them.
 */
export function PrefillSuggestions({ view, canDecide, result }: { view: PrefillViewData; canDecide: boolean; result: FormResult | null }) {
  const { t } = useTranslation("cityActions");
  const navigation = useNavigation();
  const { source, commitment } = view;
  if (!source || !commitment) return null;
  const failure = result ? readResult(result) : null;
  const failedHere = (type: string, id: string) => failure?.values.type === type && failure?.values.id === id;
  const placed = commitment.suggestions.some((suggestion) => failedHere(suggestion.type, suggestion.id));
  const busy = navigation.state === "submitting";

  return (
    <section id="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t("prefill.title", { city: source.city })}</h2>
      {view.sources.length > 1 ? (
        <Form method="get" className="inline-form">
          <SelectField
            id="prefill-source"
            name="from"
            label={t("prefill.chooseSource")}
            defaultValue={source.id}
            options={view.sources.map((option) => ({ value: option.id, label: option.label }))}
          />
          <button type="submit" className="secondary">
            {t("prefill.showSource")}
          </button>
        </Form>
      ) : null}
      <p className="hint muted" data-other-framework>
        {t("prefill.intro", { framework: source.framework, sourceItems: source.sourceItems })}
      </p>
      {canDecide ? null : <p className="muted">{t("prefill.readOnly")}</p>}
      {commitment.decided.accepted + commitment.decided.rejected > 0 ? <p className="muted">{t("prefill.decided", commitment.decided)}</p> : null}
      {placed ? null : <FormError message={failure?.formError} />}
      {commitment.noCounterpart ? <p className="notice">{commitment.noCounterpart}</p> : null}
      {commitment.suggestions.length ? (
        <ol className="plain-list prefill-suggestions">
          {commitment.suggestions.map((suggestion, index) => {
            const headingId = `suggestion-${index + 1}`;
            return (
              <li key={`${suggestion.type}-${suggestion.id}`} className="card prefill-suggestion">
                <h3 id={headingId}>
                  {index + 1}. {t(`prefill.type.${suggestion.type}`)}
                </h3>
                <div lang={suggestion.language}>
                  <TextBlocks text={suggestion.text} />
                </div>
                <p className="muted small" data-other-framework>
                  {suggestion.source}
                </p>
                <p className="muted small" data-other-framework>
                  {t("prefill.why", {
                    item: suggestion.sourceItem.name,
                    strength: t(`prefill.strength.${suggestion.sourceItem.strength}`),
                    reason: suggestion.sourceItem.reason,
                  })}
                </p>
                {failedHere(suggestion.type, suggestion.id) ? <FormError message={failure?.formError} /> : null}
                {canDecide ? (
                  <Form method="post" className="actions">
                    <p className="hint">{t(`prefill.carriesTo.${suggestion.carriesTo}`)}</p>
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="from" value={source.id} />
                    <input type="hidden" name="type" value={suggestion.type} />
                    <input type="hidden" name="id" value={suggestion.id} />
                    <button type="submit" name="decision" value="accepted" disabled={busy} aria-label={t("prefill.acceptLabel", { number: index + 1 })}>
                      {t("prefill.accept")}
                    </button>{" "}
                    <button
                      type="submit"
                      name="decision"
                      value="rejected"
                      className="secondary"
                      disabled={busy}
                      aria-label={t("prefill.rejectLabel", { number: index + 1 })}
                    >
                      {t("prefill.reject")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="notice">{t("prefill.none")}</p>
      )}
    </section>
  );
}
