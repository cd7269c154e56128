import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { localize } from "#benchmark/index";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { listComments } from "#app/models/comment.server";
import { runCommentIntent } from "#app/models/factual-comment-actions.server";
import { CommentThreads } from "#app/components/comment-thread";
import {
  agreeConclusion,
  asRefusal,
  divergence,
  getConclusion,
  getSelfAssessmentForFactor,
  isAgreeable,
  reopenConclusion,
  requireFactor,
  saveConclusion,
} from "#app/models/conclusion.server";
import { listContinuable } from "#app/models/cycle.server";
import { citedSources, listFactorEvidence, triangulation } from "#app/models/factor-evidence.server";
import { createRecommendation, deleteRecommendation, listRecommendations, moveRecommendation, updateRecommendation } from "#app/models/recommendation.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { getLocale } from "#app/utils/locale.server";
import { actionPermission, canReadConclusion, loaderPermission } from "#app/utils/permissions";
import type { HORIZONS, PRIORITIES } from "#db/enums";
import { parseSubmission } from "#app/utils/forms";
import { invalid, phaseClosed, phaseClosedBy, readForm, refused, unparsedSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { AgreementSection } from "./agreement-section";
import { ConclusionSection } from "./conclusion-section";
import { EvidencePanel, SelfAssessmentPanel } from "./evidence-panels";
import { RecommendationsSection } from "./recommendations";
import { ActionSchema, IntentSchema, type Intent } from "./schema";
import { excerpt } from "./shared";
import { guardWrites } from "#app/utils/storage.server";
import { keepTextOnFailure } from "#app/utils/save-failures";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.conclusions.$factorId"));
  const { review } = access;
  const { framework, factor } = requireFactor(review.frameworkId, params.factorId);
  const locale = await getLocale(request);
  const canReadEvidence = hasPermission(access, "evidence:read");
  const canReadAnswers = hasPermission(access, "self-assessment:read");

  const saved = await getConclusion({ reviewId: review.id, factorId: factor.id });
  // Who may not read drafts gets the final word only: nothing of a factor that is not agreed.
  const visible = canReadConclusion(access, saved);
  const self = await getSelfAssessmentForFactor({ reviewId: review.id, factorId: factor.id });
  const [evidenceItems, sources, recommendationRows, comments, earlier] = await Promise.all([
    canReadEvidence ? listFactorEvidence({ reviewId: review.id, factorId: factor.id, alsoIds: saved.citations }) : null,
    canReadEvidence ? citedSources({ reviewId: review.id, factorId: factor.id }) : null,
    visible ? listRecommendations({ reviewId: review.id, factorId: factor.id }) : [],
    hasPermission(access, "comments:read") ? listComments({ reviewId: review.id, factorId: factor.id }) : null,
    // The previous cycle's recommendations, which one of this factor's may continue (read like the follow-up).
    visible && hasPermission(access, "follow-up:read") ? listContinuable({ reviewId: review.id, factorId: factor.id }) : null,
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
      questions: factor.guidingQuestions
        .filter((question) => !question.retired)
        .map((question) => ({ id: question.id, text: localize(question.text, locale) })),
      examples: factor.examples.map((example) => ({ city: localize(example.city, locale), text: localize(example.text, locale) })),
    },
    previous: neighbour(active[index - 1]),
    next: neighbour(active[index + 1]),
    ratingScale: framework.ratingScale.map((rating) => ({
      id: rating.id,
      label: localize(rating.label, locale),
      description: localize(rating.description, locale),
    })),
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
    earlier: earlier ? { date: earlier.date, items: earlier.items.map(({ id, factorNumber, text }) => ({ id, factorNumber, text })) } : null,
    comments,
    can: {
      write: hasPermission(access, "conclusions:write") && saved.state === "draft",
      agree: hasPermission(access, "conclusions:agree"),
      comment: hasPermission(access, "comments:write"),
      reply: hasPermission(access, "comments:reply"),
      resolve: hasPermission(access, "comments:resolve"),
      // Says whether the read-only view is because of the role or because the factor is agreed.
      writeRole: hasPermission(access, "conclusions:write"),
    },
  };
}

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
  reply: "comments",
  resolve: "comments",
};

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  const { review, user } = access;
  const { factor } = requireFactor(review.frameworkId, params.factorId);
  const form = await readForm(request);
  const chosen = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!chosen.success) return invalid(unparsedSubmission(form), { formErrors: ["conclusions:errors.unknownIntent"] });
  const { intent } = chosen.data;
  try {
    authorize(access, actionPermission("reviews.$reviewId.conclusions.$factorId", intent), request);
  } catch (error) {
    // The phase moved on (e.g. the review was issued) while the user typed: say so, keep the text.
    const phase = phaseClosedBy(error);
    if (!phase) throw error;
    return phaseClosed(unparsedSubmission(form), phase, phase === "issued" ? "conclusions:errors.issued" : "conclusions:errors.wrongPhase");
  }
  const submission = parseSubmission(form, ActionSchema);
  if (submission.status !== "success") return invalid(submission);

  const scope = { reviewId: review.id, factorId: factor.id, userId: user.id };
  const submitted = submission.value;
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
      case "reply":
      case "resolve":
        // A comment from this page is about the factor, or one of its recommendations the host team picked.
        await runCommentIntent({
          request,
          access,
          submitted,
          target: (about) => (about ? { part: "recommendation", recommendationId: about } : { part: "factor", factorId: factor.id }),
          scope: { factorId: factor.id },
        });
        break;
    }
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
  return redirect(`/reviews/${review.id}/conclusions/${factor.id}?done=${intent}#${ANCHORS[intent]}`);
}

export const clientAction = keepTextOnFailure;

function recommendationInput(fields: {
  text: string;
  priority: (typeof PRIORITIES)[number];
  horizon: (typeof HORIZONS)[number];
  responsibleService: string;
  exampleIndex: number | null;
  continuesId: string | null;
}) {
  const { text, priority, horizon, responsibleService, exampleIndex, continuesId } = fields;
  return { text, priority, horizon, responsibleService, exampleIndex, continuesId };
}

export default function FactorConclusion() {
  const loaderData = useLoaderData<typeof loader>();
  const { reviewId, factor, previous, next, conclusion, divergence: gap } = loaderData;
  const { t } = useFrameworkTranslation("conclusions");
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
            <span className={`pill state-${conclusion.version ? conclusion.state : "none"}`}>
              {t(`states.${conclusion.version ? conclusion.state : "none"}`)}
            </span>{" "}
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
      <CommentThreads
        comments={loaderData.comments}
        can={loaderData.can}
        factualCheck={loaderData.phase === "factual-check"}
        draftKey={`comment:${factor.id}`}
        empty={t("comments.none")}
        about={{
          page: t("comments.aboutFactor", { number: factor.number }),
          recommendations: loaderData.recommendations.map((recommendation, index) => ({
            id: recommendation.id,
            label: t("comments.aboutRecommendation", { number: index + 1, text: excerpt(recommendation.text, 80) }),
          })),
        }}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  pageTitle(matches, (t) => (loaded ? t("titles.conclusionFactor", { factor: `${loaded.factor.number}. ${loaded.factor.title}` }) : t("titles.conclusions")));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
