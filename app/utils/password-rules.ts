import { z } from "zod";
import { msg } from "./validation";

/*
 * Browser-safe: the rules a new password follows and their messages, shared by every form that
 * sets one (/account, /reset-password/$token, /invitations/$token) and by the server's checks in
 * password.server.ts. Messages are i18n keys (app/locales/{en,fr}/auth.ts), shown in the reader's
 * language; `npm run admin:create` prints the English ones.
 */

/** The length a new password needs, checked by the forms' schemas on both sides. */
export const PASSWORD_MIN_LENGTH = 12;

/** Why a new password is refused, as the i18n key of its message. */
export const PASSWORD_PROBLEMS = {
  passwordTooShort: "auth:invitation.passwordTooShort",
  passwordCommon: "auth:invitation.passwordCommon",
  passwordHasEmail: "auth:invitation.passwordHasEmail",
} as const;

export type PasswordProblem = keyof typeof PASSWORD_PROBLEMS;

/** The new password and its confirmation, as the forms send them. */
export const newPasswordFields = {
  password: z
    .string({ error: msg("errors.required") })
    .min(PASSWORD_MIN_LENGTH, PASSWORD_PROBLEMS.passwordTooShort)
    .max(1000, msg("errors.tooLong", { max: 1000 })),
  confirm: z.string({ error: msg("errors.required") }),
};

/** The confirmation must repeat the password: the message sits beside the confirmation. */
export function confirmedPassword<Schema extends z.ZodType<{ password: string; confirm: string }>>(schema: Schema) {
  return schema.refine((value) => value.password === value.confirm, { path: ["confirm"], message: msg("auth:invitation.mismatch") });
}
