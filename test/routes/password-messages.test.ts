import { beforeEach, describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { action as accountAction } from "#app/routes/account";
import { action as invitationAction } from "#app/routes/invitations.$token";
import { action as resetAction } from "#app/routes/reset-password.$token";
import { NewPasswordFields } from "#app/components/new-password-fields";
import { createPasswordReset } from "#app/models/password-reset.server";
import { readResult, type FormResult } from "#app/utils/forms";
import { getI18n } from "#app/utils/i18n";
import { getLocale, localeCookie } from "#app/utils/locale.server";
import { PASSWORD_PROBLEMS } from "#app/utils/password-rules";
import en from "#app/locales/en/auth";
import fr from "#app/locales/fr/auth";
import { cookieFor, makeRequest, run, loadDemoReview, inviteNina } from "../utils";

beforeEach(loadDemoReview);

const COMMON = "password12345";
const FRENCH = "Ce mot de passe est l'un des plus courants : choisissez-en un autre.";
const ENGLISH = "This password is one of the most common ones; choose another.";

/** The password fields as the page shows the action's answer, in the language the request is read in. */
async function shownTo(request: Request, data: unknown) {
  const { errors } = readResult(data as FormResult);
  const fields = createElement(NewPasswordFields, { errors: { password: errors.password, confirm: errors.confirm } });
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: getI18n(await getLocale(request)) }, fields));
  return html.replaceAll("&#x27;", "'");
}

describe("the password rules' messages", () => {
  it("are i18n keys with a sentence in English and in French", () => {
    for (const key of Object.values(PASSWORD_PROBLEMS)) {
      const [namespace, path] = key.split(":") as ["auth", string];
      expect(namespace).toBe("auth");
      const [section, name] = path.split(".") as ["invitation", keyof typeof en.invitation];
      expect(en[section][name], key).toMatch(/\w/);
      expect(fr[section][name], key).toMatch(/\w/);
      expect(fr[section][name]).not.toBe(en[section][name]);
    }
  });

  it("reach a French reader in French on /account", async () => {
    // Signing in remembers the account's language (French for this one) in the "lang" cookie.
    const language = (await localeCookie.serialize("fr")).split(";")[0];
    const request = makeRequest("/account", {
      cookie: `${await cookieFor("host@demo.test")}; ${language}`,
      form: { intent: "password", current: "workbench-demo", password: COMMON, confirm: COMMON },
    });
    const outcome = await run(accountAction, request.clone());
    expect(outcome.status).toBe(400);
    const html = await shownTo(request, outcome.data);
    expect(html).toContain(FRENCH);
    expect(html).not.toContain(ENGLISH);
    expect(html).not.toContain(COMMON);
  });

  it("reach a French reader in French on /reset-password/$token", async () => {
    const { token } = await createPasswordReset({ userId: "demo-host" });
    const request = makeRequest(`/reset-password/${token}`, { form: { password: COMMON, confirm: COMMON }, headers: { "Accept-Language": "fr-BE,fr;q=0.9" } });
    const outcome = await run(resetAction, request.clone(), { token });
    expect(outcome.status).toBe(400);
    expect(await shownTo(request, outcome.data)).toContain(FRENCH);
  });

  it("reach a French reader in French on /invitations/$token, and an English one in English", async () => {
    const token = await inviteNina();
    for (const [language, expected] of [
      ["fr", FRENCH],
      ["en", ENGLISH],
    ] as const) {
      const request = makeRequest(`/invitations/${token}`, {
        form: { name: "Nina Berg", locale: language, password: COMMON, confirm: COMMON },
        headers: { "Accept-Language": language },
      });
      const outcome = await run(invitationAction, request.clone(), { token });
      expect(outcome.status).toBe(400);
      expect(await shownTo(request, outcome.data)).toContain(expected);
    }
  });
});
