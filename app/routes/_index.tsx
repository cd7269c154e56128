import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "#app/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return redirect(user ? "/reviews" : "/login");
}
