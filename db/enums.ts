// Plain value lists shared by the schema, the pages and the browser bundle: no drizzle import
// here, so importing an enum into a component does not ship the table definitions.
import { ALL_RATING_IDS } from "../benchmark/scales";

// A plan partner: an organisation of the city's collective invited to carry out plan actions; it
// reads and updates only the actions its organisation owns (app/utils/permissions.ts).
export const ROLES = ["host-team", "peer-reviewer", "lead-expert", "host-reader", "plan-partner"] as const;
export type Role = (typeof ROLES)[number];

export const REVIEW_KINDS = ["peer-review", "self-assessment"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const PHASES = ["self-assessment", "peer-visit", "drafting", "factual-check", "issued"] as const;
export type Phase = (typeof PHASES)[number];

export const LOCALE_VALUES = ["fr", "en"] as const;

// Every scale's ratings (benchmark/scales.ts); which ones a review accepts depends on its framework.
export const RATINGS = ALL_RATING_IDS;
export type Rating = (typeof RATINGS)[number];

export const DOCUMENT_TYPES = ["minutes", "annual-report", "monitoring-data", "press-release", "strategy", "other"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_ORIGINS = ["host-city", "peer-team"] as const;

export const CONTEXT_EFFECTS = ["limits", "neutral", "helps"] as const;
export type ContextEffect = (typeof CONTEXT_EFFECTS)[number];

export const INTERVIEW_FORMATS = ["interview", "focus-group"] as const;

export const PARTICIPANT_CATEGORIES = ["city-official", "elected-official", "ngo", "migrant-organisation", "service-provider", "resident", "other"] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];

export const EVIDENCE_KINDS = ["document", "interview-quote", "focus-group-note", "observation", "data"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const POLARITIES = ["supports", "mixed", "contradicts"] as const;
export type Polarity = (typeof POLARITIES)[number];

export const CONCLUSION_STATES = ["draft", "agreed"] as const;

export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const HORIZONS = ["quick-win", "long-term"] as const;
export type Horizon = (typeof HORIZONS)[number];

export const MAIL_STATES = ["none", "pending", "sending", "sent", "failed"] as const;

/** What a suggestion for a plan-of-action commitment is taken from in another review of the city. */
export const PREFILL_SOURCE_TYPES = ["evidence", "answer", "recommendation", "document"] as const;
export type PrefillSourceType = (typeof PREFILL_SOURCE_TYPES)[number];

export const PREFILL_DECISIONS = ["accepted", "rejected"] as const;
export type PrefillDecision = (typeof PREFILL_DECISIONS)[number];
/** What part of the draft report a factual-check comment is about. */
export const COMMENT_PARTS = ["factor", "summary", "recommendation", "plan"] as const;
export type CommentPart = (typeof COMMENT_PARTS)[number];

/** How the peer team closed a factual-check comment. */
export const COMMENT_OUTCOMES = ["corrected", "explained", "not-accepted"] as const;
export type CommentOutcome = (typeof COMMENT_OUTCOMES)[number];

/** An agenda slot the host team proposed, or one the lead expert confirmed. */
export const SLOT_STATES = ["proposed", "confirmed"] as const;
export type SlotState = (typeof SLOT_STATES)[number];

/** The peer team's verdict on an earlier cycle's recommendation (the follow-up). */
export const FOLLOW_UP_VERDICTS = ["implemented", "partly-implemented", "not-implemented", "no-longer-relevant"] as const;
export type FollowUpVerdict = (typeof FOLLOW_UP_VERDICTS)[number];

/** Where a development-plan action stands. */
export const PLAN_STATUSES = ["not-started", "in-progress", "done", "on-hold", "dropped"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** What kind of organisation a city's partner is. */
export const PARTNER_KINDS = ["association", "public-service", "social-centre", "company", "state-service"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
