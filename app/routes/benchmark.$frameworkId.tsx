import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { frameworkTerms, getFramework, localize, type Framework, type LocalizedText } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Paragraphs } from "#app/components/paragraphs";
import { localizedMappingsOf } from "#benchmark/mappings/index";
import { getLocale } from "#app/utils/locale.server";
import { pageTitle } from "#app/utils/i18n";

/** Public: the benchmark is published text, and teams keep this page open during a visit. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const framework = getFramework(params.frameworkId ?? "");
  if (!framework) throw data({ message: "errors.pageNotFound" }, { status: 404 });
  const locale = await getLocale(request);
  return {
    framework: localizeFramework(framework, locale),
    terms: frameworkTerms(framework, locale),
    mappings: localizedMappingsOf(framework, locale),
  };
}

/** Sends the page only the reader's language. */
function localizeFramework(framework: Framework, locale: "fr" | "en") {
  const l = (text: LocalizedText) => localize(text, locale);
  return {
    id: framework.id,
    title: l(framework.title),
    version: framework.version,
    publisher: framework.publisher,
    year: framework.year,
    source: framework.source.url ?? framework.source.file,
    introduction: framework.introduction ? l(framework.introduction) : null,
    standard: { title: l(framework.standard.title), statement: l(framework.standard.statement), explanation: l(framework.standard.explanation) },
    uses: framework.uses.map((use) => ({ id: use.id, title: l(use.title), text: l(use.text) })),
    ratingScale: framework.ratingScale.map((rating) => ({ id: rating.id, label: l(rating.label), description: l(rating.description) })),
    keyFactors: framework.keyFactors.map((factor) => ({
      id: factor.id,
      number: factor.number,
      retired: Boolean(factor.retired),
      title: l(factor.title),
      statement: l(factor.statement),
      rationale: factor.rationale ? l(factor.rationale) : null,
      questions: factor.guidingQuestions.map((question) => ({
        id: question.id,
        text: l(question.text),
        subItems: question.subItems?.map(l) ?? [],
      })),
      examples: factor.examples.map((example) => ({ city: l(example.city), text: l(example.text) })),
    })),
    contextualFactorsIntro: framework.contextualFactorsIntro ? l(framework.contextualFactorsIntro) : null,
    contextualFactors: framework.contextualFactors.map((factor) => ({
      id: factor.id,
      title: l(factor.title),
      description: l(factor.description),
      implications: l(factor.implications),
    })),
  };
}

export default function BenchmarkReference() {
  const { framework, terms, mappings } = useLoaderData<typeof loader>();
  const { t } = useTranslation("benchmark");
  return (
    <article className="benchmark">
      <h1>{framework.title}</h1>
      <p className="muted">{t("publisher", { publisher: framework.publisher, year: framework.year, version: framework.version })}</p>
      <p className="no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t("print")}
        </button>
      </p>
      <nav className="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">{t("contents")}</h2>
        <ul>
          <li>
            <a href="#standard">{t("standard", terms)}</a>
          </li>
          {framework.keyFactors.map((factor) => (
            <li key={factor.id}>
              <a href={`#${factor.id}`}>
                {factor.number}. {factor.title}
              </a>
            </li>
          ))}
          {terms.hasContextualFactors ? (
            <li>
              <a href="#contextual-factors">{t("contextualFactors")}</a>
            </li>
          ) : null}
          {framework.uses.length ? (
            <li>
              <a href="#uses">{t("uses")}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      {framework.introduction ? <Paragraphs text={framework.introduction} /> : null}

      <section id="standard" aria-labelledby="standard-title">
        <h2 id="standard-title">{t("standard", terms)}</h2>
        <h3>{framework.standard.title}</h3>
        <p className="statement">
          <strong>{framework.standard.statement}</strong>
        </p>
        <Paragraphs text={framework.standard.explanation} />
      </section>

      <section aria-labelledby="key-factors-title">
        <h2 id="key-factors-title">{t("keyFactors", terms)}</h2>
        {framework.keyFactors.map((factor) => (
          <section key={factor.id} id={factor.id} className="factor" aria-labelledby={`${factor.id}-title`}>
            <h3 id={`${factor.id}-title`}>
              {t("keyFactor", { ...terms, number: factor.number })} — {factor.title}
              {factor.retired ? ` (${t("retired")})` : null}
            </h3>
            <p className="statement">{factor.statement}</p>
            {factor.rationale ? (
              <>
                <h4>{t("rationale")}</h4>
                <Paragraphs text={factor.rationale} />
              </>
            ) : null}
            <h4>{t("questions", terms)}</h4>
            <ol className="questions">
              {factor.questions.map((question) => (
                <li key={question.id} id={question.id}>
                  {question.text}
                  {question.subItems.length ? (
                    <ul>
                      {question.subItems.map((item) => (
                        <li key={item}>{item}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
            {mappings.map((mapping) => {
              const counterparts = mapping.items.find((item) => item.itemId === factor.id);
              if (!counterparts || (!counterparts.links.length && !counterparts.noCounterpart)) return null;
              return (
                <div key={mapping.id} className="mapping">
                  <h4>{t("mapping.counterparts", { framework: mapping.other.title })}</h4>
                  {counterparts.noCounterpart ? (
                    <p>
                      <strong>{t("mapping.none")}</strong> {counterparts.noCounterpart}
                    </p>
                  ) : (
                    <ul>
                      {counterparts.links.map((link) => (
                        <li key={link.id}>
                          <a href={`/benchmark/${link.frameworkId}#${link.id}`}>
                            {mapping.other.Item} {link.number} — {link.title}
                          </a>{" "}
                          {t("mapping.link", { strength: t(`mapping.${link.strength}`), reason: link.reason })}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
            {factor.examples.length ? (
              <div className="examples">
                <h4>{t("examples")}</h4>
                <dl>
                  {factor.examples.map((example, index) => (
                    <Fragment key={index}>
                      <dt>
                        <strong>{example.city}</strong>
                      </dt>
                      <dd>{example.text}</dd>
                    </Fragment>
                  ))}
                </dl>
              </div>
            ) : null}
          </section>
        ))}
      </section>

      {terms.hasContextualFactors ? (
        <section id="contextual-factors" aria-labelledby="cf-title">
          <h2 id="cf-title">{t("contextualFactors")}</h2>
          {framework.contextualFactorsIntro ? <Paragraphs text={framework.contextualFactorsIntro} /> : null}
          {framework.contextualFactors.map((factor) => (
            <section key={factor.id} id={factor.id} className="factor" aria-labelledby={`${factor.id}-title`}>
              <h3 id={`${factor.id}-title`}>{factor.title}</h3>
              <Paragraphs text={factor.description} />
              <h4>{t("implications")}</h4>
              <Paragraphs text={factor.implications} />
            </section>
          ))}
        </section>
      ) : null}

      {mappings.map((mapping) => (
        <section key={mapping.id} id={`mapping-${mapping.other.id}`} aria-labelledby={`mapping-${mapping.other.id}-title`}>
          <h2 id={`mapping-${mapping.other.id}-title`}>{t("mapping.title", { framework: mapping.other.title })}</h2>
          <p>{mapping.note}</p>
        </section>
      ))}

      <section id="rating-scale" aria-labelledby="rating-title">
        <h2 id="rating-title">{t("ratingScale")}</h2>
        <dl className="facts">
          {framework.ratingScale.map((rating) => (
            <Fragment key={rating.id}>
              <dt>{rating.label}</dt>
              <dd>{rating.description}</dd>
            </Fragment>
          ))}
        </dl>
      </section>

      {framework.uses.length ? (
        <section id="uses" aria-labelledby="uses-title">
          <h2 id="uses-title">{t("uses")}</h2>
          {framework.uses.map((use) => (
            <Fragment key={use.id}>
              <h3>{use.title}</h3>
              <Paragraphs text={use.text} />
            </Fragment>
          ))}
        </section>
      ) : null}
      <p className="muted">
        {t("source")}: {framework.source}
      </p>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, () => data?.framework.title ?? "");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
