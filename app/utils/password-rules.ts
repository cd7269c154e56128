/** Browser-safe: the length a new password needs, checked by the forms' schemas on both sides. */
export const PASSWORD_MIN_LENGTH = 12;
