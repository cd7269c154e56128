import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ROLES } from "#db/enums";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FormError, SelectField, TextField } from "#app/components/field";
import { changeMemberRole, listMembers, removeMember } from "#app/models/review-members.server";
import { inviteMember, listPendingInvitations, revokeInvitation } from "#app/models/invitation.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, loaderPermission } from "#app/utils/permissions";
import { sendInvitationMail } from "#app/utils/mail.server";
import { asRefusal } from "#app/utils/refusal";
import { choice, formFailure, msg, optionalText, parseForm } from "#app/utils/validation";
import { readForm } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { scrollRegion } from "#app/components/scroll-region";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.members"));
  const canManage = hasPermission(access, "members:manage");
  const [members, invitations] = await Promise.all([
    listMembers({ reviewId: access.review.id }),
    canManage ? listPendingInvitations({ reviewId: access.review.id }) : Promise.resolve([]),
  ]);
  return {
    canManage,
    me: access.user.id,
    // Email addresses are for the people who manage the team.
    members: members.map((member) => ({ ...member, email: canManage ? member.email : null })),
    invitations,
  };
}

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    email: z
      .string()
      .trim()
      .min(1, msg("errors.required"))
      .pipe(z.email(msg("errors.invalidEmail"))),
    role: choice(ROLES),
    affiliation: optionalText(200),
  }),
  z.object({ intent: z.literal("remove"), userId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("change-role"), userId: z.string().min(1).max(100), role: choice(ROLES) }),
  z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1).max(100) }),
]);

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  authorize(access, actionPermission("reviews.$reviewId.members"), request);
  const { review, user } = access;
  const parsed = parseForm(IntentSchema, await readForm(request));
  if (!parsed.ok) return data({ ...formFailure(parsed.values, "errors.fixBelow", parsed.errors), notice: null }, { status: 400 });
  const input = parsed.data;
  const refused = (error: unknown) => {
    // A refused change (last lead, unknown member) is explained above the team list.
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return data({ ...formFailure(parsed.values, refusal.message), notice: null }, { status: refusal.status });
  };
  try {
    switch (input.intent) {
      case "invite": {
        const result = await inviteMember({ reviewId: review.id, email: input.email, role: input.role, affiliation: input.affiliation, invitedBy: user.id });
        if (result.status === "already-member") {
          return data({ ...formFailure(parsed.values, "errors.fixBelow", { email: ["reviews:members.alreadyMember"] }), notice: null }, { status: 409 });
        }
        // The same answer whether or not the address has an account (see inviteMember).
        const link = `${new URL(request.url).origin}/invitations/${result.token}`;
        const mail = await sendInvitationMail({ to: input.email, link, hostCity: review.hostCity, expiresAt: result.expiresAt, timeZone: review.timeZone });
        return { ok: true as const, notice: { kind: "invited" as const, email: input.email, link, mailed: mail === "sent" } };
      }
      case "remove":
        await removeMember({ reviewId: review.id, memberId: input.userId, userId: user.id });
        return { ok: true as const, notice: null };
      case "change-role":
        await changeMemberRole({ reviewId: review.id, memberId: input.userId, role: input.role, userId: user.id });
        return { ok: true as const, notice: null };
      case "revoke":
        await revokeInvitation({ reviewId: review.id, invitationId: input.invitationId, userId: user.id });
        return { ok: true as const, notice: null };
    }
  } catch (error) {
    return refused(error);
  }
}

export default function Members() {
  const { canManage, members, invitations, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("reviews");
  const dates = useDates();
  const failed = actionData && !actionData.ok ? actionData : null;
  const inviteValues = failed?.values.intent === "invite" ? failed.values : {};
  const notice = actionData?.ok ? actionData.notice : null;
  return (
    <>
      <h1>{t("members.title")}</h1>
      <FormError message={failed && "formError" in failed ? failed.formError : null} />
      {notice?.kind === "invited" ? (
        <div className="notice ok" role="status">
          <p>{t("members.invited", { email: notice.email })}</p>
          <p>
            <code className="invitation-link">{notice.link}</code>
          </p>
          {notice.mailed ? <p>{t("members.mailed")}</p> : null}
        </div>
      ) : null}
      <div {...scrollRegion(t("members.title"))}>
        <table>
          <caption className="visually-hidden">{t("members.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.affiliation")}</th>
              {canManage ? <th scope="col">{t("members.email")}</th> : null}
              {canManage ? <th scope="col">{t("members.changeRole")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <td>{member.name}</td>
                <td>{t(`common:roles.${member.role}`)}</td>
                <td>{member.affiliation || "—"}</td>
                {canManage ? <td>{member.email}</td> : null}
                {canManage ? (
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="userId" value={member.userId} />
                      <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                        {t("members.changeRole")} — {member.name}
                      </label>
                      <select id={`role-${member.userId}`} name="role" defaultValue={member.role}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`common:roles.${role}`)}
                          </option>
                        ))}
                      </select>{" "}
                      <button type="submit" className="secondary">
                        {t("common:actions.save")}
                      </button>
                    </Form>
                    {member.userId !== me ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <button type="submit" className="button-link" aria-label={t("members.removeConfirm", { name: member.name })}>
                          {t("members.remove")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {canManage ? (
        <>
          <h2>{t("members.invite")}</h2>
          <Form method="post" noValidate className="card">
            <input type="hidden" name="intent" value="invite" />
            <TextField
              label={t("members.email")}
              name="email"
              type="email"
              required
              defaultValue={String(inviteValues.email ?? "")}
              errors={failed?.errors.email}
            />
            <SelectField
              label={t("members.role")}
              name="role"
              defaultValue={String(inviteValues.role ?? "peer-reviewer")}
              options={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
              errors={failed?.errors.role}
            />
            <TextField
              label={t("members.affiliation")}
              name="affiliation"
              defaultValue={String(inviteValues.affiliation ?? "")}
              errors={failed?.errors.affiliation}
            />
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("members.inviteButton")}
            </button>
          </Form>
          {invitations.length ? (
            <>
              <h2>{t("members.pending")}</h2>
              <ul>
                {invitations.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} — {t(`common:roles.${invitation.role}`)} — {t("members.expires")} {dates.dateTime(invitation.expiresAt)}
                    {invitation.expired ? ` (${t("members.expired")})` : ""}{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <button type="submit" className="button-link">
                        {t("members.revoke")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.members"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
