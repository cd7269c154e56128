import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createPasswordReset, getPasswordReset, RESET_TTL_MS, requestPasswordReset, resetPassword } from "#app/models/password-reset.server";
import { setAccountActive, verifyLogin } from "#app/models/user.server";
import { getSessionUser } from "#app/utils/session.server";
import { sessions } from "#db/schema";
import { asyncDb } from "#app/utils/db.server";
import { cookieFor, loadDemoReview, makeRequest } from "../utils";

beforeEach(loadDemoReview);

const NEW_PASSWORD = "lantern orchard seventeen";
const address = "198.51.100.7";

describe("a password reset link", () => {
  it("sets the password once, then says it was used", async () => {
    const { token } = await createPasswordReset({ userId: "demo-peer" });
    expect(await getPasswordReset({ token })).toMatchObject({ status: "valid", email: "peer@demo.test" });
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toMatchObject({ status: "done" });
    expect(await verifyLogin({ email: "peer@demo.test", password: NEW_PASSWORD, address })).toMatchObject({ id: "demo-peer" });
    expect(await verifyLogin({ email: "peer@demo.test", password: "workbench-demo", address })).toBeNull();
    expect(await resetPassword({ token, password: "another long passphrase here" })).toEqual({ status: "used" });
    expect(await verifyLogin({ email: "peer@demo.test", password: NEW_PASSWORD, address })).toMatchObject({ id: "demo-peer" });
  });

  it("works for one hour and not a moment longer", async () => {
    const now = new Date("2026-04-01T10:00:00Z");
    const { token, expiresAt } = await createPasswordReset({ userId: "demo-peer", now });
    expect(expiresAt.getTime() - now.getTime()).toBe(RESET_TTL_MS);
    expect(RESET_TTL_MS).toBe(60 * 60 * 1000);
    expect(await getPasswordReset({ token, now: new Date(now.getTime() + RESET_TTL_MS - 1) })).toMatchObject({ status: "valid" });
    expect(await getPasswordReset({ token, now: new Date(now.getTime() + RESET_TTL_MS) })).toEqual({ status: "expired" });
    expect(await resetPassword({ token, password: NEW_PASSWORD, now: new Date(now.getTime() + RESET_TTL_MS + 1000) })).toEqual({ status: "expired" });
    expect(await verifyLogin({ email: "peer@demo.test", password: "workbench-demo", address })).toMatchObject({ id: "demo-peer" });
  });

  it("refuses a forged token and a link replaced by a newer one", async () => {
    const { token } = await createPasswordReset({ userId: "demo-peer" });
    expect(await getPasswordReset({ token: `${token.slice(0, -2)}xx` })).toEqual({ status: "unknown" });
    expect(await resetPassword({ token: "forged-token", password: NEW_PASSWORD })).toEqual({ status: "unknown" });
    await createPasswordReset({ userId: "demo-peer" });
    expect(await getPasswordReset({ token })).toEqual({ status: "unknown" });
  });

  it("refuses a common password or one holding the email, and stays usable", async () => {
    const { token } = await createPasswordReset({ userId: "demo-peer" });
    expect(await resetPassword({ token, password: "password123456" })).toEqual({ status: "invalid-password", message: "auth:invitation.passwordCommon" });
    expect(await resetPassword({ token, password: "my peer@demo.test pass" })).toEqual({
      status: "invalid-password",
      message: "auth:invitation.passwordHasEmail",
    });
    expect(await getPasswordReset({ token })).toMatchObject({ status: "valid" });
  });

  it("ends every session of the account", async () => {
    const cookie = await cookieFor("peer@demo.test");
    expect(await getSessionUser(makeRequest("/", { cookie }))).toMatchObject({ id: "demo-peer" });
    const { token } = await createPasswordReset({ userId: "demo-peer" });
    await resetPassword({ token, password: NEW_PASSWORD });
    expect(await getSessionUser(makeRequest("/", { cookie }))).toBeNull();
  });

  it("is not made for an unknown address or a deactivated account, nor twice within two minutes", async () => {
    expect(await requestPasswordReset({ email: "nobody@example.org" })).toBeNull();
    const now = new Date();
    expect(await requestPasswordReset({ email: " Peer@Demo.test ", now })).toMatchObject({ account: { id: "demo-peer" } });
    expect(await requestPasswordReset({ email: "peer@demo.test", now: new Date(now.getTime() + 60_000) })).toBeNull();
    await setAccountActive({ userId: "demo-peer2", active: false, by: "demo-admin" });
    expect(await requestPasswordReset({ email: "peer2@demo.test" })).toBeNull();
  });
});

describe("deactivating an account", () => {
  it("ends its sessions at once and keeps it out until reactivated", async () => {
    const cookie = await cookieFor("peer@demo.test");
    await setAccountActive({ userId: "demo-peer", active: false, by: "demo-admin" });
    expect(await asyncDb.select().from(sessions).where(eq(sessions.userId, "demo-peer")).all()).toEqual([]);
    expect(await getSessionUser(makeRequest("/", { cookie }))).toBeNull();
    // The right password is recognised, and the account is told it is deactivated.
    expect(await verifyLogin({ email: "peer@demo.test", password: "workbench-demo", address })).toMatchObject({ deactivated: true });
    await setAccountActive({ userId: "demo-peer", active: true, by: "demo-admin" });
    expect(await verifyLogin({ email: "peer@demo.test", password: "workbench-demo", address })).toMatchObject({ deactivated: false });
  });

  it("refuses an administrator deactivating their own account", async () => {
    await expect(setAccountActive({ userId: "demo-admin", active: false, by: "demo-admin" })).rejects.toMatchObject({ init: { status: 409 } });
  });
});
