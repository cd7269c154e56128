import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { action as accountAction, loader as accountLoader } from "#app/routes/account";
import { action as adminAction, loader as adminLoader } from "#app/routes/admin.users";
import { action as forgotAction, loader as forgotLoader } from "#app/routes/forgot-password";
import { action as loginAction } from "#app/routes/login";
import { action as resetAction, loader as resetLoader } from "#app/routes/reset-password.$token";
import { createPasswordReset } from "#app/models/password-reset.server";
import { verifyLogin } from "#app/models/user.server";
import { SOCKET_ADDRESS_HEADER } from "#app/utils/client-address.server";
import { readResult, type FormResult } from "#app/utils/forms";
import { getSessionUser } from "#app/utils/session.server";
import { auditLog, passwordResets, users } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, makeRequest, run, loadDemoReview } from "../utils";

beforeEach(loadDemoReview);

const NEW_PASSWORD = "lantern orchard seventeen";
const address = "198.51.100.9";
const result = (data: unknown) => readResult(data as FormResult);

describe("/forgot-password", () => {
  it("answers the same for an address with an account and one without, and makes no link without mail", async () => {
    const known = await run(forgotAction, makeRequest("/forgot-password", { form: { email: "peer@demo.test" } }));
    const unknown = await run(forgotAction, makeRequest("/forgot-password", { form: { email: "nobody@example.org" } }));
    expect(known.status).toBe(unknown.status);
    expect(JSON.stringify(known.data).replace("peer@demo.test", "X")).toBe(JSON.stringify(unknown.data).replace("nobody@example.org", "X"));
    // No SMTP_URL in this test run: the page tells people to ask the administrator, and nothing is stored.
    expect((await run(forgotLoader, makeRequest("/forgot-password"))).data).toEqual({ mailConfigured: false });
    expect(await asyncDb.select().from(passwordResets).all()).toEqual([]);
  });

  it("explains a missing or malformed address next to the field", async () => {
    const outcome = await run(forgotAction, makeRequest("/forgot-password", { form: { email: "not an address" } }));
    expect(outcome.status).toBe(400);
    expect(result(outcome.data)).toMatchObject({ errors: { email: ["errors.invalidEmail"] }, values: { email: "not an address" } });
  });
});

describe("/reset-password/$token", () => {
  const post = (token: string, form: Record<string, string>) => run(resetAction, makeRequest(`/reset-password/${token}`, { form }), { token });

  it("sets the new password, signs the account out everywhere and sends it to sign in", async () => {
    const cookie = await cookieFor("host@demo.test");
    const { token } = await createPasswordReset({ userId: "demo-host" });
    expect((await run(resetLoader, makeRequest(`/reset-password/${token}`), { token })).data).toEqual({ state: "valid", email: "host@demo.test" });
    const outcome = await post(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(outcome.location).toBe("/login?notice=password-reset");
    expect(await getSessionUser(makeRequest("/", { cookie }))).toBeNull();
    expect(await verifyLogin({ email: "host@demo.test", password: NEW_PASSWORD, address })).toMatchObject({ id: "demo-host" });
  });

  it("says a used, expired or forged link is so, next to the form, and writes nothing", async () => {
    const { token } = await createPasswordReset({ userId: "demo-host" });
    await post(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    const used = await post(token, { password: "second try passphrase", confirm: "second try passphrase" });
    expect(used.status).toBe(410);
    expect(result(used.data).formError).toBe("accounts:reset.used");
    const page = await run(resetLoader, makeRequest(`/reset-password/${token}`), { token });
    expect([page.status, page.data]).toEqual([410, { state: "used", email: null }]);

    const expired = await createPasswordReset({ userId: "demo-peer", now: new Date(Date.now() - 2 * 60 * 60 * 1000) });
    const late = await post(expired.token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect([late.status, result(late.data).formError]).toEqual([410, "accounts:reset.expired"]);

    const forged = await post("made-up-token", { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect([forged.status, result(forged.data).formError]).toEqual([404, "accounts:reset.unknown"]);
    expect(await verifyLogin({ email: "peer@demo.test", password: "workbench-demo", address })).toMatchObject({ id: "demo-peer" });
    // Passwords are never sent back.
    expect(JSON.stringify(late.data)).not.toContain(NEW_PASSWORD);
  });

  it("refuses a weak password or two that differ next to the field, and the link stays usable", async () => {
    const { token } = await createPasswordReset({ userId: "demo-host" });
    const common = await post(token, { password: "password123456", confirm: "password123456" });
    expect([common.status, result(common.data).errors.password]).toEqual([400, ["auth:invitation.passwordCommon"]]);
    const differ = await post(token, { password: NEW_PASSWORD, confirm: "something else entirely" });
    expect(result(differ.data).errors.confirm).toEqual(["auth:invitation.mismatch"]);
    expect((await post(token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(302);
  });
});

describe("/account", () => {
  it("changes the password only with the current one, and keeps this browser signed in", async () => {
    const cookie = await cookieFor("peer@demo.test");
    const wrong = await run(
      accountAction,
      makeRequest("/account", { cookie, form: { intent: "password", current: "not it", password: NEW_PASSWORD, confirm: NEW_PASSWORD } }),
    );
    expect([wrong.status, result(wrong.data).errors.current]).toEqual([400, ["accounts:account.wrongCurrent"]]);
    expect(JSON.stringify(wrong.data)).not.toContain(NEW_PASSWORD);
    const hasEmail = await run(
      accountAction,
      makeRequest("/account", {
        cookie,
        form: { intent: "password", current: "workbench-demo", password: "peer@demo.test 2026!", confirm: "peer@demo.test 2026!" },
      }),
    );
    expect(result(hasEmail.data).errors.password).toEqual(["auth:invitation.passwordHasEmail"]);
    expect(await verifyLogin({ email: "peer@demo.test", password: "workbench-demo", address })).toMatchObject({ id: "demo-peer" });
    const other = (await createSecondSession("demo-peer")) as string;
    const done = await run(
      accountAction,
      makeRequest("/account", { cookie, form: { intent: "password", current: "workbench-demo", password: NEW_PASSWORD, confirm: NEW_PASSWORD } }),
    );
    expect(done.location).toBe("/account?saved=password");
    expect(await getSessionUser(makeRequest("/", { cookie }))).toMatchObject({ id: "demo-peer" });
    expect(await getSessionUser(makeRequest("/", { cookie: other }))).toBeNull();
  });

  it("saves the language and the mail preference", async () => {
    const cookie = await cookieFor("peer@demo.test");
    expect((await run(accountLoader, makeRequest("/account", { cookie }))).data).toMatchObject({
      account: { email: "peer@demo.test", locale: "en", mailNotifications: true },
    });
    const saved = await run(accountAction, makeRequest("/account", { cookie, form: { intent: "preferences", locale: "fr" } }));
    expect(saved.location).toBe("/account?saved=preferences");
    expect(saved.headers.get("Set-Cookie")).toMatch(/^lang=/);
    expect(await asyncDb.select({ locale: users.locale, mail: users.mailNotifications }).from(users).where(eq(users.id, "demo-peer")).get()).toEqual({
      locale: "fr",
      mail: false,
    });
    const bad = await run(accountAction, makeRequest("/account", { cookie, form: { intent: "preferences", locale: "de", mailNotifications: "on" } }));
    expect(bad.status).toBe(400);
    expect(result(bad.data)).toMatchObject({ values: { locale: "de", mailNotifications: "on" } });
  });

  it("signs out everywhere, this browser included", async () => {
    const cookie = await cookieFor("peer@demo.test");
    const other = (await createSecondSession("demo-peer")) as string;
    const outcome = await run(accountAction, makeRequest("/account", { cookie, form: { intent: "sign-out-everywhere" } }));
    expect(outcome.location).toBe("/login?notice=signed-out-everywhere");
    expect(await getSessionUser(makeRequest("/", { cookie }))).toBeNull();
    expect(await getSessionUser(makeRequest("/", { cookie: other }))).toBeNull();
    expect(await getSessionUser(makeRequest("/", { cookie: await cookieFor("lead@demo.test") }))).toMatchObject({ id: "demo-lead" });
  });
});

describe("/admin/users", () => {
  it("lists every account with its reviews", async () => {
    const outcome = await run(adminLoader, makeRequest("/admin/users", { cookie: await cookieFor("admin@demo.test") }));
    const accounts = (outcome.data as { accounts: { email: string; reviews: { reviewId: string; role: string }[] }[] }).accounts;
    expect(accounts.map((account) => account.email)).toContain("outsider@demo.test");
    // Each review an account belongs to, with its role there (the demo instance has more than one review).
    expect(accounts.find((account) => account.email === "host@demo.test")!.reviews).toContainEqual({
      reviewId: "demo",
      hostCity: "Belleforge",
      phase: "peer-visit",
      role: "host-team",
    });
    expect(accounts.find((account) => account.email === "outsider@demo.test")!.reviews).toEqual([]);
    expect(JSON.stringify(outcome.data)).not.toMatch(/argon2|passwordHash/);
  });

  it("deactivates an account, which is then told so when it signs in, and reactivates it", async () => {
    const admin = await cookieFor("admin@demo.test");
    const peer = await cookieFor("peer@demo.test");
    const off = await run(adminAction, makeRequest("/admin/users", { cookie: admin, form: { intent: "deactivate", userId: "demo-peer" } }));
    expect(off.data).toMatchObject({ done: "deactivate", email: "peer@demo.test" });
    expect(await getSessionUser(makeRequest("/", { cookie: peer }))).toBeNull();
    const signIn = await run(
      loginAction,
      makeRequest("/login", { form: { email: "peer@demo.test", password: "workbench-demo" }, headers: { [SOCKET_ADDRESS_HEADER]: address } }),
    );
    expect(signIn.status).toBe(403);
    expect(result(signIn.data)).toMatchObject({ errors: { email: ["auth:login.deactivated"] }, values: { email: "peer@demo.test", password: "" } });
    expect(signIn.headers.get("Set-Cookie")).toBeNull();
    // A wrong password is refused as any wrong password: nothing says the account exists.
    const guess = await run(
      loginAction,
      makeRequest("/login", { form: { email: "peer@demo.test", password: "a wrong guess" }, headers: { [SOCKET_ADDRESS_HEADER]: address } }),
    );
    expect(result(guess.data).formError).toBe("auth:login.invalid");
    await run(adminAction, makeRequest("/admin/users", { cookie: admin, form: { intent: "reactivate", userId: "demo-peer" } }));
    const again = await run(
      loginAction,
      makeRequest("/login", { form: { email: "peer@demo.test", password: "workbench-demo" }, headers: { [SOCKET_ADDRESS_HEADER]: address } }),
    );
    expect(again.status).toBe(302);
    const actions = await asyncDb.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entity, "account")).all();
    expect(actions.map((row) => row.action)).toEqual(["deactivate", "reactivate"]);
  });

  it("refuses to deactivate the administrator's own account, next to that account's row", async () => {
    const outcome = await run(
      adminAction,
      makeRequest("/admin/users", { cookie: await cookieFor("admin@demo.test"), form: { intent: "deactivate", userId: "demo-admin" } }),
    );
    expect(outcome.status).toBe(409);
    expect(result(outcome.data)).toMatchObject({ errors: { userId: ["accounts:admin.notYourself"] }, values: { userId: "demo-admin" } });
    expect(await asyncDb.select({ at: users.deactivatedAt }).from(users).where(eq(users.id, "demo-admin")).get()).toEqual({ at: null });
  });

  it("makes a single-use link to pass on where no mail is sent", async () => {
    const outcome = await run(
      adminAction,
      makeRequest("/admin/users", { cookie: await cookieFor("admin@demo.test"), form: { intent: "reset-link", userId: "demo-host" } }),
    );
    const { link } = outcome.data as { link: string };
    const token = link.split("/reset-password/")[1]!;
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset-password\//);
    const reset = await run(resetAction, makeRequest(`/reset-password/${token}`, { form: { password: NEW_PASSWORD, confirm: NEW_PASSWORD } }), { token });
    expect(reset.location).toBe("/login?notice=password-reset");
  });
});

/** Another browser signed in to the same account. */
async function createSecondSession(userId: string) {
  const { createUserSession } = await import("#app/utils/session.server");
  const response = await createUserSession({ request: new Request("http://localhost:3000/login"), userId, locale: "en", redirectTo: "/" });
  return response.headers.get("Set-Cookie")!.split(";")[0];
}
