import { describe, expect, it } from "vitest";
import { checkA11y, journeyOnDemoReview, submitAndWait } from "./harness";

const journey = journeyOnDemoReview();
const { url, open } = journey;
const submit = submitAndWait;

const STRENGTHS = "L'interprétariat téléphonique du CCAS est apprécié des familles rencontrées.";
const IMPROVEMENTS = "Aucun service n'a examiné ses règles d'accès ; les réclamations pour discrimination ne sont pas suivies.";
const QUICK_WIN = "Afficher dans chaque accueil municipal où et comment signaler une discrimination.";
const LONG_TERM = "Examiner chaque année les règles d'accès d'un service essentiel avec les associations d'usagers.";
const COMMENT = "Le CCAS enregistre les réclamations pour discrimination depuis janvier 2026 : voir son rapport d'activité.";
const ANSWER = "Merci : les axes d'amélioration sont corrigés en ce sens.";

describe("conclusions, recommendations and the factual check", () => {
  let cited: string[] = [];

  it("a peer reviewer drafts factor 7's conclusion with two citations and two recommendations", async () => {
    const { page, problems, close } = await open("peer@demo.test");
    await page.goto(url("/conclusions/kf-07"));
    await checkA11y(page);

    const form = page.locator("form.conclusion-form");
    await form.getByRole("radio", { name: "Partly in place" }).check();
    await form.getByLabel("Strengths").fill(STRENGTHS);
    await form.getByLabel("Areas for improvement").fill(IMPROVEMENTS);
    // Cite exactly two items of the log: an interview and something else, so it is triangulated.
    const boxes = form.locator("input[name=citations]");
    for (const box of await boxes.all()) await box.uncheck();
    const quote = form.locator("li", { hasText: "Interview quote" }).locator("input[name=citations]").first();
    const other = form
      .locator("li", { hasNotText: /Interview quote|Focus-group note/ })
      .locator("input[name=citations]")
      .first();
    await quote.check();
    await other.check();
    cited = [(await quote.getAttribute("value"))!, (await other.getAttribute("value"))!];
    await submit(page, form.getByRole("button", { name: "Save the draft" }), /done=save-conclusion/);
    await page.getByRole("status").filter({ hasText: "The conclusion is saved." }).waitFor();
    await expect(page.locator(".triangulation-flag").count()).resolves.toBe(0);
    await page.locator(".notice", { hasText: "Triangulated" }).waitFor();
    for (const id of cited) await expect(page.locator(`input[name=citations][value="${id}"]`).isChecked()).resolves.toBe(true);

    // A recommendation without a horizon is refused beside the field, the text kept.
    const add = page.locator(".add-recommendation");
    await add.getByRole("textbox", { name: "Recommendation" }).fill(QUICK_WIN);
    await add.getByRole("radio", { name: "High" }).check();
    await add.getByRole("button", { name: "Add the recommendation" }).click();
    await add.getByText("Choose a horizon: quick win or long term.").waitFor();
    await expect(add.getByRole("textbox", { name: "Recommendation" }).inputValue()).resolves.toBe(QUICK_WIN);
    await add.getByRole("radio", { name: "Quick win" }).check();
    await add.getByLabel("Suggested responsible service").fill("Direction de la relation aux usagers");
    await submit(page, add.getByRole("button", { name: "Add the recommendation" }), /done=add-recommendation/);
    await page.locator("ol.recommendations > li", { hasText: QUICK_WIN }).waitFor();

    await add.getByRole("textbox", { name: "Recommendation" }).fill(LONG_TERM);
    await add.getByRole("radio", { name: "Medium" }).check();
    await add.getByRole("radio", { name: "Long term" }).check();
    await add.getByLabel("Suggested responsible service").fill("Centre communal d'action sociale (CCAS)");
    await add.getByLabel("Inspiration from the benchmark").selectOption({ label: "Ghent" });
    await submit(page, add.getByRole("button", { name: "Add the recommendation" }), /done=add-recommendation/);
    await page.locator("ol.recommendations > li", { hasText: LONG_TERM }).waitFor();

    const items = page.locator("ol.recommendations > li");
    await expect(items.count()).resolves.toBe(4);
    await expect(items.nth(2).textContent()).resolves.toContain(QUICK_WIN);
    await expect(items.nth(3).textContent()).resolves.toContain(LONG_TERM);
    await expect(items.nth(3).textContent()).resolves.toContain("Inspiration: Ghent");

    // Reordering works from the keyboard, and the focus stays on the control that was pressed.
    const moveUp = items.nth(3).getByRole("button", { name: /Move up/ });
    await moveUp.focus();
    await page.keyboard.press("Enter");
    await page.locator("ol.recommendations > li").nth(2).filter({ hasText: LONG_TERM }).waitFor();
    await page.getByText("Recommendation moved to position 3.").waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toContain("Move up");
    await checkA11y(page);
    // The refused add answered 400: the browser reports that as a failed resource, and nothing else went wrong.
    expect(problems.filter((problem) => !problem.includes("status of 400"))).toEqual([]);
    await close();
  });

  it("the lead expert agrees it; the overview and the plan show it", async () => {
    const { page, problems, close } = await open("lead@demo.test");
    await page.goto(url("/conclusions/kf-07"));
    await expect(page.locator("textarea[name=strengths]").inputValue()).resolves.toBe(STRENGTHS);
    await submit(page, page.getByRole("button", { name: "Agree this conclusion and its recommendations" }), /done=agree/);
    await page.getByRole("status").filter({ hasText: "The conclusion is agreed." }).waitFor();
    await expect(page.locator(".pill.state-agreed").first().textContent()).resolves.toBe("Agreed");
    await page.getByText("Agreed by Lena Marchetti").waitFor();
    // Agreed means closed: no form, no move buttons until the lead reopens it.
    await expect(page.locator("form.conclusion-form").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: /Move up/ }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Reopen as a draft" }).waitFor();
    await checkA11y(page);

    await page.goto(url("/conclusions"));
    const row = page.locator("tbody tr", { hasText: "7. Tackling discrimination in key services" });
    await expect(row.locator(".pill.state-agreed").textContent()).resolves.toBe("Agreed");
    await expect(row.locator("td").nth(1).textContent()).resolves.toBe("Partly in place");
    await expect(page.locator("svg.rating-chart[role=img] title").textContent()).resolves.toContain("key factors");
    await expect(page.locator("svg.rating-chart desc").textContent()).resolves.toContain("Factor 7: self-rating");
    await checkA11y(page);

    await page.goto(url("/plan?factor=kf-07"));
    const plan = page.locator(".data-table table");
    await expect(plan.textContent()).resolves.toContain(QUICK_WIN);
    await expect(plan.textContent()).resolves.toContain(LONG_TERM);
    const quickWins = plan.locator("tbody", { hasText: "Quick wins" });
    const longTerm = plan.locator("tbody", { hasText: "Long-term objectives" });
    await expect(quickWins.textContent()).resolves.toContain(QUICK_WIN);
    await expect(longTerm.textContent()).resolves.toContain(LONG_TERM);
    await checkA11y(page);
    expect(problems).toEqual([]);
    await close();
  });

  it("the lead moves the review on to the factual check; the host team comments and the lead resolves it", async () => {
    const lead = await open("lead@demo.test");
    await lead.page.goto(url(""));
    const current = lead.page.locator(".phase-track [aria-current=step]");
    await lead.page.getByRole("button", { name: "Move to “Drafting”" }).click();
    // Each move is confirmed in a dialog first.
    await lead.page.getByRole("dialog").getByRole("button", { name: "Confirm the move" }).click();
    await current.filter({ hasText: "Drafting" }).waitFor();
    await lead.page.getByRole("button", { name: "Move to “Factual check”" }).click();
    await lead.page.getByRole("dialog").getByRole("button", { name: "Confirm the move" }).click();
    await current.filter({ hasText: "Factual check" }).waitFor();

    const host = await open("host@demo.test");
    await host.page.goto(url("/conclusions/kf-07"));
    // The host team reads the draft conclusion, never the evidence behind it.
    await host.page.getByText(STRENGTHS).waitFor();
    await expect(host.page.locator("#evidence-title").count()).resolves.toBe(0);
    for (const id of cited) await expect(host.page.content()).resolves.not.toContain(id);
    await host.page.getByRole("textbox", { name: "Your factual comment" }).fill(COMMENT);
    await submit(host.page, host.page.getByRole("button", { name: "Send the comment" }), /done=comment/);
    await host.page.getByRole("status").filter({ hasText: "Your comment is sent to the peer team." }).waitFor();
    await expect(host.page.locator(".comment", { hasText: COMMENT }).locator(".pill").textContent()).resolves.toBe("Open");
    await checkA11y(host.page);
    expect(host.problems).toEqual([]);

    await lead.page.goto(url("/conclusions/kf-07#comments"));
    const comment = lead.page.locator(".comment", { hasText: COMMENT });
    await comment.getByRole("radio", { name: "Corrected" }).check();
    await comment.getByRole("textbox", { name: "Answer", exact: true }).fill(ANSWER);
    await submit(lead.page, comment.getByRole("button", { name: "Resolve" }), /done=resolve/);
    await lead.page.getByRole("status").filter({ hasText: "The comment is resolved." }).waitFor();
    await expect(lead.page.locator(".comment", { hasText: COMMENT }).locator(".pill").textContent()).resolves.toBe("Resolved");
    await expect(lead.page.locator(".comment", { hasText: COMMENT }).textContent()).resolves.toContain(ANSWER);
    await checkA11y(lead.page);
    expect(lead.problems).toEqual([]);

    await host.page.reload();
    await expect(host.page.locator(".comment", { hasText: COMMENT }).textContent()).resolves.toContain("Answered and resolved by Lena Marchetti");
    await host.close();
    await lead.close();
  });
});
