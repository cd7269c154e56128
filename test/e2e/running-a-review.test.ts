import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, submitAndWait, waitForHydration } from "./harness";

/*
 * Running a review for real: phase moves confirmed in a dialog, the factual check as a thread
 * from the host's comment to the lead's closing, an issue refused while a key factor has no
 * agreed conclusion and allowed with a reason, and a correction issued as version 2.
 */

const journey = journeyOnDemoReview();
const { url, open } = journey;
const submit = submitAndWait;

const COMMENT = "Le budget 2025 du plan municipal est de 120 000 €, pas de 80 000 €.";
const REPLY = "Merci : pouvez-vous nous indiquer la délibération qui le vote ?";
const HOST_REPLY = "Délibération 2024-118 du conseil municipal, 12 décembre 2024.";
const CLOSING = "Le montant est corrigé dans les axes d'amélioration.";
const ISSUE_REASON = "The council votes the plan next week; the team agreed to issue with the remaining drafts.";

describe("running a review", () => {
  it("without JavaScript, a move is confirmed on its own page, and with it in a dialog that lists who will be told", async () => {
    const plain = await open("lead@demo.test", { javaScriptEnabled: false });
    await plain.page.goto(url(""));
    await plain.page.getByRole("button", { name: "Move to “Drafting”" }).click();
    await plain.page.waitForURL(/\?move=drafting/);
    const confirm = plain.page.getByRole("dialog", { name: "Move the review to “Drafting”?" });
    await expect(confirm.getByText("Who will be told").count()).resolves.toBe(1);
    await submit(plain.page, confirm.getByRole("button", { name: "Confirm the move" }), /\/reviews\/demo$/);
    await plain.page.locator(".phase-track [aria-current=step]", { hasText: "Drafting" }).waitFor();
    await plain.close();

    const lead = await open("lead@demo.test");
    await lead.page.goto(url(""));
    await waitForHydration(lead.page);
    await lead.page.getByRole("button", { name: "Move to “Factual check”" }).click();
    const dialog = lead.page.getByRole("dialog", { name: "Move the review to “Factual check”?" });
    await dialog.waitFor();
    await expect(dialog.evaluate((element) => element.matches(":modal"))).resolves.toBe(true);
    await expect(dialog.textContent()).resolves.toContain("Hélène Rousseau — Host city team (in the app)");
    await checkA11y(lead.page);
    await dialog.getByRole("button", { name: "Confirm the move" }).click();
    await lead.page.locator(".phase-track [aria-current=step]", { hasText: "Factual check" }).waitFor();
    expect(lead.problems).toEqual([]);
    await lead.close();
  });

  it("a factual-check thread goes from the host's comment to the lead's closing", async () => {
    const host = await open("host@demo.test");
    await host.page.goto(url("/conclusions/kf-02"));
    await host.page.getByRole("textbox", { name: "Your factual comment" }).fill(COMMENT);
    await submit(host.page, host.page.getByRole("button", { name: "Send the comment" }), /done=comment/);
    await host.page.locator(".comment", { hasText: COMMENT }).locator(".pill", { hasText: "Open" }).waitFor();

    const peer = await open("peer@demo.test");
    await peer.page.goto(url("/conclusions/kf-02#comments"));
    const peerComment = peer.page.locator(".comment", { hasText: COMMENT });
    await peerComment.getByRole("textbox", { name: "Your answer" }).fill(REPLY);
    await submit(peer.page, peerComment.getByRole("button", { name: "Answer", exact: true }), /done=reply/);
    await peer.page.locator(".comment", { hasText: COMMENT }).getByText(REPLY).waitFor();
    // Closing is the peer team's: a peer reviewer has the closing form too (here the lead closes it).
    await expect(peer.page.locator(".comment", { hasText: COMMENT }).getByRole("button", { name: "Resolve" }).count()).resolves.toBe(1);

    await host.page.goto(url("/conclusions/kf-02#comments"));
    const thread = host.page.locator(".comment", { hasText: COMMENT });
    await thread.getByRole("textbox", { name: "Your answer" }).fill(HOST_REPLY);
    await submit(host.page, thread.getByRole("button", { name: "Answer", exact: true }), /done=reply/);
    await host.page.locator(".comment", { hasText: COMMENT }).getByText(HOST_REPLY).waitFor();

    const lead = await open("lead@demo.test");
    await lead.page.goto(url("/conclusions/kf-02#comments"));
    const leadComment = lead.page.locator(".comment", { hasText: COMMENT });
    await leadComment.getByText(HOST_REPLY).waitFor();
    // Explained or not accepted needs a note: refused without one, the choice kept.
    await leadComment.getByRole("radio", { name: "Not accepted" }).check();
    await leadComment.getByRole("button", { name: "Resolve" }).click();
    await lead.page.getByText("Say why: a comment explained or not accepted is closed with a note.").waitFor();
    await leadComment.getByRole("radio", { name: "Corrected" }).check();
    await leadComment.getByRole("textbox", { name: "Answer", exact: true }).fill(CLOSING);
    await submit(lead.page, leadComment.getByRole("button", { name: "Resolve" }), /done=resolve/);
    const closed = lead.page.locator(".comment", { hasText: COMMENT });
    await closed.locator(".pill", { hasText: "Resolved" }).waitFor();
    await expect(closed.locator(".outcome-tag").textContent()).resolves.toBe("Corrected");
    await checkA11y(lead.page);

    await host.page.reload();
    await host.page.locator(".comment", { hasText: COMMENT }).getByText(CLOSING).waitFor();
    for (const { problems } of [host, peer, lead]) expect(problems).toEqual([]);
    await Promise.all([host.close(), peer.close(), lead.close()]);
  });

  it("issuing with a missing conclusion is refused, then allowed with a reason", async () => {
    const lead = await open("lead@demo.test");
    await lead.page.goto(url(""));
    await waitForHydration(lead.page);
    await lead.page.getByRole("button", { name: "Issue the report…" }).click();
    const dialog = lead.page.getByRole("dialog", { name: "Issue the report?" });
    await dialog.waitFor();
    await expect(dialog.locator(".missing-conclusions li").count()).resolves.toBeGreaterThan(0);
    await dialog.getByRole("button", { name: "Issue the report", exact: true }).click();
    await dialog.getByText(/have no agreed conclusion\. Agree them first/).waitFor();
    await expect(lead.page.locator(".phase-track [aria-current=step]").textContent()).resolves.toContain("Factual check");

    await dialog.getByRole("textbox", { name: "Why issue without these conclusions" }).fill(ISSUE_REASON);
    await dialog.getByRole("button", { name: "Issue the report", exact: true }).click();
    await lead.page.locator(".phase-track [aria-current=step]", { hasText: "Issued" }).waitFor({ timeout: 60_000 });
    await lead.page.getByText("Issued on", { exact: false }).waitFor();

    await lead.page.goto(url("/report"));
    await lead.page.getByText(`The lead expert's reason: ${ISSUE_REASON}`).waitFor();
    // The refused issue was answered 400 (the reason is missing), which the browser logs; nothing else.
    expect(lead.problems).toEqual(["console.error: Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    await lead.close();
  });

  it("a correction of the issued report is issued as version 2; version 1 stays, marked superseded", async () => {
    const reader = await open("reader@demo.test");
    await reader.page.goto(url(""));
    // The host reader's home is the report, not a to-do list.
    await reader.page.getByRole("heading", { name: "The feedback report" }).waitFor();
    await expect(reader.page.getByRole("heading", { name: "Still missing" }).count()).resolves.toBe(0);
    const v1 = await reader.page.locator(".issued-report code").first().textContent();

    const lead = await open("lead@demo.test");
    await lead.page.goto(url(""));
    await waitForHydration(lead.page);
    await lead.page.getByRole("button", { name: "Correct the issued report…" }).click();
    const reopen = lead.page.getByRole("dialog", { name: "Correct the issued report?" });
    await reopen.getByRole("textbox", { name: "What needs correcting" }).fill("The budget figure of factor 2.");
    await reopen.getByRole("button", { name: "Reopen for a correction" }).click();
    await lead.page.locator(".phase-track [aria-current=step]", { hasText: "Factual check" }).waitFor();

    await lead.page.getByRole("button", { name: "Issue the report…" }).click();
    const issue = lead.page.getByRole("dialog", { name: "Issue the report?" });
    await issue.getByRole("textbox", { name: "Why issue without these conclusions" }).fill(ISSUE_REASON);
    await issue.getByRole("button", { name: "Issue the report", exact: true }).click();
    await lead.page.locator(".phase-track [aria-current=step]", { hasText: "Issued" }).waitFor({ timeout: 60_000 });

    await reader.page.reload();
    await reader.page.getByText(/version 2\)/).waitFor();
    const v2 = await reader.page.locator(".issued-report code").first().textContent();
    expect(v2).not.toBe(v1);
    const superseded = reader.page.locator(".issued-files li", { hasText: "version 1" });
    await expect(superseded.count()).resolves.toBe(2);
    await expect(superseded.first().textContent()).resolves.toContain("superseded on");
    await expect(superseded.first().locator("code").textContent()).resolves.toBe(v1);
    const href = await superseded.first().getByRole("link").getAttribute("href");
    const download = await reader.page.request.get(`${journey.app.baseURL}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["x-report-sha256"]).toBe(v1);
    await checkA11y(reader.page);
    expect(reader.problems).toEqual([]);
    await Promise.all([reader.close(), lead.close()]);
  });
});
