import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, submitAndWait, waitForHydration } from "./harness";

/*
 * The factual check beyond the key factors: the host team comments on the executive summary and
 * on the plan, the peer team answers, the lead closes the summary's comment as "explained", sees
 * the plan's comment still open in the issue confirmation, and exports both threads as CSV.
 */

const journey = journeyOnDemoReview();
const { url, open } = journey;
const submit = submitAndWait;

const ON_SUMMARY = "Le résumé date le plan municipal de 2023 ; le conseil l'a adopté en février 2024.";
const ON_PLAN = "Le plan oublie la mission égalité, qui porte déjà trois des actions proposées.";
const REPLY = "Merci : le projet date bien de 2023, l'adoption de 2024 ; nous vérifions le texte.";
const CLOSING = "Le résumé parle du projet de plan, rédigé en 2023 : la date est juste.";

describe("the factual check", () => {
  it("threads on the summary and the plan, closed as explained, counted before issue and exported", async () => {
    const lead = await open("lead@demo.test");
    // The demo review is at the peer visit: the lead moves it on to the factual check.
    for (const phase of ["Drafting", "Factual check"]) {
      await lead.page.goto(url(""));
      await waitForHydration(lead.page);
      await lead.page.getByRole("button", { name: `Move to “${phase}”` }).click();
      await lead.page
        .getByRole("dialog", { name: `Move the review to “${phase}”?` })
        .getByRole("button", { name: "Confirm the move" })
        .click();
      await lead.page.locator(".phase-track [aria-current=step]", { hasText: phase }).waitFor();
    }

    const host = await open("host@demo.test");
    await host.page.goto(url("/summary"));
    await host.page.getByRole("textbox", { name: "Your factual comment" }).fill(ON_SUMMARY);
    await submit(host.page, host.page.getByRole("button", { name: "Send the comment" }), /summary\?done=comment/);
    await host.page.locator(".comment", { hasText: ON_SUMMARY }).locator(".pill", { hasText: "Open" }).waitFor();
    await host.page.goto(url("/plan"));
    await expect(host.page.getByRole("combobox", { name: "What is it about?" }).inputValue()).resolves.toBe("");
    await host.page.getByRole("textbox", { name: "Your factual comment" }).fill(ON_PLAN);
    await submit(host.page, host.page.getByRole("button", { name: "Send the comment" }), /plan\?done=comment/);
    await host.page.locator(".comment", { hasText: ON_PLAN }).waitFor();
    await checkA11y(host.page);

    const peer = await open("peer@demo.test");
    await peer.page.goto(url("/summary#comments"));
    const peerThread = peer.page.locator(".comment", { hasText: ON_SUMMARY });
    await peerThread.getByRole("textbox", { name: "Your answer" }).fill(REPLY);
    await submit(peer.page, peerThread.getByRole("button", { name: "Answer", exact: true }), /done=reply/);
    await peer.page.locator(".comment", { hasText: ON_SUMMARY }).getByText(REPLY).waitFor();
    // Closing is the peer team's: the peer reviewer closes it, as explained, with a note.
    const peerClosing = peer.page.locator(".comment", { hasText: ON_SUMMARY });
    await peerClosing.getByRole("radio", { name: "Explained" }).check();
    await peerClosing.getByRole("textbox", { name: "Answer", exact: true }).fill(CLOSING);
    await submit(peer.page, peerClosing.getByRole("button", { name: "Resolve" }), /done=resolve/);

    // The lead reads it closed.
    await lead.page.goto(url("/summary#comments"));
    const closed = lead.page.locator(".comment", { hasText: ON_SUMMARY });
    await closed.locator(".pill", { hasText: "Resolved" }).waitFor();
    await expect(closed.locator(".outcome-tag").textContent()).resolves.toBe("Explained");
    await expect(closed.innerText()).resolves.toContain(CLOSING);

    // Before issuing, the lead sees the plan's comment still open.
    await lead.page.goto(url(""));
    await waitForHydration(lead.page);
    await lead.page.getByRole("button", { name: "Issue the report…" }).click();
    const dialog = lead.page.getByRole("dialog", { name: "Issue the report?" });
    await dialog.getByRole("heading", { name: "1 factual-check comment is still open" }).waitFor();
    await expect(dialog.locator(".open-comments li").allTextContents()).resolves.toEqual([expect.stringContaining(ON_PLAN)]);
    await dialog.getByRole("link", { name: "Cancel" }).click();

    // The export is listed on the report page and holds both threads.
    await lead.page.goto(url("/report"));
    const link = lead.page.getByRole("link", { name: "The factual check (comments, answers, outcomes) as CSV" });
    const response = await lead.page.request.get(new URL((await link.getAttribute("href"))!, lead.page.url()).toString());
    expect(response.status()).toBe(200);
    const rows = parse((await response.text()).replace(/^\uFEFF/, "")) as string[][];
    const texts = rows.map((row) => [row[3], row[6], row[8]]);
    expect(texts).toEqual(
      expect.arrayContaining([
        ["Comment", ON_SUMMARY, "Explained"],
        ["Answer", REPLY, "Explained"],
        ["Closing", CLOSING, "Explained"],
        ["Comment", ON_PLAN, ""],
      ]),
    );
    for (const { problems } of [host, peer, lead]) expect(problems).toEqual([]);
    await Promise.all([host.close(), peer.close(), lead.close()]);
  });
});
