import { PHASES, ROLES, type Phase, type Role } from "#db/enums";

/**
 * THE permission matrix: who may do what, in which phase. It is the single source the
 * server guards (permissions.server.ts), the docs (docs/permissions.md) and the route
 * test (test/routes/permission-matrix.test.ts) read. Change it here and nowhere else.
 *
 * A role missing from a row never has that permission. A role listed with some phases
 * has it only while the review is in one of them; an issued review is read-only, so no
 * write permission lists "issued" but the lead's phase move (a correction goes back a phase),
 * archiving, the partner register and the development plan, which is carried out after the issue.
 */
const ALL = PHASES;
const UNTIL_VISIT_ENDS = ["self-assessment", "peer-visit"] as const satisfies readonly Phase[];
const WHILE_CONCLUDING = ["peer-visit", "drafting", "factual-check"] as const satisfies readonly Phase[];
const BEFORE_ISSUE = ["self-assessment", "peer-visit", "drafting", "factual-check"] as const satisfies readonly Phase[];
const FROM_FACTUAL_CHECK = ["factual-check", "issued"] as const satisfies readonly Phase[];

type Grants = Partial<Record<Role, readonly Phase[]>>;

export const PERMISSION_MATRIX = {
  // The review's heading and the tabs the member may open: every member, a plan partner too.
  "review-heading:read": { "host-team": ALL, "peer-reviewer": ALL, "lead-expert": ALL, "host-reader": ALL, "plan-partner": ALL },
  // The review itself (its home, members, search): not a plan partner, who sees only its own plan actions.
  "review:read": { "host-team": ALL, "peer-reviewer": ALL, "lead-expert": ALL, "host-reader": ALL },
  "members:manage": { "lead-expert": BEFORE_ISSUE },
  // "issued" too: the lead takes an issued review back to the factual check to issue a correction (v2).
  "phase:move": { "lead-expert": ALL },
  "review:settings": { "lead-expert": BEFORE_ISSUE },
  // Archiving puts a finished (or abandoned) review away, so it stays open once issued; the
  // administrator may archive too, from the review's settings, without being a member.
  "review:archive": { "lead-expert": ALL },
  "audit:read": { "lead-expert": ALL },
  "self-assessment:read": { "host-team": ALL, "peer-reviewer": ALL, "lead-expert": ALL },
  "self-assessment:write": { "host-team": UNTIL_VISIT_ENDS },
  "context:read": { "host-team": ALL, "peer-reviewer": ALL, "lead-expert": ALL },
  "context:write": { "host-team": UNTIL_VISIT_ENDS },
  "evidence:read": { "peer-reviewer": ALL, "lead-expert": ALL },
  "evidence:write": { "peer-reviewer": ["self-assessment", "peer-visit", "drafting"], "lead-expert": ["self-assessment", "peer-visit", "drafting"] },
  "evidence:edit-any": { "lead-expert": ["self-assessment", "peer-visit", "drafting"] },
  // The whole log for qualitative-analysis tools (REFI-QDA): the lead answers for what leaves the team.
  "evidence-qda:read": { "lead-expert": ALL },
  "conclusions:read": { "peer-reviewer": ALL, "lead-expert": ALL, "host-team": FROM_FACTUAL_CHECK, "host-reader": ["issued"] },
  // Conclusions not agreed, their recommendations and the evidence they cite: the host team reads
  // them in the draft report during the factual check; after issue the city has the agreed text only.
  "conclusion-drafts:read": { "peer-reviewer": ALL, "lead-expert": ALL, "host-team": ["factual-check"] },
  "conclusions:write": { "peer-reviewer": WHILE_CONCLUDING, "lead-expert": WHILE_CONCLUDING },
  "conclusions:agree": { "lead-expert": WHILE_CONCLUDING },
  "summary:write": { "lead-expert": WHILE_CONCLUDING },
  "comments:read": { "peer-reviewer": ALL, "lead-expert": ALL, "host-team": FROM_FACTUAL_CHECK },
  "comments:write": { "host-team": ["factual-check"] },
  "comments:reply": { "host-team": ["factual-check"], "peer-reviewer": ["factual-check"], "lead-expert": ["factual-check"] },
  "comments:resolve": { "peer-reviewer": ["factual-check"], "lead-expert": ["factual-check"] },
  "report:read": { "peer-reviewer": ALL, "lead-expert": ALL, "host-team": FROM_FACTUAL_CHECK, "host-reader": ["issued"] },
  // The city's annual report on a plan of action (ECCAR): its own self-assessment, so those who read
  // that read it at any time (the host team exports what it sends); host readers, as the report, once issued.
  "annual-report:read": { "host-team": ALL, "peer-reviewer": ALL, "lead-expert": ALL, "host-reader": ["issued"] },
  // The visit's programme: the host city usually arranges the meetings, so its team reads the
  // programme and proposes slots; the lead confirms, edits or removes them. Host readers do not see it.
  "agenda:read": { "host-team": ALL, "peer-reviewer": ALL, "lead-expert": ALL },
  "agenda:propose": { "host-team": UNTIL_VISIT_ENDS },
  "agenda:manage": { "lead-expert": BEFORE_ISSUE },
  // The peer team's own organisation: who covers which factor, and its internal notes per factor.
  "team:read": { "peer-reviewer": ALL, "lead-expert": ALL },
  "team-notes:write": { "peer-reviewer": BEFORE_ISSUE, "lead-expert": BEFORE_ISSUE },
  // The living development plan: read as the conclusions are, and by a plan partner (only the
  // actions its organisation owns: visiblePlanActions). It stays open once the review is issued,
  // because that is when the work starts; the conclusions and the report stay frozen.
  "plan:read": { "peer-reviewer": ALL, "lead-expert": ALL, "host-team": FROM_FACTUAL_CHECK, "host-reader": ["issued"], "plan-partner": ALL },
  // Planning an action: its owner, axis, dates, indicator and status.
  "plan:manage": { "lead-expert": ALL, "host-team": FROM_FACTUAL_CHECK },
  // Recording progress on an action (a dated note, the indicator's value, the status it leaves).
  "plan:update": { "lead-expert": ALL, "host-team": FROM_FACTUAL_CHECK, "plan-partner": ALL },
  // The city's partner register (its collective's organisations, charter, training record).
  "partners:read": { "lead-expert": ALL, "peer-reviewer": ALL, "host-team": ALL },
  "partners:manage": { "lead-expert": ALL, "host-team": ALL },
  // Cycles (issue 20). The lead (or the administrator) starts the next cycle; the page says why
  // a review that is not issued (a self-assessment: not finished) cannot start one yet.
  "cycle:start": { "lead-expert": ALL },
  // The follow-up of the previous cycle's recommendations: the host team says what was done while
  // it writes its self-assessment; the peers give their verdict while they log evidence.
  "follow-up:read": { "host-team": ALL, "peer-reviewer": ALL, "lead-expert": ALL, "host-reader": ["issued"] },
  "follow-up:report": { "host-team": UNTIL_VISIT_ENDS },
  "follow-up:verdict": { "peer-reviewer": ["self-assessment", "peer-visit", "drafting"], "lead-expert": ["self-assessment", "peer-visit", "drafting"] },
} as const satisfies Record<string, Grants>;

export type Permission = keyof typeof PERMISSION_MATRIX;
export const PERMISSIONS = Object.keys(PERMISSION_MATRIX) as Permission[];

/**
 * Which permission lets a member read that something happened to an entity (the review home's
 * "latest activity"): a host city member must not learn from the activity feed that peers logged
 * evidence or drafted conclusions. An entity missing here is shown to no one but the audit log.
 */
export const AUDIT_ENTITY_READ: Record<string, Permission> = {
  review: "review:read",
  member: "review:read",
  "issued-report": "review:read",
  invitation: "members:manage",
  "self-assessment": "self-assessment:read",
  "self-assessment-answer": "self-assessment:read",
  "self-assessment-factor": "self-assessment:read",
  document: "self-assessment:read",
  "city-action": "self-assessment:read",
  "city-action-year": "self-assessment:read",
  "prefill-decision": "self-assessment:read",
  "context-note": "context:read",
  interview: "evidence:read",
  evidence: "evidence:read",
  conclusion: "conclusions:read",
  recommendation: "conclusions:read",
  summary: "conclusions:read",
  "factual-comment": "comments:read",
  "agenda-slot": "agenda:read",
  "factor-assignment": "team:read",
  "team-note": "team:read",
  "plan-action": "plan:read",
  "plan-action-update": "plan:read",
  partner: "partners:read",
  "partner-training": "partners:read",
  "follow-up": "follow-up:read",
};

export type Decision = "allowed" | "wrong-phase" | "forbidden";

/** Whether a role may use a permission in a phase, and if not, why. */
export function decide(role: Role, permission: Permission, phase: Phase): Decision {
  const phases = phasesGranting(role, permission);
  if (!phases.length) return "forbidden";
  return phases.includes(phase) ? "allowed" : "wrong-phase";
}

/** The phases in which a role has a permission (none: the role never has it). */
export function phasesGranting(role: Role, permission: Permission): readonly Phase[] {
  return (PERMISSION_MATRIX[permission] as Grants)[role] ?? [];
}

export function can(role: Role, permission: Permission, phase: Phase): boolean {
  return decide(role, permission, phase) === "allowed";
}

/** Who is reading: a member's role on a review in its current phase (a ReviewAccess is one). */
export type Reader = { role: Role; review: { phase: Phase } };

/*
 * The who-sees-what rules below the route guard: a route or model that holds data a reader may
 * not see asks one of these, never the role by name.
 */

/** Whether the reader may read the peers' verdicts on the previous cycle's recommendations (as their conclusions). */
export function canReadVerdicts(reader: Reader): boolean {
  return can(reader.role, "conclusions:read", reader.review.phase) || can(reader.role, "follow-up:verdict", reader.review.phase);
}

/** Whether the reader may read conclusions that are not agreed (and what hangs on them). */
export function canReadDraftConclusions(reader: Reader): boolean {
  return can(reader.role, "conclusion-drafts:read", reader.review.phase);
}

/** Whether the reader may read this conclusion: agreed ones with conclusions:read, drafts only with the drafts right. */
export function canReadConclusion(reader: Reader, conclusion: { state: "draft" | "agreed" }): boolean {
  if (!can(reader.role, "conclusions:read", reader.review.phase)) return false;
  return conclusion.state === "agreed" || canReadDraftConclusions(reader);
}

/** A member acting on evidence: who, and what the role allows in the review's phase now. */
export type EvidenceEditor = { userId: string; canWrite: boolean; canEditAny: boolean };

export function evidenceEditor(actor: Reader & { user: { id: string } }): EvidenceEditor {
  const { role, review } = actor;
  return { userId: actor.user.id, canWrite: can(role, "evidence:write", review.phase), canEditAny: can(role, "evidence:edit-any", review.phase) };
}

/**
 * "Edit your own item or anyone's": an evidence item or an interview record is changed by whoever
 * logged it while their role may write evidence, or by anyone with evidence:edit-any (the lead).
 */
export function canEditEvidence(editor: EvidenceEditor, item: { createdBy: string | null }): boolean {
  return editor.canWrite && (item.createdBy === editor.userId || editor.canEditAny);
}

/** The conclusions (or rows carrying a conclusion's state) the reader may read. */
export function visibleConclusions<T extends { state: "draft" | "agreed" }>(reader: Reader, list: readonly T[]): T[] {
  return list.filter((conclusion) => canReadConclusion(reader, conclusion));
}

/**
 * The plan actions the reader may read: whoever reads conclusions reads the plan as they read
 * them (a host reader: agreed ones only); a reader who may read the plan but no conclusion (a
 * plan partner) reads only the agreed actions its organisation owns.
 */
export function visiblePlanActions<T extends { state: "draft" | "agreed"; ownerPartnerId: string | null }>(
  reader: Reader & { partnerId: string | null },
  list: readonly T[],
): T[] {
  if (can(reader.role, "conclusions:read", reader.review.phase)) return visibleConclusions(reader, list);
  if (!can(reader.role, "plan:read", reader.review.phase) || !reader.partnerId) return [];
  return list.filter((row) => row.state === "agreed" && row.ownerPartnerId === reader.partnerId);
}

/** Whether a role joins a review for one of the city's partner organisations (a plan partner, whose actions are its organisation's). */
export function joinsForAPartner(role: Role): boolean {
  return role === "plan-partner";
}

/** Whether the reader may update this action: plan:update on a plan action it may read. */
export function canUpdatePlanAction(
  reader: Reader & { partnerId: string | null },
  action: { state: "draft" | "agreed"; ownerPartnerId: string | null },
): boolean {
  return can(reader.role, "plan:update", reader.review.phase) && visiblePlanActions(reader, [action]).length === 1;
}

/**
 * Access a route asks for before anything else; review permissions come from the matrix.
 * "admin or <permission>": the instance administrator passes too, member of the review or not
 * (a review's settings page, where the administrator archives it and hands the lead role on).
 */
export type Access = "public" | "signed-in" | "admin" | Permission | `admin or ${Permission}`;

const ADMIN_OR = "admin or ";

/** Whether the administrator passes an access without being a member of the review. */
export function adminPasses(access: Access | undefined): boolean {
  return access === "admin" || (access?.startsWith(ADMIN_OR) ?? false);
}

export type RouteAccess = {
  loader?: Access;
  /** One access for the action, or one per `intent` for pages with several forms. */
  action?: Access | Record<string, Access>;
};

/**
 * Every module under app/routes/, by file name without extension. The route test drives
 * each loader and action listed here as every role and fails on a route missing here.
 */
const ROUTES = {
  _index: { loader: "public" },
  login: { loader: "public", action: "public" },
  logout: { loader: "public", action: "signed-in" },
  healthz: { loader: "public" },
  accessibility: { loader: "public" },
  "invitations.$token": { loader: "public", action: "public" },
  "benchmark.$frameworkId": { loader: "public" },
  "reviews._index": { loader: "signed-in" },
  // Each account's own notifications: the model filters them by what the account may read.
  notifications: { loader: "signed-in", action: "signed-in" },
  // Accounts: anyone may ask for a reset link (the answer is the same for every address); a link
  // is its own proof. Each account changes only itself; the administrator looks after all of them.
  "forgot-password": { loader: "public", action: "public" },
  "reset-password.$token": { loader: "public", action: "public" },
  account: { loader: "signed-in", action: "signed-in" },
  "admin.users": { loader: "admin", action: "admin" },
  "reviews.new": { loader: "admin", action: "admin" },
  // The layout: its heading and the tabs the reader may open (a plan partner: the plan alone).
  "reviews.$reviewId": { loader: "review-heading:read" },
  "reviews.$reviewId._index": { loader: "review:read", action: "phase:move" },
  // One check for every form on the page (invite, remove, change-role, revoke), before the form is read.
  "reviews.$reviewId.members": { loader: "review:read", action: "members:manage" },
  "reviews.$reviewId.audit": { loader: "audit:read" },
  // Every member searches; the search itself returns only what the role may read (review-search.server.ts).
  "reviews.$reviewId.search": { loader: "review:read" },
  // The peer team's internal notes per factor: never the host city's, never in the report.
  "reviews.$reviewId.team-notes": { loader: "team:read", action: "team-notes:write" },
  // The visit's programme: the host team proposes, the lead confirms, edits and removes; an
  // interview is made from a slot by whoever may log interviews.
  "reviews.$reviewId.agenda": {
    loader: "agenda:read",
    action: {
      propose: "agenda:propose",
      add: "agenda:manage",
      update: "agenda:manage",
      confirm: "agenda:manage",
      remove: "agenda:manage",
      "create-interview": "evidence:write",
    },
  },
  // Outside the review's layout (the administrator opens it without being a member). Editing the
  // review is the lead's; archiving the lead's or the administrator's; the lead role the administrator's.
  "reviews.$reviewId_.settings": {
    loader: "admin or review:archive",
    action: { update: "review:settings", archive: "admin or review:archive", "hand-lead": "admin" },
  },
  "reviews.$reviewId.self-assessment._index": { loader: "self-assessment:read", action: "self-assessment:write" },
  "reviews.$reviewId.self-assessment.print": { loader: "self-assessment:read" },
  "reviews.$reviewId.self-assessment.$factorId": { loader: "self-assessment:read", action: "self-assessment:write" },
  // A commitment's actions (plan-of-action frameworks such as ECCAR), with the suggestions from the city's other reviews.
  "reviews.$reviewId.self-assessment.$factorId_.actions._index": { loader: "self-assessment:read", action: "self-assessment:write" },
  "reviews.$reviewId.self-assessment.$factorId_.actions.$actionId": { loader: "self-assessment:read", action: "self-assessment:write" },
  "reviews.$reviewId.documents._index": { loader: "self-assessment:read", action: "self-assessment:write" },
  "reviews.$reviewId.documents.$documentId.file": { loader: "self-assessment:read" },
  "reviews.$reviewId.context": { loader: "context:read", action: "context:write" },
  "reviews.$reviewId.interviews": { loader: "evidence:read", action: "evidence:write" },
  "reviews.$reviewId.evidence": { loader: "evidence:read", action: "evidence:write" },
  "reviews.$reviewId.evidence[.csv]": { loader: "evidence:read" },
  "reviews.$reviewId.evidence[.json]": { loader: "evidence:read" },
  "reviews.$reviewId.evidence[.xlsx]": { loader: "evidence:read" },
  "reviews.$reviewId.evidence[.qdpx]": { loader: "evidence-qda:read" },
  "reviews.$reviewId.evidence.$evidenceId": { loader: "evidence:read", action: "evidence:write" },
  // Items logged offline (evidence, interviews), sent later: the same right as logging them online.
  "reviews.$reviewId.outbox": { action: "evidence:write" },
  "reviews.$reviewId.coverage": { loader: "evidence:read" },
  "reviews.$reviewId.conclusions._index": { loader: "conclusions:read" },
  "reviews.$reviewId.conclusions.$factorId": {
    loader: "conclusions:read",
    action: {
      "save-conclusion": "conclusions:write",
      "add-recommendation": "conclusions:write",
      "update-recommendation": "conclusions:write",
      "move-recommendation": "conclusions:write",
      "delete-recommendation": "conclusions:write",
      agree: "conclusions:agree",
      reopen: "conclusions:agree",
      comment: "comments:write",
      reply: "comments:reply",
      resolve: "comments:resolve",
    },
  },
  // The factual check's threads on the summary and on the plan (and its recommendations), as on a factor's page.
  "reviews.$reviewId.summary": {
    loader: "conclusions:read",
    action: { "save-summary": "summary:write", comment: "comments:write", reply: "comments:reply", resolve: "comments:resolve" },
  },
  "reviews.$reviewId.plan": { loader: "plan:read", action: { comment: "comments:write", reply: "comments:reply", resolve: "comments:resolve" } },
  "reviews.$reviewId.plan[.csv]": { loader: "plan:read" },
  "reviews.$reviewId.plan[.xlsx]": { loader: "plan:read" },
  // One plan action: planned by the lead or the host team, its progress recorded by them or by the partner that owns it.
  "reviews.$reviewId.plan_.$recommendationId": { loader: "plan:read", action: { "save-action": "plan:manage", "add-update": "plan:update" } },
  // The city's partner register, opened from one of its reviews.
  "reviews.$reviewId.partners": { loader: "partners:read", action: { "add-partner": "partners:manage", "add-training": "partners:manage" } },
  // The factual check's threads as a file, for whoever reads them.
  "reviews.$reviewId.factual-check[.csv]": { loader: "comments:read" },
  "reviews.$reviewId.report": { loader: "report:read" },
  "reviews.$reviewId.report[.pdf]": { loader: "report:read" },
  // The coordinating entity is the host team's to name, like the rest of its self-assessment.
  "reviews.$reviewId.eccar-report": { loader: "annual-report:read", action: "self-assessment:write" },
  "reviews.$reviewId.eccar-report[.pdf]": { loader: "annual-report:read" },
  "reviews.$reviewId.report[.docx]": { loader: "report:read" },
  // A city's reviews over the years: every signed-in account asks, the page lists only the reviews
  // the reader is a member of (the administrator: all) and is "not found" when there is none.
  // The administrator corrects the city's record (name, country, zone, languages) for all its reviews.
  "cities.$cityId": { loader: "signed-in", action: "admin" },
  // Outside the review's layout, like the settings: the administrator starts a cycle without being a member.
  "reviews.$reviewId_.next-cycle": { loader: "admin or cycle:start", action: "admin or cycle:start" },
  "reviews.$reviewId.follow-up": { loader: "follow-up:read", action: { report: "follow-up:report", verdict: "follow-up:verdict" } },
} as const satisfies Record<string, RouteAccess>;

export type RouteName = keyof typeof ROUTES;
export const ROUTE_ACCESS: Record<string, RouteAccess> & Record<RouteName, RouteAccess> = ROUTES;

/**
 * The permission a route's loader checks, read from ROUTE_ACCESS: a route passes this to its guard
 * rather than naming a permission itself, so the table, the docs and the code cannot drift.
 */
export function loaderPermission(route: RouteName): Permission {
  return asPermission(ROUTE_ACCESS[route].loader, `${route} loader`);
}

/** The permission a route's action (or one of its intents) checks, read from ROUTE_ACCESS. */
export function actionPermission(route: RouteName, intent?: string): Permission {
  const action = ROUTE_ACCESS[route].action;
  const access = typeof action === "object" ? (intent === undefined ? undefined : action[intent]) : action;
  return asPermission(access, `${route} action${intent ? ` (${intent})` : ""}`);
}

function asPermission(access: Access | undefined, what: string): Permission {
  const permission = access?.startsWith(ADMIN_OR) ? access.slice(ADMIN_OR.length) : access;
  if (permission === undefined || !(permission in PERMISSION_MATRIX)) throw new Error(`ROUTE_ACCESS names no review permission for the ${what}`);
  return permission as Permission;
}

export { PHASES, ROLES };
export type { Phase, Role };
