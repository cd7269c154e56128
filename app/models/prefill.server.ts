// Over 400 lines for now: finding, listing and deciding suggestions share the source-reading rules; split next into reading the source review (listPrefillSources … readSourceRecords) and deciding (decideSuggestion, appendToSummary).
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { frameworkTerms, getFramework, getKeyFactor, itemLabel, localize, requireFramework, type Framework, type Locale } from "#benchmark/index";
import { listMappingsOf, type Mapping } from "#benchmark/mappings/index";
import type { AsyncDb } from "#db/async-db";
import { foldText } from "#db/search-text";
import {
  conclusions,
  evidence,
  evidenceFactors,
  prefillDecisions,
  recommendations,
  reviewMembers,
  reviews,
  selfAssessmentAnswers,
  type Phase,
  type PrefillDecision,
  type Role,
} from "#db/schema";
import { DEFAULT_TIME_ZONE, formatDay, isoDay } from "#app/utils/dates";
import { asyncDb as db, read, transaction } from "#app/utils/db.server";
import { getI18n } from "#app/utils/i18n";
import { can, canReadDraftConclusions, type Permission } from "#app/utils/permissions";
import { msg } from "#app/utils/validation";
import { writeAudit } from "./audit.server";
import { actionStatuses, insertCityAction, recordsCityActions } from "./city-action.server";
import { ACTION_LIMITS } from "./city-action-schema";
import { SUGGESTION_TYPES, type SuggestionType } from "./prefill-schema";
import { SUMMARY_MAX_LENGTH } from "./self-assessment-fields";
import { readSavedFactor, writeFactorAssessment } from "./self-assessment.server";

/*
 * Starting a plan-of-action self-assessment (ECCAR) from another review of the same city
 * (EUROCITIES), through the hand-written mapping between the two frameworks: each commitment is
 * offered what the city's other review holds on the key factors it maps to — self-assessment
 * answers, evidence, development-plan actions — as suggestions, one by one, each naming its
 * source. Nothing is carried until a user accepts it; a rejected suggestion is not offered again
 * (prefill_decisions). The reader sees only what their own role on the other review lets them
 * read there.
 */

type Tx = AsyncDb;

/** Which permission on the other review lets its member see each kind of suggestion. */
const SOURCE_PERMISSION: Record<SuggestionType, Permission> = {
  answer: "self-assessment:read",
  evidence: "evidence:read",
  recommendation: "conclusions:read",
};

/** The review being filled and who is filling it (a ReviewAccess is one). */
export type PrefillTarget = { user: { id: string }; review: { id: string; hostCity: string; country: string; frameworkId: string; timeZone: string } };

export type PrefillSource = {
  id: string;
  hostCity: string;
  country: string;
  /** The framework's short title, in the reader's language ("EUROCITIES benchmark"). */
  frameworkTitle: string;
  phase: Phase;
  role: Role;
  /** The language its text is written in, unless an item says otherwise. */
  reportLocale: Locale;
  /** The kinds of suggestion this reader may see there. */
  readable: SuggestionType[];
};

export type Suggestion = {
  type: SuggestionType;
  /** The item's id in the other review: a guiding-question id, an evidence or a recommendation id. */
  id: string;
  /** The other framework's item it hangs on, and the mapping's reason for offering it here. */
  /** label: "Key factor 5"; name: "key factor 5", inside a sentence. */
  sourceItem: { id: string; label: string; name: string; title: string; strength: "primary" | "related"; reason: string };
  text: string;
  /** The language the text is written in, for its `lang`. */
  language: Locale;
  /** Where it comes from, as one sentence: shown beside it, and stored with it once accepted. */
  source: string;
  /** Where it goes once accepted: the commitment's summary, or a new action. */
  carriesTo: "summary" | "action";
};

export type CommitmentSuggestions = {
  factorId: string;
  label: string;
  title: string;
  /** Why the mapping offers nothing here (commitment 9), if it says so. */
  noCounterpart: string | null;
  suggestions: Suggestion[];
  decided: { accepted: number; rejected: number };
};

export type PrefillRefusal = { ok: false; status: 400 | 403 | 404 | 409; message: string };

const refuse = (status: PrefillRefusal["status"], message: string): PrefillRefusal => ({ ok: false, status, message });

const sameCity = (a: { hostCity: string; country: string }, b: { hostCity: string; country: string }) =>
  foldText(a.hostCity.trim()) === foldText(b.hostCity.trim()) && foldText(a.country.trim()) === foldText(b.country.trim());

/** The mapping that carries the other framework's items into this one (this framework on its `from` side). */
function mappingInto(framework: Framework, sourceFrameworkId: string): Mapping | null {
  return listMappingsOf(framework.id).find((mapping) => mapping.from.frameworkId === framework.id && mapping.to.frameworkId === sourceFrameworkId) ?? null;
}

function readableKinds(role: Role, phase: Phase): SuggestionType[] {
  return SUGGESTION_TYPES.filter((type) => can(role, SOURCE_PERMISSION[type], phase));
}

/** Whether a review can be started from another one at all: its framework records actions and maps onto another. */
export function offersPrefill(framework: Framework): boolean {
  return recordsCityActions(framework) && listMappingsOf(framework.id).some((mapping) => mapping.from.frameworkId === framework.id);
}

/**
 * The city's other reviews this reader may start from: same city and country, on a framework the
 * mapping joins to this one, where the reader is a member who may read at least one kind of
 * suggestion. Newest first.
 */
export async function listPrefillSources(target: PrefillTarget, locale: Locale): Promise<PrefillSource[]> {
  const framework = requireFramework(target.review.frameworkId);
  if (!offersPrefill(framework)) return [];
  return (await readMemberReviews(target))
    .reverse()
    .filter((row) => row.id !== target.review.id && sameCity(row, target.review) && mappingInto(framework, row.frameworkId))
    .map((row) => ({ ...row, frameworkTitle: titleOf(row.frameworkId, locale), readable: readableKinds(row.role, row.phase) }))
    .filter((row) => row.readable.length > 0);
}

/** The reviews the target's reader is a member of (or the one asked for), oldest first, with their role there. */
async function readMemberReviews(target: PrefillTarget, reviewId?: string) {
  return db
    .select({
      id: reviews.id,
      hostCity: reviews.hostCity,
      country: reviews.country,
      frameworkId: reviews.frameworkId,
      phase: reviews.phase,
      role: reviewMembers.role,
      reportLocale: reviews.reportLocale,
    })
    .from(reviews)
    .innerJoin(reviewMembers, and(eq(reviewMembers.reviewId, reviews.id), eq(reviewMembers.userId, target.user.id)))
    .where(reviewId === undefined ? undefined : eq(reviews.id, reviewId))
    .orderBy(asc(reviews.createdAt), asc(reviews.id));
}

function titleOf(frameworkId: string, locale: Locale) {
  const framework = getFramework(frameworkId);
  return framework ? localize(framework.shortTitle ?? framework.title, locale) : frameworkId;
}

type ResolvedSource = { ok: true; source: PrefillSource; framework: Framework; mapping: Mapping };

/**
 * The other review a reader asked to start from, or why not: a review they are not a member of
 * is "not found" (as everywhere, a non-member does not learn it exists); another city's review, or
 * one on a framework the mapping does not join, is a 400; a review where their role reads nothing
 * that could be suggested is a 403.
 */
export async function resolvePrefillSource(target: PrefillTarget, sourceReviewId: string, locale: Locale): Promise<ResolvedSource | PrefillRefusal> {
  const framework = requireFramework(target.review.frameworkId);
  if (!offersPrefill(framework)) return refuse(404, "cityActions:prefill.errors.noMapping");
  if (sourceReviewId === target.review.id) return refuse(400, "cityActions:prefill.errors.sameReview");
  const [row] = await readMemberReviews(target, sourceReviewId);
  if (!row) return refuse(404, "cityActions:prefill.errors.unknownSource");
  const mapping = mappingInto(framework, row.frameworkId);
  if (!mapping) return refuse(400, "cityActions:prefill.errors.otherFramework");
  if (!sameCity(row, target.review)) return refuse(400, "cityActions:prefill.errors.otherCity");
  const readable = readableKinds(row.role, row.phase);
  if (!readable.length) return refuse(403, "cityActions:prefill.errors.cannotRead");
  return { ok: true, source: { ...row, frameworkTitle: titleOf(row.frameworkId, locale), readable }, framework: requireFramework(row.frameworkId), mapping };
}

type SourceRecord = { type: SuggestionType; id: string; sourceFactorId: string; text: string; detail: string; language: Locale };

/** What the other review holds on the given items, limited to what this reader may read there. */
async function readSourceRecords(
  executor: Pick<AsyncDb, "select">,
  source: PrefillSource,
  framework: Framework,
  itemIds: string[],
  locale: Locale,
): Promise<SourceRecord[]> {
  if (!itemIds.length) return [];
  const records: SourceRecord[] = [];
  const t = getI18n(locale).getFixedT(locale, "cityActions");
  const terms = frameworkTerms(framework, locale);
  if (source.readable.includes("answer")) {
    const answers = await executor
      .select({ factorId: selfAssessmentAnswers.factorId, questionId: selfAssessmentAnswers.questionId, text: selfAssessmentAnswers.text })
      .from(selfAssessmentAnswers)
      .where(and(eq(selfAssessmentAnswers.reviewId, source.id), inArray(selfAssessmentAnswers.factorId, itemIds)))
      .all();
    for (const answer of answers) {
      const item = getKeyFactor(framework, answer.factorId);
      const position = item ? item.guidingQuestions.findIndex((question) => question.id === answer.questionId) : -1;
      if (!answer.text.trim() || position < 0) continue;
      const question = `${terms.question} ${position + 1}`;
      records.push({
        type: "answer",
        id: answer.questionId,
        sourceFactorId: answer.factorId,
        text: answer.text.trim(),
        detail: t("prefill.detail.answer", { question }),
        language: source.reportLocale,
      });
    }
  }
  if (source.readable.includes("evidence")) {
    const rows = await executor
      .select({ id: evidence.id, factorId: evidenceFactors.factorId, text: evidence.text, createdAt: evidence.createdAt, language: evidence.language })
      .from(evidence)
      .innerJoin(evidenceFactors, eq(evidenceFactors.evidenceId, evidence.id))
      .where(and(eq(evidence.reviewId, source.id), isNull(evidence.deletedAt), inArray(evidenceFactors.factorId, itemIds)))
      .orderBy(asc(evidence.createdAt), asc(evidence.id))
      .all();
    const zone = (await executor.select({ timeZone: reviews.timeZone }).from(reviews).where(eq(reviews.id, source.id)).get())?.timeZone;
    for (const row of rows) {
      const day = formatDay(row.createdAt, { locale, timeZone: zone ?? DEFAULT_TIME_ZONE, month: "long" });
      records.push({
        type: "evidence",
        id: row.id,
        sourceFactorId: row.factorId,
        text: row.text.trim(),
        detail: t("prefill.detail.evidence", { day }),
        language: row.language ?? source.reportLocale,
      });
    }
  }
  if (source.readable.includes("recommendation")) {
    const reader = { role: source.role, review: { phase: source.phase } };
    const drafts = canReadDraftConclusions(reader);
    const rows = await executor
      .select({ id: recommendations.id, factorId: recommendations.factorId, text: recommendations.text, state: conclusions.state })
      .from(recommendations)
      .leftJoin(conclusions, and(eq(conclusions.reviewId, recommendations.reviewId), eq(conclusions.factorId, recommendations.factorId)))
      .where(and(eq(recommendations.reviewId, source.id), inArray(recommendations.factorId, itemIds)))
      .orderBy(asc(recommendations.factorId), asc(recommendations.position))
      .all();
    for (const row of rows) {
      // A recommendation hangs on its conclusion: one not agreed is read only by those who read drafts.
      if (row.state !== "agreed" && !drafts) continue;
      records.push({
        type: "recommendation",
        id: row.id,
        sourceFactorId: row.factorId,
        text: row.text.trim(),
        detail: t("prefill.detail.recommendation"),
        language: source.reportLocale,
      });
    }
  }
  return records;
}

async function decisionsFor(executor: Pick<AsyncDb, "select">, reviewId: string, sourceReviewId: string) {
  return executor
    .select({
      factorId: prefillDecisions.factorId,
      sourceType: prefillDecisions.sourceType,
      sourceId: prefillDecisions.sourceId,
      decision: prefillDecisions.decision,
    })
    .from(prefillDecisions)
    .where(and(eq(prefillDecisions.reviewId, reviewId), eq(prefillDecisions.sourceReviewId, sourceReviewId)))
    .all();
}

const decisionKey = (factorId: string, type: string, id: string) => `${factorId}|${type}|${id}`;

/**
 * Each commitment's suggestions from the other review that no one has decided on yet, in the
 * framework's order (one commitment's, when given), with how many were accepted and rejected.
 */
export async function listSuggestions(
  executor: Pick<AsyncDb, "select">,
  { target, resolved, locale, factorId }: { target: PrefillTarget; resolved: ResolvedSource; locale: Locale; factorId?: string },
): Promise<CommitmentSuggestions[]> {
  const framework = requireFramework(target.review.frameworkId);
  const { source, mapping } = resolved;
  const terms = frameworkTerms(framework, locale);
  const sourceTerms = frameworkTerms(resolved.framework, locale);
  const t = getI18n(locale).getFixedT(locale, "cityActions");
  const l = (text: { fr: string; en: string }) => localize(text, locale);
  const records = await readSourceRecords(
    executor,
    source,
    resolved.framework,
    [...new Set(mapping.entries.flatMap((entry) => entry.links.map((link) => link.to)))],
    locale,
  );
  const decisions = await decisionsFor(executor, target.review.id, source.id);
  const decided = new Map(decisions.map((row) => [decisionKey(row.factorId, row.sourceType, row.sourceId), row.decision]));
  const order: Record<SuggestionType, number> = { recommendation: 0, answer: 1, evidence: 2 };
  return framework.keyFactors
    .filter((item) => !item.retired && (!factorId || item.id === factorId))
    .map((item): CommitmentSuggestions => {
      const entry = mapping.entries.find((candidate) => candidate.from === item.id);
      const links = [...(entry?.links ?? [])].sort((a, b) => (a.strength === b.strength ? 0 : a.strength === "primary" ? -1 : 1));
      const suggestions: Suggestion[] = [];
      // An item the other review links to two of the mapped key factors is offered once, under the first.
      const offered = new Set<string>();
      for (const link of links) {
        const sourceItem = getKeyFactor(resolved.framework, link.to)!;
        const label = itemLabel(sourceTerms, sourceItem.number);
        const title = l(sourceItem.title);
        const found = records
          .filter((record) => record.sourceFactorId === link.to && !decided.has(decisionKey(item.id, record.type, record.id)))
          .sort((a, b) => order[a.type] - order[b.type]);
        for (const record of found) {
          if (offered.has(`${record.type}|${record.id}`)) continue;
          offered.add(`${record.type}|${record.id}`);
          suggestions.push({
            type: record.type,
            id: record.id,
            sourceItem: { id: sourceItem.id, label, name: `${sourceTerms.item} ${sourceItem.number}`, title, strength: link.strength, reason: l(link.reason) },
            text: record.text,
            language: record.language,
            source: t("prefill.source", {
              framework: source.frameworkTitle,
              city: source.hostCity,
              item: `${sourceTerms.item} ${sourceItem.number}`,
              title,
              detail: record.detail,
            }),
            carriesTo: record.type === "recommendation" ? "action" : "summary",
          });
        }
      }
      const counts = { accepted: 0, rejected: 0 };
      for (const row of decisions) if (row.factorId === item.id) counts[row.decision] += 1;
      return {
        factorId: item.id,
        label: itemLabel(terms, item.number),
        title: l(item.title),
        noCounterpart: entry?.noCounterpart ? l(entry.noCounterpart) : null,
        suggestions,
        decided: counts,
      };
    });
}

export type DecideOutcome = { ok: true; decision: PrefillDecision; actionId: string | null } | PrefillRefusal;

/** A recommendation's text as an action's title: its first sentence, cut at a word within the limit. */
export function actionTitleFrom(text: string): string {
  const firstLine = text.split("\n")[0]!.trim();
  const sentence = firstLine.match(/^(.+?[.!?])(\s|$)/)?.[1] ?? firstLine;
  if (sentence.length <= ACTION_LIMITS.title) return sentence;
  const cut = sentence.slice(0, ACTION_LIMITS.title - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length).trimEnd()}…`;
}

/**
 * Accepts or rejects one suggestion for one commitment, in one transaction with its audit line.
 * The suggestion is looked up again as this reader would be offered it now: one that is no longer
 * offered (decided meanwhile, deleted, no longer readable) is refused, so nothing is carried that
 * the reader could not see. Accepted, an answer or an evidence item is added to the commitment's
 * summary with the sentence naming its source; a development-plan action becomes a city action,
 * not started, with that sentence as its source.
 */
export async function decideSuggestion({
  target,
  resolved,
  factorId,
  type,
  id,
  decision,
  locale,
  now = new Date(),
}: {
  target: PrefillTarget;
  resolved: ResolvedSource;
  factorId: string;
  type: SuggestionType;
  id: string;
  decision: PrefillDecision;
  locale: Locale;
  now?: Date;
}): Promise<DecideOutcome> {
  const framework = requireFramework(target.review.frameworkId);
  const item = getKeyFactor(framework, factorId);
  if (!item || item.retired) return refuse(404, "cityActions:errors.unknownCommitment");
  const reviewId = target.review.id;
  const userId = target.user.id;
  return transaction(db, async (tx): Promise<DecideOutcome> => {
    const [commitment] = await listSuggestions(tx, { target, resolved, locale, factorId });
    const suggestion = commitment?.suggestions.find((candidate) => candidate.type === type && candidate.id === id);
    if (!suggestion) return refuse(409, "cityActions:prefill.errors.notOffered");
    let actionId: string | null = null;
    if (decision === "accepted") {
      if (suggestion.carriesTo === "action") {
        const [firstStatus] = actionStatuses(framework);
        actionId = await insertCityAction(tx, {
          reviewId,
          factorId,
          userId,
          now,
          source: suggestion.source,
          input: {
            title: actionTitleFrom(suggestion.text),
            description: suggestion.text.slice(0, ACTION_LIMITS.long),
            responsibleService: "",
            partners: "",
            startYear: Number(isoDay(now, target.review.timeZone).slice(0, 4)),
            endYear: null,
            budget: "",
            status: firstStatus!,
            indicators: "",
          },
        });
      } else {
        const refused = await appendToSummary(tx, { reviewId, factorId, userId, now, text: `${suggestion.text}\n\n(${suggestion.source})` });
        if (refused) return refused;
      }
    }
    await tx
      .insert(prefillDecisions)
      .values({ reviewId, factorId, sourceReviewId: resolved.source.id, sourceType: type, sourceId: id, decision, decidedBy: userId, decidedAt: now })
      .run();
    await writeAudit(tx, {
      reviewId,
      userId,
      action: decision === "accepted" ? "accept" : "reject",
      entity: "prefill-decision",
      entityId: `${factorId}:${type}:${id}`,
      after: { sourceReviewId: resolved.source.id, source: suggestion.source, actionId },
    });
    return { ok: true, decision, actionId };
  });
}

/** Adds a paragraph to a commitment's summary (a new version, so an open editor sees the change). */
async function appendToSummary(
  tx: Tx,
  { reviewId, factorId, userId, now, text }: { reviewId: string; factorId: string; userId: string; now: Date; text: string },
) {
  const saved = await readSavedFactor(tx, reviewId, factorId);
  const current = saved ? { rating: saved.rating, summary: saved.summary, version: saved.version } : null;
  const summary = current?.summary.trim() ? `${current.summary.trim()}\n\n${text}` : text;
  if (summary.length > SUMMARY_MAX_LENGTH) return refuse(400, msg("cityActions:prefill.errors.summaryFull", { max: SUMMARY_MAX_LENGTH }));
  await writeFactorAssessment(tx, { reviewId, factorId, userId, now, rating: current?.rating ?? null, summary, current });
  return null;
}

export type PrefillView = {
  /** The city's other reviews the reader may start from, to switch between. */
  sources: { id: string; label: string }[];
  source: { id: string; label: string; city: string; framework: string; sourceItems: string } | null;
  commitment: CommitmentSuggestions | null;
};

/**
 * What a commitment's page shows of the prefill: the other review asked for (`from`), else the
 * newest one the reader may start from, and this commitment's suggestions from it. A `from` the
 * reader may not use is refused (see resolvePrefillSource).
 */
export async function loadPrefillView(
  target: PrefillTarget,
  { from, factorId, locale }: { from: string | null; factorId: string; locale: Locale },
): Promise<{ ok: true; view: PrefillView } | PrefillRefusal> {
  const sources = await listPrefillSources(target, locale);
  const label = (source: PrefillSource) => `${source.hostCity} — ${source.frameworkTitle}`;
  const list = sources.map((source) => ({ id: source.id, label: label(source) }));
  const sourceId = from ?? sources[0]?.id;
  if (!sourceId) return { ok: true, view: { sources: list, source: null, commitment: null } };
  const resolved = await resolvePrefillSource(target, sourceId, locale);
  if (!resolved.ok) return resolved;
  const [commitment] = await read(db, (tx) => listSuggestions(tx, { target, resolved, locale, factorId }));
  const { source } = resolved;
  return {
    ok: true,
    view: {
      sources: list,
      source: {
        id: source.id,
        label: label(source),
        city: source.hostCity,
        framework: source.frameworkTitle,
        sourceItems: frameworkTerms(resolved.framework, locale).items,
      },
      commitment: commitment ?? null,
    },
  };
}

/** How many suggestions wait under each commitment, from the newest review the reader may start from: the overview's card. */
export async function countWaitingSuggestions(target: PrefillTarget, locale: Locale) {
  const [first] = await listPrefillSources(target, locale);
  if (!first) return null;
  const resolved = await resolvePrefillSource(target, first.id, locale);
  if (!resolved.ok) return null;
  const commitments = await read(db, (tx) => listSuggestions(tx, { target, resolved, locale }));
  return {
    source: { id: first.id, city: first.hostCity, framework: first.frameworkTitle },
    commitments: commitments.map((commitment) => ({
      factorId: commitment.factorId,
      label: commitment.label,
      title: commitment.title,
      waiting: commitment.suggestions.length,
    })),
  };
}
