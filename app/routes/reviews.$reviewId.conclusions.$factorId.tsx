import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { localize } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ChoiceGroup, FieldErrors, FormError, SelectField, TextAreaField, TextField } from "#app/components/field";
import { addComment, listComments, resolveComment } from "#app/models/comment.server";
import {
  agreeConclusion,
  asRefusal,
  citedSources,
  divergence,
  getConclusion,
  getSelfAssessmentForFactor,
  isAgreeable,
  listFactorEvidence,
  reopenConclusion,
  requireFactor,
  saveConclusion,
  triangulation,
} from "#app/models/conclusion.server";
import {
  createRecommendation,
  deleteRecommendation,
  listRecommendations,
  moveRecommendation,
  updateRecommendation,
} from "#app/models/recommendation.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { getLocale } from "#app/utils/locale.server";
import { ROUTE_ACCESS, type Permission } from "#app/utils/permissions";
import { formValues, msg, optionalText, parseForm, requiredText } from "#app/utils/validation";
import { HORIZONS, POLARITIES, PRIORITIES, RATINGS, type Rating } from "#db/enums";
import { readForm } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, "conclusions:read");
  const { review } = access;
  const { framework, factor } = requireFactor(review.frameworkId, params.factorId);
  const locale = await getLocale(request);
  const canReadEvidence = hasPermission(access, "evidence:read");
  const canReadAnswers = hasPermission(access, "self-assessment:read");

  const saved = await getConclusion({ reviewId: review.id, factorId: factor.id });
  // Host readers get the final word only: nothing of a factor that is not agreed.
  const visible = access.role !== "host-reader" || saved.state === "agreed";
  const self = await getSelfAssessmentForFactor({ reviewId: review.id, factorId: factor.id });
  const [evidenceItems, sources, recommendationRows, comments] = await Promise.all([
    canReadEvidence ? listFactorEvidence({ reviewId: review.id, factorId: factor.id, alsoIds: saved.citations }) : null,
    canReadEvidence ? citedSources({ reviewId: review.id, factorId: factor.id }) : null,
    visible ? listRecommendations({ reviewId: review.id, factorId: factor.id }) : [],
    hasPermission(access, "comments:read") ? listComments({ reviewId: review.id, factorId: factor.id }) : null,
  ]);
  const active = framework.keyFactors.filter((candidate) => !candidate.retired);
  const index = active.findIndex((candidate) => candidate.id === factor.id);
  const neighbour = (candidate: (typeof active)[number] | undefined) => (candidate ? { id: candidate.id, number: candidate.number } : null);
  const { citations, ...conclusion } = saved;

  return {
    reviewId: review.id,
    phase: review.phase,
    factor: {
      id: factor.id,
      number: factor.number,
      title: localize(factor.title, locale),
      statement: localize(factor.statement, locale),
      questions: factor.guidingQuestions.filter((question) => !question.retired).map((question) => ({ id: question.id, text: localize(question.text, locale) })),
      examples: factor.examples.map((example) => ({ city: localize(example.city, locale), text: localize(example.text, locale) })),
    },
    previous: neighbour(active[index - 1]),
    next: neighbour(active[index + 1]),
    ratingScale: framework.ratingScale.map((rating) => ({ id: rating.id, label: localize(rating.label, locale), description: localize(rating.description, locale) })),
    self: {
      rating: self.rating,
      summary: self.summary,
      answers: canReadAnswers ? self.answers : null,
    },
    conclusion: visible ? { ...conclusion, agreeable: isAgreeable(saved) } : null,
    // Which evidence the conclusion rests on is the peer team's working material, like the log itself.
    citations: canReadEvidence ? citations : null,
    divergence: divergence(self.rating, visible ? saved.rating : null),
    triangulation: sources ? triangulation(sources) : null,
    evidence: evidenceItems,
    recommendations: recommendationRows,
    comments,
    can: {
      write: hasPermission(access, "conclusions:write") && saved.state === "draft",
      agree: hasPermission(access, "conclusions:agree"),
      comment: hasPermission(access, "comments:write"),
      resolve: hasPermission(access, "comments:resolve"),
      // Says whether the read-only view is because of the role or because the factor is agreed.
      writeRole: hasPermission(access, "conclusions:write"),
    },
  };
}

const INTENTS = [
  "save-conclusion",
  "add-recommendation",
  "update-recommendation",
  "move-recommendation",
  "delete-recommendation",
  "agree",
  "reopen",
  "comment",
  "resolve",
] as const;
type Intent = (typeof INTENTS)[number];

// Each intent's permission comes from the one route table the matrix test also reads.
const INTENT_PERMISSIONS = ROUTE_ACCESS["reviews.$reviewId.conclusions.$factorId"]!.action as Record<Intent, Permission>;

const IntentSchema = z.object({ intent: z.enum(INTENTS) });

const VersionSchema = z
  .string({ error: msg("conclusions:errors.badVersion") })
  .regex(/^\d+$/, msg("conclusions:errors.badVersion"))
  .transform(Number);

const IdSchema = z.string({ error: msg("conclusions:errors.noRecommendation") }).trim().min(1, msg("conclusions:errors.noRecommendation")).max(100);

const RatingFieldSchema = z
  .string()
  .optional()
  .transform((value) => value || null)
  .pipe(z.enum(RATINGS, { error: msg("conclusions:errors.ratingOffScale") }).nullable());

const RecommendationShape = {
  text: requiredText(4000),
  priority: z.enum(PRIORITIES, { error: msg("conclusions:errors.priorityRequired") }),
  horizon: z.enum(HORIZONS, { error: msg("conclusions:errors.horizonRequired") }),
  responsibleService: optionalText(200),
  exampleIndex: z
    .string()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .pipe(z.number({ error: msg("conclusions:errors.exampleUnknown") }).int(msg("conclusions:errors.exampleUnknown")).min(0, msg("conclusions:errors.exampleUnknown")).nullable()),
};

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save-conclusion"),
    version: VersionSchema,
    rating: RatingFieldSchema,
    strengths: optionalText(20_000),
    improvements: optionalText(20_000),
    citations: z.array(z.string().max(100)).max(500),
  }),
  z.object({ intent: z.literal("add-recommendation"), ...RecommendationShape }),
  z.object({ intent: z.literal("update-recommendation"), recommendationId: IdSchema, token: VersionSchema, ...RecommendationShape }),
  z.object({ intent: z.literal("move-recommendation"), recommendationId: IdSchema, direction: z.enum(["up", "down"], { error: msg("errors.invalidChoice") }) }),
  z.object({ intent: z.literal("delete-recommendation"), recommendationId: IdSchema }),
  z.object({ intent: z.literal("agree"), version: VersionSchema }),
  z.object({
    intent: z.literal("reopen"),
    reason: z
      .string({ error: msg("conclusions:errors.reasonRequired") })
      .trim()
      .min(1, msg("conclusions:errors.reasonRequired"))
      .max(2000, msg("errors.tooLong", { max: 2000 })),
  }),
  z.object({ intent: z.literal("comment"), text: requiredText(5000) }),
  z.object({ intent: z.literal("resolve"), commentId: IdSchema, response: optionalText(5000) }),
]);

// Where the page lands after each intent, so the user sees the result of what they did.
const ANCHORS: Record<Intent, string> = {
  "save-conclusion": "conclusion",
  "add-recommendation": "recommendations",
  "update-recommendation": "recommendations",
  "move-recommendation": "recommendations",
  "delete-recommendation": "recommendations",
  agree: "agreement",
  reopen: "agreement",
  comment: "comments",
  resolve: "comments",
};

type Failure = {
  ok: false;
  intent: Intent | null;
  errors: Record<string, string[] | undefined>;
  values: Record<string, string | string[]>;
  formError?: string;
  conflict?: unknown;
};

function fail(status: number, failure: Omit<Failure, "ok">) {
  return data({ ok: false as const, ...failure } satisfies Failure, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const { review, user } = access;
  const { factor } = requireFactor(review.frameworkId, params.factorId);
  const form = await readForm(request);
  const chosen = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!chosen.success) {
    return fail(400, { intent: null, errors: {}, values: formValues(form), formError: "conclusions:errors.unknownIntent" });
  }
  const { intent } = chosen.data;
  try {
    authorize(access, INTENT_PERMISSIONS[intent], request);
  } catch (error) {
    // The phase moved on (e.g. the review was issued) while the user typed: say so, keep the text.
    if (asRefusal(error)?.status === 409) {
      const message = review.phase === "issued" ? "conclusions:errors.issued" : "conclusions:errors.wrongPhase";
      return fail(409, { intent, errors: {}, values: formValues(form, ["citations"]), formError: message });
    }
    throw error;
  }
  const parsed = parseForm(ActionSchema, form, ["citations"]);
  if (!parsed.ok) return fail(400, { intent, errors: parsed.errors, values: parsed.values });

  const scope = { reviewId: review.id, factorId: factor.id, userId: user.id };
  const submitted = parsed.data;
  try {
    switch (submitted.intent) {
      case "save-conclusion":
        await saveConclusion({
          ...scope,
          version: submitted.version,
          input: { rating: submitted.rating, strengths: submitted.strengths, improvements: submitted.improvements, citations: submitted.citations },
        });
        break;
      case "add-recommendation":
        await createRecommendation({ ...scope, input: recommendationInput(submitted) });
        break;
      case "update-recommendation":
        await updateRecommendation({ ...scope, recommendationId: submitted.recommendationId, token: submitted.token, input: recommendationInput(submitted) });
        break;
      case "move-recommendation": {
        const { moved } = await moveRecommendation({ ...scope, recommendationId: submitted.recommendationId, direction: submitted.direction });
        // Posted by a fetcher: the list re-renders in place and the focus stays on the button.
        return { ok: true as const, intent: submitted.intent, moved };
      }
      case "delete-recommendation":
        await deleteRecommendation({ ...scope, recommendationId: submitted.recommendationId });
        break;
      case "agree":
        await agreeConclusion({ ...scope, version: submitted.version });
        break;
      case "reopen":
        await reopenConclusion({ ...scope, reason: submitted.reason });
        break;
      case "comment":
        await addComment({ reviewId: review.id, factorId: factor.id, authorId: user.id, text: submitted.text });
        break;
      case "resolve":
        await resolveComment({ ...scope, commentId: submitted.commentId, response: submitted.response });
        break;
    }
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return fail(refusal.status, {
      intent,
      errors: refusal.field ? { [refusal.field]: [refusal.message] } : {},
      values: parsed.values,
      formError: refusal.field ? undefined : refusal.message,
      conflict: refusal.conflict,
    });
  }
  return redirect(`/reviews/${review.id}/conclusions/${factor.id}?done=${intent}#${ANCHORS[intent]}`);
}

function recommendationInput(fields: {
  text: string;
  priority: (typeof PRIORITIES)[number];
  horizon: (typeof HORIZONS)[number];
  responsibleService: string;
  exampleIndex: number | null;
}) {
  const { text, priority, horizon, responsibleService, exampleIndex } = fields;
  return { text, priority, horizon, responsibleService, exampleIndex };
}

// ---- Page -------------------------------------------------------------------

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;
type FailureData = Extract<NonNullable<ActionData>, { ok: false }>;

function useFailure(intent: Intent, target?: { field: string; id: string }): FailureData | null {
  const actionData = useActionData<typeof action>();
  if (!actionData || actionData.ok || actionData.intent !== intent) return null;
  if (target && actionData.values[target.field] !== target.id) return null;
  return actionData;
}

function useFormatDate() {
  const { i18n } = useTranslation();
  return (value: Date | string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

function Done({ intents }: { intents: Intent[] }) {
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("conclusions");
  const done = searchParams.get("done");
  if (!done || !(intents as string[]).includes(done)) return null;
  return (
    <p className="notice ok" role="status">
      {t(`done.${done}`)}
    </p>
  );
}

function excerpt(text: string, max = 140) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export default function FactorConclusion() {
  const loaderData = useLoaderData<typeof loader>();
  const { reviewId, factor, previous, next, conclusion, divergence: gap } = loaderData;
  const { t } = useTranslation("conclusions");
  const rating = (value: string | null) => (value ? t(`common:ratings.${value}`) : t("common:ratings.none"));
  return (
    <>
      <nav className="factor-nav no-print" aria-label={t("factor.back")}>
        <Link to={`/reviews/${reviewId}/conclusions`}>{t("factor.back")}</Link>
        {previous ? <Link to={`/reviews/${reviewId}/conclusions/${previous.id}`}>← {t("factor.previous", { number: previous.number })}</Link> : null}
        {next ? <Link to={`/reviews/${reviewId}/conclusions/${next.id}`}>{t("factor.next", { number: next.number })} →</Link> : null}
      </nav>
      <h1>{t("factor.title", { number: factor.number, title: factor.title })}</h1>
      <p className="factor-statement">
        <span className="visually-hidden">{t("colon", { label: t("factor.statement") })} </span>
        {factor.statement}
      </p>
      <p>
        {conclusion ? (
          <>
            <span className={`pill state-${conclusion.version ? conclusion.state : "none"}`}>{t(`states.${conclusion.version ? conclusion.state : "none"}`)}</span>{" "}
          </>
        ) : null}
        {conclusion?.rating ? (
          <>
            {t("colon", { label: t("conclusion.rating") })} <span className={`pill ${conclusion.rating}`}>{rating(conclusion.rating)}</span>
          </>
        ) : null}
      </p>
      {gap.kind === "peer-higher" || gap.kind === "peer-lower" ? (
        <p className="notice warn divergence">
          <strong>{t(`divergence.${gap.kind}`, { count: gap.steps })}.</strong>{" "}
          {t("divergence.notice", { self: rating(loaderData.self.rating), peer: rating(conclusion?.rating ?? null) })}
        </p>
      ) : null}

      <div className="grid-2 factor-sources">
        <SelfAssessmentPanel />
        {loaderData.evidence ? <EvidencePanel /> : null}
      </div>

      <ConclusionSection />
      {conclusion && (loaderData.can.agree || conclusion.state === "agreed") ? <AgreementSection /> : null}
      {conclusion ? <RecommendationsSection /> : null}
      <CommentsSection />
    </>
  );
}

function SelfAssessmentPanel() {
  const { self, factor } = useLoaderData<typeof loader>();
  const { t } = useTranslation("conclusions");
  const answers = new Map((self.answers ?? []).map((answer) => [answer.questionId, answer.text]));
  return (
    <section className="card" aria-labelledby="self-title">
      <h2 id="self-title">{t("factor.selfAssessment")}</h2>
      <dl className="facts">
        <dt>{t("factor.selfRating")}</dt>
        <dd>
          <span className={`pill ${self.rating ?? ""}`}>{self.rating ? t(`common:ratings.${self.rating}`) : t("common:ratings.none")}</span>
        </dd>
        <dt>{t("factor.selfSummary")}</dt>
        <dd className="prose">{self.summary.trim() ? self.summary : <span className="muted">{t("factor.noSummary")}</span>}</dd>
      </dl>
      {self.answers ? (
        <>
          <h3>{t("factor.answers")}</h3>
          {factor.questions.map((question) => {
            const answer = answers.get(question.id)?.trim();
            return (
              <details key={question.id} className="answer">
                <summary>{question.text}</summary>
                <div className="prose">{answer ? answer : <span className="muted">{t("factor.notAnswered")}</span>}</div>
              </details>
            );
          })}
        </>
      ) : null}
    </section>
  );
}

function EvidenceItem({ item, cited }: { item: NonNullable<LoaderData["evidence"]>[number]; cited: boolean }) {
  const { t } = useTranslation("conclusions");
  const formatDate = useFormatDate();
  const source = item.interviewId
    ? t(item.interviewFormat === "focus-group" ? "factor.focusGroup" : "factor.interview", { date: item.interviewDate ?? "" })
    : item.documentTitle
      ? t("factor.document", { title: item.documentTitle })
      : t(`sources.${item.source}`);
  return (
    <li>
      <details className="evidence-item">
        <summary>
          <span className="pill">{t(`kinds.${item.kind}`)}</span> {excerpt(item.text)}
          {cited ? (
            <>
              {" "}
              <span className="pill cited">{t("factor.cited")}</span>
            </>
          ) : null}
        </summary>
        <blockquote className="prose">{item.text}</blockquote>
        <dl className="facts">
          <dt>{t("factor.attribution")}</dt>
          <dd>{item.attribution || t("factor.anonymous")}</dd>
          <dt>{t("factor.source")}</dt>
          <dd>
            {source}
            {item.participants.length ? (
              <span className="muted"> — {[...new Set(item.participants.map((participant) => t(`categories.${participant.category}`)))].join(", ")}</span>
            ) : null}
          </dd>
        </dl>
        <p className="muted">{t("factor.loggedBy", { name: item.createdByName ?? "—", date: formatDate(item.createdAt) })}</p>
      </details>
    </li>
  );
}

function EvidencePanel() {
  const { evidence, citations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("conclusions");
  if (!evidence) return null;
  const cited = new Set(citations ?? []);
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">
        {t("factor.evidence")} <span className="muted">({t("factor.evidenceCount", { count: evidence.length })})</span>
      </h2>
      {evidence.length === 0 ? <p>{t("factor.noEvidence")}</p> : null}
      {evidence.length
        ? POLARITIES.map((polarity) => {
            const items = evidence.filter((item) => item.polarity === polarity);
            return (
              <section key={polarity} aria-labelledby={`polarity-${polarity}`} className={`polarity-group ${polarity}`}>
                <h3 id={`polarity-${polarity}`}>
                  <span className={`pill ${polarity}`}>{t(`factor.polarity.${polarity}`)}</span> <span className="muted">({items.length})</span>
                </h3>
                {items.length ? (
                  <ul className="evidence-list">
                    {items.map((item) => (
                      <EvidenceItem key={item.id} item={item} cited={cited.has(item.id)} />
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("factor.noEvidenceInGroup")}</p>
                )}
              </section>
            );
          })
        : null}
    </section>
  );
}

function TriangulationNotice() {
  const { triangulation: status } = useLoaderData<typeof loader>();
  const { t } = useTranslation("conclusions");
  if (!status) return null;
  if (status.status === "triangulated") {
    return <p className="notice ok">{t("triangulation.triangulated", { sources: status.sources.map((source) => t(`sources.${source}`)).join(", ") })}</p>;
  }
  if (status.status === "single-source") {
    return (
      <p className="notice warn triangulation-flag">
        <strong>{t("triangulation.flag")}.</strong> {t("triangulation.single-source", { source: t(`sources.${status.source}`) })}
      </p>
    );
  }
  return <p className="notice warn">{t("triangulation.none")}</p>;
}

function ConclusionSection() {
  const { conclusion, can, citations, evidence } = useLoaderData<typeof loader>();
  const { t } = useTranslation("conclusions");
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
            <p className="muted">{t("conclusion.lastSaved", { name: conclusion.updatedByName ?? "—", date: formatDate(conclusion.updatedAt), version: conclusion.version })}</p>
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
                <dd className="prose">{conclusion.strengths || t("conclusion.none")}</dd>
                <dt>{t("conclusion.improvements")}</dt>
                <dd className="prose">{conclusion.improvements || t("conclusion.none")}</dd>
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

type ConclusionConflict = { rating: Rating | null; strengths: string; improvements: string; citations: string[]; version: number; updatedByName: string | null; updatedAt: string | Date | null };

function ConclusionForm() {
  const { conclusion, citations, evidence, ratingScale } = useLoaderData<typeof loader>();
  const failure = useFailure("save-conclusion");
  const navigation = useNavigation();
  const { t } = useTranslation("conclusions");
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
          {conflict.updatedAt ? <p className="muted">{t("conflict.savedBy", { name: conflict.updatedByName ?? "—", date: formatDate(conflict.updatedAt) })}</p> : null}
          <dl className="conclusion-text">
            <dt>{t("conclusion.rating")}</dt>
            <dd>{conflict.rating ? t(`common:ratings.${conflict.rating}`) : t("common:ratings.none")}</dd>
            <dt>{t("conclusion.strengths")}</dt>
            <dd className="prose">{conflict.strengths || t("conclusion.none")}</dd>
            <dt>{t("conclusion.improvements")}</dt>
            <dd className="prose">{conflict.improvements || t("conclusion.none")}</dd>
            <dt>{t("conclusion.citations")}</dt>
            <dd>
              {conflict.citations.length
                ? conflict.citations.map((id) => excerpt(evidence?.find((item) => item.id === id)?.text ?? id, 60)).join(" · ")
                : t("conclusion.none")}
            </dd>
          </dl>
        </div>
      ) : null}
      <Form method="post" preventScrollReset className="conclusion-form">
        <input type="hidden" name="intent" value="save-conclusion" />
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
          label={t("conclusion.strengths")}
          name="strengths"
          rows={6}
          defaultValue={values ? String(values.strengths ?? "") : conclusion.strengths}
          errors={failure?.errors.strengths}
        />
        <TextAreaField
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
                        <span className="pill">{t(`kinds.${item.kind}`)}</span> {excerpt(item.text, 160)}
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

function AgreementSection() {
  const { conclusion, can } = useLoaderData<typeof loader>();
  const agreeFailure = useFailure("agree");
  const reopenFailure = useFailure("reopen");
  const navigation = useNavigation();
  const { t } = useTranslation("conclusions");
  if (!conclusion || !can.agree) return null;
  const busy = navigation.state !== "idle";
  const ready = conclusion.agreeable;
  return (
    <section id="agreement" aria-labelledby="agreement-title" className="card agreement no-print">
      <h2 id="agreement-title">{conclusion.state === "agreed" ? t("agree.reopenTitle") : t("agree.title")}</h2>
      <Done intents={["agree", "reopen"]} />
      {conclusion.state === "draft" ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="agree" />
          <input type="hidden" name="version" value={conclusion.version} />
          <p className="hint" id="agree-hint">
            {t("agree.hint")}
          </p>
          {!ready && !agreeFailure ? <p className="muted">{t("errors.emptyConclusion")}</p> : null}
          <FormError message={agreeFailure?.formError ?? agreeFailure?.errors.agree?.[0] ?? agreeFailure?.errors.version?.[0]} />
          <button type="submit" disabled={busy} aria-describedby="agree-hint">
            {t("agree.button")}
          </button>
        </Form>
      ) : (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="reopen" />
          <FormError message={reopenFailure?.formError} />
          <TextAreaField
            label={t("agree.reason")}
            hint={t("agree.reasonHint")}
            name="reason"
            rows={2}
            defaultValue={reopenFailure ? String(reopenFailure.values.reason ?? "") : ""}
            errors={reopenFailure?.errors.reason}
          />
          <button type="submit" className="secondary" disabled={busy}>
            {t("agree.reopen")}
          </button>
        </Form>
      )}
    </section>
  );
}

type Recommendation = LoaderData["recommendations"][number];

function RecommendationFields({
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
  const { factor } = useLoaderData<typeof loader>();
  const { t } = useTranslation("conclusions");
  const value = (name: string, fallback: string) => (values ? String(values[name] ?? "") : fallback);
  return (
    <>
      <TextAreaField id={`${idPrefix}-text`} label={t("recommendations.text")} name="text" rows={3} defaultValue={value("text", saved?.text ?? "")} errors={errors?.text} />
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
          options={[{ value: "", label: t("recommendations.exampleNone") }, ...factor.examples.map((example, index) => ({ value: String(index), label: example.city }))]}
        />
      ) : null}
    </>
  );
}

function RecommendationItem({
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
  const { factor } = useLoaderData<typeof loader>();
  const { t } = useTranslation("conclusions");
  const fetcher = useFetcher<typeof action>();
  const updateFailure = useFailure("update-recommendation", { field: "recommendationId", id: recommendation.id });
  const deleteFailure = useFailure("delete-recommendation", { field: "recommendationId", id: recommendation.id });
  const example = recommendation.exampleIndex === null ? undefined : factor.examples[recommendation.exampleIndex];
  const conflict = updateFailure?.conflict as { text: string; priority: string; horizon: string; responsibleService: string; token: number } | undefined;

  const moveFailure = fetcher.data && !fetcher.data.ok ? fetcher.data.formError : null;
  return (
    <li className="recommendation card" id={`rec-${recommendation.id}`}>
      <h3 className="recommendation__title">{t("recommendations.item", { number })}</h3>
      <p className="prose">{recommendation.text}</p>
      <p className="recommendation__meta">
        <span className={`pill priority-${recommendation.priority}`}>
          {t("colon", { label: t("recommendations.priority") })} {t(`priorities.${recommendation.priority}`)}
        </span>{" "}
        <span className={`pill horizon-${recommendation.horizon}`}>{t(`horizons.${recommendation.horizon}`)}</span>{" "}
        <span>{recommendation.responsibleService ? `${t("colon", { label: t("recommendations.service") })} ${recommendation.responsibleService}` : <span className="muted">{t("recommendations.noService")}</span>}</span>
      </p>
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
          <details className="edit-recommendation" open={updateFailure ? true : undefined}>
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
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="update-recommendation" />
              <input type="hidden" name="recommendationId" value={recommendation.id} />
              <input type="hidden" name="token" value={conflict ? conflict.token : recommendation.token} />
              {updateFailure?.formError && !conflict ? <FormError message={updateFailure.formError} /> : null}
              <RecommendationFields idPrefix={`edit-${recommendation.id}`} values={updateFailure?.values} errors={updateFailure?.errors} saved={recommendation} />
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

function RecommendationsSection() {
  const { recommendations, can } = useLoaderData<typeof loader>();
  const addFailure = useFailure("add-recommendation");
  const navigation = useNavigation();
  const { t } = useTranslation("conclusions");
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
          <Form method="post" preventScrollReset key={formKey}>
            <input type="hidden" name="intent" value="add-recommendation" />
            <FormError message={addFailure?.formError} />
            <RecommendationFields idPrefix="new" values={addFailure?.values} errors={addFailure?.errors} />
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("recommendations.add")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

function CommentsSection() {
  const { comments, can, phase } = useLoaderData<typeof loader>();
  const commentFailure = useFailure("comment");
  const navigation = useNavigation();
  const { t } = useTranslation("conclusions");
  const formatDate = useFormatDate();
  if (!comments || (!comments.length && !can.comment && phase !== "factual-check")) return null;
  return (
    <section id="comments" aria-labelledby="comments-title" className="comments">
      <h2 id="comments-title">{t("comments.title")}</h2>
      <p className="muted">{t("comments.intro")}</p>
      <Done intents={["comment", "resolve"]} />
      {comments.length ? (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id} className="card comment">
              <p>
                <span className={`pill ${comment.resolvedAt ? "resolved" : "open"}`}>{comment.resolvedAt ? t("comments.resolved") : t("comments.open")}</span>{" "}
                <span className="muted">{t("comments.by", { name: comment.authorName ?? "—", date: formatDate(comment.createdAt) })}</span>
              </p>
              <p className="prose">{comment.text}</p>
              {comment.resolvedAt ? (
                <div className="comment-response">
                  <p className="muted">{t("comments.resolvedBy", { name: comment.resolvedByName ?? "—", date: formatDate(comment.resolvedAt) })}</p>
                  {comment.response ? <p className="prose">{comment.response}</p> : null}
                </div>
              ) : can.resolve ? (
                <ResolveForm commentId={comment.id} />
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("comments.none")}</p>
      )}
      {can.comment ? (
        <Form method="post" preventScrollReset className="card no-print" key={comments.length}>
          <input type="hidden" name="intent" value="comment" />
          <FormError message={commentFailure?.formError} />
          <TextAreaField
            label={t("comments.add")}
            hint={t("comments.addHint")}
            name="text"
            rows={4}
            defaultValue={commentFailure ? String(commentFailure.values.text ?? "") : ""}
            errors={commentFailure?.errors.text}
          />
          <button type="submit" disabled={navigation.state !== "idle"}>
            {t("comments.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function ResolveForm({ commentId }: { commentId: string }) {
  const failure = useFailure("resolve", { field: "commentId", id: commentId });
  const navigation = useNavigation();
  const { t } = useTranslation("conclusions");
  return (
    <Form method="post" preventScrollReset className="resolve-form no-print">
      <input type="hidden" name="intent" value="resolve" />
      <input type="hidden" name="commentId" value={commentId} />
      <FormError message={failure?.formError} />
      <TextAreaField
        id={`response-${commentId}`}
        label={t("comments.response")}
        hint={t("comments.responseHint")}
        name="response"
        rows={2}
        defaultValue={failure ? String(failure.values.response ?? "") : ""}
        errors={failure?.errors.response}
      />
      <button type="submit" disabled={navigation.state !== "idle"}>
        {t("comments.resolve")}
      </button>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  pageTitle(matches, (t) => (loaded ? `${loaded.factor.number}. ${loaded.factor.title}` : t("titles.conclusions")));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
