import { beforeEach, describe, expect, it } from "vitest";
import * as audit from "#app/routes/reviews.$reviewId.audit";
import * as settings from "#app/routes/reviews.$reviewId_.settings";
import { requireFramework } from "#benchmark/index";
import { cookieFor, DEMO_REVIEW_ID, loadDemoReview, makeRequest, run, setPhase } from "../utils";

/* The audit log names people and things (names, titles, the review's city), not their ids. */

type Entry = { entity: string; entityId: string; subject: string; action: string };

async function entries(lang: "en" | "fr" = "en") {
  const page = await run(audit.loader, makeRequest(`/reviews/${DEMO_REVIEW_ID}/audit?lang=${lang}`, { cookie: await cookieFor("lead@demo.test") }), {
    reviewId: DEMO_REVIEW_ID,
  });
  expect(page.status).toBe(200);
  return (page.data as { entries: Entry[] }).entries;
}

beforeEach(async () => {
  await loadDemoReview();
  await setPhase("peer-visit");
});

describe("the audit log", () => {
  it("shows the review's city, people's names and key factors' titles instead of ids", async () => {
    await run(
      settings.action,
      makeRequest(`/reviews/${DEMO_REVIEW_ID}/settings`, {
        cookie: await cookieFor("admin@demo.test"),
        form: { intent: "hand-lead", userId: "demo-peer2", formerLead: "lead-expert" },
      }),
      { reviewId: DEMO_REVIEW_ID },
    );
    const all = await entries();
    const handed = all.find((entry) => entry.entity === "member" && entry.entityId === "demo-peer2" && entry.action === "change-role");
    expect(handed?.subject).toBe("Samira Haddad");
    const review = all.find((entry) => entry.entity === "review");
    expect(review?.subject).toBe("Belleforge (France)");
    const factor = requireFramework("eurocities-anti-discrimination").keyFactors[0]!;
    const conclusion = all.find((entry) => entry.entity === "conclusion" && entry.entityId === factor.id);
    expect(conclusion?.subject).toBe(`${factor.number}. ${factor.title.en}`);
    // Every entry about a person, the review or a key factor is named, never shown by its id.
    for (const entry of all.filter((candidate) => ["member", "review", "conclusion", "document", "evidence", "interview"].includes(candidate.entity))) {
      expect(entry.subject, `${entry.entity} ${entry.entityId}`).not.toBe(entry.entityId);
    }
  });

  it("gives the factors' titles in the reader's language", async () => {
    const factor = requireFramework("eurocities-anti-discrimination").keyFactors[0]!;
    const conclusion = (await entries("fr")).find((entry) => entry.entity === "conclusion" && entry.entityId === factor.id);
    expect(conclusion?.subject).toBe(`${factor.number}. ${factor.title.fr}`);
  });
});
