import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, submitAndWait, waitForHydration } from "./harness";

/*
 * Issue 20, "Must show": the lead starts the next cycle from the issued demo review; the host
 * team confirms two carried-over answers; the peers record verdicts on three recommendations;
 * the report PDF holds the progress chapter with the verdicts. The demo review follows the city's
 * 2023 review and is not issued in the seed: the journey issues it first, as the lead would have.
 */

const journey = journeyOnDemoReview();

describe("the next cycle of Belleforge", () => {
  it("starts from the issued demo review, carries the answers over, follows up the recommendations and reports the progress", async () => {
    const { app } = journey;
    const sqlite = new Database(app.databasePath);
    sqlite.pragma("busy_timeout = 5000");
    sqlite.prepare("update reviews set phase = 'issued', issued_at = ? where id = 'demo'").run(Date.UTC(2026, 4, 20, 10));
    // The recommendations the follow-up lists: those of the demo review's agreed conclusions.
    const followed = sqlite
      .prepare(
        "select r.text from recommendations r join conclusions c on c.review_id = r.review_id and c.factor_id = r.factor_id where r.review_id = 'demo' and c.state = 'agreed' order by r.factor_id, r.position",
      )
      .pluck()
      .all() as string[];
    expect(followed.length).toBeGreaterThanOrEqual(3);
    // A key factor with at least two answers to carry over.
    const factorId = sqlite
      .prepare(
        "select factor_id from sa_answers where review_id = 'demo' and trim(text) <> '' group by factor_id having count(*) >= 2 order by factor_id limit 1",
      )
      .pluck()
      .get() as string;

    // The lead starts the next cycle from the review's home.
    const lead = await journey.open("lead@demo.test");
    await lead.page.goto(journey.url(""));
    await waitForHydration(lead.page);
    await submitAndWait(lead.page, lead.page.getByRole("link", { name: "Start the next cycle" }), /\/reviews\/demo\/next-cycle$/);
    await waitForHydration(lead.page);
    await checkA11y(lead.page);
    await submitAndWait(lead.page, lead.page.getByRole("button", { name: "Start the next cycle" }), /\/reviews\/(?!demo\b)[^/]+$/);
    const nextId = new URL(lead.page.url()).pathname.split("/").pop()!;
    await waitForHydration(lead.page);
    await lead.page.getByRole("link", { name: "Previous cycle" }).waitFor();
    const next = (suffix: string) => `${app.baseURL}/reviews/${nextId}${suffix}`;

    // The host team confirms two carried-over answers; the third stays marked.
    const host = await journey.open("host@demo.test");
    await host.page.goto(next(`/self-assessment/${factorId}`));
    await waitForHydration(host.page);
    const marks = host.page.locator(".carried-mark");
    const carried = await marks.count();
    expect(carried).toBeGreaterThanOrEqual(2);
    await expect(marks.first().textContent()).resolves.toMatch(/Carried over from \d{1,2} \w+ \d{4}/);
    await host.page.locator("[data-previous-cycle]").waitFor();
    await checkA11y(host.page);
    for (let confirmed = 1; confirmed <= 2; confirmed += 1) {
      await submitAndWait(host.page, marks.first().getByRole("button", { name: "Confirm this answer" }), /confirmed=/);
      await waitForHydration(host.page);
      await host.page.getByRole("status").filter({ hasText: "Answer confirmed." }).waitFor();
      await expect.poll(() => marks.count()).toBe(carried - confirmed);
    }
    expect(host.problems).toEqual([]);
    await host.close();

    // The peers log what they found, then record verdicts on three recommendations, citing it.
    sqlite
      .prepare(
        "insert into evidence (id, review_id, kind, text, search_text, polarity, created_by, created_at, version) values ('e2e-cycle-ev', ?, 'observation', 'Le plan est suivi chaque trimestre en comité.', 'le plan est suivi chaque trimestre en comite.', 'supports', 'demo-peer', ?, 1)",
      )
      .run(nextId, Date.now());
    sqlite.close();
    const peer = await journey.open("peer@demo.test");
    await peer.page.goto(next("/follow-up"));
    await waitForHydration(peer.page);
    await checkA11y(peer.page);
    const items = peer.page.locator(".follow-up-list > li");
    expect(await items.count()).toBe(followed.length);
    const verdicts = ["Implemented", "Partly implemented", "Not implemented"];
    for (const [i, verdict] of verdicts.entries()) {
      const item = items.nth(i);
      await item.getByLabel("Verdict", { exact: true }).selectOption({ label: verdict });
      await item.getByLabel("Evidence from the log").selectOption({ label: "Le plan est suivi chaque trimestre en comité." });
      // The address already says saved=verdict after the first one: wait for this verdict's own answer.
      await Promise.all([
        peer.page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/follow-up")),
        item.getByRole("button", { name: "Record the verdict" }).click(),
      ]);
      await peer.page.waitForURL(/saved=verdict/);
      await waitForHydration(peer.page);
      await expect(items.nth(i).getByLabel("Verdict", { exact: true }).inputValue()).resolves.not.toBe("");
    }
    expect(peer.problems).toEqual([]);
    await peer.close();

    // The report's progress chapter holds the verdicts.
    const response = await lead.page.request.get(next("/report.pdf?lang=en"));
    expect(response.status()).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cycles-report-")), "report.pdf");
    fs.writeFileSync(file, await response.body());
    const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Progress since the review of 20 May 2026");
    expect(text).toContain(`1 of ${followed.length} recommendations of the previous review implemented`);
    for (const verdict of verdicts) expect(text).toContain(verdict);
    expect(text).toContain(followed[0]!.replace(/\s+/g, " ").slice(0, 40));
    expect(lead.problems).toEqual([]);
    await lead.close();
  }, 180_000);
});
