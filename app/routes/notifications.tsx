import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { describeNotification } from "#app/models/notification-kinds";
import { listNotifications, markNotificationsRead } from "#app/models/notification.server";
import { requireUser } from "#app/utils/auth.server";
import { datesFor, DEFAULT_TIME_ZONE } from "#app/utils/dates";
import { invalid, readSubmission } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications({ userId: user.id }) };
}

const ReadSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), notificationId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("read-all") }),
]);

export const action = guardWrites(writeAction);

async function writeAction({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, ReadSchema);
  if (submission.status !== "success") return invalid(submission);
  const input = submission.value;
  // Only the account's own rows are touched: another account's id changes nothing.
  await markNotificationsRead({ userId: user.id, notificationId: input.intent === "read" ? input.notificationId : undefined });
  return redirect("/notifications");
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("notifications");
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const unread = notifications.filter((item) => !item.readAt).length;
  return (
    <section className="notifications">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {unread ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="secondary" disabled={busy}>
            {t("markAllRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length ? (
        <ul className="notification-list">
          {notifications.map((item) => {
            // Each notification is dated in its own review's time zone.
            const dates = datesFor({ locale: i18n.language, timeZone: item.timeZone ?? DEFAULT_TIME_ZONE });
            return (
              <li key={item.id} className={item.readAt ? "read" : "unread"} data-kind={item.kind}>
                <p>
                  {item.readAt ? null : <strong className="pill">{t("unread")}</strong>} <Link to={item.path}>{describeNotification(t, item)}</Link>
                </p>
                <div className="muted">
                  <time dateTime={new Date(item.createdAt).toISOString()}>{dates.dateTime(item.createdAt)}</time>
                  {item.readAt ? null : (
                    <>
                      {" · "}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="read" />
                        <input type="hidden" name="notificationId" value={item.id} />
                        <button type="submit" className="button-link" disabled={busy}>
                          {t("markRead")}
                        </button>
                      </Form>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t("empty")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.notifications"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
