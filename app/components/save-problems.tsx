import { useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { retryHandlerFor, signedInAgain, usePendingSaves, useSignedOut } from "#app/utils/save-failures";

const UNREACHABLE_RETRY_MS = 5000;

/**
 * What is not saved yet, and why, for every form of the app (app/utils/save-failures.ts): no
 * connection, a server that does not answer, a server fault, or an ended session. Saves are sent
 * again by themselves when the browser is back online, every few seconds while the server does
 * not answer, after signing in again, and on "Try again now".
 */
export function SaveProblems() {
  const { t } = useTranslation("drafts");
  const saves = usePendingSaves();
  const signedOut = useSignedOut();
  const submit = useSubmit();
  const navigation = useNavigation();
  // Page forms are sent again one at a time, as the same submission (a navigation cancels another).
  const [wanted, setWanted] = useState(0);
  const sent = useRef<{ round: number; ids: Set<string> }>({ round: 0, ids: new Set() });

  const retry = useCallback(() => {
    for (const save of saves) retryHandlerFor(save.id)?.();
    setWanted((round) => round + 1);
  }, [saves]);

  useEffect(() => {
    if (!wanted || signedOut || navigation.state !== "idle") return;
    if (sent.current.round !== wanted) sent.current = { round: wanted, ids: new Set() };
    const next = saves.find((save) => !retryHandlerFor(save.id) && !sent.current.ids.has(save.id));
    if (!next) return;
    sent.current.ids.add(next.id);
    submit(next.formData, { method: next.method, action: next.action, encType: next.encType, preventScrollReset: true, replace: true });
  }, [wanted, saves, signedOut, navigation.state, submit]);

  const retryRef = useRef(retry);
  retryRef.current = retry;
  useEffect(() => {
    const online = () => retryRef.current();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, []);

  // A server that does not answer while the network works fires no event when it is back: ask again now and then.
  const unreachable = saves.some((save) => save.kind === "unreachable");
  useEffect(() => {
    if (!unreachable || signedOut) return;
    const timer = window.setInterval(() => {
      if (navigator.onLine) retryRef.current();
    }, UNREACHABLE_RETRY_MS);
    return () => window.clearInterval(timer);
  }, [unreachable, signedOut]);

  if (signedOut) return <SignInAgain onSignedIn={retry} />;
  if (!saves.length) return null;
  const kind = (["offline", "unreachable"] as const).find((reason) => saves.some((save) => save.kind === reason)) ?? "server";
  return (
    <div className="save-problems" role="alert">
      <p>
        {t(`failure.${kind}`)} {saves.length > 1 ? t("failure.waiting", { count: saves.length }) : null}
      </p>
      <button type="button" className="secondary" onClick={retry}>
        {t("failure.retry")}
      </button>
    </div>
  );
}

/**
 * Signing in again without leaving the page: the form posts to /login as the sign-in page does,
 * without following its redirect, so nothing on this page is lost; the saves that met the ended
 * session are then sent again.
 */
function SignInAgain({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation("drafts");
  const location = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("redirectTo", location.pathname + location.search);
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch("/login", {
        method: "POST",
        body: new URLSearchParams(form as unknown as Record<string, string>),
        redirect: "manual",
        credentials: "same-origin",
      });
      // The sign-in page answers success with a redirect (and the new session cookie).
      if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
        // The page's data has not changed: only the waiting saves need sending.
        signedInAgain();
        onSignedIn();
        return;
      }
      if (response.status === 429) setProblem(t("signIn.throttled", { seconds: response.headers.get("Retry-After") ?? "60" }));
      else if (response.status === 400) setProblem(t("signIn.invalid"));
      else setProblem(t("signIn.failed"));
    } catch {
      setProblem(t("signIn.offline"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in-again" role="dialog" aria-modal="false" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("signIn.title")}</h2>
      <p>{t("signIn.intro")}</p>
      <form method="post" action="/login" onSubmit={(event) => void signIn(event)}>
        {problem ? (
          <p className="form-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-email`}>{t("signIn.email")}</label>
          <input ref={first} id={`${id}-email`} name="email" type="email" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t("signIn.password")}</label>
          <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" disabled={busy}>
          {t("signIn.submit")}
        </button>
      </form>
    </div>
  );
}
