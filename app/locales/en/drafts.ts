// Drafts, the leave guard and saves that did not reach the server (app/utils/drafts.ts, save-failures.ts).
export default {
  leave: {
    title: "Some of your text is not saved yet",
    text: "If you leave this page now, the text that has not been sent to the server stays only on this computer, as a draft that comes back when you open the page again.",
    stay: "Stay on this page",
    leave: "Leave the page",
  },
  restored: {
    text: "Your unsaved text from last time was put back. It is not saved yet: save it, or discard it.",
    discard: "Discard this draft",
  },
  failure: {
    offline: "Not saved yet: no connection. It will be sent when you are back online. Your text is kept on this page and on this computer.",
    unreachable:
      "Not saved yet: the server cannot be reached, though this computer is online. Your text is kept on this page and on this computer, and it will be sent as soon as the server answers.",
    server: "Not saved yet: the server could not save this. Your text is kept on this page and on this computer: try again in a moment.",
    signedOut: "Not saved yet: your session has ended. Sign in again and your text will be sent.",
    waiting_one: "{{count}} save is waiting.",
    waiting_other: "{{count}} saves are waiting.",
    retry: "Try again now",
  },
  signIn: {
    title: "Sign in again to save your text",
    intro: "Your session has ended while you were working. Nothing you typed is lost: sign in again and it will be saved.",
    email: "Email address",
    password: "Password",
    submit: "Sign in and save",
    invalid: "This email address and password do not match. Try again.",
    throttled: "Too many attempts. Wait {{seconds}} seconds and try again.",
    offline: "No connection: you can sign in again once you are back online.",
    failed: "Signing in did not work. Try again in a moment.",
  },
  offlinePage: {
    title: "No connection",
    text: "This page could not be loaded because there is no connection, or the server did not answer. Anything you typed on the page you came from is kept as a draft on this computer.",
    retry: "Try again",
  },
  signedOutPage: {
    ended: "Your session has ended. Sign in again to go on where you were.",
    signIn: "Sign in again",
  },
} as const;
