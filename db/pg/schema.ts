// The PostgreSQL twin of db/schema.ts, table by table: the same table, column, key and index names
// (test/db/schema-parity.test.ts fails when they differ). Over 400 lines for the same reason as
// db/schema.ts: drizzle-kit reads this one file (drizzle.pg.config.ts → db/migrations-pg).
//
// Types (docs/decisions/0029-postgresql-beside-sqlite.md): every millisecond timestamp is a `bigint`
// holding the same number SQLite holds, read as a Date like SQLite's timestamp_ms columns; booleans
// are `boolean`, json columns `jsonb`, the issued PDF and DOCX `bytea`, SQLite's AUTOINCREMENT ids
// identity columns. Enumerations stay text checked in code, as in SQLite.
import { sql } from "drizzle-orm";
import { boolean, customType, type AnyPgColumn, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import {
  COMMENT_OUTCOMES,
  COMMENT_PARTS,
  CONCLUSION_STATES,
  CONTEXT_EFFECTS,
  DOCUMENT_ORIGINS,
  DOCUMENT_TYPES,
  EVIDENCE_KINDS,
  FOLLOW_UP_VERDICTS,
  HORIZONS,
  INTERVIEW_FORMATS,
  LOCALE_VALUES,
  MAIL_STATES,
  PARTICIPANT_CATEGORIES,
  PARTNER_KINDS,
  PHASES,
  PLAN_STATUSES,
  POLARITIES,
  PREFILL_DECISIONS,
  PREFILL_SOURCE_TYPES,
  PRIORITIES,
  RATINGS,
  REVIEW_KINDS,
  ROLES,
  SLOT_STATES,
} from "../enums";

export * from "../enums";

/**
 * Milliseconds since 1970 in a `bigint` (an `integer` would overflow in 1970 + 24 days), read and
 * written as a Date. node-postgres hands int8 over as a string so that no precision is lost; every
 * millisecond timestamp fits a double exactly until the year 287,396.
 */
export const timestampMs = customType<{ data: Date; driverData: string | number }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

/** Bytes, read and written as a Buffer like SQLite's blob columns. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

/** The moment the row is written, in whole milliseconds: SQLite's `unixepoch('subsec') * 1000`. */
export const NOW_MS = sql`(floor(extract(epoch from clock_timestamp()) * 1000)::bigint)`;

const createdAt = () => timestampMs("created_at").notNull().default(NOW_MS);

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  organisation: text("organisation").notNull().default(""),
  locale: text("locale", { enum: LOCALE_VALUES }).notNull().default("en"),
  passwordHash: text("password_hash").notNull(),
  isAdmin: boolean("is_admin").notNull().default(false),
  /** Notifications are also mailed (when SMTP_URL is set) unless the member turned this off. */
  mailNotifications: boolean("mail_notifications").notNull().default(true),
  /** Set by the administrator: the account cannot sign in and its sessions are gone. */
  deactivatedAt: timestampMs("deactivated_at"),
  createdAt: createdAt(),
});

/** Single-use links to choose a new password (valid one hour); only the token's hash is kept. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestampMs("expires_at").notNull(),
    usedAt: timestampMs("used_at"),
    /** The administrator who made the link to pass on; null when the owner asked by mail. */
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/**
 * What a member is told (app/models/notification.server.ts): one row per recipient, stored only
 * for those who may read it. `kind` and `params` are turned into text in the reader's language.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reviewId: text("review_id").references(() => reviews.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    params: jsonb("params").notNull(),
    readAt: timestampMs("read_at"),
    /** none: not to be mailed; pending → sending → sent or failed. */
    mailState: text("mail_state", { enum: MAIL_STATES }).notNull().default("none"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt), index("notifications_mail_idx").on(t.mailState)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestampMs("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed sign-ins per key ("account:… client:…" or "client:…"), kept in the database so a restart does not reset them. */
export const loginAttempts = pgTable("login_attempts", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestampMs("last_failure_at").notNull(),
  lockedUntil: timestampMs("locked_until"),
});

/** A city that hosts reviews over the years; its reviews keep a copy of its name and country (decision 0028). */
export const cities = pgTable(
  "cities",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    /** IANA zone a new review of the city starts with. */
    timeZone: text("time_zone").notNull().default("Europe/Brussels"),
    /** The languages the city works and reports in. */
    languages: jsonb("languages").$type<("fr" | "en")[]>().notNull().default(["fr", "en"]),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("cities_name_country_idx").on(t.name, t.country)],
);

export const reviews = pgTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    /** The city reviewed; every review has one (the 0010 migration attached the older ones). */
    cityId: text("city_id").references(() => cities.id),
    /** The cycle this review follows: the city's previous review, whose recommendations it follows up. */
    previousReviewId: text("previous_review_id").references((): AnyPgColumn => reviews.id, { onDelete: "set null" }),
    /** A copy of the city's name and country, kept in step by the city model. */
    hostCity: text("host_city").notNull(),
    country: text("country").notNull(),
    frameworkId: text("framework_id").notNull(),
    frameworkVersion: text("framework_version").notNull(),
    kind: text("kind", { enum: REVIEW_KINDS }).notNull(),
    phase: text("phase", { enum: PHASES }).notNull().default("self-assessment"),
    visitStart: text("visit_start"),
    visitEnd: text("visit_end"),
    reportLocale: text("report_locale", { enum: LOCALE_VALUES }).notNull().default("en"),
    /** The languages the report is issued in (the main reportLocale among them). */
    reportLocales: jsonb("report_locales").$type<("fr" | "en")[]>().notNull().default(["fr", "en"]),
    /** IANA zone every date and time of this review is shown in (pages, CSV, PDF, mail). */
    timeZone: text("time_zone").notNull().default("Europe/Brussels"),
    selfAssessmentSubmittedAt: timestampMs("sa_submitted_at"),
    selfAssessmentSubmittedBy: text("sa_submitted_by").references(() => users.id),
    executiveSummary: text("executive_summary").notNull().default(""),
    crossCuttingConclusions: text("cross_cutting_conclusions").notNull().default(""),
    summaryVersion: integer("summary_version").notNull().default(0),
    issuedAt: timestampMs("issued_at"),
    /** The entity a city names to follow and coordinate a plan of action (ECCAR's 10-point plan); printed on its annual report. */
    coordinatingEntity: text("coordinating_entity").notNull().default(""),
    /** Set while the review is archived: read-only and out of the default lists. */
    archivedAt: timestampMs("archived_at"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("reviews_city_idx").on(t.cityId)],
);

export const reviewMembers = pgTable(
  "review_members",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    /** City or organisation the member represents on this review, shown on the report cover. */
    affiliation: text("affiliation").notNull().default(""),
    /** A plan partner's organisation (the city's partner register): the plan actions it owns are the ones it sees. */
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("members_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    affiliation: text("affiliation").notNull().default(""),
    /** For a plan partner: the partner organisation it joins the plan for. */
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestampMs("expires_at").notNull(),
    usedAt: timestampMs("used_at"),
    /** Revoked by the lead: the link stops working, the row stays so the Team page can say so. */
    revokedAt: timestampMs("revoked_at"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_review_idx").on(t.reviewId)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    reviewId: text("review_id").references(() => reviews.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    at: createdAt(),
  },
  (t) => [index("audit_review_idx").on(t.reviewId, t.at)],
);

// ---- Self-assessment -------------------------------------------------------

export const selfAssessmentAnswers = pgTable(
  "sa_answers",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    questionId: text("question_id").notNull(),
    text: text("text").notNull().default(""),
    /** Set on an answer carried over from the previous cycle: when it was last written there. Cleared once edited or confirmed. */
    carriedOverFrom: timestampMs("carried_over_from"),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.questionId] })],
);

export const selfAssessmentFactors = pgTable(
  "sa_factors",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    rating: text("rating", { enum: RATINGS }),
    summary: text("summary").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.factorId] })],
);

// ---- City actions (a plan of action such as ECCAR's: what the city runs per commitment) ----

export const cityActions = pgTable(
  "city_actions",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    /** The commitment (key factor) id the action answers. */
    factorId: text("factor_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    responsibleService: text("responsible_service").notNull().default(""),
    partners: text("partners").notNull().default(""),
    startYear: integer("start_year").notNull(),
    /** The last year the action ran; none while it goes on. */
    endYear: integer("end_year"),
    /** As the city states it ("€40,000 a year"), empty when not known. */
    budget: text("budget").notNull().default(""),
    /** A rating id on the review framework's scale (ECCAR: not started … embedded in policy). */
    status: text("status").notNull(),
    indicators: text("indicators").notNull().default(""),
    /** Where the action came from when it was accepted from a suggestion, as shown to the user then. */
    source: text("source").notNull().default(""),
    position: integer("position").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [index("city_actions_review_idx").on(t.reviewId, t.factorId, t.position)],
);

/** What an action achieved in one year, and where it stood then: the annual report's lines. */
export const cityActionYears = pgTable(
  "city_action_years",
  {
    actionId: text("action_id")
      .notNull()
      .references(() => cityActions.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    status: text("status").notNull(),
    results: text("results").notNull().default(""),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.year] })],
);

/**
 * A suggestion taken from another review of the same city (evidence, a self-assessment answer,
 * a development-plan action) that a user accepted or rejected for one commitment: decided
 * suggestions are not offered again.
 */
export const prefillDecisions = pgTable(
  "prefill_decisions",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    sourceReviewId: text("source_review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    sourceType: text("source_type", { enum: PREFILL_SOURCE_TYPES }).notNull(),
    sourceId: text("source_id").notNull(),
    decision: text("decision", { enum: PREFILL_DECISIONS }).notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestampMs("decided_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.factorId, t.sourceReviewId, t.sourceType, t.sourceId] })],
);

export const documents = pgTable(
  "documents",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    origin: text("origin", { enum: DOCUMENT_ORIGINS }).notNull(),
    title: text("title").notNull(),
    type: text("type", { enum: DOCUMENT_TYPES }).notNull(),
    date: text("date"),
    author: text("author").notNull().default(""),
    url: text("url"),
    fileSha256: text("file_sha256"),
    fileName: text("file_name"),
    fileMime: text("file_mime"),
    fileSize: integer("file_size"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestampMs("updated_at"),
    deletedAt: timestampMs("deleted_at"),
  },
  (t) => [index("documents_review_idx").on(t.reviewId)],
);

/** Which factors (and optionally which guiding questions) a document answers. */
export const documentLinks = pgTable(
  "document_links",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    questionId: text("question_id").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.factorId, t.questionId] })],
);

export const contextNotes = pgTable(
  "context_notes",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    contextualFactorId: text("contextual_factor_id").notNull(),
    note: text("note").notNull().default(""),
    effect: text("effect", { enum: CONTEXT_EFFECTS }),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.contextualFactorId] })],
);

// ---- Peer visit: interviews and evidence ----------------------------------

export const interviews = pgTable(
  "interviews",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    place: text("place").notNull().default(""),
    format: text("format", { enum: INTERVIEW_FORMATS }).notNull(),
    consentNotes: text("consent_notes").notNull().default(""),
    /** Those met asked that their organisations not be named: the report counts them by category only. */
    organisationsWithheld: boolean("organisations_withheld").notNull().default(false),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("interviews_review_idx").on(t.reviewId)],
);

export const interviewParticipants = pgTable(
  "interview_participants",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    interviewId: text("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    organisation: text("organisation").notNull().default(""),
    category: text("category", { enum: PARTICIPANT_CATEGORIES }).notNull(),
    /** Optional and off by default: reports never print it. */
    name: text("name"),
  },
  (t) => [index("participants_interview_idx").on(t.interviewId)],
);

export const interviewReviewers = pgTable(
  "interview_reviewers",
  {
    interviewId: text("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.userId] })],
);

export const evidence = pgTable(
  "evidence",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVIDENCE_KINDS }).notNull(),
    text: text("text").notNull(),
    /** Lower-case, accents stripped: what the accent-insensitive search matches. */
    searchText: text("search_text").notNull(),
    polarity: text("polarity", { enum: POLARITIES }).notNull(),
    /** Anonymous attribution shown in reports, e.g. "an NGO representative". */
    attribution: text("attribution").notNull().default(""),
    /**
     * A default attribution, stored as the speaker's category and never as words in the logger's
     * language: each reader sees it in theirs (app/models/attribution.ts). When set, `attribution` is empty.
     */
    attributionCategory: text("attribution_category", { enum: PARTICIPANT_CATEGORIES }),
    /** The participant's role, as typed in the interview, shown after the category's words. */
    attributionRole: text("attribution_role"),
    /**
     * The language the quote or note is written in, when it is not the review's (reviews.report_locale):
     * pages and the report mark it with `lang` so it is read with the right pronunciation.
     */
    language: text("language", { enum: LOCALE_VALUES }),
    interviewId: text("interview_id").references(() => interviews.id),
    documentId: text("document_id").references(() => documents.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestampMs("updated_at"),
    deletedAt: timestampMs("deleted_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("evidence_review_idx").on(t.reviewId, t.createdAt),
    // Covers the evidence log's keys (app/models/evidence.server.ts logKeys): counting, filtering
    // and paging a large log read this index alone, newest first, never the rows with their texts.
    index("evidence_log_idx").on(t.reviewId, t.deletedAt, t.createdAt, t.id, t.kind, t.polarity, t.createdBy, t.interviewId),
  ],
);

export const evidenceFactors = pgTable(
  "evidence_factors",
  {
    evidenceId: text("evidence_id")
      .notNull()
      .references(() => evidence.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.factorId] }), index("evidence_factors_factor_idx").on(t.factorId)],
);

export const evidenceQuestions = pgTable(
  "evidence_questions",
  {
    evidenceId: text("evidence_id")
      .notNull()
      .references(() => evidence.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.questionId] })],
);

// ---- Conclusions, recommendations, factual check -------------------------

export const conclusions = pgTable(
  "conclusions",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    rating: text("rating", { enum: RATINGS }),
    strengths: text("strengths").notNull().default(""),
    improvements: text("improvements").notNull().default(""),
    state: text("state", { enum: CONCLUSION_STATES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestampMs("updated_at").notNull(),
    agreedBy: text("agreed_by").references(() => users.id),
    agreedAt: timestampMs("agreed_at"),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.factorId] })],
);

export const conclusionCitations = pgTable(
  "conclusion_citations",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    evidenceId: text("evidence_id")
      .notNull()
      .references(() => evidence.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.factorId, t.evidenceId] })],
);

export const recommendations = pgTable(
  "recommendations",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    text: text("text").notNull(),
    priority: text("priority", { enum: PRIORITIES }).notNull(),
    horizon: text("horizon", { enum: HORIZONS }).notNull(),
    responsibleService: text("responsible_service").notNull().default(""),
    /** "Barcelona" style reference to one of the factor's benchmark city examples, by index. */
    exampleIndex: integer("example_index"),
    /** The earlier cycle's recommendation this one continues. */
    continuesId: text("continues_id").references((): AnyPgColumn => recommendations.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestampMs("updated_at"),
  },
  (t) => [index("recommendations_review_idx").on(t.reviewId, t.factorId, t.position)],
);

/** The follow-up of an earlier cycle's recommendation in the next cycle: what the host team did, the peer team's verdict. */
export const followUps = pgTable(
  "follow_ups",
  {
    /** The new cycle. */
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    /** A recommendation of the previous cycle. */
    recommendationId: text("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    hostAccount: text("host_account").notNull().default(""),
    hostUpdatedBy: text("host_updated_by").references(() => users.id),
    hostUpdatedAt: timestampMs("host_updated_at"),
    verdict: text("verdict", { enum: FOLLOW_UP_VERDICTS }),
    /** The evidence item of the new cycle's log the verdict rests on. */
    evidenceId: text("evidence_id").references(() => evidence.id, { onDelete: "set null" }),
    verdictBy: text("verdict_by").references(() => users.id),
    verdictAt: timestampMs("verdict_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.recommendationId] })],
);

export const factualComments = pgTable(
  "factual_comments",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    /** The part of the draft: a factor, one recommendation (its factor and id), the executive summary or the plan. */
    part: text("part", { enum: COMMENT_PARTS }).notNull().default("factor"),
    factorId: text("factor_id"),
    recommendationId: text("recommendation_id").references(() => recommendations.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** The closing note of the peer team. */
    response: text("response"),
    outcome: text("outcome", { enum: COMMENT_OUTCOMES }),
    resolvedBy: text("resolved_by").references(() => users.id),
    resolvedAt: timestampMs("resolved_at"),
  },
  (t) => [index("comments_review_idx").on(t.reviewId, t.factorId)],
);

/** The thread under a factual-check comment: host team and peer team answer each other. */
export const factualCommentReplies = pgTable(
  "factual_comment_replies",
  {
    id: text("id").primaryKey(),
    commentId: text("comment_id")
      .notNull()
      .references(() => factualComments.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("comment_replies_comment_idx").on(t.commentId, t.createdAt)],
);

/**
 * The PDFs handed to the city: stored at issue, served as stored, never rebuilt. A correction is
 * a new version; the earlier one stays, marked superseded.
 */
export const issuedReports = pgTable(
  "issued_reports",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: LOCALE_VALUES }).notNull(),
    version: integer("version").notNull().default(1),
    sha256: text("sha256").notNull(),
    pdf: bytea("pdf").notNull(),
    pages: integer("pages").notNull(),
    /** The same report as a Word document, stored with its own SHA-256 (null: issued before DOCX existed). */
    docx: bytea("docx"),
    docxSha256: text("docx_sha256"),
    issuedAt: timestampMs("issued_at").notNull(),
    /** Why the lead issued while a key factor had no agreed conclusion (also in the report's method section). */
    issueReason: text("issue_reason"),
    supersededAt: timestampMs("superseded_at"),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.locale, t.version] })],
);

// ---- The peer team organises itself -----------------------------------------

/** The visit's programme: one meeting per slot, proposed by the host team or the lead, confirmed by the lead. */
export const agendaSlots = pgTable(
  "agenda_slots",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    /** Calendar date and wall-clock times in the review's time zone ("2026-03-10", "09:30"). */
    date: text("date").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull().default(""),
    place: text("place").notNull().default(""),
    /** Who is met, as the programme names them (organisations, roles). */
    meeting: text("meeting").notNull(),
    factorIds: jsonb("factor_ids").$type<string[]>().notNull().default([]),
    leadReviewerId: text("lead_reviewer_id").references(() => users.id, { onDelete: "set null" }),
    state: text("state", { enum: SLOT_STATES }).notNull().default("proposed"),
    interviewId: text("interview_id").references(() => interviews.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("agenda_review_idx").on(t.reviewId, t.date, t.startTime)],
);

/** Which reviewer covers which key factor. */
export const factorAssignments = pgTable(
  "factor_assignments",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.factorId, t.userId] })],
);

/** The peer team's internal notes on a factor: never shown to the host city. */
export const teamNotes = pgTable(
  "team_notes",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    factorId: text("factor_id").notNull(),
    text: text("text").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("team_notes_review_idx").on(t.reviewId, t.factorId)],
);

// ---- PostgreSQL only ----------------------------------------------------------

/**
 * Uploaded documents' bytes, named by their SHA-256 like the files under UPLOADS_PATH that SQLite
 * instances keep: several app instances share them through the database, and one pg_dump holds
 * them with the rows that point to them (docs/decisions/0029-postgresql-beside-sqlite.md).
 */
export const storedFiles = pgTable("stored_files", {
  sha256: text("sha256").primaryKey(),
  size: integer("size").notNull(),
  content: bytea("content").notNull(),
  createdAt: createdAt(),
});

// ---- The living development plan and the city's partners ------------------

/** A partner organisation of a city's collective (association, public service, social centre, company, State service). */
export const partners = pgTable(
  "partners",
  {
    id: text("id").primaryKey(),
    cityId: text("city_id")
      .notNull()
      .references(() => cities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: PARTNER_KINDS }).notNull(),
    /** The day it signed the city's charter (YYYY-MM-DD), if it has. */
    charterSignedOn: text("charter_signed_on"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("partners_city_idx").on(t.cityId)],
);

/** A training a partner's people followed: when, on what, how many. */
export const partnerTrainings = pgTable(
  "partner_trainings",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** YYYY-MM-DD */
    date: text("date").notNull(),
    topic: text("topic").notNull(),
    peopleTrained: integer("people_trained").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("partner_trainings_partner_idx").on(t.partnerId)],
);

/**
 * A recommendation carried out as a plan action: who owns it (a city service or a partner), its
 * axis, dates, indicator and status. It lives on after the review is issued; a recommendation
 * without a row here is an action not yet planned (its service as owner, not started).
 */
export const planActions = pgTable(
  "plan_actions",
  {
    recommendationId: text("recommendation_id")
      .primaryKey()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    /** The city service that owns it, when no partner does. */
    ownerService: text("owner_service").notNull().default(""),
    ownerPartnerId: text("owner_partner_id").references(() => partners.id, { onDelete: "set null" }),
    /** An axis of the city's plan or charter ("Observatory", "Training"); empty: its key factor. */
    axis: text("axis").notNull().default(""),
    /** YYYY-MM-DD, in the review's calendar. */
    startDate: text("start_date"),
    dueDate: text("due_date"),
    indicator: text("indicator").notNull().default(""),
    baseline: text("baseline").notNull().default(""),
    target: text("target").notNull().default(""),
    status: text("status", { enum: PLAN_STATUSES }).notNull().default("not-started"),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestampMs("updated_at"),
  },
  (t) => [index("plan_actions_review_idx").on(t.reviewId), index("plan_actions_partner_idx").on(t.ownerPartnerId)],
);

/** The dated log of an action's progress: what was done, where the indicator stands, the status it left. */
export const planActionUpdates = pgTable(
  "plan_action_updates",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    recommendationId: text("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    note: text("note").notNull(),
    /** Where the indicator stands now, as typed ("42 agents trained"). */
    value: text("value").notNull().default(""),
    status: text("status", { enum: PLAN_STATUSES }).notNull(),
    authorId: text("author_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("plan_action_updates_action_idx").on(t.recommendationId, t.createdAt)],
);
