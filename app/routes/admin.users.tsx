import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError } from "#app/components/field";
import { createPasswordReset } from "#app/models/password-reset.server";
import { appOrigin } from "#app/models/notification.server";
import { listAccounts, setAccountActive } from "#app/models/user.server";
import { requireAdmin } from "#app/utils/auth.server";
import { datesFor, DEFAULT_TIME_ZONE } from "#app/utils/dates";
import { isFormResult, readResult } from "#app/utils/forms";
import { invalid, readSubmission, refused } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { mailConfigured } from "#app/utils/mail.server";
import { asRefusal } from "#app/utils/refusal";
import { guardWrites } from "#app/utils/storage.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { accounts: await listAccounts(), mailConfigured: mailConfigured() };
}

const AccountActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deactivate"), userId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("reactivate"), userId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("reset-link"), userId: z.string().min(1).max(100) }),
]);

export const action = guardWrites(writeAction);

async function writeAction({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = await readSubmission(request, AccountActionSchema);
  if (submission.status !== "success") return invalid(submission);
  const input = submission.value;
  const accounts = await listAccounts();
  const account = accounts.find((candidate) => candidate.id === input.userId);
  if (!account) return data(submission.reply({ formErrors: ["accounts:admin.unknownAccount"] }), { status: 404 });
  try {
    if (input.intent === "reset-link") {
      // Shown once, to pass on: only its hash is stored.
      const { token, expiresAt } = await createPasswordReset({ userId: account.id, createdBy: admin.id });
      return { done: "reset-link" as const, userId: account.id, email: account.email, link: `${appOrigin(request)}/reset-password/${token}`, expiresAt };
    }
    await setAccountActive({ userId: account.id, active: input.intent === "reactivate", by: admin.id });
    return { done: input.intent, userId: account.id, email: account.email, link: null, expiresAt: null };
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
}

export default function AdminUsers() {
  const { accounts, mailConfigured } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("accounts");
  const dates = datesFor({ locale: i18n.language, timeZone: DEFAULT_TIME_ZONE });
  const failure = isFormResult(actionData) ? readResult(actionData) : null;
  const done = actionData && "done" in actionData ? actionData : null;
  const busy = navigation.state !== "idle";
  return (
    <section>
      <h1>{t("admin.title")}</h1>
      <p className="muted">{t("admin.intro")}</p>
      <p className="muted">{mailConfigured ? t("admin.mailConfigured") : t("admin.mailNotConfigured")}</p>
      {done?.done === "reset-link" ? (
        <div className="notice ok" role="status">
          <p>{t("admin.resetLinkFor", { email: done.email, until: dates.dateTime(done.expiresAt!) })}</p>
          <p>
            <code className="invitation-link">{done.link}</code>
          </p>
        </div>
      ) : done ? (
        <p className="notice ok" role="status">
          {t(done.done === "deactivate" ? "admin.deactivatedDone" : "admin.reactivatedDone", { email: done.email })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t("admin.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.email")}</th>
              <th scope="col">{t("admin.reviews")}</th>
              <th scope="col">{t("admin.state")}</th>
              <th scope="col">{t("admin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const refusedHere = failure && failure.values.userId === account.id ? failure : null;
              return (
                <tr key={account.id} data-account={account.email}>
                  <td>
                    {account.name}
                    {account.isAdmin ? <span className="muted"> ({t("admin.administrator")})</span> : null}
                  </td>
                  <td>{account.email}</td>
                  <td>
                    {account.reviews.length ? (
                      <ul className="plain">
                        {account.reviews.map((review) => (
                          <li key={review.reviewId}>
                            {review.hostCity} · {t(`common:roles.${review.role}`)} · {t(`common:phases.${review.phase}`)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">{t("admin.noReviews")}</span>
                    )}
                  </td>
                  <td>{account.deactivatedAt ? t("admin.deactivated", { date: dates.day(account.deactivatedAt) }) : t("admin.active")}</td>
                  <td>
                    <FormError message={refusedHere ? (refusedHere.errors.userId?.[0] ?? refusedHere.formError) : null} />
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="userId" value={account.id} />
                      <input type="hidden" name="intent" value={account.deactivatedAt ? "reactivate" : "deactivate"} />
                      <button type="submit" className="secondary" disabled={busy}>
                        {account.deactivatedAt ? t("admin.reactivate") : t("admin.deactivate")}
                      </button>
                    </Form>{" "}
                    {account.deactivatedAt ? null : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="userId" value={account.id} />
                        <input type="hidden" name="intent" value="reset-link" />
                        <button type="submit" className="button-link" disabled={busy}>
                          {t("admin.makeResetLink")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <Link to="/reviews">{t("common:nav.reviews")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.adminUsers"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
