import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, submitAndWait, waitForHydration } from "./harness";

/* The team organises the visit: the host team proposes a slot, the lead confirms it and creates its
 * interview in one step, the lead shares factors out, and the peer finds them under "my factors". */

const demo = journeyOnDemoReview();

describe("organising the visit", () => {
  it("goes from the host's proposed slot to the interview, and from the lead's assignment to the peer's factors", async () => {
    // The host team proposes a meeting; a slot that ends before it starts is refused beside the end time.
    const host = await demo.open("host@demo.test");
    await host.page.goto(demo.url("/agenda"));
    await waitForHydration(host.page);
    const proposal = host.page.locator("form.slot-form");
    await proposal.getByLabel("Date").fill("2026-03-17");
    await proposal.getByLabel("Starts at").fill("16:00");
    await proposal.getByLabel("Ends at").fill("15:00");
    await proposal.getByLabel("Who is met", { exact: true }).fill("Youth council");
    await proposal.getByLabel("Place").fill("Maison des jeunes");
    await proposal.getByRole("checkbox", { name: /^4\. / }).check();
    await proposal.getByRole("button", { name: "Propose the slot" }).click();
    await expect(proposal.locator(".field-errors").first().innerText()).resolves.toContain("The meeting must end after it starts.");
    await expect(proposal.getByLabel("Who is met", { exact: true }).inputValue()).resolves.toBe("Youth council");
    await proposal.getByLabel("Ends at").fill("17:00");
    await submitAndWait(host.page, proposal.getByRole("button", { name: "Propose the slot" }), /done=propose/);
    // The slot shows up as proposed once the page has its new data.
    const proposed = host.page.locator("article.agenda-slot[data-state=proposed]", { hasText: "Youth council" });
    await proposed.waitFor();
    await expect(proposed.innerText()).resolves.toContain("16:00–17:00");
    await checkA11y(host.page);
    expect(host.problems).toEqual([]);
    await host.close();

    // The lead confirms it, then creates its interview in one step: the record opens prefilled.
    const lead = await demo.open("lead@demo.test");
    await lead.page.goto(demo.url("/agenda"));
    await waitForHydration(lead.page);
    const slot = lead.page.locator("article.agenda-slot", { hasText: "Youth council" });
    await submitAndWait(lead.page, slot.getByRole("button", { name: "Confirm" }), /done=confirm/);
    await lead.page.locator("article.agenda-slot[data-state=confirmed]", { hasText: "Youth council" }).waitFor();
    await checkA11y(lead.page);
    await submitAndWait(
      lead.page,
      lead.page.locator("article.agenda-slot", { hasText: "Youth council" }).getByRole("button", { name: "Create the interview" }),
      /\/interviews\?saved=/,
    );
    await waitForHydration(lead.page);
    const form = lead.page.locator("section.interview-card");
    await expect(form.getByLabel("Place").inputValue()).resolves.toBe("Maison des jeunes");
    await expect(form.locator("input[type=date]").first().inputValue()).resolves.toBe("2026-03-17");
    await expect(form.locator("input[name=participantRole]").first().inputValue()).resolves.toBe("Youth council");
    // Back on the programme, the slot links to its interview and offers no second one.
    await lead.page.goto(demo.url("/agenda"));
    const done = lead.page.locator("article.agenda-slot", { hasText: "Youth council" });
    await expect(done.getByRole("link", { name: "Open the interview" }).count()).resolves.toBe(1);
    await expect(done.getByRole("button", { name: "Create the interview" }).count()).resolves.toBe(0);

    // The lead gives Piet two more key factors on the Team page.
    await lead.page.goto(demo.url("/members"));
    await waitForHydration(lead.page);
    const piet = lead.page.locator(".factor-assignment", { hasText: "Piet de Vries" });
    await piet.getByText("Change what Piet de Vries covers").click();
    await piet.getByRole("checkbox", { name: /^4\. / }).check();
    await piet.getByRole("checkbox", { name: /^8\. / }).check();
    await piet.getByRole("button", { name: "Save" }).click();
    await expect(piet.getByRole("status").innerText()).resolves.toContain("Saved");
    await checkA11y(lead.page);
    expect(lead.problems).toEqual([]);
    await lead.close();

    // Piet is told, and finds them under "my factors" with the evidence logged for each.
    const peer = await demo.open("peer@demo.test");
    await peer.page.goto(demo.url(""));
    await waitForHydration(peer.page);
    const mine = peer.page.locator("#my-factors");
    await expect(mine.getByRole("heading", { name: "My key factors" }).count()).resolves.toBe(1);
    const items = await mine.locator("li").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-factor")));
    expect(items).toEqual(["kf-02", "kf-04", "kf-05", "kf-08"]);
    await expect(mine.locator("li[data-factor=kf-02]").innerText()).resolves.toMatch(/\d+ evidence items?/);
    await peer.page.goto(`${demo.app.baseURL}/notifications`);
    await expect(peer.page.locator("main").innerText()).resolves.toContain("Lena Marchetti assigned 2 key factors to you");
    await checkA11y(peer.page);
    expect(peer.problems).toEqual([]);
    await peer.close();
  });
});
