import { beforeEach, describe, expect, it } from "vitest";
import { action as invitationAction } from "#app/routes/invitations.$token";
import { inviteMember } from "#app/models/invitation.server";
import { readResult, type FormResult } from "#app/utils/forms";
import { DEMO_REVIEW_ID, makeRequest, run, loadDemoReview } from "../utils";

/*
 * Each form that moved to the one form convention (docs/decisions/0009-one-form-convention.md):
 * a refused submit answers 400 with the message beside its field and gives back what was typed.
 */

beforeEach(loadDemoReview);

const result = (data: unknown) => readResult(data as FormResult);

describe("a refused submit keeps what was typed", () => {
  it("on /invitations/$token: the name and language stay, the passwords do not travel back", async () => {
    const created = await inviteMember({
      reviewId: DEMO_REVIEW_ID,
      email: "nina.berg@example.org",
      role: "peer-reviewer",
      affiliation: "",
      invitedBy: "demo-lead",
    });
    if (created.status !== "invited") throw new Error("expected an invitation");
    const { token } = created;
    const outcome = await run(
      invitationAction,
      makeRequest(`/invitations/${token}`, {
        form: { name: "Nina Berg", locale: "fr", password: "copper kettle under the bridge", confirm: "copper kettle under a bridge" },
      }),
      { token },
    );
    expect(outcome.status).toBe(400);
    expect(result(outcome.data)).toEqual({
      errors: { confirm: ["auth:invitation.mismatch"] },
      formError: "errors.fixBelow",
      values: { name: "Nina Berg", locale: "fr", password: "", confirm: "" },
      conflict: undefined,
      phaseClosed: null,
    });
  });
});
