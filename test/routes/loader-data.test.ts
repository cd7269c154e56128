import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ROUTE_ACCESS } from "#app/utils/permissions";
import {
  auditLog,
  conclusionCitations,
  conclusions,
  contextNotes,
  documents,
  evidence,
  evidenceFactors,
  factualComments,
  interviewParticipants,
  interviews,
  recommendations,
  selfAssessmentAnswers,
  teamNotes,
  type Phase,
} from "#db/schema";
import { loadRoute, receivedText, routeAddresses, routeFiles } from "./route-modules";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, DEMO_ECCAR_REVIEW_ID, DEMO_REVIEW_ID, makeRequest, run, loadDemoReview, setPhase, type DemoEmail } from "../utils";

/**
 * What each reader's loader data holds. Every route's loader (from ROUTE_ACCESS) is run as every
 * role, in every phase, on the demo review salted with unique markers; the whole value the loader
 * returns is serialised (as single fetch would send it, or the file's bytes as text) and must hold
 * no marker the role may not read. What each role may read is written out by hand below, not
 * computed by the code under test.
 */

type Reader = "lead-expert" | "peer-reviewer" | "host-team" | "host-reader" | "plan-partner" | "outsider" | "admin";
const READERS: Record<Reader, DemoEmail> = {
  "lead-expert": "lead@demo.test",
  "peer-reviewer": "peer@demo.test",
  "host-team": "host@demo.test",
  "host-reader": "reader@demo.test",
  // Sees only the plan actions its organisation owns: none of the markers below, ever.
  "plan-partner": "partner@demo.test",
  outsider: "outsider@demo.test",
  admin: "admin@demo.test",
};
const PHASES: Phase[] = ["self-assessment", "peer-visit", "drafting", "factual-check", "issued"];

const MARKERS = {
  /** kf-06's conclusion, never agreed. */
  draftConclusion: "MARKER-DRAFT-CONCLUSION-q7Zt",
  /** A recommendation on kf-06, whose conclusion is a draft. */
  draftRecommendation: "MARKER-DRAFT-RECOMMENDATION-v2Lp",
  /** A quote that only the draft conclusion (kf-06) cites. */
  draftCitedQuote: "MARKER-DRAFT-CITED-QUOTE-k8Wd",
  /** A quote no conclusion cites. */
  uncitedQuote: "MARKER-UNCITED-QUOTE-h3Rn",
  /** The name of a person interviewed. */
  intervieweeName: "MARKER-INTERVIEWEE-NAME-b5Qs",
  /** The interviewing peers' own notes on consent. */
  consentNote: "MARKER-CONSENT-NOTE-x9Fe",
  /** Where a resident lives, typed in the organisation field. */
  residentPlace: "MARKER-RESIDENT-PLACE-m4Jc",
  /** An organisation that asked not to be named. */
  withheldOrganisation: "MARKER-WITHHELD-ORGANISATION-t6Gy",
  /** kf-01's conclusion, agreed. */
  agreedConclusion: "MARKER-AGREED-CONCLUSION-p1Dx",
  /** A recommendation on kf-01, whose conclusion is agreed. */
  agreedRecommendation: "MARKER-AGREED-RECOMMENDATION-c7Ha",
  /** A quote the agreed conclusion (kf-01) cites. */
  agreedCitedQuote: "MARKER-AGREED-CITED-QUOTE-n2Bv",
  /** A host team member's factual-check comment. */
  factualComment: "MARKER-FACTUAL-COMMENT-w8Uk",
  /** A self-assessment answer. */
  selfAssessmentAnswer: "MARKER-SELF-ASSESSMENT-ANSWER-r5Ym",
  /** A contextual factor note. */
  contextNote: "MARKER-CONTEXT-NOTE-f4Ko",
  /** The peer team's internal note on a factor. */
  teamNote: "MARKER-TEAM-NOTE-j6Vr",
} as const;
type Marker = keyof typeof MARKERS;

const PEER_TEAM: Reader[] = ["lead-expert", "peer-reviewer"];

/** The policy, by hand: may this reader, in this phase, read this marker anywhere in the app? */
function mayRead(marker: Marker, reader: Reader, phase: Phase): boolean {
  const peerTeam = PEER_TEAM.includes(reader);
  switch (marker) {
    // The peer team's working material: never the host city's.
    case "uncitedQuote":
    case "teamNote":
    case "intervieweeName":
    case "consentNote":
    case "residentPlace":
    case "withheldOrganisation":
      return peerTeam;
    // Drafts: the host team reads them in the draft report during the factual check only; a host
    // reader never does, and after issue the host city has the issued (agreed) text alone.
    case "draftConclusion":
    case "draftRecommendation":
    case "draftCitedQuote":
      return peerTeam || (reader === "host-team" && phase === "factual-check");
    // The agreed text: the host team from the factual check, host readers once it is issued.
    case "agreedConclusion":
    case "agreedRecommendation":
    case "agreedCitedQuote":
      return peerTeam || (reader === "host-team" && (phase === "factual-check" || phase === "issued")) || (reader === "host-reader" && phase === "issued");
    case "factualComment":
      return peerTeam || (reader === "host-team" && (phase === "factual-check" || phase === "issued"));
    // The host city's own words: the issued report carries them to host readers.
    case "selfAssessmentAnswer":
    case "contextNote":
      return peerTeam || reader === "host-team" || (reader === "host-reader" && phase === "issued");
  }
}

const ids = {
  draftCitedEvidence: "marker-evidence-draft-cited",
  uncitedEvidence: "marker-evidence-uncited",
  agreedCitedEvidence: "marker-evidence-agreed-cited",
  documentId: "",
};

async function salt() {
  const early = new Date(Date.UTC(2026, 0, 1));
  const append = async (factorId: string, marker: string, state: "draft" | "agreed") => {
    const row = (await asyncDb
      .select()
      .from(conclusions)
      .where(and(eq(conclusions.reviewId, DEMO_REVIEW_ID), eq(conclusions.factorId, factorId)))
      .get())!;
    await asyncDb
      .update(conclusions)
      .set({ strengths: `${row.strengths} ${marker}`, state, agreedAt: state === "agreed" ? early : null, agreedBy: state === "agreed" ? "demo-lead" : null })
      .where(and(eq(conclusions.reviewId, DEMO_REVIEW_ID), eq(conclusions.factorId, factorId)))
      .run();
  };
  await append("kf-06", MARKERS.draftConclusion, "draft");
  await append("kf-01", MARKERS.agreedConclusion, "agreed");

  for (const [factorId, text] of [
    ["kf-06", MARKERS.draftRecommendation],
    ["kf-01", MARKERS.agreedRecommendation],
  ] as const) {
    await asyncDb
      .insert(recommendations)
      .values({
        id: `marker-${factorId}`,
        reviewId: DEMO_REVIEW_ID,
        factorId,
        text,
        priority: "high",
        horizon: "quick-win",
        position: -1,
        createdBy: "demo-lead",
      })
      .run();
  }

  await asyncDb
    .insert(interviews)
    .values({
      id: "marker-interview",
      reviewId: DEMO_REVIEW_ID,
      date: "2026-03-16",
      format: "focus-group",
      consentNotes: MARKERS.consentNote,
      organisationsWithheld: true,
      createdBy: "demo-peer",
    })
    .run();
  await asyncDb
    .insert(interviewParticipants)
    .values([
      { interviewId: "marker-interview", role: "Coordinator", organisation: MARKERS.withheldOrganisation, category: "ngo", name: MARKERS.intervieweeName },
      { interviewId: "marker-interview", role: "Tenant", organisation: MARKERS.residentPlace, category: "resident" },
    ])
    .run();
  await asyncDb
    .insert(interviews)
    .values({ id: "marker-interview-2", reviewId: DEMO_REVIEW_ID, date: "2026-03-17", format: "interview", createdBy: "demo-peer" })
    .run();
  await asyncDb
    .insert(interviewParticipants)
    .values({ interviewId: "marker-interview-2", role: "Tenant", organisation: MARKERS.residentPlace, category: "resident" })
    .run();

  const quotes = [
    { id: ids.draftCitedEvidence, text: MARKERS.draftCitedQuote, factorId: "kf-06", cited: true },
    { id: ids.uncitedEvidence, text: MARKERS.uncitedQuote, factorId: "kf-01", cited: false },
    { id: ids.agreedCitedEvidence, text: MARKERS.agreedCitedQuote, factorId: "kf-01", cited: true },
  ];
  for (const quote of quotes) {
    // Logged before anything else, so a cited one is among the report's key findings.
    await asyncDb
      .insert(evidence)
      .values({
        id: quote.id,
        reviewId: DEMO_REVIEW_ID,
        kind: "focus-group-note",
        text: quote.text,
        searchText: quote.text.toLowerCase(),
        polarity: "supports",
        attribution: "a participant",
        interviewId: "marker-interview",
        createdBy: "demo-peer",
        createdAt: early,
      })
      .run();
    await asyncDb.insert(evidenceFactors).values({ evidenceId: quote.id, factorId: quote.factorId }).run();
    if (quote.cited) await asyncDb.insert(conclusionCitations).values({ reviewId: DEMO_REVIEW_ID, factorId: quote.factorId, evidenceId: quote.id }).run();
  }

  await asyncDb
    .insert(factualComments)
    .values({ id: "marker-comment", reviewId: DEMO_REVIEW_ID, factorId: "kf-01", text: MARKERS.factualComment, authorId: "demo-host" })
    .run();
  await asyncDb
    .update(selfAssessmentAnswers)
    .set({ text: `Answer ${MARKERS.selfAssessmentAnswer}` })
    .where(and(eq(selfAssessmentAnswers.reviewId, DEMO_REVIEW_ID), eq(selfAssessmentAnswers.questionId, "kf-06-q1")))
    .run();
  await asyncDb
    .update(contextNotes)
    .set({ note: `Note ${MARKERS.contextNote}` })
    .where(eq(contextNotes.reviewId, DEMO_REVIEW_ID))
    .run();

  // The activity feed reads the audit log: its entries carry what was written.
  const entries = [
    { entity: "conclusion", entityId: `${DEMO_REVIEW_ID}:kf-06`, text: MARKERS.draftConclusion },
    { entity: "recommendation", entityId: "marker-kf-06", text: MARKERS.draftRecommendation },
    { entity: "evidence", entityId: ids.uncitedEvidence, text: MARKERS.uncitedQuote },
    { entity: "interview", entityId: "marker-interview", text: MARKERS.intervieweeName },
  ];
  for (const entry of entries) {
    await asyncDb
      .insert(auditLog)
      .values({ reviewId: DEMO_REVIEW_ID, userId: "demo-peer", action: "update", entity: entry.entity, entityId: entry.entityId, after: { text: entry.text } })
      .run();
  }

  await asyncDb
    .insert(teamNotes)
    .values({ id: "marker-team-note", reviewId: DEMO_REVIEW_ID, factorId: "kf-01", text: MARKERS.teamNote, authorId: "demo-peer" })
    .run();

  ids.documentId = (await asyncDb.select({ id: documents.id }).from(documents).where(eq(documents.reviewId, DEMO_REVIEW_ID)).limit(1).get())!.id;
}

/** Commitments of the demo's ECCAR review mapped to the salted key factors (kf-01, kf-06): their suggestions come from them. */
const PLAN_COMMITMENTS = ["c-01", "c-06"];

/** Each URL a route file stands for: every id the markers sit on. */
function addressesOf(name: string): { path: string; params: Record<string, string> }[] {
  // The pages of a plan of action (ECCAR) exist on the demo's ECCAR review, whose suggestions come from the salted review.
  const plan = name.includes(".actions.") || name.includes("eccar-report");
  const values: Record<string, string[]> = {
    reviewId: [plan ? DEMO_ECCAR_REVIEW_ID : DEMO_REVIEW_ID],
    factorId: plan ? PLAN_COMMITMENTS : ["kf-01", "kf-06"],
    actionId: ["demo-eccar-action-01"],
    cityId: ["belleforge"],
    frameworkId: ["eurocities-anti-discrimination"],
    token: ["not-a-real-invitation-token"],
    documentId: [ids.documentId],
    evidenceId: [ids.draftCitedEvidence, ids.uncitedEvidence, ids.agreedCitedEvidence],
    // A plan action the plan partner owns, and the salted recommendations as plan actions.
    recommendationId: ["demo-rec-02-1", "marker-kf-01", "marker-kf-06"],
  };
  return routeAddresses(name, values);
}

beforeEach(async () => {
  await loadDemoReview();
  await salt();
});

/** Markers that must reach the reader, so the walk cannot pass because a marker is on no page at all. */
const SHOWN: [Marker, Reader, Phase][] = [
  ["draftConclusion", "host-team", "factual-check"],
  ["draftCitedQuote", "host-team", "factual-check"],
  ["draftRecommendation", "host-team", "factual-check"],
  ["agreedConclusion", "host-reader", "issued"],
  ["agreedRecommendation", "host-reader", "issued"],
  ["agreedCitedQuote", "host-reader", "issued"],
  ["selfAssessmentAnswer", "host-reader", "issued"],
  ["contextNote", "host-reader", "issued"],
  ["factualComment", "host-team", "factual-check"],
  ["draftConclusion", "lead-expert", "issued"],
  ["uncitedQuote", "peer-reviewer", "drafting"],
  ["intervieweeName", "peer-reviewer", "peer-visit"],
  ["consentNote", "peer-reviewer", "peer-visit"],
  ["residentPlace", "peer-reviewer", "peer-visit"],
  ["withheldOrganisation", "lead-expert", "peer-visit"],
  ["teamNote", "peer-reviewer", "drafting"],
  ["teamNote", "lead-expert", "issued"],
];

describe.each(PHASES)("in the %s phase", (phase) => {
  it.each(Object.keys(READERS) as Reader[])(
    "every loader gives %s only what that role may read",
    async (reader) => {
      await setPhase(phase);
      const cookie = await cookieFor(READERS[reader]);
      const leaks: string[] = [];
      const seen = new Set<Marker>();
      for (const name of routeFiles) {
        if (!ROUTE_ACCESS[name]?.loader) continue;
        const module = await loadRoute(name);
        if (!module.loader) continue;
        for (const { path: url, params } of addressesOf(name)) {
          const outcome = await run(module.loader, makeRequest(url, { cookie }), params);
          expect(outcome.status, `${url} as ${reader} in ${phase}`).toBeLessThan(500);
          const text = await receivedText(outcome);
          for (const marker of Object.keys(MARKERS) as Marker[]) {
            if (!text.includes(MARKERS[marker])) continue;
            seen.add(marker);
            if (!mayRead(marker, reader, phase)) leaks.push(`${url} gives ${marker}`);
          }
        }
      }
      expect(leaks, `${reader} in ${phase}`).toEqual([]);
      for (const [marker] of SHOWN.filter(([, who, when]) => who === reader && when === phase)) {
        expect(seen.has(marker), `${marker} should reach ${reader} in ${phase}`).toBe(true);
      }
      // Every loader of the app, as one reader: a minute of room on a busy machine (not a speed check).
    },
    120_000,
  );
});
