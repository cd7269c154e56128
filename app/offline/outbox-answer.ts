/** What the outbox route (app/routes/reviews.$reviewId.outbox.ts) answers for one item. Browser-safe. */
export type OutboxAnswer =
  | { status: "saved"; id: string; alreadySaved: boolean }
  /** Nothing was saved; each message is an i18n key (possibly with parameters, see validation.msg). */
  | { status: "refused"; messages: string[] }
  /** The session ended: nothing was read, the item waits for its author to sign in again. */
  | { status: "signed-out" };
