import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { action as acceptAction } from "#app/routes/invitations.$token";
import { passwordProblem } from "#app/utils/password.server";
import { readResult, type FormResult } from "#app/utils/forms";
import { makeRequest, run, loadDemoReview, inviteNina } from "../utils";

beforeEach(loadDemoReview);

describe("a new password", () => {
  it.each([
    ["password1234", "passwordCommon"],
    ["Password1234!", "passwordCommon"],
    ["qwertyuiop123", "passwordCommon"],
    ["iloveyou12345", "passwordCommon"],
    ["nina.berg@example.org", "passwordHasEmail"],
    ["Nina.Berg-2026!", "passwordHasEmail"],
    ["short", "passwordTooShort"],
  ])("%j is refused (%s) for nina.berg@example.org", async (password, problem) => {
    expect(await passwordProblem(password, "nina.berg@example.org")).toBe(problem);
  });

  it("is accepted when long, uncommon and free of the email", async () => {
    expect(await passwordProblem("copper kettle under the bridge", "nina.berg@example.org")).toBeNull();
  });
});

describe("accepting an invitation", () => {
  it("refuses a common password or one containing the email beside the field, keeping the name", async () => {
    const token = await inviteNina();
    for (const [password, message] of [
      ["password1234", "auth:invitation.passwordCommon"],
      ["nina.berg-was-here", "auth:invitation.passwordHasEmail"],
    ] as const) {
      const outcome = await run(
        acceptAction,
        makeRequest(`/invitations/${token}`, { form: { name: "Nina Berg", locale: "en", password, confirm: password } }),
        { token },
      );
      expect(outcome.status).toBe(400);
      expect(readResult(outcome.data as FormResult)).toMatchObject({ errors: { password: [message] }, values: { name: "Nina Berg", password: "" } });
    }
    const accepted = await run(
      acceptAction,
      makeRequest(`/invitations/${token}`, {
        form: { name: "Nina Berg", locale: "en", password: "copper kettle under the bridge", confirm: "copper kettle under the bridge" },
      }),
      { token },
    );
    expect(accepted.status).toBe(302);
  });
});

describe("npm run admin:create", () => {
  const create = (password: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-admin-"));
    return spawnSync(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", "--email", "ops.team@city.example", "--password-stdin"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_PATH: path.join(dir, "db.sqlite") } as unknown as NodeJS.ProcessEnv,
      input: `${password}\n`,
      encoding: "utf8",
      timeout: 60_000,
    });
  };

  it("refuses a common password, or one containing the email, in one line", () => {
    const common = create("password12345");
    expect(common.status).toBe(1);
    expect(common.stderr.trim()).toBe("error: this password is one of the most common ones; choose another.");
    const withEmail = create("ops.team rules 2026");
    expect(withEmail.status).toBe(1);
    expect(withEmail.stderr.trim()).toMatch(/^error: the password may not contain the email/);
  });
});
