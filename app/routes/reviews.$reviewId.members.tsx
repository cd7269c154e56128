import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";
import { z } from "zod";
import { ROLES } from "#db/enums";
import { listCityPartners } from "#app/models/partner.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { FieldErrors, FormError, SelectField, TextField } from "#app/components/field";
import { changeMemberRole, listMembers, removeMember } from "#app/models/review-members.server";
import { inviteMember, listInvitations, resendInvitation, revokeInvitation } from "#app/models/invitation.server";
import { appOrigin } from "#app/models/notification.server";
import { authorize, hasPermission, requireReviewAccess, requireReviewPermission } from "#app/utils/auth.server";
import { actionPermission, joinsForAPartner, loaderPermission } from "#app/utils/permissions";
import { sendInvitationMail } from "#app/utils/mail.server";
import { asRefusal } from "#app/utils/refusal";
import { choice, msg, optionalText } from "#app/utils/validation";
import { isFormResult, readResult, useSchemaForm } from "#app/utils/forms";
import { invalid, readSubmission, refused } from "#app/utils/forms.server";
import { pageTitle } from "#app/utils/i18n";
import { guardWrites } from "#app/utils/storage.server";
import { useDates } from "#app/utils/use-dates";
import { assignFactors, listAssignments } from "#app/models/factor-assignment.server";
import { listVisitReviewers } from "#app/models/interview.server";
import { getLocale } from "#app/utils/locale.server";
import { listLocalizedFactors, requireFramework } from "#benchmark/index";
import { FactorAssignments, AssignFactorsSchema } from "#app/components/factor-assignments";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReviewPermission(request, params.reviewId, loaderPermission("reviews.$reviewId.members"));
  const canManage = hasPermission(access, "members:manage");
  const [members, invitations] = await Promise.all([
    listMembers({ reviewId: access.review.id }),
    canManage ? listInvitations({ reviewId: access.review.id }) : Promise.resolve([]),
  ]);
  const origin = appOrigin(request);
  // Who covers which factor is the peer team's own organisation, not the host city's.
  const canReadTeam = hasPermission(access, "team:read");
  const [assignments, reviewers] = canReadTeam
    ? await Promise.all([listAssignments({ reviewId: access.review.id }), listVisitReviewers({ reviewId: access.review.id })])
    : [[], []];
  const locale = await getLocale(request);
  return {
    team: canReadTeam
      ? {
          assignments,
          reviewers: reviewers.map(({ id, name }) => ({ id, name })),
          factors: listLocalizedFactors(requireFramework(access.review.frameworkId), locale).map(({ id, number, title }) => ({ id, number, title })),
        }
      : null,
    canManage,
    me: access.user.id,
    // Email addresses are for the people who manage the team.
    members: members.map((member) => ({ ...member, email: canManage ? member.email : null })),
    // The city's partners a plan partner may be invited for: only for those who invite.
    partners: canManage ? (await listCityPartners({ reviewId: access.review.id })).map(({ id, name }) => ({ id, name })) : [],
    // Links only for the lead, who may copy them again at any time (they are derived, not stored).
    invitations: invitations.map(({ token, ...invitation }) => ({ ...invitation, link: token ? `${origin}/invitations/${token}` : null })),
  };
}

const InviteSchema = z
  .object({
    intent: z.literal("invite"),
    email: z
      .string({ error: msg("errors.required") })
      .trim()
      .min(1, msg("errors.required"))
      .max(320, msg("errors.tooLong", { max: 320 }))
      .pipe(z.email(msg("errors.invalidEmail"))),
    role: choice(ROLES),
    affiliation: optionalText(200),
    /** A plan partner's organisation, from the city's partner register. */
    partnerId: optionalText(100),
  })
  .superRefine((form, context) => {
    if (joinsForAPartner(form.role) && !form.partnerId) context.addIssue({ code: "custom", path: ["partnerId"], message: "reviews:members.partnerRequired" });
  });

const IntentSchema = z.discriminatedUnion("intent", [
  InviteSchema,
  z.object({ intent: z.literal("remove"), userId: z.string().min(1).max(100) }),
  z
    .object({ intent: z.literal("change-role"), userId: z.string().min(1).max(100), role: choice(ROLES), partnerId: optionalText(100) })
    // Switched to plan partner, a member joins for an organisation of the city's register, as an invited one does.
    .superRefine((form, context) => {
      if (joinsForAPartner(form.role) && !form.partnerId) context.addIssue({ code: "custom", path: ["partnerId"], message: "reviews:members.partnerRequired" });
    }),
  z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("resend"), invitationId: z.string().min(1).max(100) }),
  AssignFactorsSchema,
]);

export const action = guardWrites(writeAction);

async function writeAction({ request, params }: ActionFunctionArgs) {
  const access = await requireReviewAccess(request, params.reviewId);
  authorize(access, actionPermission("reviews.$reviewId.members"), request);
  const { review, user } = access;
  const submission = await readSubmission(request, IntentSchema);
  if (submission.status !== "success") return invalid(submission);
  const input = submission.value;
  const origin = appOrigin(request);
  try {
    switch (input.intent) {
      case "invite": {
        // Only a plan partner joins for an organisation, and only one of the city's register.
        const partnerId = joinsForAPartner(input.role) ? input.partnerId : null;
        if (partnerId && !(await listCityPartners({ reviewId: review.id })).some((partner) => partner.id === partnerId)) {
          return data(submission.reply({ fieldErrors: { partnerId: ["plan:errors.unknownPartner"] } }), { status: 400 });
        }
        const result = await inviteMember({
          partnerId,
          reviewId: review.id,
          email: input.email,
          role: input.role,
          affiliation: input.affiliation,
          invitedBy: user.id,
          origin,
        });
        if (result.status === "already-member") {
          return data(submission.reply({ fieldErrors: { email: ["reviews:members.alreadyMember"] } }), { status: 409 });
        }
        // The same answer whether or not the address has an account (see inviteMember).
        const link = `${origin}/invitations/${result.token}`;
        const mail = await sendInvitationMail({ to: input.email, link, hostCity: review.hostCity, expiresAt: result.expiresAt, timeZone: review.timeZone });
        return { ok: true as const, notice: { kind: result.status, email: input.email, link, mailed: mail === "sent" } };
      }
      case "resend": {
        const resent = await resendInvitation({ reviewId: review.id, invitationId: input.invitationId, userId: user.id });
        const link = `${origin}/invitations/${resent.token}`;
        const mail = await sendInvitationMail({ to: resent.email, link, hostCity: review.hostCity, expiresAt: resent.expiresAt, timeZone: review.timeZone });
        return { ok: true as const, notice: { kind: "resent" as const, email: resent.email, link, mailed: mail === "sent" } };
      }
      case "remove":
        await removeMember({ reviewId: review.id, memberId: input.userId, userId: user.id });
        return { ok: true as const, notice: null };
      case "change-role": {
        const partnerId = joinsForAPartner(input.role) ? input.partnerId : null;
        if (partnerId && !(await listCityPartners({ reviewId: review.id })).some((partner) => partner.id === partnerId)) {
          return data(submission.reply({ fieldErrors: { partnerId: ["plan:errors.unknownPartner"] } }), { status: 400 });
        }
        await changeMemberRole({ reviewId: review.id, memberId: input.userId, role: input.role, partnerId, userId: user.id });
        return { ok: true as const, notice: null };
      }
      case "revoke":
        await revokeInvitation({ reviewId: review.id, invitationId: input.invitationId, userId: user.id });
        return { ok: true as const, notice: null };
      case "assign-factors":
        await assignFactors({ review, actor: user, memberId: input.userId, factorIds: input.factorIds, origin });
        return { ok: true as const, notice: null, assigned: input.userId };
    }
  } catch (error) {
    // A refused change (last lead, unknown member, closed invitation) is explained beside its row.
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return refused(submission, refusal);
  }
}

/** Copies an invitation link; without a clipboard (or script) the link stays selectable beside it. */
function CopyLink({ link }: { link: string }) {
  const { t } = useFrameworkTranslation("reviews");
  const [copied, setCopied] = useState(false);
  return (
    <span className="copy-link">
      <code className="invitation-link">{link}</code>{" "}
      <button
        type="button"
        className="button-link"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {copied ? t("members.copied") : t("members.copyLink")}
      </button>
    </span>
  );
}

type Member = ReturnType<typeof useLoaderData<typeof loader>>["members"][number];

/**
 * A member's role, changed in place. Switching to plan partner asks for the organisation of the
 * city's partner register the member joins for (the server refuses the switch without one).
 */
function RoleForm({
  member,
  partners,
  errors,
  partnerErrors,
  sent,
}: {
  member: Member;
  partners: { id: string; name: string }[];
  errors: string[] | undefined;
  partnerErrors: string[] | undefined;
  sent: Record<string, unknown> | null;
}) {
  const { t } = useFrameworkTranslation("reviews");
  const refused = Boolean(errors?.length || partnerErrors?.length);
  // A refused change keeps the role and the organisation that were chosen.
  const initialRole = refused && sent ? String(sent.role) : member.role;
  const [role, setRole] = useState(initialRole);
  const partnerId = `partner-${member.userId}`;
  return (
    <Form
      method="post"
      className="inline-form role-form"
      key={refused ? `refused-${String(sent?.role)}-${String(sent?.partnerId)}` : `${member.role}-${member.partnerId}`}
    >
      <input type="hidden" name="intent" value="change-role" />
      <input type="hidden" name="userId" value={member.userId} />
      <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
        {t("members.changeRole")} — {member.name}
      </label>
      <select
        id={`role-${member.userId}`}
        name="role"
        defaultValue={initialRole}
        onChange={(event) => setRole(event.target.value as typeof role)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `role-${member.userId}-error` : undefined}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {t(`common:roles.${option}`)}
          </option>
        ))}
      </select>{" "}
      {joinsForAPartner(role as Member["role"]) || partnerErrors?.length ? (
        <span className="role-form__partner">
          <label className="visually-hidden" htmlFor={partnerId}>
            {t("members.partnerOf", { name: member.name })}
          </label>
          <select
            id={partnerId}
            name="partnerId"
            defaultValue={refused && sent ? String(sent.partnerId ?? "") : (member.partnerId ?? "")}
            aria-invalid={partnerErrors?.length ? true : undefined}
            aria-describedby={partnerErrors?.length ? `${partnerId}-error` : undefined}
          >
            <option value="">{t("members.noPartner")}</option>
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </select>{" "}
          <FieldErrors id={`${partnerId}-error`} errors={partnerErrors} />
        </span>
      ) : null}
      <button type="submit" className="secondary">
        {t("common:actions.save")}
      </button>
    </Form>
  );
}

export default function Members() {
  const { canManage, members, invitations, me, team, partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useFrameworkTranslation("reviews");
  const dates = useDates();
  const result = isFormResult(actionData) ? actionData : null;
  const failure = result ? readResult(result) : null;
  const sent = failure?.values ?? {};
  const [inviteForm, inviteFields] = useSchemaForm(InviteSchema, { id: "invite", lastResult: sent.intent === "invite" ? result : null });
  const notice = actionData && "ok" in actionData ? actionData.notice : null;
  const busy = navigation.state === "submitting";
  /** The refusal about this row (a member or an invitation), if the last answer was one. */
  const rowErrors = (intents: string[], key: "userId" | "invitationId", id: string) =>
    failure && intents.includes(String(sent.intent)) && sent[key] === id
      ? [...(failure.errors.role ?? []), ...(failure.errors[key] ?? []), ...(failure.formError ? [failure.formError] : [])]
      : undefined;
  return (
    <>
      <h1>{t("members.title")}</h1>
      {notice ? (
        <div className="notice ok" role="status">
          <p>{t(`members.${notice.kind}`, { email: notice.email })}</p>
          <p>
            <CopyLink link={notice.link} />
          </p>
          {notice.mailed ? <p>{t("members.mailed")}</p> : null}
        </div>
      ) : null}
      <div className="table-scroll" role="region" aria-label={t("members.title")} tabIndex={0}>
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
            {members.map((member) => {
              const errors = rowErrors(["change-role", "remove"], "userId", member.userId);
              return (
                <tr key={member.userId}>
                  <td>{member.name}</td>
                  <td>{t(`common:roles.${member.role}`)}</td>
                  <td>{member.affiliation || "—"}</td>
                  {canManage ? <td>{member.email}</td> : null}
                  {canManage ? (
                    <td>
                      <RoleForm
                        member={member}
                        partners={partners}
                        errors={errors}
                        partnerErrors={sent.intent === "change-role" && sent.userId === member.userId ? failure?.errors.partnerId : undefined}
                        sent={sent.intent === "change-role" && sent.userId === member.userId ? sent : null}
                      />
                      {member.userId !== me ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="userId" value={member.userId} />
                          <button type="submit" className="button-link" aria-label={t("members.removeConfirm", { name: member.name })}>
                            {t("members.remove")}
                          </button>
                        </Form>
                      ) : null}
                      <FieldErrors id={`role-${member.userId}-error`} errors={errors} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {team ? (
        <FactorAssignments
          team={team}
          canManage={canManage}
          result={sent.intent === "assign-factors" ? result : null}
          savedFor={actionData && "assigned" in actionData ? (actionData.assigned ?? null) : null}
        />
      ) : null}

      {canManage ? (
        <>
          <h2>{t("members.invite")}</h2>
          <p className="muted">{t("members.inviteHint")}</p>
          <Form method="post" className="card" {...getFormProps(inviteForm)}>
            <FormError message={sent.intent === "invite" ? failure?.formError : null} />
            <input type="hidden" name="intent" value="invite" />
            <TextField
              label={t("members.email")}
              name="email"
              type="email"
              required
              defaultValue={String(sent.intent === "invite" ? (sent.email ?? "") : "")}
              errors={inviteFields.email.errors}
            />
            <SelectField
              label={t("members.role")}
              name="role"
              defaultValue={String(sent.intent === "invite" ? (sent.role ?? "peer-reviewer") : "peer-reviewer")}
              options={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
              errors={inviteFields.role.errors}
            />
            <TextField
              label={t("members.affiliation")}
              name="affiliation"
              defaultValue={String(sent.intent === "invite" ? (sent.affiliation ?? "") : "")}
              errors={inviteFields.affiliation.errors}
            />
            <SelectField
              label={t("members.partner")}
              hint={t("members.partnerHint")}
              name="partnerId"
              defaultValue={String(sent.intent === "invite" ? (sent.partnerId ?? "") : "")}
              options={[{ value: "", label: t("members.noPartner") }, ...partners.map((partner) => ({ value: partner.id, label: partner.name }))]}
              errors={inviteFields.partnerId.errors}
            />
            <button type="submit" disabled={busy}>
              {t("members.inviteButton")}
            </button>
          </Form>
          {invitations.length ? (
            <>
              <h2>{t("members.invitations")}</h2>
              <div className="table-scroll" role="region" aria-label={t("members.invitations")} tabIndex={0}>
                <table className="invitations">
                  <caption className="visually-hidden">{t("members.invitations")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("members.email")}</th>
                      <th scope="col">{t("members.role")}</th>
                      <th scope="col">{t("members.state")}</th>
                      <th scope="col">{t("members.link")}</th>
                      <th scope="col">{t("members.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {invitations.map((invitation) => {
                      const open = invitation.state === "pending" || invitation.state === "expired";
                      const errors = rowErrors(["resend", "revoke"], "invitationId", invitation.id);
                      return (
                        <tr key={invitation.id} data-invitation={invitation.email} data-state={invitation.state}>
                          <td>{invitation.email}</td>
                          <td>{t(`common:roles.${invitation.role}`)}</td>
                          <td>
                            <span className={`pill invitation-${invitation.state}`}>{t(`members.states.${invitation.state}`)}</span>{" "}
                            <span className="muted">
                              {invitation.state === "pending"
                                ? t("members.until", { date: dates.dateTime(invitation.expiresAt) })
                                : invitation.state === "expired"
                                  ? t("members.since", { date: dates.dateTime(invitation.expiresAt) })
                                  : invitation.state === "accepted" && invitation.usedAt
                                    ? dates.dateTime(invitation.usedAt)
                                    : invitation.revokedAt
                                      ? dates.dateTime(invitation.revokedAt)
                                      : null}
                            </span>
                          </td>
                          <td>{invitation.state === "pending" && invitation.link ? <CopyLink link={invitation.link} /> : "—"}</td>
                          <td>
                            {open ? (
                              <>
                                <Form method="post" className="inline-form">
                                  <input type="hidden" name="intent" value="resend" />
                                  <input type="hidden" name="invitationId" value={invitation.id} />
                                  <button type="submit" className="button-link" disabled={busy}>
                                    {t("members.resend")}
                                  </button>
                                </Form>{" "}
                                <Form method="post" className="inline-form">
                                  <input type="hidden" name="intent" value="revoke" />
                                  <input type="hidden" name="invitationId" value={invitation.id} />
                                  <button type="submit" className="button-link" disabled={busy}>
                                    {t("members.revoke")}
                                  </button>
                                </Form>
                              </>
                            ) : null}
                            <FieldErrors id={`invitation-${invitation.id}-error`} errors={errors} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
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
