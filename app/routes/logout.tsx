import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/utils/auth.server";
import { readForm } from "#app/utils/forms.server";
import { destroyUserSession } from "#app/utils/session.server";
import { guardWrites } from "#app/utils/storage.server";

// Signing out changes state, so it is a POST only; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export const action = guardWrites(writeAction);
export { clearDeviceThenSignOut as clientAction } from "#app/utils/save-failures";

async function writeAction({ request }: ActionFunctionArgs) {
  await requireUser(request);
  await readForm(request);
  return destroyUserSession(request);
}
