import { PASSWORD_MIN_LENGTH, PASSWORD_PROBLEMS, type PasswordProblem } from "./password-rules";

export { PASSWORD_MIN_LENGTH, PASSWORD_PROBLEMS };

// The 49,000 most common passwords of the zxcvbn-ts project (leaked-password frequency lists),
// loaded when a password is first set: 370 KB that a start of the server need not read.
let common: Promise<Set<string>> | undefined;
function commonPasswords() {
  common ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => new Set(dictionary["passwords-common"].map((password) => password.toLowerCase())));
  return common;
}

/**
 * Why a new password is refused, as a message key, or null when it may be used: too short, one
 * of the common passwords, or containing the account's email or its name before the @.
 * Every place a password is set (invitation, admin:create, any reset) asks here.
 */
export async function passwordProblem(password: string, email: string): Promise<PasswordProblem | null> {
  if (password.length < PASSWORD_MIN_LENGTH) return "passwordTooShort";
  const lower = password.toLowerCase();
  const common = await commonPasswords();
  if (common.has(lower) || common.has(lower.replace(/[\d\W_]+$/, ""))) return "passwordCommon";
  const address = email.trim().toLowerCase();
  const local = address.split("@")[0] ?? "";
  if (lower.includes(address) || (local.length >= 3 && lower.includes(local))) return "passwordHasEmail";
  return null;
}
