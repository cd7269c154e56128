import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/utils/auth.server";
import { readForm } from "#app/utils/forms.server";
import { destroyUserSession } from "#app/utils/session.server";
import { guardWrites } from "#app/utils/storage.server";
import { redirect as clientRedirect, type ClientActionFunctionArgs } from "@remix-run/react";
import { countOutbox, purgeOffline } from "#app/offline/outbox";
import { getI18n } from "#app/utils/i18n";
import { clearDeviceThenSignOut } from "#app/utils/save-failures";

// Signing out changes state, so it is a POST only; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export const action = guardWrites(writeAction);

/**
 * Signing out empties what this browser keeps for the member (docs/decisions/0022-offline-visit.md):
 * the outbox, the pages kept for offline use, the drafts. Items not sent yet are typed words: the
 * member is asked first, and saying no keeps them, and the session, on the page they were on.
 */
export async function clientAction(args: ClientActionFunctionArgs) {
  const waiting = await countOutbox().catch(() => 0);
  if (waiting) {
    const { t } = getI18n(document.documentElement.lang === "fr" ? "fr" : "en");
    if (!window.confirm(t("evidence:offline.signOutConfirm", { count: waiting }))) return clientRedirect(window.location.pathname + window.location.search);
  }
  await purgeOffline().catch(() => null);
  return clearDeviceThenSignOut(args);
}

async function writeAction({ request }: ActionFunctionArgs) {
  await requireUser(request);
  await readForm(request);
  return destroyUserSession(request);
}
