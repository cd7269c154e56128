import { useTranslation } from "react-i18next";
import { TextField } from "./field";

/**
 * The new password and its confirmation, as every form that sets one shows them (/account,
 * /reset-password/$token, /invitations/$token): the rules as a hint, each field's messages
 * beside it in the reader's language, and never a value typed before (passwords do not travel
 * back to the page). The schema is `newPasswordFields` in app/utils/password-rules.ts.
 */
export function NewPasswordFields({
  errors,
  labels,
}: {
  errors: { password?: string[]; confirm?: string[] };
  /** The labels when the password is not a "new" one (a first password on an invitation). */
  labels?: { password: string; confirm: string };
}) {
  const { t } = useTranslation("accounts");
  return (
    <>
      <TextField
        label={labels?.password ?? t("account.password")}
        hint={t("auth:invitation.passwordHint")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
      />
      <TextField label={labels?.confirm ?? t("account.confirm")} name="confirm" type="password" autoComplete="new-password" required errors={errors.confirm} />
    </>
  );
}
